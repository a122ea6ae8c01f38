// embed/float_parse: the fast decimal-to-float32 path equals float(strtod())
// on hand-picked cases, on the decimal form of float midpoints (where double
// rounding decides), and on 300,000 random decimals.
#include "embed/float_parse.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>

namespace el::embed {
namespace {

void expect_same(const std::string& s) {
  float fast = 12345, slow = 54321;
  const bool a = parse_float32(s, fast), b = parse_float32_strtod(s, slow);
  ASSERT_EQ(a, b) << "'" << s << "'";
  if (!a) return;
  std::uint32_t fa, fb;
  std::memcpy(&fa, &fast, 4);
  std::memcpy(&fb, &slow, 4);
  if (std::isnan(slow)) {
    EXPECT_TRUE(std::isnan(fast)) << s;
  } else {
    EXPECT_EQ(fa, fb) << "'" << s << "': " << fast << " vs " << slow;
  }
}

TEST(FloatParse, HandPickedCases) {
  for (const char* s : {"0",
                        "-0",
                        "1",
                        "-1.5",
                        "0.013914610259234905",
                        "-0.0033336167689412832",
                        "3e2",
                        "1E-3",
                        "  7.25 ",
                        "+4",
                        ".5",
                        "5.",
                        "1e",
                        "e5",
                        "-",
                        "",
                        " ",
                        "abc",
                        "1.2.3",
                        "1e+",
                        "nan",
                        "-inf",
                        "Infinity",
                        "0x1p3",
                        "1e400",
                        "1e-400",
                        "3.4028235e38",
                        "3.4028236e38",
                        "1.17549435e-38",
                        "1.4e-45",
                        "123456789012345678901234567890",
                        "0.000000000000000000000000000001",
                        "1.0000000596046447753906250000000001",
                        "1.000000059604644775390625",
                        "99999999999999999999e-20"})
    expect_same(s);
}

TEST(FloatParse, TheDecimalFormsOfFloatMidpointsAndTheirNeighbours) {
  std::uint64_t s = 7;
  auto next = [&] {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    return s >> 33;
  };
  char buf[64];
  for (int i = 0; i < 20000; ++i) {
    std::uint32_t bits = static_cast<std::uint32_t>(next()) & 0x7f7fffffu;
    if ((bits >> 23) == 0) bits |= 1u << 23;  // normal floats only
    float f;
    std::memcpy(&f, &bits, 4);
    const double mid = (static_cast<double>(f) + static_cast<double>(std::nextafter(f, INFINITY))) / 2;
    std::snprintf(buf, sizeof buf, "%.17g", mid);
    expect_same(buf);
    std::snprintf(buf, sizeof buf, "%.25g", mid);  // more digits than the double holds
    expect_same(buf);
    expect_same(std::string(buf) + "1");
    std::snprintf(buf, sizeof buf, "%.9g", f);
    expect_same(buf);
  }
}

TEST(FloatParse, RandomDecimals) {
  std::uint64_t s = 11;
  auto next = [&](std::uint64_t n) {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    return (s >> 33) % n;
  };
  for (int i = 0; i < 300000; ++i) {
    std::string t;
    if (next(4) == 0) t += '-';
    const int int_digits = static_cast<int>(next(6)), frac_digits = static_cast<int>(next(22));
    for (int k = 0; k < int_digits; ++k) t += static_cast<char>('0' + next(10));
    if (frac_digits || int_digits == 0) {
      t += '.';
      for (int k = 0; k < std::max(frac_digits, 1); ++k) t += static_cast<char>('0' + next(10));
    }
    if (next(3) == 0) t += "e" + std::to_string(static_cast<int>(next(61)) - 30);
    expect_same(t);
  }
}

}  // namespace
}  // namespace el::embed
