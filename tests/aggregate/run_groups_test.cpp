// Run groups and their aggregates, worked out by hand in the comments
// (tests/tools/group_facts.py checks the export against NumPy on a
// generated logdir).
#include "aggregate/run_groups.h"

#include <gtest/gtest.h>

#include <cmath>

namespace el::aggregate {
namespace {

TEST(RunGroups, CapturedGroupsNameTheGroupAndUnmatchedRunsAreLeftOut) {
  const std::vector<std::string> runs{"cfg_a/seed_1", "cfg_b/seed_1", "cfg_a/seed_2", "other"};
  std::vector<RunGroup> g = group_runs(runs, std::regex(R"((.*)/seed_\d+)"));
  ASSERT_EQ(g.size(), 2u);
  EXPECT_EQ(g[0].name, "cfg_a");
  EXPECT_EQ(g[0].runs, (std::vector<std::string>{"cfg_a/seed_1", "cfg_a/seed_2"}));
  EXPECT_EQ(g[1].name, "cfg_b");
  // Two captures join with "/"; no capture: the whole match.
  g = group_runs({"lr0.1_bs32_s1", "lr0.1_bs32_s2", "lr0.1_bs64_s1"}, std::regex(R"(lr([\d.]+)_bs(\d+))"));
  ASSERT_EQ(g.size(), 2u);
  EXPECT_EQ(g[0].name, "0.1/32");
  EXPECT_EQ(g[0].runs.size(), 2u);
  g = group_runs({"cfg_a/seed_1", "cfg_b/seed_1"}, std::regex("cfg_."));
  EXPECT_EQ(g[1].name, "cfg_b");
}

TEST(RunGroups, UnalignedStepsInterpolateAndShortMembersOnlyLowerN) {
  // A: steps 0, 10, 20 (1, 3, 5); B: steps 5, 10 (2, 4).
  const std::vector<double> sa{0, 10, 20}, sb{5, 10};
  const std::vector<double> va{1, 3, 5}, vb{2, 4};
  const GroupAggregate g = aggregate_members({{sa, va}, {sb, vb}});
  EXPECT_TRUE(g.interpolated);
  ASSERT_EQ(g.points.size(), 4u);
  // Step 0: B has not started.
  EXPECT_EQ(g.points[0].step, 0);
  EXPECT_EQ(g.points[0].n, 1u);
  EXPECT_EQ(g.points[0].mean, 1);
  EXPECT_EQ(g.points[0].std, 0);  // n = 1
  // Step 5: A between (0, 1) and (10, 3) is 2; B is 2.
  EXPECT_EQ(g.points[1].n, 2u);
  EXPECT_DOUBLE_EQ(g.points[1].mean, 2);
  EXPECT_DOUBLE_EQ(g.points[1].std, 0);
  // Step 10: 3 and 4: mean 3.5, std sqrt(0.5) (ddof 1), standard error 0.5, median 3.5.
  const GroupPoint& p = g.points[2];
  EXPECT_EQ(p.n, 2u);
  EXPECT_DOUBLE_EQ(p.mean, 3.5);
  EXPECT_DOUBLE_EQ(p.std, std::sqrt(0.5));
  EXPECT_DOUBLE_EQ(p.sem, 0.5);
  EXPECT_EQ(p.min, 3);
  EXPECT_EQ(p.max, 4);
  EXPECT_DOUBLE_EQ(p.median, 3.5);
  // Step 20: B has ended; it does not pull the mean down.
  EXPECT_EQ(g.points[3].n, 1u);
  EXPECT_EQ(g.points[3].mean, 5);
}

TEST(RunGroups, AlignedStepsNeedNoInterpolationAndNanIsLeftOut) {
  const std::vector<double> s{1, 2};
  const std::vector<double> a{1, NAN}, b{2, 7}, c{6, 9};
  const GroupAggregate g = aggregate_members({{s, a}, {s, b}, {s, c}});
  EXPECT_FALSE(g.interpolated);
  ASSERT_EQ(g.points.size(), 2u);
  // Step 1: 1, 2, 6: median 2, mean 3, std sqrt(((−2)² + (−1)² + 3²) / 2) = sqrt(7).
  EXPECT_EQ(g.points[0].n, 3u);
  EXPECT_DOUBLE_EQ(g.points[0].median, 2);
  EXPECT_DOUBLE_EQ(g.points[0].std, std::sqrt(7.0));
  // Step 2: the NaN is not a value: 7 and 9.
  EXPECT_EQ(g.points[1].n, 2u);
  EXPECT_DOUBLE_EQ(g.points[1].median, 8);
  EXPECT_TRUE(aggregate_members({}).points.empty());
}

TEST(RunGroups, EvenlySpacedMembersAreAlignedOnlyWhenTheirStepsAgree) {
  // Steps 0, 10, 20 in separate buffers, both known to step by 10: aligned unread.
  const std::vector<double> s1{0, 10, 20}, s2{0, 10, 20}, v1{1, 2, 3}, v2{3, 4, 5};
  GroupAggregate g = aggregate_members({{s1, v1, 10}, {s2, v2, 10}});
  EXPECT_TRUE(g.aligned);
  ASSERT_EQ(g.points.size(), 3u);
  EXPECT_EQ(g.points[2].step, 20);
  EXPECT_EQ(g.points[2].mean, 4);
  // Same stride, another start (5, 15, 25): the union of six steps, interpolated inside.
  const std::vector<double> s3{5, 15, 25};
  g = aggregate_members({{s1, v1, 10}, {s3, v2, 10}});
  EXPECT_FALSE(g.aligned);
  EXPECT_TRUE(g.interpolated);
  ASSERT_EQ(g.points.size(), 6u);
  EXPECT_EQ(g.points[1].step, 5);
  EXPECT_EQ(g.points[1].n, 2u);  // 1.5 interpolated in the first, 3 in the second
  EXPECT_EQ(g.points[1].mean, 2.25);
  // Unknown strides fall back to comparing the steps: equal ones still align.
  EXPECT_TRUE(aggregate_members({{s1, v1}, {s2, v2, 10}}).aligned);
  const std::vector<double> s4{0, 10, 21};
  EXPECT_FALSE(aggregate_members({{s1, v1, 10}, {s4, v2}}).aligned);
}

TEST(RunGroups, ALinesColumnsHoldTheCentreAndTheBandsEdges) {
  // Steps 0, 1, 2 in all three (aligned); then the third starting at step 1 (the union path).
  const std::vector<double> s{0, 1, 2}, s1{1, 2}, a{1, 4, 2}, b{3, 8, 2}, c{8, 0, 5}, c1{0, 5};
  std::vector<double> steps, centre, lower, upper;
  std::vector<std::uint32_t> n;
  GroupLineColumns cols{&steps, &centre, &lower, &upper, &n};
  // Step 0: 1, 3, 8: mean 4, std sqrt((9 + 1 + 16) / 2) = sqrt(13), sem sqrt(13/3), median 3.
  aggregate_line({{s, a}, {s, b}, {s, c}}, GroupCentre::kMean, GroupSpread::kStd, cols);
  EXPECT_TRUE(cols.aligned);
  ASSERT_EQ(centre.size(), 3u);
  EXPECT_EQ(steps, (std::vector<double>{0, 1, 2}));
  EXPECT_EQ(n, (std::vector<std::uint32_t>{3, 3, 3}));
  EXPECT_EQ(centre[0], 4);
  EXPECT_DOUBLE_EQ(upper[0], 4 + std::sqrt(13.0));
  EXPECT_DOUBLE_EQ(lower[0], 4 - std::sqrt(13.0));
  aggregate_line({{s, a}, {s, b}, {s, c}}, GroupCentre::kMedian, GroupSpread::kSem, cols);
  EXPECT_EQ(centre[0], 3);
  EXPECT_DOUBLE_EQ(upper[0], 3 + std::sqrt(13.0 / 3));
  // Step 1: 4, 8, 0: min 0, max 8. Step 2: all 2: median 2.
  aggregate_line({{s, a}, {s, b}, {s, c}}, GroupCentre::kMedian, GroupSpread::kMinMax, cols);
  EXPECT_EQ(lower[1], 0);
  EXPECT_EQ(upper[1], 8);
  EXPECT_EQ(centre[2], 2);
  // No band: its columns are left empty. Step 0 has only the first two members: n 2, mean 2.
  aggregate_line({{s, a}, {s, b}, {s1, c1}}, GroupCentre::kMean, GroupSpread::kNone, cols);
  EXPECT_FALSE(cols.aligned);
  EXPECT_TRUE(lower.empty());
  EXPECT_TRUE(upper.empty());
  EXPECT_EQ(n, (std::vector<std::uint32_t>{2, 3, 3}));
  EXPECT_EQ(centre[0], 2);
  EXPECT_EQ(centre[1], 4);
}

}  // namespace
}  // namespace el::aggregate
