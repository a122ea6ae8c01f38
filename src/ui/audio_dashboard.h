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

#include "ui/step_slider.h"
#include "ui/tag_run_cards.h"
#include "ui/ui_context.h"

namespace el::ui {

class AudioDashboard {
 public:
  void draw(const UiContext& ctx);
  int charts_drawn() const { return charts_drawn_; }

 private:
  struct Card {
    StepSlider slider;
    const events::DecodedAudio* wave_of = nullptr;  // the clip the preview below was made from
    std::vector<float> lows, highs;
  };
  using Key = std::tuple<std::string, std::string, std::uint32_t>;  // tag, run, sample
  void draw_card(const UiContext& ctx, const TagRunCard& card, ImVec2 min, ImVec2 max);

  std::map<Key, Card> cards_;
  ShownRecords records_;
  TagFilterBar filter_;
  ArrowKeyTarget keys_;
  int charts_drawn_ = 0;
};

}  // namespace el::ui
