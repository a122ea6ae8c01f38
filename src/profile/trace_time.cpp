#include "profile/trace_time.h"

namespace el::profile {
namespace {

constexpr std::int64_t kPsPerUs = 1'000'000;

// The value as digits × 10^exponent, read exactly: up to 36 significant digits
// (as a 128-bit integer), every further digit only moving the exponent.
struct Decimal {
  bool negative = false;
  __int128 digits = 0;
  int exponent = 0;
};

std::optional<Decimal> parse_decimal(std::string_view t) {
  while (!t.empty() && (t.front() == ' ' || t.front() == '\t' || t.front() == '\n' || t.front() == '\r'))
    t.remove_prefix(1);
  while (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '\n' || t.back() == '\r'))
    t.remove_suffix(1);
  Decimal d;
  std::size_t i = 0;
  if (i < t.size() && t[i] == '-') d.negative = true, ++i;
  bool any = false;
  int significant = 0;
  auto digit = [&](char c, bool after_point) {
    any = true;
    if (significant < 36) {
      d.digits = d.digits * 10 + (c - '0');
      if (d.digits != 0) ++significant;
      if (after_point) --d.exponent;
    } else if (!after_point) {
      ++d.exponent;  // a digit too many before the point still scales the value
    }
  };
  for (; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i) digit(t[i], false);
  if (i < t.size() && t[i] == '.') {
    ++i;
    for (; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i) digit(t[i], true);
  }
  if (!any) return std::nullopt;
  if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
    ++i;
    bool negative = false;
    if (i < t.size() && (t[i] == '+' || t[i] == '-')) negative = t[i] == '-', ++i;
    int e = 0;
    bool digits = false;
    for (; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i) {
      digits = true;
      if (e < 10000) e = e * 10 + (t[i] - '0');
    }
    if (!digits) return std::nullopt;
    d.exponent += negative ? -e : e;
  }
  if (i != t.size()) return std::nullopt;
  return d;
}

// digits × 10^(exponent + 6), truncated toward zero: the value in ps when
// read as µs. Nothing when it overflows 64 bits... or 128 on the way.
std::optional<__int128> to_ps(const Decimal& d) {
  __int128 v = d.digits;
  int e = d.exponent + 6;
  if (v == 0) return __int128{0};
  for (; e > 0; --e) {
    if (v > (static_cast<__int128>(1) << 120) / 10) return std::nullopt;
    v *= 10;
  }
  for (; e < 0 && v != 0; ++e) v /= 10;
  return d.negative ? -v : v;
}

// The common forms, without 128-bit arithmetic: up to 18 digits, then
// optionally '.' and up to 6 more (every microsecond timestamp a profiler
// writes). Nothing for anything else (the general path reads it).
std::optional<Microseconds> simple(std::string_view t) {
  if (t.empty() || t.size() > 25) return std::nullopt;
  Microseconds m;
  std::size_t i = 0;
  for (; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i) {
    if (i == 18) return std::nullopt;
    m.whole = m.whole * 10 + (t[i] - '0');
  }
  if (i == 0) return std::nullopt;
  if (i < t.size()) {
    if (t[i] != '.') return std::nullopt;
    const std::size_t point = ++i;
    for (; i < t.size() && t[i] >= '0' && t[i] <= '9'; ++i) {
      if (i - point == 6)
        return std::nullopt;  // a 7th digit: below a picosecond (the general path truncates)
      m.fraction = m.fraction * 10 + (t[i] - '0');
    }
    const std::size_t digits = i - point;
    if (i != t.size() || digits == 0 || digits > 6) return std::nullopt;
    for (std::size_t k = digits; k < 6; ++k) m.fraction *= 10;
  }
  return m;
}

}  // namespace

std::optional<Microseconds> parse_microseconds(std::string_view text) {
  if (const std::optional<Microseconds> m = simple(text)) return m;
  const std::optional<Decimal> d = parse_decimal(text);
  if (!d) return std::nullopt;
  const std::optional<__int128> ps = to_ps(*d);
  if (!ps) return std::nullopt;
  // floor division by 10^6 (toward minus infinity), so the fraction is never negative.
  __int128 whole = *ps / kPsPerUs, fraction = *ps % kPsPerUs;
  if (fraction < 0) fraction += kPsPerUs, --whole;
  if (whole > INT64_MAX || whole < INT64_MIN) return std::nullopt;
  return Microseconds{static_cast<std::int64_t>(whole), static_cast<std::int64_t>(fraction)};
}

std::optional<std::int64_t> parse_duration_ps(std::string_view text) {
  if (const std::optional<Microseconds> m = simple(text); m && m->whole < INT64_MAX / kPsPerUs)
    return m->whole * kPsPerUs + m->fraction;
  const std::optional<Decimal> d = parse_decimal(text);
  if (!d) return std::nullopt;
  const std::optional<__int128> ps = to_ps(*d);
  if (!ps || *ps > INT64_MAX || *ps < INT64_MIN) return std::nullopt;
  return static_cast<std::int64_t>(*ps);
}

}  // namespace el::profile
