// [SECTION] colour ramp
// [SECTION] axes
// [SECTION] brushes
#include "ui/hparams_axis.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "aggregate/ticks.h"

namespace el::ui {
namespace {

std::string escape_regex(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (std::string_view("\\^$.|?*+()[]{}/").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// `v` rounded to 3 significant digits, downwards or upwards, so a brushed
// range reads well and still holds what the brush covered.
double round_outward(double v, bool up) {
  if (v == 0 || !std::isfinite(v)) return v;
  const double scale = std::pow(10.0, std::floor(std::log10(std::abs(v))) - 2);
  return (up ? std::ceil(v / scale) : std::floor(v / scale)) * scale;
}

}  // namespace

// [SECTION] colour ramp ------------------------------------------------------------------
std::uint32_t ramp_color(double t, bool dark) {
  // Five stops each: the dark theme's lifted at the violet end, the light
  // theme's deepened at the yellow end (to gold).
  static const float kDarkStops[5][3] = {{0.60f, 0.42f, 0.95f},
                                         {0.36f, 0.60f, 0.98f},
                                         {0.16f, 0.75f, 0.70f},
                                         {0.50f, 0.84f, 0.36f},
                                         {0.99f, 0.91f, 0.14f}};
  static const float kLightStops[5][3] = {{0.27f, 0.00f, 0.33f},
                                          {0.23f, 0.32f, 0.55f},
                                          {0.08f, 0.45f, 0.47f},
                                          {0.20f, 0.53f, 0.20f},
                                          {0.76f, 0.52f, 0.00f}};
  const auto& stops = dark ? kDarkStops : kLightStops;
  if (!std::isfinite(t)) return 0x888888;
  t = std::clamp(t, 0.0, 1.0) * 4;
  const int i = std::min(3, static_cast<int>(t));
  const double f = t - i;
  std::uint32_t rgb = 0;
  for (int c = 0; c < 3; ++c) {
    const double v = stops[i][c] + (stops[i + 1][c] - stops[i][c]) * f;
    rgb = (rgb << 8) | static_cast<std::uint32_t>(std::lround(v * 255));
  }
  return rgb;
}

// [SECTION] axes ------------------------------------------------------------------------
HparamsAxis make_axis(const aggregate::HparamsTable& t, bool metric, std::size_t column,
                      aggregate::MetricAggregate agg, AxisScale scale) {
  HparamsAxis a;
  a.metric = metric;
  a.column = column;
  const std::size_t n = t.sessions.size();
  a.number.assign(n, NAN);
  a.text.assign(n, {});
  a.position.assign(n, NAN);
  if (metric) {
    a.key = "m:" + t.metrics[column].label();
    a.label =
        t.metrics[column].display_name.empty() ? t.metrics[column].label() : t.metrics[column].display_name;
    for (std::size_t s = 0; s < n; ++s)
      a.number[s] = aggregate::metric_number(t.sessions[s].metrics[column], agg);
  } else {
    const aggregate::HparamColumn& c = t.hparams[column];
    a.key = "h:" + c.name;
    a.label = c.display_name.empty() ? c.name : c.display_name;
    a.categorical = c.type != aggregate::HparamType::kNumber;
    for (std::size_t s = 0; s < n; ++s) {
      const aggregate::HparamValue& v = t.sessions[s].hparams[column];
      a.text[s] = v.display();
      if (v.type == aggregate::HparamValue::Type::kNumber) a.number[s] = v.number;
    }
  }
  if (a.categorical) {
    for (std::size_t s = 0; s < n; ++s)
      if (t.sessions[s].hparams[column].type != aggregate::HparamValue::Type::kMissing)
        a.categories.push_back(a.text[s]);
    std::sort(a.categories.begin(), a.categories.end());
    a.categories.erase(std::unique(a.categories.begin(), a.categories.end()), a.categories.end());
    const double k = static_cast<double>(a.categories.size());
    for (std::size_t s = 0; s < n; ++s) {
      auto it = std::lower_bound(a.categories.begin(), a.categories.end(), a.text[s]);
      if (it == a.categories.end() || *it != a.text[s] ||
          t.sessions[s].hparams[column].type == aggregate::HparamValue::Type::kMissing)
        continue;
      a.position[s] = k <= 1 ? 0.5 : static_cast<double>(it - a.categories.begin()) / (k - 1);
    }
    return a;
  }
  for (double v : a.number)
    if (std::isfinite(v)) a.sorted.push_back(v);
  std::sort(a.sorted.begin(), a.sorted.end());
  if (a.sorted.empty()) return a;
  a.lo = a.sorted.front();
  a.hi = a.sorted.back();
  a.scale = scale == AxisScale::kLog && a.lo <= 0 ? AxisScale::kLinear : scale;  // log needs positives
  for (std::size_t s = 0; s < n; ++s) {
    const double v = a.number[s];
    if (!std::isfinite(v)) continue;
    if (a.hi == a.lo) {
      a.position[s] = 0.5;
    } else if (a.scale == AxisScale::kLog) {
      a.position[s] = (std::log(v) - std::log(a.lo)) / (std::log(a.hi) - std::log(a.lo));
    } else if (a.scale == AxisScale::kQuantile) {
      const auto first = std::lower_bound(a.sorted.begin(), a.sorted.end(), v);
      const auto last = std::upper_bound(a.sorted.begin(), a.sorted.end(), v);
      // Ties share the middle of their ranks.
      const double rank =
          (static_cast<double>(first - a.sorted.begin()) + (last - a.sorted.begin()) - 1) * 0.5;
      a.position[s] = a.sorted.size() > 1 ? rank / static_cast<double>(a.sorted.size() - 1) : 0.5;
    } else {
      a.position[s] = (v - a.lo) / (a.hi - a.lo);
    }
  }
  return a;
}

double HparamsAxis::value_at(double t) const {
  t = std::clamp(t, 0.0, 1.0);
  if (sorted.empty()) return NAN;
  if (hi == lo) return lo;
  switch (scale) {
    case AxisScale::kLog: return std::exp(std::log(lo) + t * (std::log(hi) - std::log(lo)));
    case AxisScale::kQuantile:
      return sorted[static_cast<std::size_t>(std::lround(t * static_cast<double>(sorted.size() - 1)))];
    default: return lo + t * (hi - lo);
  }
}

std::vector<std::pair<double, std::string>> HparamsAxis::ticks() const {
  std::vector<std::pair<double, std::string>> out;
  if (categorical) {
    const double k = static_cast<double>(categories.size());
    for (std::size_t i = 0; i < categories.size(); ++i)
      out.emplace_back(k <= 1 ? 0.5 : static_cast<double>(i) / (k - 1), categories[i]);
    return out;
  }
  if (sorted.empty()) return out;
  if (hi == lo) return {{0.5, aggregate::format_si(lo)}};
  if (scale == AxisScale::kQuantile) {
    for (double t : {0.0, 0.25, 0.5, 0.75, 1.0}) out.emplace_back(t, aggregate::format_si(value_at(t)));
    return out;
  }
  if (scale == AxisScale::kLog) {
    for (double v : aggregate::log_ticks(lo, hi, 5))
      out.emplace_back((std::log(v) - std::log(lo)) / (std::log(hi) - std::log(lo)), aggregate::format_si(v));
    return out;
  }
  const double step = aggregate::linear_tick_step(lo, hi, 5);
  for (double v : aggregate::linear_ticks(lo, hi, 5))
    out.emplace_back((v - lo) / (hi - lo), aggregate::format_si(v, step));
  return out;
}

// [SECTION] brushes -----------------------------------------------------------------------
std::string brush_filter_text(const HparamsAxis& a, const AxisBrush& b) {
  if (a.categorical) {
    std::string alt;
    const double k = static_cast<double>(a.categories.size());
    for (std::size_t i = 0; i < a.categories.size(); ++i) {
      const double t = k <= 1 ? 0.5 : static_cast<double>(i) / (k - 1);
      if (t < b.t0 || t > b.t1) continue;
      if (!alt.empty()) alt += '|';
      alt += escape_regex(a.categories[i]);
    }
    return alt.empty() ? "^$" : "^(" + alt + ")$";
  }
  double lo = a.value_at(b.t0), hi = a.value_at(b.t1);
  if (a.scale == AxisScale::kQuantile) {  // the values whose ranks lie inside
    const double n1 = static_cast<double>(a.sorted.size() - 1);
    lo = a.sorted[static_cast<std::size_t>(std::ceil(b.t0 * n1))];
    hi = a.sorted[static_cast<std::size_t>(std::max(0.0, std::floor(b.t1 * n1)))];
  }
  if (b.t0 <= 0) lo = -INFINITY;  // a brush reaching an end leaves that side open
  if (b.t1 >= 1) hi = INFINITY;
  return aggregate::format_number_filter(round_outward(lo, false), round_outward(hi, true));
}

}  // namespace el::ui
