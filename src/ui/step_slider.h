// Picking one recorded step of a series, as image and audio cards do (and
// what those cards share: keyboard focus, state() entries, prefetching): a
// slider over every shown record (not a sample of them), the arrow keys
// (Left/Right one step, Home/End first and last) while the card is under the
// mouse or was clicked last, and the step and wall time in words. A card
// that is at the newest step follows new records as they arrive.
#pragma once
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "imgui.h"
#include "store/store.h"
#include "ui/step_position.h"
#include "ui/tag_run_cards.h"
#include "ui/ui_context.h"

namespace el::ui {

// The records a card steps through: the restart rule applied unless
// `all_points`, cached per series version.
class ShownRecords {
 public:
  // Forgets everything when the store was cleared (series may reuse addresses).
  void sync(const store::Store& store) {
    if (store.generation() != generation_) cache_.clear();
    generation_ = store.generation();
  }
  const std::vector<std::uint32_t>& get(const store::Series& s, bool all_points);

 private:
  struct Entry {
    std::uint64_t version = ~0ull;
    bool all_points = false;
    std::vector<std::uint32_t> records;
  };
  std::unordered_map<const store::Series*, Entry> cache_;
  std::uint64_t generation_ = ~0ull;
};

class StepSlider {
 public:
  // Draws the slider (and the step line under it) `width` wide and returns
  // the position in `records` to show. `keys` says whether the arrow keys
  // act on this card now. Cards share `linked_step` (settings.step, in the
  // link): moving one slider moves every card to its last record at or
  // before that step; -1 is the newest.
  std::size_t draw(const store::Series& s, const std::vector<std::uint32_t>& records, float width, bool keys,
                   std::int64_t& linked_step);
  std::size_t position(std::size_t count) const { return at_.position(count); }
  // The card's own step, when steps are not linked across cards (-1: the newest).
  std::int64_t& own_step() { return own_step_; }

 private:
  StepPosition at_;
  std::int64_t own_step_ = -1;
};

// Which card the arrow keys act on: the one under the mouse, else the one
// clicked last. One per dashboard; begin_frame/end_frame bracket its cards.
class ArrowKeyTarget {
 public:
  void begin_frame() { hovered_any_ = false; }
  void end_frame() { hovered_last_ = hovered_any_; }
  bool wants_keys(const std::string& card_id, ImVec2 min, ImVec2 max);

 private:
  std::string clicked_;
  bool hovered_any_ = false, hovered_last_ = false;
};

// What a stepping card's footer (the slider and the step line, at the bottom
// of the card) decided: the records it steps through, the one to show,
// whether the arrow keys act on the card, and where the footer starts.
struct SteppedRecord {
  const std::vector<std::uint32_t>* records = nullptr;
  std::size_t pos = 0;
  std::uint32_t record = 0;  // (*records)[pos]
  bool keys = false;
  float footer_top = 0;  // screen y: the card's content ends here
  bool empty() const { return !records || records->empty(); }
};
inline constexpr float kCardPad = 8;
SteppedRecord draw_step_footer(const UiContext& ctx, const TagRunCard& card, StepSlider& slider,
                               ShownRecords& shown, ArrowKeyTarget& keys, ImVec2 min, ImVec2 max);

// A card's identity for ArrowKeyTarget: tag, run and sample.
std::string card_id(const TagRunCard& card);
// The part of a media card's state() entry every kind shares.
MediaCardInfo media_card_info(const char* kind, const TagRunCard& card,
                              const std::vector<std::uint32_t>& records, std::size_t pos);
// Reads the steps next to `pos` ahead: the arrow keys usually go there.
void prefetch_neighbours(MediaProvider& media, const TagRunCard& card,
                         const std::vector<std::uint32_t>& records, std::size_t pos);

// "step 1,234 · 2026-11-22 11:22:33" for record i.
std::string step_and_time(const store::Series& s, std::uint32_t record);

}  // namespace el::ui
