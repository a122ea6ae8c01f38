// The skeleton the images, audio, text and PR-curve dashboards share: one
// card per (tag, run) — per sample too for images and audio — behind the
// common tag filter, each stepping through every recorded step (the step is
// linked across cards and kept in the link), the arrow keys acting on the
// card under the mouse. A subclass says how its cards are laid out and draws
// one card and its menu.
#pragma once
#include "ui/dashboard.h"
#include "ui/step_slider.h"
#include "ui/tag_run_cards.h"

namespace el::ui {

class StepCardsDashboard : public Dashboard {
 public:
  void draw(const UiContext& ctx) final;
  int charts_drawn() const final { return charts_drawn_; }

 protected:
  struct CardLayout {
    float min_width = 300;     // cards are at least this wide
    float aspect = 1.0f;       // height / width
    bool per_sample = false;   // a card per sample index (images and audio hold several per step)
    bool needs_media = false;  // its records are read lazily through ctx.media
  };
  virtual CardLayout card_layout() const = 0;
  // Called before the cards of a frame are laid out.
  virtual void begin_cards(const UiContext& ctx) {}
  // Which series get cards (default: every series of the kind); see CardChooser.
  virtual bool choose_card(const store::Series& s, std::uint32_t& samples, const std::string*& title) {
    return true;
  }
  // One visible card, in its content area [min, max].
  virtual void draw_card(const UiContext& ctx, const TagRunCard& card, ImVec2 min, ImVec2 max) = 0;
  // The card's "..." popup.
  virtual void card_menu(const UiContext& ctx, const TagRunCard& card, ImVec2 min, ImVec2 max) = 0;

  ShownRecords records_;
  TagFilterBar filter_;
  ArrowKeyTarget keys_;
  int charts_drawn_ = 0;  // subclasses count the cards they drew with data
};

}  // namespace el::ui
