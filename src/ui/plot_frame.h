// What every 2-D plot card shares: the data range it shows, zoom and pan by
// mouse (box zoom by left drag, Ctrl+wheel zoom, pan by right drag or
// Shift+drag, double-click or the "zoomed" badge to fit), and axes with round ticks (steps and values with SI
// suffixes, relative time as durations, wall time as dates and times).
#pragma once
#include <string>
#include <vector>

#include "aggregate/axis_scale.h"
#include "imgui.h"
#include "ui/settings.h"
#include "ui/theme.h"

namespace el::ui {

struct PlotRange {
  double x0 = 0, x1 = 1, y0 = 0, y1 = 1;
};

// The plot rectangle inside a card area, with room for tick labels.
struct PlotArea {
  ImVec2 p0, p1;  // screen corners of the plotting rectangle
  float width() const { return std::max(1.0f, p1.x - p0.x); }
  float height() const { return std::max(1.0f, p1.y - p0.y); }
  bool contains(ImVec2 p) const { return p.x >= p0.x && p.x <= p1.x && p.y >= p0.y && p.y <= p1.y; }
};
inline constexpr float kPlotLeftMargin = 54, kPlotBottomMargin = 22, kPlotTopMargin = 6,
                       kPlotRightMargin = 10;

// Whether the wheel zooms the hovered item or scrolls the page, as on a
// scrolling page of charts: it zooms with Ctrl (or Cmd) held, or after a
// click into the item until the mouse leaves it; otherwise the page scrolls.
// Call right after the item (it claims the wheel from the page then).
class WheelGate {
 public:
  bool zooms(bool hovered);

 private:
  bool clicked_in_ = false;
};

// Zoom and pan state of one plot. `update` runs after the plot's
// InvisibleButton and returns the range to draw: the fitted one until the
// user zooms or pans, theirs after (double-click returns to fitted).
class PlotNavigator {
 public:
  PlotRange& update(const PlotArea& a, bool hovered, const PlotRange& fitted);
  void fit() { manual_ = false; }
  bool zoomed() const { return manual_; }
  bool busy() const { return box_dragging_ || panning_; }
  // The rubber band of a box zoom in progress, and while zoomed a badge at
  // the top right that says so and fits the plot to its data again on a click.
  void draw_box(ImDrawList* dl, const PlotArea& a) const;
  // Screen <-> data for the current view.
  float sx(const PlotArea& a, double x) const {
    return static_cast<float>(a.p0.x + (x - view_.x0) / (view_.x1 - view_.x0) * a.width());
  }
  float sy(const PlotArea& a, double y) const {
    return static_cast<float>(a.p0.y + (view_.y1 - y) / (view_.y1 - view_.y0) * a.height());
  }
  double data_x(const PlotArea& a, float x) const {
    return view_.x0 + (x - a.p0.x) / a.width() * (view_.x1 - view_.x0);
  }
  double data_y(const PlotArea& a, float y) const {
    return view_.y1 - (y - a.p0.y) / a.height() * (view_.y1 - view_.y0);
  }
  const PlotRange& view() const { return view_; }

 private:
  bool manual_ = false;
  PlotRange view_;
  bool box_dragging_ = false, panning_ = false;
  ImVec2 drag_from_{};
  PlotRange pan_from_;
  WheelGate wheel_;
};
// Where the "zoomed" badge of a plot sits.
void zoom_badge_rect(const PlotArea& a, ImVec2& min, ImVec2& max);

// How an x axis labels its ticks.
enum class AxisKind : std::uint8_t { kValue, kRelativeTime, kWallTime };
inline AxisKind axis_kind(XAxis x) {
  return x == XAxis::kRelative   ? AxisKind::kRelativeTime
         : x == XAxis::kWallTime ? AxisKind::kWallTime
                                 : AxisKind::kValue;
}

// Vertical grid lines and labels under the plot for [v.x0, v.x1]. Returns
// the labels drawn (for state()).
// On a value axis, `scale` maps values to the plot's units (v is in plot units).
std::vector<std::string> draw_x_axis(ImDrawList* dl, const PlotArea& a, ImVec2 card_min, ImVec2 card_max,
                                     const PlotRange& v, AxisKind kind, const Fonts* fonts,
                                     const aggregate::AxisScale& scale = {});
// Horizontal grid lines and labels left of the plot for [v.y0, v.y1], in
// the units of `scale` (log10 of the value on a log axis; a narrow log range
// gets linear ticks).
// The widest label draw_y_axis would draw (for a left margin that fits it).
float y_axis_label_width(const PlotRange& v, float height, const aggregate::AxisScale& scale,
                         const Fonts* fonts);
std::vector<std::string> draw_y_axis(ImDrawList* dl, const PlotArea& a, const PlotRange& v,
                                     const aggregate::AxisScale& scale, const Fonts* fonts);

// The seconds east of UTC of this machine's local time (wall-time labels).
double local_utc_offset();

// 0xRRGGBB with an alpha of a (0..1).
inline ImU32 rgb_alpha(std::uint32_t rgb, float a) {
  return IM_COL32((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, static_cast<int>(a * 255));
}

// Distance from p to the segment a-b, in pixels (hit-testing lines and edges under the cursor).
float segment_distance(ImVec2 p, ImVec2 a, ImVec2 b);

}  // namespace el::ui
