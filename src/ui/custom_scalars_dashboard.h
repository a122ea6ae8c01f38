// The custom scalars dashboard: the runs' custom_scalars layouts merged
// (aggregate/custom_layout.h) as collapsible categories, each `closed` one
// collapsed at first. A multiline chart overlays every scalar tag matching
// its patterns for every shown run; a margin chart draws each value series
// with a band from its lower to its upper series. Charts zoom, pan, hover
// and download like scalar cards.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "aggregate/custom_layout.h"
#include "ui/dashboard.h"
#include "ui/line_chart.h"
#include "ui/scalar_lines.h"
#include "ui/ui_context.h"

namespace el::ui {

class CustomScalarsDashboard final : public Dashboard {
 public:
  const DashboardInfo& info() const override;
  void draw_sidebar(const UiContext& ctx) override;
  void draw(const UiContext& ctx) override;
  std::vector<std::string_view> link_keys() const override;
  int charts_drawn() const override { return charts_drawn_; }

 private:
  struct Card {
    LineChart chart;
    ScalarLines lines;  // drawn last frame (the chart keeps pointers into them)
  };
  void draw_card(const UiContext& ctx, const std::string& id, const aggregate::LayoutChart& chart, Card& card,
                 ImVec2 size);
  std::string card_csv(const Card& card) const;

  aggregate::CustomLayout layout_;
  std::vector<std::string> scalar_tags_;  // every scalar tag of the shown runs, sorted
  std::uint64_t built_version_ = ~0ull, built_generation_ = ~0ull;
  double built_at_ = -1;
  std::map<std::string, Card> cards_;  // by "category/index"
  int charts_drawn_ = 0;
};

}  // namespace el::ui
