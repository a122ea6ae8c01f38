// The audio dashboard: one card per (tag, run, sample) with a step slider
// over every recorded step, a play/pause button, the clip's waveform (a
// min/max band per pixel column, with the playing position; clicking it
// plays from there) and the clip's label.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "ui/step_cards_dashboard.h"
#include "ui/step_slider.h"
#include "ui/tag_run_cards.h"
#include "ui/ui_context.h"

namespace el::ui {

class AudioDashboard final : public StepCardsDashboard {
 public:
  const DashboardInfo& info() const override;
  void draw_sidebar(const UiContext& ctx) override;
  std::vector<std::string_view> link_keys() const override;

 private:
  struct Card {
    StepSlider slider;
    const events::DecodedAudio* wave_of = nullptr;  // the clip the preview below was made from
    std::vector<float> lows, highs;
  };
  using Key = std::tuple<std::string, std::string, std::uint32_t>;  // tag, run, sample
  CardLayout card_layout() const override;
  void draw_card(const UiContext& ctx, const TagRunCard& card, ImVec2 min, ImVec2 max) override;
  void card_menu(const UiContext& ctx, const TagRunCard& card, ImVec2 min, ImVec2 max) override;

  std::map<Key, Card> cards_;
};

}  // namespace el::ui
