#include "ui/format.h"

#include <cmath>
#include <cstdio>

namespace el::ui {

std::string format_bytes(std::uint64_t bytes) {
  static const char* const kUnits[] = {"B", "KB", "MB", "GB", "TB"};
  if (bytes < 1000) return std::to_string(bytes) + " B";
  double v = static_cast<double>(bytes);
  int unit = 0;
  while (v >= 1000.0 && unit < 4) {
    v /= 1000.0;
    ++unit;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, v < 10 ? "%.2f %s" : v < 100 ? "%.1f %s" : "%.0f %s", v, kUnits[unit]);
  return buf;
}

std::string format_count(std::uint64_t n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

}  // namespace el::ui

namespace el::ui {
std::string format_value(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}
}  // namespace el::ui

namespace el::ui {

std::string format_duration_ps(double ps) {
  const double a = std::abs(ps);
  const char* unit = "ps";
  double v = ps;
  if (a >= 1e12)
    v = ps / 1e12, unit = "s";
  else if (a >= 1e9)
    v = ps / 1e9, unit = "ms";
  else if (a >= 1e6)
    v = ps / 1e6, unit = "\xc2\xb5s";
  else if (a >= 1e3)
    v = ps / 1e3, unit = "ns";
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.3g %s", v, unit);
  return buf;
}

}  // namespace el::ui
