// A scalar against another scalar of its run: the inner join on step,
// checked against pairs written out by hand.
#include "aggregate/x_pairing.h"

#include <gtest/gtest.h>

#include <cmath>

namespace el::aggregate {
namespace {

TEST(XPairing, JoinsOnEqualStepsInXOrder) {
  // loss at steps 0, 10, 20, 30, 40; epoch logged at 0, 20, 30 (and 50, which loss lacks).
  const std::vector<double> steps{0, 10, 20, 30, 40};
  const std::vector<double> x_steps{0, 20, 30, 50}, x_values{0, 1, 2, 3};
  const XPairing p = pair_by_step(steps, x_steps, x_values);
  EXPECT_EQ(p.index, (std::vector<std::uint32_t>{0, 2, 3}));
  EXPECT_EQ(p.x, (std::vector<double>{0, 1, 2}));
  EXPECT_FALSE(p.sorted);
}

TEST(XPairing, ReordersXThatIsNotMonotonicAndDropsNonFinite) {
  // A learning rate that warms up then decays: x goes up then down.
  const std::vector<double> steps{1, 2, 3, 4, 5};
  const std::vector<double> x_steps{1, 2, 3, 4, 5}, x_values{0.1, 0.3, NAN, 0.2, 0.1};
  const XPairing p = pair_by_step(steps, x_steps, x_values);
  // Pairs (x, position): (0.1, 0), (0.3, 1), (0.2, 3), (0.1, 4) -> by x, ties in step order.
  EXPECT_EQ(p.x, (std::vector<double>{0.1, 0.1, 0.2, 0.3}));
  EXPECT_EQ(p.index, (std::vector<std::uint32_t>{0, 4, 3, 1}));
  EXPECT_TRUE(p.sorted);
}

TEST(XPairing, NothingInCommon) {
  const std::vector<double> steps{1, 3}, x_steps{2, 4}, x_values{5, 6};
  const XPairing p = pair_by_step(steps, x_steps, x_values);
  EXPECT_TRUE(p.index.empty());
  EXPECT_TRUE(p.x.empty());
}

}  // namespace
}  // namespace el::aggregate
