// The PR curves dashboard: one card per (tag, run) with a step slider over
// every recorded step; the curve of the chosen step is read from the event
// file (through the media provider) and drawn as precision over recall.
// Hovering finds the nearest threshold and shows its precision, recall and
// TP / FP / TN / FN counts; the wheel zooms and dragging pans like other
// charts. The card menu downloads the step's curve as CSV.
#pragma once
#include <map>
#include <string>
#include <utility>

#include "ui/plot_frame.h"
#include "ui/step_cards_dashboard.h"
#include "ui/step_slider.h"
#include "ui/tag_run_cards.h"
#include "ui/ui_context.h"

namespace el::ui {

class PrCurvesDashboard final : public StepCardsDashboard {
 public:
  const DashboardInfo& info() const override;
  void draw_sidebar(const UiContext& ctx) override;
  std::vector<std::string_view> link_keys() const override;

 private:
  struct Card {
    StepSlider slider;
    PlotNavigator nav;
  };
  CardLayout card_layout() const override;
  void draw_card(const UiContext& ctx, const TagRunCard& card, ImVec2 min, ImVec2 max) override;
  void card_menu(const UiContext& ctx, const TagRunCard& card, ImVec2 min, ImVec2 max) override;

  std::map<std::pair<std::string, std::string>, Card> cards_;  // by (tag, run)
};

}  // namespace el::ui
