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

}  // namespace
}  // namespace el::aggregate
