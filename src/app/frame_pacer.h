// When to draw a frame. The page is asked for a frame by the browser ~60
// times a second, but drawing is costly (with a software GPU a picture blocks
// the main thread for up to a third of a second) and an idle page should cost
// nothing. Plain C++ with no clock of its own, so every rule is unit-tested
// (tests/app/frame_pacer_test.cpp).
#pragma once
#include <cstdint>

namespace el::app {

// What happened since the last frame the browser asked for.
struct FrameInputs {
  double now = 0;                     // seconds, monotonic
  bool had_input = false;             // a key, click, wheel or mouse move
  bool forced = false;                // something asked for a frame (a request, a dashboard's pending work)
  bool data_changed = false;          // the store changed since the last drawn frame
  bool chart_shown = false;           // the last drawn frame showed a chart with data
  bool loading = false;               // files are being read
  bool awaiting_first_bytes = false;  // files were announced, no byte has arrived yet (< 250 ms)
  bool view_changed = false;          // window size or pixel ratio changed
  bool media_wants_frame = false;     // an image or clip became ready to show
  bool background_progress = false;   // work between frames changed what a dashboard shows (a layout)
  bool long_work = false;             // a file is parsed between frames (a profile): only its progress shows
};

class FramePacer {
 public:
  // Whether to draw now. If so, the frame counts as drawn at `in.now`.
  bool should_draw(const FrameInputs& in);
  // Frames drawn so far.
  std::uint64_t frames_drawn() const { return drawn_; }
  // The double-click window for ImGui. ImGui times clicks by frames, and the
  // two presses of a double click land at least two frames apart (press,
  // release, press); with 150 ms frames (a software GPU, a busy machine) a
  // quick double click would fall outside a fixed 0.3 s. The window is 0.3 s
  // plus two frame costs (at most 1 s).
  double double_click_seconds() const;

 private:
  std::uint64_t drawn_ = 0;
  double last_input_ = -1, last_draw_ = -1;
  double draw_wall_ = 0;  // wall time a drawn frame took, GPU waits included
  bool drew_last_ = false;
  int settle_frames_ = 0;
};

}  // namespace el::app
