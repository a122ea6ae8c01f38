// The layout the histogram and distribution dashboards share: one card per
// (tag, run) of a kind, grouped in collapsible sections by the tag's prefix
// before the first '/', behind the common tag filter; cards off-screen are
// skipped. Each card gets a frame (title: tag and run with its colour, and a
// menu button) and draws its plot in the rest.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "imgui.h"
#include "ui/ui_context.h"

namespace el::ui {

struct TagRunCard {
  const std::string* tag = nullptr;
  const std::string* run = nullptr;
  const store::Series* series = nullptr;
  std::uint32_t sample = 0, samples = 1;  // images and audio: one card per sample index
  const std::string* title = nullptr;     // shown instead of the tag (a mesh's name); null: the tag
  const std::string& name() const { return title ? *title : *tag; }
};

// Which series of a kind get cards (a mesh's vertices do, its faces do not):
// false for none; may set the number of samples and the card's title.
using CardChooser =
    std::function<bool(const store::Series& s, std::uint32_t& samples, const std::string*& title)>;

// The tag filter box at the top of a dashboard (it edits settings.tag_filter,
// shared by every dashboard).
class TagFilterBar {
 public:
  void draw(const UiContext& ctx);
  const RegexFilter& filter() const { return filter_; }

 private:
  std::string buf_;
  bool synced_ = false;
  RegexFilter filter_;
};

// (group, cards) of `kind` for the shown runs whose tag passes `filter`:
// tags without '/' first ("" group), then by prefix; runs in name order;
// with `per_sample`, a card per sample index up to the most any record holds.
std::vector<std::pair<std::string, std::vector<TagRunCard>>> tag_run_groups(const UiContext& ctx,
                                                                            events::Kind kind,
                                                                            const RegexFilter& filter,
                                                                            bool per_sample = false,
                                                                            const CardChooser& choose = {});

// A dashboard of (tag, run) cards of `kind`: the tag filter, then the groups
// as a grid of cards at least `min_width` wide; `draw(card, min, max)` runs
// for each visible card (inside a card frame whose content area is [min,
// max]), `menu(card, min, max)` fills the card's "..." popup. Returns the
// number of cards.
std::size_t draw_tag_run_dashboard(const UiContext& ctx, TagFilterBar& filter, events::Kind kind,
                                   float min_width, float aspect,
                                   const std::function<void(const TagRunCard&, ImVec2, ImVec2)>& draw,
                                   const std::function<void(const TagRunCard&, ImVec2, ImVec2)>& menu,
                                   bool per_sample = false, const CardChooser& choose = {});

// Record i's position on a time axis (step, seconds since the first record, or wall time).
double record_time(const aggregate::HistogramSeries& h, std::size_t i, XAxis axis);

// A file name made of the safe characters of `s`.
std::string file_safe(const std::string& s);

}  // namespace el::ui
