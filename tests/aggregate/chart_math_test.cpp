// Smoothing, decimation and ticks. Expected values are worked out by hand in
// the comments from the definitions (semantics doc §8), not taken from the code.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

#include "aggregate/decimate.h"
#include "aggregate/smoothing.h"
#include "aggregate/ticks.h"

namespace el::aggregate {
namespace {

TEST(Smoothing, DebiasedEmaByHand) {
  // w = 0.5: last = 0.5, 1.25, 2.125; divided by 1 - 0.5^n = 0.5, 0.75, 0.875.
  std::vector<double> out;
  smooth(std::vector<double>{1, 2, 3}, 0.5, out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_DOUBLE_EQ(out[0], 1.0);
  EXPECT_DOUBLE_EQ(out[1], 5.0 / 3.0);
  EXPECT_DOUBLE_EQ(out[2], 17.0 / 7.0);
}

TEST(Smoothing, NonFiniteValuesPassThroughAndAreNotCounted) {
  // [1, NaN, 3], w = 0.5: the NaN stays; 3 is the 2nd finite value:
  // last = 0.25 + 1.5 = 1.75, / (1 - 0.25) = 7/3.
  std::vector<double> out;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  smooth(std::vector<double>{1, nan, 3, std::numeric_limits<double>::infinity()}, 0.5, out);
  EXPECT_DOUBLE_EQ(out[0], 1.0);
  EXPECT_TRUE(std::isnan(out[1]));
  EXPECT_DOUBLE_EQ(out[2], 7.0 / 3.0);
  EXPECT_TRUE(std::isinf(out[3]));
}

TEST(Smoothing, ZeroWeightAndConstantSeriesAreUnchanged) {
  std::vector<double> out;
  smooth(std::vector<double>{3, 1, 2}, 0.0, out);
  EXPECT_EQ(out, (std::vector<double>{3, 1, 2}));
  smooth(std::vector<double>{0.1, 0.1, 0.1}, 0.9, out);
  EXPECT_EQ(out, (std::vector<double>{0.1, 0.1, 0.1}));
}

TEST(Smoothing, WeightIsClampedToTheMaximum) {
  // w = 1 would never move; it is clamped to 0.999: the first value is exact.
  std::vector<double> out;
  smooth(std::vector<double>{4, 8}, 1.0, out);
  EXPECT_DOUBLE_EQ(out[0], 4.0);
  // n = 2: last = 0.999*0.004 + 0.001*8 = 0.011996; / (1 - 0.998001) = 6.0010005...
  EXPECT_NEAR(out[1], 0.011996 / 0.001999, 1e-9);
}

// Every column's extreme values must survive decimation.
void expect_no_extremum_lost(const std::vector<double>& xs, const std::vector<double>& ys, double x0,
                             double x1, int columns, const MinMaxPyramid* pyramid) {
  std::vector<Point> out;
  decimate_min_max(xs, ys, x0, x1, columns, out, pyramid);
  EXPECT_LE(out.size(), 2u * columns + 2);
  for (std::size_t i = 1; i < out.size(); ++i) EXPECT_LE(out[i - 1].x, out[i].x) << "x order at " << i;
  // Global extremes inside the range are kept exactly.
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (std::size_t i = 0; i < xs.size(); ++i)
    if (xs[i] >= x0 && xs[i] <= x1 && std::isfinite(ys[i]))
      lo = std::min(lo, ys[i]), hi = std::max(hi, ys[i]);
  bool has_lo = false, has_hi = false;
  for (const Point& p : out) has_lo |= p.y == lo, has_hi |= p.y == hi;
  EXPECT_TRUE(has_lo);
  EXPECT_TRUE(has_hi);
  // Per column (without the pyramid columns are exact): its min and max appear.
  if (!pyramid) {
    const double scale = columns / (x1 - x0);
    std::vector<double> cmin(columns, lo * 0 + std::numeric_limits<double>::infinity()),
        cmax(columns, -std::numeric_limits<double>::infinity());
    for (std::size_t i = 0; i < xs.size(); ++i) {
      if (xs[i] < x0 || xs[i] > x1 || !std::isfinite(ys[i])) continue;
      const int c = std::min(columns - 1, static_cast<int>((xs[i] - x0) * scale));
      cmin[c] = std::min(cmin[c], ys[i]);
      cmax[c] = std::max(cmax[c], ys[i]);
    }
    for (int c = 0; c < columns; ++c) {
      if (!std::isfinite(cmin[c])) continue;
      bool a = false, b = false;
      for (const Point& p : out) a |= p.y == cmin[c], b |= p.y == cmax[c];
      EXPECT_TRUE(a && b) << "column " << c;
    }
  }
}

TEST(Decimate, KeepsEveryColumnsExtremesAndStaysSmall) {
  std::mt19937 rng(7);
  std::normal_distribution<double> noise(0, 1);
  std::vector<double> xs(100000), ys(100000);
  for (std::size_t i = 0; i < xs.size(); ++i) {
    xs[i] = static_cast<double>(i) * 2;  // steps 0, 2, 4, ...
    ys[i] = noise(rng);
  }
  ys[31337] = 50;   // one spike up
  ys[77777] = -60;  // one spike down
  ys[500] = std::numeric_limits<double>::quiet_NaN();
  expect_no_extremum_lost(xs, ys, 0, 199998, 300, nullptr);
  expect_no_extremum_lost(xs, ys, 50000, 70000, 123, nullptr);
  MinMaxPyramid pyr;
  pyr.build(ys);
  expect_no_extremum_lost(xs, ys, 0, 199998, 300, &pyr);
  expect_no_extremum_lost(xs, ys, 1000, 180001, 97, &pyr);
}

TEST(Decimate, AddsTheNeighboursOutsideTheRange) {
  const std::vector<double> xs{0, 10, 20, 30, 40}, ys{1, 2, 3, 4, 5};
  std::vector<Point> out;
  decimate_min_max(xs, ys, 15, 25, 10, out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].x, 10);
  EXPECT_EQ(out[1].x, 20);
  EXPECT_EQ(out[2].x, 30);
}

TEST(Decimate, PyramidVisitsBlocksNotPoints) {
  // 1,000,000 points into 500 columns: the output is bounded by the columns.
  std::vector<double> xs(1000000), ys(1000000);
  for (std::size_t i = 0; i < xs.size(); ++i) xs[i] = static_cast<double>(i), ys[i] = std::sin(i * 0.001);
  MinMaxPyramid pyr;
  pyr.build(ys);
  EXPECT_GE(pyr.levels().size(), 6u);  // 8^6 = 262144 < 1e6
  std::vector<Point> out;
  decimate_min_max(xs, ys, 0, 999999, 500, out, &pyr);
  EXPECT_LE(out.size(), 1002u);
  EXPECT_GE(out.size(), 500u);
}

TEST(Ticks, RoundNumbers) {
  EXPECT_EQ(linear_ticks(0, 1, 5), (std::vector<double>{0, 0.2, 0.4, 0.6000000000000001, 0.8, 1}));
  EXPECT_EQ(linear_ticks(3, 97, 4), (std::vector<double>{20, 40, 60, 80}));
  EXPECT_EQ(linear_ticks(-15, 15, 3), (std::vector<double>{-10, 0, 10}));
  EXPECT_EQ(linear_tick_step(0, 40000, 4), 10000);
  EXPECT_TRUE(linear_ticks(1, 1, 5).empty());
  EXPECT_EQ(log_ticks(0.001, 10, 5), (std::vector<double>{0.001, 0.01, 0.1, 1, 10}));
  EXPECT_EQ(log_ticks(1, 50, 5), (std::vector<double>{1, 2, 5, 10, 20, 50}));
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
