// The distributions dashboard: one card per (tag, run) of histogram data,
// showing how the distribution moves over time as eight shaded bands between
// TensorBoard's nine percentiles (min, 6.7%, 15.9%, 30.9%, median, 69.1%,
// 84.1%, 93.3%, max; darker toward the median) and the median line. x is
// the step, relative or wall time; hovering shows every percentile at the
// nearest step; zoom and pan as on scalar cards; the card menu downloads the
// percentiles as CSV or JSON.
#pragma once
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

class DistributionsDashboard final : public Dashboard {
 public:
  const DashboardInfo& info() const override;
  void draw_sidebar(const UiContext& ctx) override;
  void draw(const UiContext& ctx) override;
  std::vector<std::string_view> link_keys() const override;
  int charts_drawn() const override { return charts_drawn_; }

 private:
  void draw_plot(const UiContext& ctx, const TagRunCard& card, ImVec2 min, ImVec2 max);
  std::string card_csv(const UiContext& ctx, const TagRunCard& card) const;
  std::string card_json(const UiContext& ctx, const TagRunCard& card) const;

  std::map<std::pair<std::string, std::string>, PlotNavigator> navigators_;  // by (tag, run)
  TagFilterBar filter_;
  int charts_drawn_ = 0;
  std::vector<std::size_t> drawn_;  // scratch: records drawn
  std::vector<ImVec2> line_;        // scratch: the median
};

}  // namespace el::ui
