#include "aggregate/ticks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <limits>

namespace el::aggregate {
namespace {

// Round durations in seconds, for duration and clock-time ticks.
constexpr double kTimeSteps[] = {1,     2,     5,      10,     15,      30,      60,      120,
                                 300,   600,   900,    1800,   3600,    7200,    10800,   21600,
                                 43200, 86400, 172800, 604800, 1209600, 2592000, 7776000, 31536000};

std::vector<double> ticks_at(double lo, double hi, double step) {
  std::vector<double> out;
  if (!(step > 0) || !std::isfinite(lo) || !std::isfinite(hi)) return out;
  // Ticks are whole multiples k x step; forming each as (k0 + i) x step (not
  // first + i x step) cannot overflow inside a range near the largest double.
  const double k0 = std::ceil(lo / step - 1e-9);
  for (int i = 0; i < 1000; ++i) {
    double v = (k0 + i) * step;
    if (!std::isfinite(v) || v - hi > step * 1e-9) break;
    if (std::abs(v) < step * 1e-9) v = 0;  // no "-0" or 1e-17 at zero
    out.push_back(v);
  }
  return out;
}

double time_step(double lo, double hi, int target) {
  const double raw = (hi - lo) / std::max(1, target);
  for (double s : kTimeSteps)
    if (s >= raw) return s;
  return linear_tick_step(lo / 31536000, hi / 31536000, target) * 31536000;
}

}  // namespace

double linear_tick_step(double lo, double hi, int target) {
  if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi)) return 0;
  // Divided first: hi - lo overflows for a range across most of the doubles.
  const double n = std::max(1, target);
  const double raw = hi / n - lo / n;
  if (!(raw > 0)) return 0;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  const double r = raw / mag;
  // The round step nearest the raw one (thresholds at geometric midpoints).
  return (r < 1.4142 ? 1 : r < 3.1623 ? 2 : r < 7.0711 ? 5 : 10) * mag;
}

std::vector<double> linear_ticks(double lo, double hi, int target) {
  return ticks_at(lo, hi, linear_tick_step(lo, hi, target));
}

std::vector<double> log_ticks(double lo, double hi, int target) {
  std::vector<double> out;
  if (!(lo > 0) || !(hi > lo) || !std::isfinite(hi)) return out;
  const int d0 = static_cast<int>(std::floor(std::log10(lo))),
            d1 = static_cast<int>(std::ceil(std::log10(hi)));
  const int decades = std::max(1, d1 - d0);
  const int every = std::max(1, decades / std::max(1, target));  // skip decades when there are many
  for (int d = d0; d <= d1; ++d) {
    const double p = std::pow(10.0, d);
    if ((d - d0) % every == 0 && p >= lo && p <= hi) out.push_back(p);
    if (decades <= 2) {
      for (double m : {2.0, 5.0})
        if (p * m >= lo && p * m <= hi) out.push_back(p * m);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<double> log_axis_ticks(double lo, double hi, int target, double& step) {
  step = 0;
  std::vector<double> out = log_ticks(lo, hi, target);
  if (out.size() >= 2) return out;
  step = linear_tick_step(lo, hi, target);
  return linear_ticks(lo, hi, target);
}

void pad_range(double& lo, double& hi, double fraction) {
  constexpr double kMax = std::numeric_limits<double>::max();
  if (!std::isfinite(lo) || !std::isfinite(hi)) return;
  if (!(hi > lo)) {
    const double pad = lo == 0 ? 1 : std::abs(lo) * 0.1;
    lo = lo - pad;
    hi = hi + pad;
  } else {
    const double pad = (hi / 2 - lo / 2) * 2 * fraction;  // halves: hi - lo may overflow
    lo -= pad;
    hi += pad;
  }
  lo = std::max(lo, -kMax);
  hi = std::min(hi, kMax);
  if (!(hi > lo)) hi = std::nextafter(lo, kMax);
}

std::string format_si(double v, double step) {
  char buf[48];
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "∞" : "-∞";
  if (v == 0) return "0";
  struct Prefix {
    double scale;
    const char* name;
  };
  static constexpr Prefix kPrefixes[] = {{1e12, "T"}, {1e9, "G"},  {1e6, "M"},  {1e3, "k"},  {1, ""},
                                         {1e-3, "m"}, {1e-6, "µ"}, {1e-9, "n"}, {1e-12, "p"}};
  const double a = std::abs(v);
  // Plain numbers between 0.001 and 10000 read best without a suffix.
  const Prefix* p = nullptr;
  if (a >= 1e-3 && a < 1e4) {
    static constexpr Prefix kPlain{1, ""};
    p = &kPlain;
  } else {
    for (const Prefix& q : kPrefixes)
      if (a >= q.scale) {
        p = &q;
        break;
      }
  }
  if (!p || a >= 1e15) {
    std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
  }
  const double scaled = v / p->scale;
  // Enough decimals to separate ticks `step` apart, at most 6, and no trailing zeros.
  int decimals = 3;
  if (step > 0)
    decimals = std::clamp(static_cast<int>(std::ceil(-std::log10(step / p->scale) - 1e-9)), 0, 6);
  else if (std::abs(scaled) >= 100)
    decimals = 1;
  std::snprintf(buf, sizeof buf, "%.*f", decimals, scaled);
  std::string s = buf;
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  if (s == "-0") s = "0";
  return s + p->name;
}

std::vector<double> duration_ticks(double lo, double hi, int target) {
  return ticks_at(lo, hi, time_step(lo, hi, target));
}

std::string format_duration(double seconds) {
  char buf[48];
  const bool neg = seconds < 0;
  double s = std::abs(seconds);
  if (s < 60) {
    std::snprintf(buf, sizeof buf, s < 10 && s != std::floor(s) ? "%.1fs" : "%.0fs", s);
  } else if (s < 3600) {
    const int m = static_cast<int>(s / 60), r = static_cast<int>(std::fmod(s, 60));
    std::snprintf(buf, sizeof buf, r ? "%dm %ds" : "%dm", m, r);
  } else if (s < 86400) {
    const int h = static_cast<int>(s / 3600), m = static_cast<int>(std::fmod(s, 3600) / 60);
    std::snprintf(buf, sizeof buf, m ? "%dh %dm" : "%dh", h, m);
  } else {
    const int d = static_cast<int>(s / 86400), h = static_cast<int>(std::fmod(s, 86400) / 3600);
    std::snprintf(buf, sizeof buf, h ? "%dd %dh" : "%dd", d, h);
  }
  return (neg ? "-" : "") + std::string(buf);
}

std::vector<double> time_ticks(double lo, double hi, int target) {
  return ticks_at(lo, hi, time_step(lo, hi, target));
}

std::string format_time(double unix_seconds, double step, double utc_offset) {
  const auto t = static_cast<std::time_t>(std::floor(unix_seconds + utc_offset));
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  static constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (step >= 86400)
    std::snprintf(buf, sizeof buf, "%s %d", kMonths[tm.tm_mon], tm.tm_mday);
  else if (step >= 60)
    std::snprintf(buf, sizeof buf, "%02d:%02d", tm.tm_hour, tm.tm_min);
  else
    std::snprintf(buf, sizeof buf, "%02d:%02d:%02d", tm.tm_hour, tm.tm_min, tm.tm_sec);
  return buf;
}

}  // namespace el::aggregate
