// Run groups in the UI: which runs form which group (by regex, by hparam),
// and a group's chart line, band and n from its members, against values
// worked out by hand below.
#include "ui/group_series.h"

#include <gtest/gtest.h>

#include <cmath>

#include "store/store.h"
#include "support/event_records.h"
#include "ui/run_grouping.h"
#include "ui/x_tag_series.h"

namespace el::ui {
namespace {

PreparedSeries series(std::vector<double> steps, std::vector<double> values, std::vector<double> walls) {
  PreparedSeries p;
  p.steps = std::move(steps);
  p.values = std::move(values);
  p.walls = std::move(walls);
  p.first_wall = p.walls.front();
  return p;
}

// A: steps 0, 10, 20 -> 1, 3, 5. B: steps 0, 20, 30 -> 3, 7, 9. Union 0, 10, 20, 30.
//   step 0:  1, 3         n 2, mean 2, std sqrt(2)
//   step 10: 3, 5 (B's line from (0, 3) to (20, 7))   mean 4, std sqrt(2)
//   step 20: 5, 7         mean 6, std sqrt(2)
//   step 30: 9 (A ended)  n 1, mean 9, std 0
// Walls: the earliest start (100) plus the members' mean time since their own start:
//   step 0: (0 + 0) / 2 -> 100; step 10: A 10, B 10 (interpolated 200..220) -> 110;
//   step 20: (20 + 20) / 2 -> 120; step 30: B only, 30 -> 130.
struct Members {
  PreparedSeries a = series({0, 10, 20}, {1, 3, 5}, {100, 110, 120});
  PreparedSeries b = series({0, 20, 30}, {3, 7, 9}, {200, 220, 230});
  std::vector<const PreparedSeries*> list{&a, &b};
};

TEST(GroupSeries, MeanWithAStdBandAndN) {
  Members m;
  Settings s;
  s.smoothing = 0;
  GroupSeries g;
  build_group_series(m.list, s, g);
  EXPECT_EQ(g.centre.steps, (std::vector<double>{0, 10, 20, 30}));
  EXPECT_EQ(g.centre.values, (std::vector<double>{2, 4, 6, 9}));
  // On the step axis the wall times wait for a later frame.
  EXPECT_TRUE(g.walls_pending);
  EXPECT_TRUE(g.centre.walls.empty());
  fill_group_walls(g);
  EXPECT_FALSE(g.walls_pending);
  EXPECT_EQ(g.centre.walls, (std::vector<double>{100, 110, 120, 130}));
  EXPECT_EQ(g.counts, (std::vector<std::uint32_t>{2, 2, 2, 1}));
  EXPECT_TRUE(g.interpolated);
  ASSERT_EQ(g.lower.values.size(), 4u);
  EXPECT_DOUBLE_EQ(g.lower.values[0], 2 - std::sqrt(2.0));
  EXPECT_DOUBLE_EQ(g.upper.values[1], 4 + std::sqrt(2.0));
  EXPECT_EQ(g.lower.values[3], 9);
  EXPECT_EQ(g.upper.values[3], 9);
  EXPECT_EQ(g.centre.first_wall, 100);
}

TEST(GroupSeriesCache, WallTimesComeLaterOnTheStepAxisAtOnceOnTimeAxes) {
  Members m;
  Settings s;
  GroupSeriesCache cache;
  EXPECT_TRUE(cache.get("a", m.list, s, 1).centre.walls.empty());
  EXPECT_TRUE(cache.get("b", m.list, s, 1).centre.walls.empty());
  EXPECT_TRUE(cache.fill_walls(1));  // one line a frame here: one still pending
  EXPECT_FALSE(cache.fill_walls(1));
  EXPECT_EQ(cache.get("a", m.list, s, 1).centre.walls.size(), 4u);
  EXPECT_EQ(cache.get("b", m.list, s, 1).centre.first_wall, 100);
  // A relative-time chart reads them in the frame it asks.
  s.x_axis = XAxis::kRelative;
  GroupSeriesCache fresh;
  const GroupSeries& c = fresh.get("c", m.list, s, 2);
  EXPECT_FALSE(c.walls_pending);
  EXPECT_EQ(c.centre.walls, (std::vector<double>{100, 110, 120, 130}));
}

TEST(GroupSeries, MedianWithMinMaxAndNoBand) {
  Members m;
  Settings s;
  s.smoothing = 0;
  s.group_line = GroupLine::kMedian;
  s.group_band = GroupBand::kMinMax;
  GroupSeries g;
  build_group_series(m.list, s, g);
  EXPECT_EQ(g.centre.values, (std::vector<double>{2, 4, 6, 9}));
  EXPECT_EQ(g.lower.values, (std::vector<double>{1, 3, 5, 9}));
  EXPECT_EQ(g.upper.values, (std::vector<double>{3, 5, 7, 9}));
  s.group_band = GroupBand::kNone;
  build_group_series(m.list, s, g);
  EXPECT_TRUE(g.lower.values.empty());
  EXPECT_TRUE(g.upper.values.empty());
}

TEST(GroupSeries, SmoothingBeforeOrAfterAggregating) {
  Members m;
  Settings s;
  s.smoothing = 0.5;
  // After: the mean 2, 4, 6, 9 is smoothed (debiased EMA, weight 0.5):
  //   1 / 0.5 = 2; 2.5 / 0.75; 4.25 / 0.875; 6.625 / 0.9375.
  s.group_smooth_first = false;
  GroupSeries g;
  build_group_series(m.list, s, g);
  EXPECT_EQ(g.centre.values, (std::vector<double>{2, 4, 6, 9}));
  ASSERT_EQ(g.centre.smooth_values().size(), 4u);
  EXPECT_DOUBLE_EQ(g.centre.smooth_values()[0], 2);
  EXPECT_DOUBLE_EQ(g.centre.smooth_values()[1], 2.5 / 0.75);
  EXPECT_DOUBLE_EQ(g.centre.smooth_values()[2], 4.25 / 0.875);
  EXPECT_DOUBLE_EQ(g.centre.smooth_values()[3], 6.625 / 0.9375);
  // First: the members' smoothed values are what is aggregated (given here), and the line is not smoothed
  // again.
  m.a.smoothed = {10, 20, 30};
  m.a.ema_constant = false;
  m.b.smoothed = {30, 40, 50};
  m.b.ema_constant = false;
  s.group_smooth_first = true;
  build_group_series(m.list, s, g);
  // step 0: 10, 30 -> 20; step 10: 20 and B's 30..40 halfway 35 -> 27.5; step 20: 30, 40 -> 35; step 30: 50.
  EXPECT_EQ(g.centre.values, (std::vector<double>{20, 27.5, 35, 50}));
  EXPECT_EQ(g.centre.smooth_values(), g.centre.values);
}

// A "loss" record at `step`, written at 1000 + step seconds.
std::string scalar_record(std::int64_t step, double value) {
  return testing::scalar_record("loss", step, static_cast<float>(value), 1000.0 + static_cast<double>(step));
}

void fill(store::Store& st, const std::vector<std::string>& runs) {
  for (const std::string& r : runs) {
    const store::FileId id = st.add_file(r + "/events.out.tfevents.1", 0);
    const std::string bytes = scalar_record(1, 0.5);
    st.feed(id, {reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()});
  }
}

// A regex that only renames a group (as typing one often does) finds the
// group's line already computed under its old name.
TEST(GroupSeriesCache, ARenamedGroupKeepsItsLine) {
  Members m;
  Settings s;
  s.smoothing = 0;
  GroupSeriesCache cache;
  cache.get("cfg_1\nloss", m.list, s, 1.0);
  const GroupSeries& renamed = cache.get("1\nloss", m.list, s, 2.0);
  EXPECT_EQ(cache.builds(), 1u);
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(renamed.centre.values, (std::vector<double>{2, 4, 6, 9}));
  EXPECT_EQ(renamed.counts, (std::vector<std::uint32_t>{2, 2, 2, 1}));
  // Other settings (the median line) are computed afresh.
  s.group_line = GroupLine::kMedian;
  const GroupSeries& median = cache.get("cfg_1\nloss", m.list, s, 3.0);
  EXPECT_EQ(cache.builds(), 2u);
  EXPECT_EQ(median.centre.values, (std::vector<double>{2, 4, 6, 9}));  // (the median of two is their mean)
}

// A regroup that gives a group other runs computes its line afresh, in the
// memory of a line no chart drew this frame; a line drawn this frame is
// never taken.
TEST(GroupSeriesCache, ANewGroupsLineReusesAnUndrawnLinesMemory) {
  Members m;
  Settings s;
  s.smoothing = 0;
  GroupSeriesCache cache;
  const GroupSeries& before = cache.get("a+b\nloss", m.list, s, 1.0);
  const double* memory = before.centre.values.data();
  const GroupSeries& after = cache.get("a\nloss", std::span(m.list).first(1), s, 2.0);
  EXPECT_EQ(cache.builds(), 2u);
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(after.centre.values, (std::vector<double>{1, 3, 5}));
  EXPECT_EQ(after.counts, (std::vector<std::uint32_t>{1, 1, 1}));
  EXPECT_EQ(after.centre.values.data(), memory);
  // "a" was drawn at 2.0: a second new line at 2.0 gets memory of its own.
  const GroupSeries& other = cache.get("b\nloss", std::span(m.list).last(1), s, 2.0);
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_EQ(other.centre.values, (std::vector<double>{3, 7, 9}));
  EXPECT_EQ(after.centre.values, (std::vector<double>{1, 3, 5}));
}

// Against another tag, a group's points are reordered by x: each keeps its n.
// y: steps 0, 10, 20 with n 3, 4, 5; x: steps 0, 20 -> 5, 1 (no step 10).
// Pairs by x: step 20 (x 1), then step 0 (x 5): n 5, then 3.
TEST(GroupSeries, AgainstAnotherTagEachPointKeepsItsN) {
  const PreparedSeries y = series({0, 10, 20}, {1, 2, 3}, {100, 110, 120});
  const PreparedSeries x = series({0, 20}, {5, 1}, {100, 120});
  const std::vector<std::uint32_t> n{3, 4, 5};
  XTagSeriesCache cache;
  const XTagSeriesCache::Entry& e = cache.get(y, x, &n);
  EXPECT_EQ(e.paired.xs, (std::vector<double>{1, 5}));
  EXPECT_EQ(e.paired.values, (std::vector<double>{3, 1}));
  EXPECT_EQ(e.counts, (std::vector<std::uint32_t>{5, 3}));
  EXPECT_TRUE(e.sorted);
  // A run's line asks for no n.
  EXPECT_TRUE(XTagSeriesCache().get(y, x).counts.empty());
}

TEST(RunGrouping, ByARegexsCapturesWithFamilyColours) {
  store::Store st;
  fill(st, {"a/seed_1", "a/seed_2", "b/seed_1", "other"});
  Settings s;
  s.group_regex = "(.*)/seed_\\d+";
  RunGrouping g;
  g.update(st, s, nullptr, [](const std::string& run) { return run == "a/seed_1" ? 0x336699u : 0x111111u; });
  ASSERT_TRUE(g.active());
  ASSERT_EQ(g.groups().size(), 2u);
  EXPECT_EQ(g.groups()[0].name, "a");
  EXPECT_EQ(g.groups()[0].runs, (std::vector<std::string>{"a/seed_1", "a/seed_2"}));
  EXPECT_EQ(g.groups()[1].name, "b");
  EXPECT_EQ(g.group_of("other"), -1);
  EXPECT_EQ(g.group_of("b/seed_1"), 1);
  EXPECT_EQ(g.member_of("a/seed_2"), 1);
  // The group takes its first run's colour; member 0 is that colour, the rest are shades of it.
  EXPECT_EQ(g.groups()[0].rgb, 0x336699u);
  EXPECT_EQ(g.member_rgb("a/seed_1", 0), 0x336699u);
  EXPECT_NE(g.member_rgb("a/seed_2", 0), 0x336699u);
  EXPECT_EQ(g.member_rgb("other", 0xabcdefu), 0xabcdefu);
  // A bad regex gives no groups and says why.
  const std::uint64_t key = g.key();
  s.group_regex = "(";
  g.update(st, s, nullptr, [](const std::string&) { return 0u; });
  EXPECT_FALSE(g.active());
  EXPECT_EQ(g.problem(), "The grouping regex is not valid.");
  EXPECT_NE(g.key(), key);
}

TEST(RunGrouping, ByAnHparamsValueTheDeepestSessionHolds) {
  store::Store st;
  fill(st, {"s1", "s1/eval", "s2", "s3", "loose"});
  aggregate::HparamsTable t;
  t.hparams.push_back({});
  t.hparams[0].name = "lr";
  auto session = [&](const std::string& run, double lr) {
    aggregate::Session ss;
    ss.run = run;
    ss.hparams.push_back({aggregate::HparamValue::Type::kNumber, lr, ""});
    t.sessions.push_back(ss);
  };
  session("s1", 0.1);
  session("s2", 0.01);
  session("s3", 0.1);
  Settings s;
  s.group_hparam = "lr";
  RunGrouping g;
  g.update(st, s, &t, [](const std::string&) { return 0u; });
  ASSERT_EQ(g.groups().size(), 2u);
  EXPECT_EQ(g.groups()[0].name, "lr=0.1");
  EXPECT_EQ(g.groups()[0].runs, (std::vector<std::string>{"s1", "s1/eval", "s3"}));
  EXPECT_EQ(g.groups()[1].name, "lr=0.01");
  EXPECT_EQ(g.group_of("loose"), -1);
  s.group_hparam = "momentum";
  g.update(st, s, &t, [](const std::string&) { return 0u; });
  EXPECT_FALSE(g.active());
  EXPECT_EQ(g.problem(), "No session logs the hparam momentum.");
}

}  // namespace
}  // namespace el::ui
