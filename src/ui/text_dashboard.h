// The text dashboard: one card per (tag, run) with a step slider over every
// recorded step. A rank-0 string is Markdown, drawn by ui/markdown_view
// (never as HTML); rank 1 and 2 tensors are tables; higher ranks show a 2-D
// slice with a note. "Raw text" (sidebar) shows the strings as stored, in a
// read-only box where text can be selected and copied; the card menu copies
// or downloads the text.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "ui/markdown.h"
#include "ui/step_cards_dashboard.h"
#include "ui/step_slider.h"
#include "ui/tag_run_cards.h"
#include "ui/ui_context.h"

namespace el::ui {

class TextDashboard final : public StepCardsDashboard {
 public:
  const DashboardInfo& info() const override;
  void draw_sidebar(const UiContext& ctx) override;
  std::vector<std::string_view> link_keys() const override;

 private:
  struct Card {
    StepSlider slider;
    const store::Series* parsed_series = nullptr;  // what `blocks` and `raw` were made from
    std::uint32_t parsed_record = ~0u;
    std::uint64_t parsed_generation = ~0ull;
    std::vector<std::vector<md::Block>> cells;  // each string, parsed
    std::string raw;
  };
  CardLayout card_layout() const override;
  void draw_card(const UiContext& ctx, const TagRunCard& card, ImVec2 min, ImVec2 max) override;
  void card_menu(const UiContext& ctx, const TagRunCard& card, ImVec2 min, ImVec2 max) override;

  std::map<std::pair<std::string, std::string>, Card> cards_;  // by (tag, run)
};

}  // namespace el::ui
