#include "embed/portable_math.h"

#include <cmath>
#include <cstring>

namespace el::embed {

namespace {
constexpr double kLn2Hi = 6.93147180369123816490e-01, kLn2Lo = 1.90821492927058770002e-10;
// 1 / i, rounded once at compile time (multiplying is several times faster than dividing).
constexpr double kInverse[32] = {0,        1.0 / 1,  1.0 / 2,  1.0 / 3,  1.0 / 4,  1.0 / 5,  1.0 / 6,
                                 1.0 / 7,  1.0 / 8,  1.0 / 9,  1.0 / 10, 1.0 / 11, 1.0 / 12, 1.0 / 13,
                                 1.0 / 14, 1.0 / 15, 1.0 / 16, 1.0 / 17, 1.0 / 18, 1.0 / 19, 1.0 / 20,
                                 1.0 / 21, 1.0 / 22, 1.0 / 23, 1.0 / 24, 1.0 / 25, 1.0 / 26, 1.0 / 27,
                                 1.0 / 28, 1.0 / 29, 1.0 / 30, 1.0 / 31};

// [SECTION] the pieces exp and log share ---------------------------------------------------------

// x / ln2 rounded to the nearest integer (halves away from zero), as a double.
double nearest_multiple_of_ln2(double x) {
  return x >= 0 ? static_cast<double>(static_cast<long long>(x * 1.4426950408889634 + 0.5))
                : static_cast<double>(static_cast<long long>(x * 1.4426950408889634 - 0.5));
}

// 2^k for -1022 <= k <= 1023, from its bits (exact).
double power_of_two(long long k) {
  const std::uint64_t bits = static_cast<std::uint64_t>(k + 1023) << 52;
  double scale;
  std::memcpy(&scale, &bits, sizeof scale);
  return scale;
}

// x > 0 (finite) as m 2^e with m in [sqrt(1/2), sqrt(2)), exactly.
void split_mantissa(double x, double& m, int& e) {
  std::uint64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  if ((bits >> 52) == 0) {
    m = std::frexp(x, &e);  // subnormal: the library's split (exact)
  } else {
    // A normal double: m from the mantissa bits with the exponent of 0.5, [0.5, 1).
    e = static_cast<int>(bits >> 52) - 1022;
    bits = (bits & 0x000fffffffffffffull) | 0x3fe0000000000000ull;
    std::memcpy(&m, &bits, sizeof m);
  }
  if (m < 0.70710678118654752440) {
    m *= 2;
    --e;
  }
}

}  // namespace

// [SECTION] exp, log, pow ------------------------------------------------------------------------
double portable_exp(double x) {
  if (x != x) return x;
  if (x > 709) return INFINITY;
  if (x < -745) return 0;
  // x = k ln2 + r with |r| <= ln2 / 2; e^r by its Taylor series to r^14 / 14!
  // (Horner), then scaled by 2^k (exact; by ldexp beyond the normal doubles).
  const double kd = nearest_multiple_of_ln2(x);
  const double r = (x - kd * kLn2Hi) - kd * kLn2Lo;
  double sum = 1;
  for (int i = 14; i >= 1; --i) sum = 1 + sum * r * kInverse[i];
  const long long k = static_cast<long long>(kd);
  if (k < -1022 || k > 1023) return std::ldexp(sum, static_cast<int>(k));
  return sum * power_of_two(k);
}

double portable_log(double x) {
  if (x != x || x < 0) return NAN;
  if (x == 0) return -INFINITY;
  if (std::isinf(x)) return x;
  // x = m 2^e; ln m = 2 atanh(s), s = (m - 1) / (m + 1), |s| <= 0.172, by its series to s^31.
  int e = 0;
  double m;
  split_mantissa(x, m, e);
  const double s = (m - 1) / (m + 1), s2 = s * s;
  double sum = 0;
  for (int i = 31; i >= 3; i -= 2) sum = (sum + kInverse[i]) * s2;
  const double ln_m = 2 * s + 2 * s * sum;
  return (e * kLn2Hi + ln_m) + e * kLn2Lo;
}

double portable_pow(double x, double y) {
  if (y == 0) return 1;
  if (x == 0) return y > 0 ? 0 : INFINITY;
  return portable_exp(y * portable_log(x));
}

double portable_pow_coarse(double x, double y) {
  if (!(x > 0) || std::isinf(x) || std::fpclassify(x) == FP_SUBNORMAL) return portable_pow(x, y);
  // ln x as in portable_log, the series to s^9.
  int e = 0;
  double m;
  split_mantissa(x, m, e);
  const double s = (m - 1) / (m + 1), s2 = s * s;
  const double ln_x =
      e * 0.69314718055994530942 +
      2 * s * (1 + s2 * (kInverse[3] + s2 * (kInverse[5] + s2 * (kInverse[7] + s2 * kInverse[9]))));
  // e^(y ln x) as in portable_exp, the series to r^9.
  const double t = y * ln_x;
  if (t > 709 || t < -708) return portable_exp(t);
  const double kd = nearest_multiple_of_ln2(t);
  const double r = (t - kd * kLn2Hi) - kd * kLn2Lo, r2 = r * r;
  // Even and odd terms apart (two shorter chains).
  const double even = 1 + r2 * (kInverse[2] + r2 * (1.0 / 24 + r2 * (1.0 / 720 + r2 * (1.0 / 40320))));
  const double odd = r * (1 + r2 * (1.0 / 6 + r2 * (1.0 / 120 + r2 * (1.0 / 5040 + r2 * (1.0 / 362880)))));
  return (even + odd) * power_of_two(static_cast<long long>(kd));
}

// [SECTION] random numbers -----------------------------------------------------------------------
std::uint64_t next_random(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

}  // namespace el::embed
