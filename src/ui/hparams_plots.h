// The HParams dashboard's two plots over the sessions table: parallel
// coordinates (one vertical axis per shown hparam and metric; dragging along
// an axis brushes a range that becomes that column's filter) and a
// scatter-plot matrix (metrics down, hparams across). Both colour sessions by
// a chosen metric, draw filtered-out sessions faint, and report the session
// under the mouse so the table can highlight its row.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "aggregate/hparams.h"
#include "imgui.h"
#include "ui/theme.h"

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

struct HparamsPlotInput {
  const aggregate::HparamsTable* table = nullptr;
  const std::vector<HparamsAxis>* axes = nullptr;
  const std::vector<std::uint8_t>* passes = nullptr;   // per session: passes the filters
  const std::vector<std::uint32_t>* colors = nullptr;  // per session: 0xRRGGBB
  int highlighted = -1;                                // session hovered in the table or selected
  int selected = -1;
  const Fonts* fonts = nullptr;
};

struct HparamsPlotResult {
  int hovered = -1;  // session under the mouse
  int clicked = -1;  // session clicked
  // A brush finished (or cleared with a click) on axis `brushed_axis`.
  int brushed_axis = -1;
  bool brush_cleared = false;
  AxisBrush brush;
  int axis_menu = -1;  // axis whose label was clicked (scale / hide menu)
};

class ParallelCoordinates {
 public:
  // `brushes` (per axis, may be NaN t0 for none) are drawn on the axes.
  HparamsPlotResult draw(ImVec2 size, const HparamsPlotInput& in, const std::vector<AxisBrush>& brushes);

 private:
  int dragging_axis_ = -1;
  float drag_from_y_ = 0;
};

HparamsPlotResult draw_scatter_matrix(ImVec2 size, const HparamsPlotInput& in);

// A perceptual colour ramp (dark blue, teal, yellow) for t in [0, 1].
std::uint32_t ramp_color(double t);

}  // namespace el::ui
