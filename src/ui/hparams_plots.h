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
#include "ui/hparams_axis.h"

namespace el::ui {

struct HparamsPlotInput {
  const aggregate::HparamsTable* table = nullptr;
  const std::vector<HparamsAxis>* axes = nullptr;
  const std::vector<std::uint8_t>* passes = nullptr;   // per session: passes the filters
  const std::vector<std::uint32_t>* colors = nullptr;  // per session: 0xRRGGBB
  int highlighted = -1;                                // session hovered in the table or selected
  int selected = -1;
};

struct HparamsPlotResult {
  int hovered = -1;  // session under the mouse
  int clicked = -1;  // session clicked
  // A brush finished (or cleared with a click) on axis `brushed_axis`.
  int brushed_axis = -1;
  bool brush_cleared = false;
  AxisBrush brush;
  int axis_menu = -1;              // axis whose label was clicked (scale / hide menu)
  std::vector<ImVec4> axis_lines;  // parallel coordinates: per axis (x, top, bottom, 0) on screen
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

}  // namespace el::ui
