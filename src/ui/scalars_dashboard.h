// The scalars dashboard: one card per tag with every shown run overlaid,
// grouped in collapsible sections by the tag's prefix before the first '/',
// with a regex tag filter. Cards outside the visible area are skipped, so a
// dashboard with thousands of tags costs only what is on screen.
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ui/dashboard.h"
#include "ui/line_chart.h"
#include "ui/scalar_lines.h"
#include "ui/ui_context.h"

namespace el::ui {

class ScalarsDashboard final : public Dashboard {
 public:
  const DashboardInfo& info() const override;
  void draw_sidebar(const UiContext& ctx) override;
  void draw(const UiContext& ctx) override;
  std::vector<std::string_view> link_keys() const override;
  // scalarCards: the cards drawn last frame with the labels of their lines.
  void write_state(store::JsonWriter& j, const store::Store& store) const override;
  // Cards drawn with data in the last frame (benchmarks: "first chart drawn").
  int charts_drawn() const override { return charts_drawn_; }
  // A card drawn in the last frame, for state() and tests: its tag, the
  // labels of its lines, and what its chart showed.
  struct DrawnCard {
    std::string tag;
    std::vector<std::string> lines;
    const LineChart* chart = nullptr;
    bool pinned = false;
    // Copied when drawn (state() may come after the data they describe is gone):
    struct LineFacts {
      std::uint64_t points = 0;
      bool has_x = false;  // XAxis::kTag: the first and last x
      double x_first = 0, x_last = 0;
    };
    std::vector<LineFacts> line_facts;  // per line
    struct GroupFacts {
      std::size_t line = 0;
      std::uint64_t points = 0, members = 0, last_n = 0;
      bool interpolated = false, band = false;
    };
    std::vector<GroupFacts> group_facts;
    bool x_sorted = false;
    std::uint64_t x_missing = 0;
  };
  const std::vector<DrawnCard>& drawn_cards() const { return drawn_cards_; }
  // Scalar tags of the shown runs, grouped: (group, tags) in name order.
  static std::vector<std::pair<std::string, std::vector<std::string>>> groups(const UiContext& ctx);

 private:
  struct Card {
    LineChart chart;
    bool full_width = false;
    ScalarLines lines;  // drawn last frame (the chart keeps pointers into them)
  };
  void draw_card(const UiContext& ctx, const std::string& tag, Card& card, ImVec2 size);
  void card_menu(const UiContext& ctx, const std::string& tag, Card& card, ImVec2 card_min, ImVec2 card_max);
  std::string card_csv(const UiContext& ctx, const std::string& tag) const;
  std::string card_json(const UiContext& ctx, const std::string& tag) const;

  std::map<std::string, Card> cards_;
  std::string tag_filter_buf_;
  bool tag_filter_synced_ = false;
  RegexFilter tag_filter_;
  char overlay_filter_buf_[128] = "";
  RegexFilter overlay_filter_;
  int charts_drawn_ = 0;
  std::vector<DrawnCard> drawn_cards_;
};

}  // namespace el::ui
