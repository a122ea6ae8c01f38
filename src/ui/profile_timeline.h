// The Profile dashboard's trace timeline, in the spirit of Perfetto and Tracy:
// a track per thread or stream under its process, nested slices one row per
// depth, instants as ticks, counters as small charts, flows as arrows; a
// time ruler. Wheel or W/S zooms about the cursor, dragging or A/D pans,
// double-click fits; dragging on the ruler selects a range and lists the time
// per name inside it; clicking a slice opens its details (args, flows); a
// regex search steps through matching slices. Sub-pixel slices, ticks and
// counter samples are merged per pixel column (profile::Timeline,
// profile::TraceMarks), so a million events draw as fast as a thousand.
#pragma once
#include <cstdint>
#include <regex>
#include <string>
#include <vector>

#include "profile/op_table.h"
#include "ui/profile_provider.h"
#include "ui/ui_context.h"

namespace el::store {
class JsonWriter;
}

namespace el::ui {

class ProfileTimeline {
 public:
  void draw(const UiContext& ctx, const LoadedProfile& p);
  // Searches for slices named exactly `name` and shows the first (the operator table's click).
  void find_name(const UiContext& ctx, const std::string& name);
  void write_state(store::JsonWriter& j) const;

 private:
  void fit(const LoadedProfile& p);
  void toolbar(const UiContext& ctx, const LoadedProfile& p);
  void update_search(const UiContext& ctx, const LoadedProfile& p);
  void go_to_match(const LoadedProfile& p, int step);  // +1 next, -1 previous
  void show_slice(const LoadedProfile& p, std::int64_t slice);
  void draw_tracks(const UiContext& ctx, const LoadedProfile& p, float height);
  void draw_details(const UiContext& ctx, const LoadedProfile& p, float height);
  void draw_range_totals(const UiContext& ctx, const LoadedProfile& p);

  std::uint64_t generation_ = 0;  // of the profile the view was fitted to
  double t0_ = 0, t1_ = 1;        // the view, in ps after the trace's base
  float plot_w_ = 1000;           // the plot's width in the last frame, px
  bool dragging_ = false;         // a press began on the tracks: moving pans, a still release selects
  float press_x_ = 0, press_y_ = 0;
  bool selecting_ = false;  // a press began on the ruler: moving selects a range
  double select_anchor_ = 0;
  std::int64_t selected_ = -1;                // the slice whose details show (-1: none)
  std::int64_t scroll_to_ = -1;               // a slice to scroll the tracks to, next frame
  bool all_flows_ = false;                    // draw every flow in view (else the selected slice's)
  std::vector<std::uint32_t> track_order_;    // tracks by process, then thread id
  std::vector<std::uint32_t> counters_only_;  // processes with counters and no track to show
  std::vector<std::pair<double, double>>
      counter_range_;  // per counter series: its lowest and highest value (and 0)

  // The search: its pattern, the slices it finds (by start), the one shown.
  std::string searched_;
  bool search_stale_ = true;  // a new profile, or a search set from outside: recompute
  bool search_valid_ = true;
  std::vector<std::int8_t> name_hit_;  // per interned name: matches (1), not (0)
  std::vector<std::uint32_t> matches_;
  int current_ = -1;
  bool pending_first_ = false;  // show the first match once the search is computed

  // The range's totals, for the range they were computed for.
  double totals_for_[2] = {0, 0};       // the range setting they are for
  std::int64_t totals_ps_[2] = {0, 0};  // the same, in the trace's ps
  std::uint64_t totals_generation_ = 0;
  std::vector<profile::RangeTotal> totals_;

  std::vector<profile::Timeline::Box> boxes_;
  // What the last frame drew (state()).
  struct Drawn {
    std::string hovered;
    std::uint64_t rows = 0, boxes = 0, merged_boxes = 0;
    std::uint64_t slices = 0;          // in the boxes drawn (rows scrolled into view)
    std::uint64_t slices_in_span = 0;  // overlapping the view's times, on every row
    std::uint64_t ticks = 0, counter_tracks = 0, flows = 0;
    double view[2] = {0, 0};
    float rect[4] = {0, 0, 0, 0};   // the timeline's plot (x, y, w, h)
    float ruler[4] = {0, 0, 0, 0};  // the ruler (drag on it to select a range)
    float search[2] = {0, 0};       // the search box's centre
    float next[2] = {0, 0};         // the Next button's centre
  } drawn_;
  const LoadedProfile* shown_ = nullptr;  // for write_state
};

}  // namespace el::ui
