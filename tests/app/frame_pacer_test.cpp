// The frame pacer's rules (app/frame_pacer.h), each with the clock stepped by hand.
#include "app/frame_pacer.h"

#include <gtest/gtest.h>

namespace el::app {
namespace {

constexpr double kTick = 1.0 / 64;  // the browser's frame callbacks (exact in binary, unlike 1/60)

// Calls the pacer every tick from `t` for `seconds` with `in` (its time set
// per call); a drawn picture takes `picture` seconds before the next call.
// Returns the times it drew; `t` ends after the last call.
std::vector<double> run(FramePacer& p, FrameInputs in, double& t, double seconds, double picture = kTick) {
  std::vector<double> drawn;
  const double end = t + seconds;
  while (t < end) {
    in.now = t;
    if (p.should_draw(in)) {
      drawn.push_back(t);
      t += picture;
    } else {
      t += kTick;
    }
  }
  return drawn;
}

// The ten frames every page start draws, then a quiet second to settle.
void start(FramePacer& p, double& t) {
  EXPECT_EQ(run(p, {}, t, 10 * kTick).size(), 10u);
  run(p, {}, t, 1.0);
}

TEST(FramePacer, TheFirstTenFramesAlwaysDraw) {
  FramePacer p;
  for (int i = 0; i < 10; ++i) EXPECT_TRUE(p.should_draw({.now = 0.0}));
  EXPECT_FALSE(p.should_draw({.now = 0.0}));
  EXPECT_EQ(p.frames_drawn(), 10u);
}

TEST(FramePacer, AnIdlePageDrawsOnceASecond) {
  FramePacer p;
  double t = 0;
  start(p, t);
  const std::vector<double> drawn = run(p, {}, t, 10.0);
  ASSERT_EQ(drawn.size(), 10u);
  for (std::size_t i = 1; i < drawn.size(); ++i) EXPECT_EQ(drawn[i] - drawn[i - 1], 1.0);
}

TEST(FramePacer, InputDrawsForHalfASecondAfterThenSettles) {
  FramePacer p;
  double t = 0;
  start(p, t);
  const double input = t;
  EXPECT_TRUE(p.should_draw({.now = input, .had_input = true}));
  // Every frame for half a second after the input...
  t = input + kTick;
  const std::vector<double> drawn = run(p, {}, t, 0.5 - kTick);
  EXPECT_EQ(drawn.size(), 31u);
  // ... and then none: the two settling frames the input asked for were
  // among those.
  EXPECT_TRUE(run(p, {}, t, 0.5).empty());
}

TEST(FramePacer, ARequestOrAViewChangeDrawsAtOnce) {
  FramePacer p;
  double t = 0;
  start(p, t);
  EXPECT_FALSE(p.should_draw({.now = t}));
  EXPECT_TRUE(p.should_draw({.now = t + kTick, .forced = true}));
  EXPECT_TRUE(p.should_draw({.now = t + 2 * kTick, .view_changed = true}));
  EXPECT_TRUE(p.should_draw({.now = t + 3 * kTick, .media_wants_frame = true}));
}

TEST(FramePacer, NewDataWhileIdleDrawsAtOnce) {
  FramePacer p;
  double t = 0;
  start(p, t);
  EXPECT_TRUE(p.should_draw({.now = 4.0, .data_changed = true, .chart_shown = true}));
}

// While loading, data frames come every 8 picture costs (0.1 s .. 2 s): with
// 1/8 s pictures (a software GPU), one a second.
TEST(FramePacer, LoadingThrottlesDataFramesToEightPictureCosts) {
  FramePacer p;
  double t = 0;
  start(p, t);
  const std::vector<double> drawn =
      run(p, {.data_changed = true, .chart_shown = true, .loading = true}, t, 10.0, 0.125);
  ASSERT_GE(drawn.size(), 3u);
  for (std::size_t i = 2; i < drawn.size(); ++i) EXPECT_EQ(drawn[i] - drawn[i - 1], 1.0) << i;
}

// Work between frames is shown every 1/30 s with a fast GPU: the first tick at
// least that late is the 3rd (3/64 s). With a software one (a picture costs 1/8 s)
// every 6 x (1/8 - 1/60) = 0.65 s, capped at 0.5 s: the picture, then 24 ticks.
TEST(FramePacer, WorkBetweenFramesIsShownAtMostEverySixExtraPictureCosts) {
  for (const auto& [picture, spacing] : {std::pair{kTick, 3 * kTick}, std::pair{0.125, 0.5}}) {
    FramePacer p;
    double t = 0;
    start(p, t);
    const std::vector<double> drawn = run(p, {.background_progress = true}, t, 6.0, picture);
    ASSERT_GE(drawn.size(), 10u);
    for (std::size_t i = 2; i < drawn.size(); ++i)
      EXPECT_EQ(drawn[i] - drawn[i - 1], spacing) << picture << " " << i;
  }
}

// A long parse (a profile) shows its progress as loading shows data: every 8
// picture costs, at least 0.1 s apart (a fast GPU: 8 ticks, 1/8 s).
TEST(FramePacer, ALongParseShowsProgressEveryEightPictureCosts) {
  for (const auto& [picture, spacing] : {std::pair{kTick, 8 * kTick}, std::pair{0.125, 1.0}}) {
    FramePacer p;
    double t = 0;
    start(p, t);
    const std::vector<double> drawn = run(p, {.long_work = true}, t, 8.0, picture);
    ASSERT_GE(drawn.size(), 5u);
    for (std::size_t i = 2; i < drawn.size(); ++i)
      EXPECT_EQ(drawn[i] - drawn[i - 1], spacing) << picture << " " << i;
  }
}

// Until a chart shows, data frames come every 2 picture costs (at least 0.1 s).
TEST(FramePacer, TheFirstChartOfALoadIsNotThrottled) {
  FramePacer p;
  double t = 0;
  start(p, t);
  const std::vector<double> drawn =
      run(p, {.data_changed = true, .chart_shown = false, .loading = true}, t, 5.0, 0.125);
  ASSERT_GE(drawn.size(), 3u);
  for (std::size_t i = 2; i < drawn.size(); ++i) EXPECT_EQ(drawn[i] - drawn[i - 1], 0.25) << i;
}

TEST(FramePacer, ALoadWaitsForItsFirstBytes) {
  FramePacer p;
  double t = 0;
  start(p, t);
  // Files announced, no byte in (the shell says so for 250 ms at most): no picture.
  EXPECT_TRUE(run(p, {.data_changed = true, .loading = true, .awaiting_first_bytes = true}, t, 0.2).empty());
  // The first slice arrived: the first chart is drawn at once.
  EXPECT_TRUE(p.should_draw({.now = t, .data_changed = true, .loading = true}));
}

TEST(FramePacer, WhileLoadingAFrameComesAtLeastEveryTwoSeconds) {
  FramePacer p;
  double t = 0;
  start(p, t);
  // Loading, nothing new to show: a picture every 2 s (an idle page would draw every 1 s).
  const std::vector<double> drawn = run(p, {.chart_shown = true, .loading = true}, t, 6.5);
  ASSERT_GE(drawn.size(), 3u);
  for (std::size_t i = 1; i < drawn.size(); ++i) EXPECT_NEAR(drawn[i] - drawn[i - 1], 2.0, kTick);
}

TEST(FramePacer, SlowPicturesTakeAtMostAFifthOfALoad) {
  FramePacer p;
  double t = 0;
  start(p, t);
  // Every picture costs 1.5 s (a software GPU drawing a million vertices) while data keeps
  // arriving: pictures start at least 4 picture costs apart, so the load keeps 4/5 of the time.
  const std::vector<double> drawn =
      run(p, {.data_changed = true, .chart_shown = true, .loading = true}, t, 40, 1.5);
  ASSERT_GE(drawn.size(), 4u);
  for (std::size_t i = 2; i < drawn.size(); ++i) EXPECT_GE(drawn[i] - drawn[i - 1], 6.0 - kTick);
}

TEST(FramePacer, TheDoubleClickWindowGrowsWithTheFrameCost) {
  FramePacer p;
  double t = 0;
  start(p, t);
  FrameInputs clicking;
  clicking.had_input = true;
  run(p, clicking, t, 0.5);  // fast frames: one tick each
  EXPECT_DOUBLE_EQ(p.double_click_seconds(), 0.30 + 2 * kTick);
  run(p, clicking, t, 1.0, 0.25);  // each picture takes a quarter second
  EXPECT_DOUBLE_EQ(p.double_click_seconds(), 0.80) << "0.3 + 2 x 0.25";
  run(p, clicking, t, 3.0, 0.75);
  EXPECT_DOUBLE_EQ(p.double_click_seconds(), 1.0) << "at most a second";
}

}  // namespace
}  // namespace el::app
