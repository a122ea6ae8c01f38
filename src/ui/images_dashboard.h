// The images dashboard: one card per (tag, run, sample). Each card steps
// through every recorded step (ui/step_slider), asks the media provider for
// that step's image only while it is on screen, and shows a placeholder
// while it is read and decoded, or a broken-image tile with the reason.
// Inside a card the wheel zooms about the cursor (nearest-neighbour pixels
// when magnified), dragging pans, double-click fits again; hovering names
// the pixel under the mouse and its RGBA. The card menu downloads the image
// exactly as stored in the event file.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <tuple>

#include "ui/plot_frame.h"
#include "ui/step_cards_dashboard.h"
#include "ui/step_slider.h"
#include "ui/tag_run_cards.h"
#include "ui/ui_context.h"

namespace el::ui {

class ImagesDashboard final : public StepCardsDashboard {
 public:
  const DashboardInfo& info() const override;
  void draw_sidebar(const UiContext& ctx) override;
  std::vector<std::string_view> link_keys() const override;

 private:
  struct Card {
    StepSlider slider;
    float zoom = 1.0f;            // on top of fit (or actual size)
    ImVec2 center{-1.0f, -1.0f};  // image coordinate at the view's centre; < 0: the image's middle
    WheelGate wheel;              // the wheel zooms only with Ctrl or after a click into the image
  };
  using Key = std::tuple<std::string, std::string, std::uint32_t>;  // tag, run, sample
  CardLayout card_layout() const override;
  void draw_card(const UiContext& ctx, const TagRunCard& card, ImVec2 min, ImVec2 max) override;
  void draw_image(const UiContext& ctx, Card& c, const ImageView& v, ImVec2 min, ImVec2 max);
  void card_menu(const UiContext& ctx, const TagRunCard& card, ImVec2 min, ImVec2 max) override;

  std::map<Key, Card> cards_;
};

// A tile in place of an image or clip that cannot be shown: a crossed frame
// and the reason, wrapped.
void draw_broken_tile(ImVec2 min, ImVec2 max, const std::string& reason);
// A placeholder while media is read and decoded.
void draw_loading_tile(ImVec2 min, ImVec2 max, const char* what);

}  // namespace el::ui
