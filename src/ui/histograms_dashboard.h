// The histograms dashboard: one card per (tag, run). Offset mode draws a
// ridgeline of the recorded steps (oldest at the back and faded, newest in
// front and most saturated); overlay mode draws every step on one count axis.
// x is the value, re-binned to the bins setting over the series' common range
// (TensorBoard's rule, src/aggregate/histogram_series). Hovering highlights the
// nearest step's histogram and names its step, the bin's range and its count;
// a brush under the plot limits which steps are drawn; the value axis zooms
// and pans like scalar charts.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aggregate/histogram_series.h"
#include "ui/dashboard.h"
#include "ui/plot_frame.h"
#include "ui/tag_run_cards.h"
#include "ui/ui_context.h"

namespace el::ui {

class HistogramsDashboard final : public Dashboard {
 public:
  const DashboardInfo& info() const override;
  void draw_sidebar(const UiContext& ctx) override;
  void draw(const UiContext& ctx) override;
  std::vector<std::string_view> link_keys() const override;
  int charts_drawn() const override { return charts_drawn_; }

 private:
  struct Card {
    PlotNavigator nav;
    // Brushed steps (inclusive), or all when !brushed.
    bool brushed = false;
    std::int64_t brush_lo = 0, brush_hi = 0;
    bool brushing = false;
    std::int64_t brush_from = 0;
  };
  void draw_plot(const UiContext& ctx, const TagRunCard& card, ImVec2 min, ImVec2 max);
  void draw_brush(const aggregate::HistogramSeries& h, Card& c, ImVec2 min, ImVec2 max);
  std::string card_csv(const UiContext& ctx, const TagRunCard& card) const;

  std::map<std::pair<std::string, std::string>, Card> cards_;  // by (tag, run)
  TagFilterBar filter_;
  int charts_drawn_ = 0;
  std::vector<std::size_t> rows_;  // scratch: records drawn
  std::vector<ImVec2> points_;     // scratch: one outline
};

}  // namespace el::ui
