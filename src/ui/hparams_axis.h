// Columns of the hparams table as plot axes (parallel coordinates, scatter
// matrix): where each session sits in [0, 1] on a linear, log or quantile
// scale, or among sorted categories; the way back from a brushed span to a
// filter; and the colour ramp for "colour by metric". Plain C++ (no ImGui).
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "aggregate/hparams.h"

namespace el::ui {

enum class AxisScale : std::uint8_t { kLinear, kLog, kQuantile };

// One column as a plot axis: where each session's value sits in [0, 1]
// (bottom to top), and the way back for brushing.
struct HparamsAxis {
  std::string key;    // "h:name" or "m:group/tag": the dashboard's per-column state key
  std::string label;  // what the axis shows
  bool metric = false;
  std::size_t column = 0;  // into table.hparams or table.metrics
  bool categorical = false;
  std::vector<std::string> categories;  // categorical: sorted shown texts
  AxisScale scale = AxisScale::kLinear;
  double lo = 0, hi = 1;          // numeric: finite extent over every session
  std::vector<double> sorted;     // numeric: every finite value (quantiles)
  std::vector<double> position;   // per session: [0, 1], NaN when missing or not plottable
  std::vector<double> number;     // per session: the numeric value (NaN if none)
  std::vector<std::string> text;  // per session: the shown text

  // Value at axis position t (numeric axes).
  double value_at(double t) const;
  // Tick labels: (position, text).
  std::vector<std::pair<double, std::string>> ticks() const;
};

HparamsAxis make_axis(const aggregate::HparamsTable& table, bool metric, std::size_t column,
                      aggregate::MetricAggregate agg, AxisScale scale);

// A brush on an axis, in positions: [t0, t1] with t0 <= t1.
struct AxisBrush {
  double t0 = 0, t1 = 0;
};

// The filter text a brush stands for: "lo .. hi" for numbers, an anchored
// alternation of the categories inside it for text.
std::string brush_filter_text(const HparamsAxis& axis, const AxisBrush& brush);

// A colour ramp for t in [0, 1] (violet, blue, teal, green, yellow), its
// lightness rising with t, for lines on a card of the dark or the light theme:
// every colour keeps 3:1 contrast with that card's background (viridis' own
// ends vanish: its dark violet on the dark theme, its yellow on the light).
std::uint32_t ramp_color(double t, bool dark);

}  // namespace el::ui
