// Axis scales: symlog's mapping and inverse at worked values, and the ticks
// each scale chooses.
#include "aggregate/axis_scale.h"

#include <gtest/gtest.h>

#include <cmath>

namespace el::aggregate {
namespace {

TEST(AxisScale, SymlogIsLinearNearZeroAndLogBeyond) {
  AxisScale s{AxisScale::Kind::kSymlog, 1};
  EXPECT_EQ(s.forward(0), 0);
  EXPECT_DOUBLE_EQ(s.forward(9), 1);     // log10(1 + 9)
  EXPECT_DOUBLE_EQ(s.forward(-99), -2);  // -log10(1 + 99)
  EXPECT_DOUBLE_EQ(s.inverse(2), 99);
  EXPECT_DOUBLE_EQ(s.inverse(-1), -9);
  AxisScale wide{AxisScale::Kind::kSymlog, 10};
  EXPECT_DOUBLE_EQ(wide.forward(90), 1);  // log10(1 + 90 / 10)
  EXPECT_DOUBLE_EQ(wide.inverse(wide.forward(-3.5)), -3.5);
  // Near zero the slope is 1 / (width ln 10): linear.
  EXPECT_NEAR(s.forward(1e-9) / 1e-9, 1 / std::log(10.0), 1e-6);
}

TEST(AxisScale, LogLeavesOutWhatItCannotShow) {
  AxisScale s{AxisScale::Kind::kLog, 1};
  EXPECT_DOUBLE_EQ(s.forward(1000), 3);
  EXPECT_TRUE(std::isnan(s.forward(0)));
  EXPECT_TRUE(std::isnan(s.forward(-1)));
  EXPECT_DOUBLE_EQ(s.inverse(-2), 0.01);
}

TEST(AxisScale, SymlogTicksAreZeroAndDecadesBothSides) {
  AxisScale s{AxisScale::Kind::kSymlog, 1};
  double step = -1;
  // Values -1000 .. 100: plot units -log10(1001) .. log10(101).
  const std::vector<double> t = scale_ticks(s, s.forward(-1000), s.forward(100), 10, step);
  EXPECT_EQ(t, (std::vector<double>{-1000, -100, -10, -1, 0, 1, 10, 100}));
  EXPECT_EQ(step, 0);
  // Room for 4 of the 8: every second tick counted from 0, so 0 stays (positions -4, -2, 0, 2).
  const std::vector<double> few = scale_ticks(s, s.forward(-1000), s.forward(100), 4, step);
  EXPECT_EQ(few, (std::vector<double>{-1000, -10, 0, 10}));
  // Inside the linear region (0.2 .. 0.6): round linear ticks of the values.
  const std::vector<double> lin = scale_ticks(s, s.forward(0.2), s.forward(0.6), 5, step);
  EXPECT_EQ(lin.front(), 0.2);
  EXPECT_GT(step, 0);
}

}  // namespace
}  // namespace el::aggregate
