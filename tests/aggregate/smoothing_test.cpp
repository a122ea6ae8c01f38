// aggregate/smoothing: TensorBoard's debiased EMA, worked by hand.
#include "aggregate/smoothing.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

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

}  // namespace
}  // namespace el::aggregate
