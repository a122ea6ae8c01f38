#include "aggregate/axis_scale.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "aggregate/ticks.h"

namespace el::aggregate {

double AxisScale::forward(double v) const {
  switch (kind) {
    case Kind::kLinear: return v;
    case Kind::kLog: return v > 0 ? std::log10(v) : std::numeric_limits<double>::quiet_NaN();
    case Kind::kSymlog: return std::copysign(std::log10(1 + std::abs(v) / width), v);
  }
  return v;
}

double AxisScale::inverse(double t) const {
  switch (kind) {
    case Kind::kLinear: return t;
    case Kind::kLog: return std::pow(10.0, t);
    case Kind::kSymlog: return std::copysign(width * (std::pow(10.0, std::abs(t)) - 1), t);
  }
  return t;
}

const char* scale_name(AxisScale::Kind k) {
  return k == AxisScale::Kind::kLog ? "log" : k == AxisScale::Kind::kSymlog ? "symlog" : "linear";
}

std::vector<double> scale_ticks(const AxisScale& s, double t0, double t1, int target, double& step) {
  step = 0;
  constexpr double kMax = std::numeric_limits<double>::max();
  const double v0 = std::clamp(s.inverse(t0), -kMax, kMax), v1 = std::clamp(s.inverse(t1), -kMax, kMax);
  switch (s.kind) {
    case AxisScale::Kind::kLinear:
      step = linear_tick_step(t0, t1, target);
      return linear_ticks(t0, t1, target);
    case AxisScale::Kind::kLog: return log_axis_ticks(v0, v1, target, step);
    case AxisScale::Kind::kSymlog: break;
  }
  // Symlog: 0 and the powers of ten from the linear region's edge outwards, each side.
  std::vector<double> out;
  if (v0 <= 0 && v1 >= 0) out.push_back(0);
  const double first = std::pow(10.0, std::floor(std::log10(s.width)));
  for (double p = first; p <= kMax && p <= std::max(std::abs(v0), std::abs(v1)); p *= 10) {
    if (p >= v0 && p <= v1) out.push_back(p);
    if (-p >= v0 && -p <= v1) out.push_back(-p);
    if (p > kMax / 10) break;
  }
  std::sort(out.begin(), out.end());
  if (out.size() < 2) {  // inside one decade: round values, placed by the scale
    step = linear_tick_step(v0, v1, target);
    return linear_ticks(v0, v1, target);
  }
  // Too many for the room: keep every k-th decade, always with 0 when shown.
  const std::size_t want = static_cast<std::size_t>(std::max(2, target));
  if (out.size() > want) {
    const std::size_t k = (out.size() + want - 1) / want;
    const auto zero = std::find(out.begin(), out.end(), 0.0);
    const std::ptrdiff_t centre = zero == out.end() ? 0 : zero - out.begin();
    std::vector<double> kept;
    for (std::size_t i = 0; i < out.size(); ++i)
      if ((static_cast<std::ptrdiff_t>(i) - centre) % static_cast<std::ptrdiff_t>(k) == 0)
        kept.push_back(out[i]);
    out = std::move(kept);
  }
  return out;
}

}  // namespace el::aggregate
