// One scalar chart: axes with round ticks, every shown run's raw series drawn
// faint behind its smoothed one, per-pixel-column level of detail, NaN/Inf
// marks at the plot's edge, a hover cursor with a tooltip of every run's values
// at the nearest step, box zoom (drag), Ctrl+wheel zoom, pan (right-drag or
// Shift+drag) and double-click to fit.
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "aggregate/axis_scale.h"
#include "aggregate/decimate.h"
#include "imgui.h"
#include "ui/geometry_renderer.h"
#include "ui/plot_frame.h"
#include "ui/series_cache.h"
#include "ui/settings.h"
#include "ui/theme.h"

namespace el::ui {

struct ChartLine {
  const PreparedSeries* data = nullptr;
  std::uint32_t rgb = 0;             // 0xRRGGBB
  const std::string* run = nullptr;  // the label (a run name, or "run: tag")
  // Margin charts and run groups: a band from `lower` to `upper`, drawn under
  // the line; edges without steps of their own are at the line's points.
  const PreparedSeries* lower = nullptr;
  const PreparedSeries* upper = nullptr;
  const std::string* shown = nullptr;  // the label as displayed (RunLooks); null: `run`
  // A run group's line: how many members each point aggregates (the tooltip's n).
  const std::vector<std::uint32_t>* counts = nullptr;
  // A group's member drawn behind its group's line: thin, translucent, not in the tooltip.
  bool faint = false;
};

struct ChartOptions {
  XAxis x_axis = XAxis::kStep;
  // Values to plot units: x on step and tag axes (time axes stay linear), and y.
  aggregate::AxisScale x_scale, y_scale;
  const std::string* x_tag = nullptr;  // XAxis::kTag: the tag on x (tooltip header)
  bool ignore_outliers = true;
  bool smoothing_on = true;
  TooltipSort sort = TooltipSort::kNearest;
  const Fonts* fonts = nullptr;
  double now = 0;  // seconds, paces auto-range updates while data grows
  // Keeps the lines' triangles on the GPU between frames (null: built into the window's draw list each
  // frame).
  GeometryRenderer* geometry = nullptr;
};

class LineChart {
 public:
  LineChart() = default;
  LineChart(const LineChart&) = delete;  // (the GPU geometry is the chart's own)
  LineChart& operator=(const LineChart&) = delete;
  // Draws the chart filling `size` at the cursor. `data_key` changes whenever
  // the lines' data or the options change (it invalidates the fitted range).
  void draw(const char* id, ImVec2 size, std::span<const ChartLine> lines, const ChartOptions& options,
            std::uint64_t data_key);
  void fit() { nav_.fit(); }
  bool zoomed() const { return nav_.zoomed(); }
  // What the last frame drew, for state(): the axis labels, the range shown
  // (y in log10 units on a log axis) and the chart's screen rectangle (x, y, w, h).
  const std::vector<std::string>& x_labels() const { return x_labels_; }
  const std::vector<std::string>& y_labels() const { return y_labels_; }
  const PlotRange& view() const { return nav_.view(); }
  const std::array<float, 4>& rect() const { return rect_; }
  // How many times the lines' GPU geometry was built (state(): hovering builds none).
  std::uint64_t geometry_builds() const { return geometry_builds_; }

 private:
  void fit_range(std::span<const ChartLine> lines, const ChartOptions& o);
  bool refresh_lines(std::span<const ChartLine> lines, const ChartOptions& o, const PlotRange& v,
                     int band_columns, int columns);
  static bool draws_pass(const ChartLine& l, const ChartOptions& o, int pass);
  static std::uint64_t geometry_key(std::span<const ChartLine> lines, const ChartOptions& o,
                                    const PlotRange& v, const PlotArea& area, int flags);
  static ImDrawList& geometry_scratch();
  void draw_lines(ImDrawList& dl, std::span<const ChartLine> lines, const ChartOptions& o, const PlotRange& v,
                  const PlotArea& area);
  void draw_tooltip(std::span<const ChartLine> lines, const ChartOptions& o, double mouse_x, double mouse_y);

  PlotNavigator nav_;  // what is shown, in plot units (the scales' units)
  std::vector<std::string> x_labels_, y_labels_;
  std::array<float, 4> rect_{};
  PlotRange fitted_;
  std::uint64_t fitted_key_ = ~0ull;
  double fitted_at_ = -1;
  // Decimated points per (line, pass), reused while nothing they depend on
  // changed: hovering a chart then costs no decimation at all.
  struct Decimated {
    const PreparedSeries* data = nullptr;
    std::size_t points = ~std::size_t{0};
    std::uint64_t version = 0;  // of the store series the data came from
    double smoothing = -1;
    bool all_points = false;
    double x0 = 0, x1 = 0;
    int columns = 0;
    XAxis axis = XAxis::kStep;
    aggregate::AxisScale x_scale;
    std::vector<aggregate::Point> out;
  };
  std::vector<Decimated> decimated_;
  // A band's pixel columns per line, reused like the decimated points.
  struct Band {
    const PreparedSeries *lower = nullptr, *upper = nullptr;
    std::uint64_t lower_version = 0, upper_version = 0;
    std::size_t points = 0;
    double x0 = 0, x1 = 0;
    int columns = 0;
    XAxis axis = XAxis::kStep;
    aggregate::AxisScale x_scale, y_scale;
    std::vector<std::array<double, 3>> out;  // (x, lower, upper) in plot units
  };
  std::vector<Band> bands_;
  std::vector<double> band_xs_;     // a band's x in plot units, when computed
  std::vector<double> xs_scratch_;  // a line's x in plot units, when computed
  // The lines' triangles on the GPU (ChartOptions::geometry), what they were
  // built from, and where the plot was then (later frames move them along).
  GeometryId geometry_ = 0;
  std::uint64_t geometry_key_ = 0;
  ImVec2 geometry_origin_;
  std::uint64_t geometry_builds_ = 0;
  std::vector<ImVec2> screen_;
  std::vector<double> sample_;
};

// x of visible point i of a series for an axis mode (a value, before the scale).
double chart_x(const PreparedSeries& p, std::size_t i, XAxis axis);

}  // namespace el::ui
