// embed/portable_math: exp, log and pow agree with the C library to a few ulps
// (while being computed alike on every platform), and the random sequence is
// splitmix64's.
#include "embed/portable_math.h"

#include <gtest/gtest.h>

#include <cmath>

namespace el::embed {
namespace {

TEST(PortableMath, ExpAgreesWithTheLibraryToAFewUlps) {
  for (double x = -700; x <= 700; x += 0.37) {
    const double want = std::exp(x), got = portable_exp(x);
    EXPECT_NEAR(got / want, 1.0, 4e-15) << x;
  }
  EXPECT_EQ(portable_exp(0), 1.0);
  EXPECT_EQ(portable_exp(-800), 0.0);
  EXPECT_TRUE(std::isinf(portable_exp(800)));
}

TEST(PortableMath, LogAgreesWithTheLibraryToAFewUlps) {
  for (double x = 1e-300; x < 1e300; x *= 1.37) {
    const double want = std::log(x), got = portable_log(x);
    EXPECT_NEAR(got, want, 4e-16 * std::max(1.0, std::fabs(want))) << x;
  }
  for (double x = 0.5; x < 2; x += 0.001) EXPECT_NEAR(portable_log(x), std::log(x), 3e-16) << x;
  EXPECT_EQ(portable_log(1), 0.0);
  EXPECT_TRUE(std::isinf(portable_log(0)) && portable_log(0) < 0);
  EXPECT_TRUE(std::isnan(portable_log(-1)));
}

TEST(PortableMath, PowOfUmapsCurve) {
  // UMAP raises squared distances to b and b - 1 (b about 0.9).
  for (double x = 1e-6; x < 1e4; x *= 1.9)
    for (double y : {0.895, -0.105, 2.0, 0.5}) EXPECT_NEAR(portable_pow(x, y) / std::pow(x, y), 1.0, 1e-14);
  EXPECT_EQ(portable_pow(2, 10), 1024.0);
  EXPECT_EQ(portable_pow(0, 0.9), 0.0);
  EXPECT_EQ(portable_pow(5, 0), 1.0);
}

TEST(PortableMath, CoarsePowIsWithinABillionth) {
  for (double x = 1e-200; x < 1e200; x *= 1.77)
    for (double y : {0.895, -0.105, 1.33, 0.5}) {
      const double want = std::pow(x, y);
      if (want > 1e-300 && want < 1e300) {
        EXPECT_NEAR(portable_pow_coarse(x, y) / want, 1.0, 1e-9) << x << "^" << y;
      }
    }
  EXPECT_EQ(portable_pow_coarse(0, 0.9), 0.0);
}

TEST(PortableMath, Splitmix64SequenceAndRanges) {
  // The first outputs of splitmix64 from state 0 (Vigna's reference implementation).
  std::uint64_t s = 0;
  EXPECT_EQ(next_random(s), 0xe220a8397b1dcdafull);
  EXPECT_EQ(next_random(s), 0x6e789e6aa1b965f4ull);
  std::uint64_t t = 9;
  for (int i = 0; i < 10000; ++i) {
    const double u = next_unit(t);
    EXPECT_TRUE(u >= 0 && u < 1);
    EXPECT_LT(next_below(t, 7), 7u);
  }
}

}  // namespace
}  // namespace el::embed
