#include "embed/float_parse.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

namespace el::embed {
namespace {

constexpr double kPow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                             1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

std::string_view trimmed(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

bool parse_float32_strtod(std::string_view field, float& out) {
  field = trimmed(field);
  if (field.empty()) return false;
  char small[64];
  std::string big;
  const char* text;
  if (field.size() < sizeof small) {
    std::memcpy(small, field.data(), field.size());
    small[field.size()] = 0;
    text = small;
  } else {
    big.assign(field);
    text = big.c_str();
  }
  char* end = nullptr;
  const double d = std::strtod(text, &end);
  if (end != text + field.size()) return false;
  out = static_cast<float>(d);
  return true;
}

bool parse_float32(std::string_view field, float& out) {
  const std::string_view s = trimmed(field);
  const char* p = s.data();
  const char* const end = p + s.size();
  if (p == end) return false;
  const bool negative = *p == '-';
  if (*p == '-' || *p == '+') ++p;
  std::uint64_t mantissa = 0;
  int digits = 0, exp10 = 0;
  bool any = false, truncated = false;
  // Up to 19 significant digits go into the mantissa; later ones only move
  // the exponent (integer part) or are dropped (fraction), noting if nonzero.
  auto take = [&](int d, bool fraction) {
    any = true;
    if (digits < 19) {
      if (mantissa || d) {
        mantissa = mantissa * 10 + static_cast<std::uint64_t>(d);
        ++digits;
      }
      if (fraction) --exp10;
    } else {
      if (!fraction) ++exp10;
      truncated |= d != 0;
    }
  };
  for (; p < end && is_digit(*p); ++p) take(*p - '0', false);
  if (p < end && *p == '.')
    for (++p; p < end && is_digit(*p); ++p) take(*p - '0', true);
  if (!any) return parse_float32_strtod(s, out);  // "nan", "inf", "." ...
  if (p < end && (*p == 'e' || *p == 'E')) {
    ++p;
    const bool exp_negative = p < end && *p == '-';
    if (p < end && (*p == '-' || *p == '+')) ++p;
    if (p == end || !is_digit(*p)) return false;
    int e = 0;
    for (; p < end && is_digit(*p); ++p) e = e < 100000 ? e * 10 + (*p - '0') : e;
    exp10 += exp_negative ? -e : e;
  }
  if (p != end) return parse_float32_strtod(s, out);  // hex floats, or not a number at all
  if (mantissa == 0) {
    out = negative ? -0.0f : 0.0f;
    return true;
  }
  if (exp10 < -22 || exp10 > 22) return parse_float32_strtod(s, out);
  double v = static_cast<double>(mantissa);
  v = exp10 < 0 ? v / kPow10[-exp10] : v * kPow10[exp10];
  // Exact inputs and one rounding: v is the correctly rounded double.
  if (mantissa <= (std::uint64_t{1} << 53) && !truncated) {
    out = static_cast<float>(negative ? -v : v);
    return true;
  }
  // v is within 2 units of the correct double. Rounding to float looks at the
  // double's low 29 mantissa bits; away from the midpoint pattern (1 << 28)
  // both round the same way. Outside float's normal range strtod decides.
  if (!(v >= 1.2e-38 && v <= 3.0e38)) return parse_float32_strtod(s, out);
  std::uint64_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  const std::uint64_t low = bits & ((std::uint64_t{1} << 29) - 1), half = std::uint64_t{1} << 28;
  if (low + 8 > half && low < half + 8) return parse_float32_strtod(s, out);
  out = static_cast<float>(negative ? -v : v);
  return true;
}

}  // namespace el::embed
