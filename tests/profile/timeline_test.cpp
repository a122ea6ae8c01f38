// The timeline index: nesting into depths, the slice under a time, and the
// per-pixel merging that keeps a frame's boxes to about one per pixel,
// on hand-made traces whose answers are worked out by hand.
#include "profile/timeline.h"

#include <gtest/gtest.h>

namespace el::profile {
namespace {

// Adds a slice named `name` on `track` over [start, end).
void add(Trace& t, std::uint32_t track, const char* name, std::int64_t start, std::int64_t end) {
  t.slices.push_back({start, end - start, t.intern(name), track, 0, 0});
}

Trace two_tracks() {
  Trace t;
  t.processes.emplace_back().name = "p";
  t.tracks.resize(2);
  add(t, 0, "E", 100, 110);
  add(t, 0, "A", 0, 100);
  add(t, 0, "D", 20, 30);
  add(t, 0, "B", 10, 40);
  add(t, 0, "F", 105, 120);  // overlaps E without being inside it: one row below
  add(t, 0, "C", 50, 60);
  add(t, 1, "G", 0, 1000);
  return t;
}

std::string name_of(const Trace& t, std::int64_t slice) {
  return slice < 0 ? "-" : t.text(t.slices[slice].name);
}

TEST(Timeline, NestsSlicesIntoRows) {
  Trace t = two_tracks();
  const Timeline tl(t);
  ASSERT_EQ(tl.rows().size(), 4u);
  EXPECT_EQ(tl.depth_count(0), 3u);
  EXPECT_EQ(tl.depth_count(1), 1u);
  auto row_names = [&](std::uint32_t row) {
    std::string s;
    for (std::uint32_t k = tl.rows()[row].begin; k < tl.rows()[row].end; ++k) s += t.text(t.slices[k].name);
    return s;
  };
  EXPECT_EQ(row_names(0), "AE");
  EXPECT_EQ(row_names(1), "BCF");
  EXPECT_EQ(row_names(2), "D");
  EXPECT_EQ(row_names(3), "G");
  EXPECT_EQ(tl.first_row(1), 3u);
  EXPECT_EQ(tl.begin_ps(), 0);
  EXPECT_EQ(tl.end_ps(), 1000);
}

TEST(Timeline, TheSliceUnderATimeAndTheNextOne) {
  Trace t = two_tracks();
  const Timeline tl(t);
  EXPECT_EQ(name_of(t, tl.slice_at(0, 25)), "D");
  EXPECT_EQ(name_of(t, tl.slice_at(0, 45)), "A");  // B has ended, C not begun
  EXPECT_EQ(name_of(t, tl.slice_at(0, 107)), "F");
  EXPECT_EQ(name_of(t, tl.slice_at(0, 40)), "A");  // ends are exclusive
  EXPECT_EQ(tl.slice_at(0, 130), -1);
  EXPECT_EQ(name_of(t, tl.slice_at(1, 999)), "G");
  EXPECT_EQ(name_of(t, tl.next_slice(0, 45)), "C");
  EXPECT_EQ(name_of(t, tl.next_slice(0, 101)), "F");
  EXPECT_EQ(tl.next_slice(0, 121), -1);
}

TEST(Timeline, LookupsWithHintsAnswerAsWithout) {
  // The same hand-worked answers through the hinted searches, asked in time
  // order, backwards and jumping about (each row's hint moves both ways).
  Trace t = two_tracks();
  const Timeline tl(t);
  std::vector<std::uint32_t> hints(tl.rows().size(), 0);
  const std::vector<std::pair<std::int64_t, const char*>> at = {{25, "D"},  {40, "A"}, {45, "A"}, {107, "F"},
                                                                {130, "-"}, {0, "A"},  {55, "C"}, {-5, "-"},
                                                                {119, "F"}, {12, "B"}};
  for (int pass = 0; pass < 2; ++pass)
    for (const auto& [time, name] : at) EXPECT_EQ(name_of(t, tl.slice_at(0, time, hints)), name) << time;
  const std::vector<std::pair<std::int64_t, const char*>> next = {
      {45, "C"}, {101, "F"}, {121, "-"}, {0, "A"}, {-3, "A"}, {11, "D"}, {100, "E"}, {21, "C"}};
  for (const auto& [time, name] : next) EXPECT_EQ(name_of(t, tl.next_slice(0, time, hints)), name) << time;
  // A long row: every lookup agrees with the plain binary search, the hint far or near.
  Trace c;
  c.processes.emplace_back().name = "p";
  c.tracks.resize(1);
  for (int k = 0; k < 5000; ++k) add(c, 0, "s", 10 * k, 10 * k + 4);  // [10k, 10k + 4)
  const Timeline long_row(c);
  std::vector<std::uint32_t> h(long_row.rows().size(), 0);
  for (std::int64_t time : {3, 4, 49996, 49999, 17, 20000, 20003, 20004, 5, -1, 33333, 33332}) {
    const std::int64_t expect = time >= 0 && time % 10 < 4 ? time / 10 : -1;  // its slice, by construction
    EXPECT_EQ(long_row.slice_at(0, time, h), expect) << time;
    EXPECT_EQ(long_row.next_slice(0, time, h), time < 0               ? 0
                                               : time % 10 == 0       ? time / 10
                                               : time / 10 + 1 < 5000 ? time / 10 + 1
                                                                      : -1)
        << time;
  }
}

// 1,000 slices 1 ps wide every 10 ps, then one 10,000 ps wide.
Trace comb() {
  Trace t;
  t.processes.emplace_back().name = "p";
  t.tracks.resize(1);
  for (int k = 0; k < 1000; ++k) add(t, 0, "k", 10 * k, 10 * k + 1);
  add(t, 0, "wide", 10000, 20000);
  return t;
}

TEST(Timeline, SlicesNarrowerThanAPixelMergeOnePerColumn) {
  Trace t = comb();
  const Timeline tl(t);
  std::vector<Timeline::Box> boxes;
  // 100 ps a pixel: each column holds 10 slices; the wide one is its own box.
  tl.boxes(0, 0, 20000, 100, boxes);
  ASSERT_EQ(boxes.size(), 101u);
  EXPECT_EQ(boxes[0].start_ps, 0);
  EXPECT_EQ(boxes[0].end_ps, 91);
  EXPECT_EQ(boxes[0].merged, 10u);
  EXPECT_EQ(boxes[99].start_ps, 9900);
  EXPECT_EQ(boxes[99].merged, 10u);
  EXPECT_EQ(boxes[100].start_ps, 10000);
  EXPECT_EQ(boxes[100].end_ps, 20000);
  EXPECT_EQ(boxes[100].merged, 1u);
  // 1 ps a pixel: every slice is a pixel wide or more, so none merges.
  boxes.clear();
  tl.boxes(0, 0, 20000, 1, boxes);
  EXPECT_EQ(boxes.size(), 1001u);
  // A window: only what overlaps it, columns counted from its start.
  boxes.clear();
  tl.boxes(0, 5000, 6000, 100, boxes);
  ASSERT_EQ(boxes.size(), 10u);
  EXPECT_EQ(boxes[0].start_ps, 5000);
  EXPECT_EQ(boxes[9].end_ps, 5991);
  EXPECT_EQ(tl.count(0, 5000, 6000), 100u);
  EXPECT_EQ(tl.count(0, 0, 20000), 1001u);
  EXPECT_EQ(tl.count(0, 9995, 10001), 1u);  // none of the comb (9990 ends at 9991): the wide one
  boxes.clear();
  tl.boxes(0, 15000, 16000, 100, boxes);  // inside the wide slice
  ASSERT_EQ(boxes.size(), 1u);
  EXPECT_EQ(t.text(t.slices[boxes[0].slice].name), "wide");
}

TEST(Timeline, AMillionSlicesDrawAboutOneBoxPerPixel) {
  Trace t;
  t.processes.emplace_back().name = "p";
  t.tracks.resize(1);
  for (int k = 0; k < 1000000; ++k) add(t, 0, "k", 1000 * static_cast<std::int64_t>(k), 1000 * k + 600);
  const Timeline tl(t);
  std::vector<Timeline::Box> boxes;
  tl.boxes(0, tl.begin_ps(), tl.end_ps(), static_cast<double>(tl.end_ps() - tl.begin_ps()) / 1600, boxes);
  EXPECT_LE(boxes.size(), 1601u);
  EXPECT_GE(boxes.size(), 1599u);
  std::uint64_t merged = 0;
  for (const Timeline::Box& b : boxes) merged += b.merged;
  EXPECT_EQ(merged, 1000000u);  // every slice is in exactly one box
}

}  // namespace
}  // namespace el::profile
