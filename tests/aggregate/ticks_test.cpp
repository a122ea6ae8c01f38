// aggregate/ticks: round tick values and their labels.
#include "aggregate/ticks.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

namespace el::aggregate {
namespace {

TEST(Ticks, RoundNumbers) {
  EXPECT_EQ(linear_ticks(0, 1, 5), (std::vector<double>{0, 0.2, 0.4, 0.6000000000000001, 0.8, 1}));
  EXPECT_EQ(linear_ticks(3, 97, 4), (std::vector<double>{20, 40, 60, 80}));
  EXPECT_EQ(linear_ticks(-15, 15, 3), (std::vector<double>{-10, 0, 10}));
  EXPECT_EQ(linear_tick_step(0, 40000, 4), 10000);
  EXPECT_TRUE(linear_ticks(1, 1, 5).empty());
  EXPECT_EQ(log_ticks(0.001, 10, 5), (std::vector<double>{0.001, 0.01, 0.1, 1, 10}));
  EXPECT_EQ(log_ticks(1, 50, 5), (std::vector<double>{1, 2, 5, 10, 20, 50}));
}

TEST(Ticks, ANarrowLogRangeGetsLinearTicks) {
  double step = -1;
  // 1.39132 .. 1.39148 holds no power of ten: linear ticks every 5e-5
  // (span 1.6e-4 / 5 = 3.2e-5, rounded up past sqrt(10) to 5 x 1e-5).
  const auto t = log_axis_ticks(1.39132, 1.39148, 5, step);
  EXPECT_DOUBLE_EQ(step, 5e-5);
  ASSERT_EQ(t.size(), 3u);
  EXPECT_NEAR(t[0], 1.39135, 1e-12);
  EXPECT_NEAR(t[2], 1.39145, 1e-12);
  EXPECT_EQ(log_axis_ticks(1, 50, 5, step), (std::vector<double>{1, 2, 5, 10, 20, 50}));
  EXPECT_EQ(step, 0);
}

TEST(Ticks, RangesNearTheLargestDouble) {
  // Across almost all doubles: hi - lo overflows, the step is still 1e308.
  EXPECT_EQ(linear_ticks(-1.7e308, 1.7e308, 4), (std::vector<double>{-1e308, 0, 1e308}));
  // A flat series at 1.7e308 pads to [1.53e308, the largest double]: ticks every 5e306.
  double lo = 1.7e308, hi = 1.7e308;
  pad_range(lo, hi, 0.06);
  EXPECT_DOUBLE_EQ(lo, 1.53e308);
  EXPECT_EQ(hi, std::numeric_limits<double>::max());
  const auto t = linear_ticks(lo, hi, 4);
  ASSERT_EQ(t.size(), 5u);
  EXPECT_DOUBLE_EQ(t.front(), 1.55e308);
  EXPECT_DOUBLE_EQ(t.back(), 1.75e308);
  double a = 0, b = 0;
  pad_range(a, b, 0.06);
  EXPECT_EQ(a, -1);
  EXPECT_EQ(b, 1);
  a = 1, b = 3;
  pad_range(a, b, 0.5);
  EXPECT_EQ(a, 0);
  EXPECT_EQ(b, 4);
}

TEST(Ticks, SiLabels) {
  EXPECT_EQ(format_si(0), "0");
  EXPECT_EQ(format_si(0.25, 0.05), "0.25");
  EXPECT_EQ(format_si(1500, 500), "1500");
  EXPECT_EQ(format_si(25000, 5000), "25k");
  EXPECT_EQ(format_si(1.5e6, 5e5), "1.5M");
  EXPECT_EQ(format_si(2e-6, 1e-6), "2µ");
  EXPECT_EQ(format_si(-3e9, 1e9), "-3G");
  EXPECT_EQ(format_si(1e-4, 5e-5), "100µ");
}

TEST(Ticks, DurationsAndTimes) {
  EXPECT_EQ(format_duration(45), "45s");
  EXPECT_EQ(format_duration(750), "12m 30s");
  EXPECT_EQ(format_duration(12000), "3h 20m");
  EXPECT_EQ(format_duration(187200), "2d 4h");
  EXPECT_EQ(duration_ticks(0, 3600, 4), (std::vector<double>{0, 900, 1800, 2700, 3600}));
  // 1763800000 = 2025-11-22 08:26:40 UTC.
  EXPECT_EQ(format_time(1763800000, 1), "08:26:40");
  EXPECT_EQ(format_time(1763800000, 600), "08:26");
  EXPECT_EQ(format_time(1763800000, 86400), "Nov 22");
  EXPECT_EQ(format_time(1763800000, 600, 3600), "09:26");
}

}  // namespace
}  // namespace el::aggregate
