// aggregate/decimate: per-pixel-column min/max never loses an extreme.
// Expected values come from the definitions (semantics doc §8), not the code.
#include "aggregate/decimate.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

namespace el::aggregate {
namespace {

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

}  // namespace
}  // namespace el::aggregate
