// The Profile dashboard: a PyTorch or TensorFlow profile as a trace timeline,
// in the spirit of Perfetto and Tracy. One labelled track per process and
// thread or stream, nested slices one row per depth, a time ruler; zoom with
// the wheel (or W/S), pan by dragging (or A/D), double-click to fit; hover a
// slice for its name, duration and args. Sub-pixel slices are merged by
// profile::Timeline, so a frame draws about one box per pixel per row.
// Reading and indexing belong to the app (ProfileProvider); this file draws.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "profile/timeline.h"
#include "ui/dashboard.h"
#include "ui/profile_provider.h"

namespace el::ui {

class ProfileDashboard final : public Dashboard {
 public:
  const DashboardInfo& info() const override;
  bool has_data(const UiContext& ctx) const override;
  void draw_sidebar(const UiContext& ctx) override;
  void draw(const UiContext& ctx) override;
  int charts_drawn() const override { return drawn_.rows > 0; }
  void write_state(store::JsonWriter& j, const store::Store& store) const override;
  std::vector<std::string_view> link_keys() const override { return {}; }

 private:
  void draw_timeline(const LoadedProfile& p);

  std::string chosen_;            // the profile file picked (empty: the first)
  std::uint64_t generation_ = 0;  // of the profile the view was fitted to
  double t0_ = 0, t1_ = 1;        // the view, in ps after the trace's base
  bool dragging_ = false;         // a press began on the timeline: moving pans
  std::vector<profile::Timeline::Box> boxes_;
  // What the last frame drew (state()).
  struct Drawn {
    std::string path, state, error, hovered;
    std::uint64_t rows = 0, boxes = 0, merged_boxes = 0;
    std::uint64_t slices = 0;          // in the boxes drawn (rows scrolled into view)
    std::uint64_t slices_in_span = 0;  // overlapping the view's times, on every row
    double view[2] = {0, 0};
    float rect[4] = {0, 0, 0, 0};  // the timeline's plot (x, y, w, h)
  } drawn_;
};

}  // namespace el::ui
