#include "app/frame_pacer.h"

#include <algorithm>

namespace el::app {

bool FramePacer::should_draw(const FrameInputs& in) {
  if (in.had_input) last_input_ = in.now;
  // What the last drawn frame really cost, including waiting for the GPU (the
  // time until the browser called us again). While loading, more data is
  // drawn at most every 8 frame costs (0.1 s to 2 s), a first chart every 2:
  // with a fast GPU that is ten pictures a second; with a software GPU it
  // leaves the main thread to ingesting.
  if (drew_last_) draw_wall_ = in.now - last_draw_;
  drew_last_ = false;
  const double since_draw = in.now - last_draw_;
  // (a picture costing more than half a second is still only a fifth of the time)
  const double loading_interval = std::clamp(draw_wall_ * 8.0, 0.1, std::max(2.0, draw_wall_ * 4.0));
  const double background_interval = std::clamp(6.0 * (draw_wall_ - 1.0 / 60), 1.0 / 30, 0.5);
  // Wait up to a quarter second for a load's first bytes, so its first
  // picture shows data.
  const bool data_frame_due = in.data_changed && !in.awaiting_first_bytes;
  const bool draw = drawn_ < 10 ||
                    in.forced ||  // the first frames: fonts, layout and the first picture settle
                    // A first chart appears as soon as its data does (every 2 frame costs at most).
                    (!in.chart_shown && data_frame_due && since_draw >= std::max(0.1, 2.0 * draw_wall_)) ||
                    // ImGui lays some things out a frame late: settle after a change (not while loading:
                    // the next data frame comes soon anyway).
                    (settle_frames_ > 0 && !in.loading) ||
                    in.now - last_input_ < 0.5 ||  // input, and half a second after for hover effects
                    in.view_changed || in.media_wants_frame ||
                    // clocks and progress stay current (while loading, no more than a fifth of the time)
                    since_draw >= (in.loading ? std::max(2.0, draw_wall_ * 4.0) : 1.0) ||
                    (data_frame_due && since_draw >= (in.loading ? loading_interval : 0.0)) ||
                    // Work between frames (a layout improving) is shown every 1/30 s, or every 6
                    // picture costs beyond a display refresh when pictures are slow (at most 0.5 s),
                    // so the main thread stays mostly with the work (a software GPU: 2 a second).
                    (in.background_progress && since_draw >= background_interval) ||
                    // A long parse's progress bar: as often as loading's data (every 8 picture costs).
                    (in.long_work && since_draw >= loading_interval);
  if (!draw) return false;
  if (in.forced || in.data_changed || in.had_input)
    settle_frames_ = 2;
  else if (settle_frames_ > 0)
    --settle_frames_;
  drew_last_ = true;
  last_draw_ = in.now;
  ++drawn_;
  return true;
}

double FramePacer::double_click_seconds() const { return std::clamp(0.30 + 2.0 * draw_wall_, 0.30, 1.0); }

}  // namespace el::app
