// [SECTION] data ranges
// [SECTION] axes and grid
// [SECTION] lines and marks
// [SECTION] interaction
// [SECTION] tooltip
// [SECTION] draw
#include "ui/line_chart.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "aggregate/ticks.h"
#include "ui/format.h"
#include "ui/widgets.h"

namespace el::ui {
namespace {

ImU32 with_alpha(std::uint32_t rgb, float a) { return rgb_alpha(rgb, a); }

// The x column in plot units (a scaled copy when the scale is not linear).
const std::vector<double>& x_column(const PreparedSeries& p, XAxis axis, const aggregate::AxisScale& scale,
                                    std::vector<double>& scratch) {
  const std::vector<double>& xs = axis == XAxis::kStep ? p.steps : axis == XAxis::kTag ? p.xs : p.walls;
  if (axis == XAxis::kRelative) {
    scratch.resize(p.walls.size());
    for (std::size_t i = 0; i < p.walls.size(); ++i) scratch[i] = p.walls[i] - p.first_wall;
  } else if (scale.linear()) {
    return xs;
  } else {
    scratch = xs;
  }
  if (!scale.linear())
    for (double& x : scratch) x = scale.forward(x);
  return scratch;
}

// Index of the point whose x (on `axis`) is nearest `x` (p not empty). It
// searches the stored column; relative time is wall time shifted, so no
// column is built for a hover.
std::size_t nearest_index(const PreparedSeries& p, XAxis axis, double x) {
  const std::vector<double>& xs = axis == XAxis::kStep ? p.steps : axis == XAxis::kTag ? p.xs : p.walls;
  if (xs.empty()) return 0;
  if (axis == XAxis::kRelative) x += p.first_wall;
  std::size_t i = static_cast<std::size_t>(std::lower_bound(xs.begin(), xs.end(), x) - xs.begin());
  if (i == xs.size() || (i > 0 && x - xs[i - 1] < xs[i] - x)) --i;
  return i;
}

// The y a chart plots for a value (NaN if the scale cannot show it).
double plot_y(double v, const aggregate::AxisScale& scale) { return scale.forward(v); }

// The x a chart plots for point i.
double plot_x(const PreparedSeries& p, std::size_t i, const ChartOptions& o) {
  return o.x_scale.forward(chart_x(p, i, o.x_axis));
}

// The band of a margin chart or a run group: per pixel column of [x0, x1]
// (plus one column beyond each edge, so the band reaches them), the lowest
// lower and highest upper bound of the points in it, at the column's first x.
// A column with no finite bounds breaks the band. `out` holds (x, lower,
// upper) in plot units. `scratch` holds x when it is computed.
void band_columns(const ChartLine& l, const ChartOptions& o, double x0, double x1, int columns,
                  std::vector<std::array<double, 3>>& out, std::vector<double>& scratch) {
  out.clear();
  const PreparedSeries &lo = *l.lower, &hi = *l.upper;
  // Edges with no steps of their own (a run group's) are at the line's points.
  const PreparedSeries& at = lo.steps.empty() ? *l.data : lo;
  const std::vector<double>& xs = x_column(at, o.x_axis, o.x_scale, scratch);  // in plot units
  const std::size_t n = std::min({lo.values.size(), hi.values.size(), xs.size()});
  const bool y_linear = o.y_scale.linear();
  const double per = columns / (x1 - x0);
  long column = 0;
  bool open = false;
  for (std::size_t i = 0; i < n; ++i) {
    const double x = xs[i];
    if (!std::isfinite(x)) continue;
    const long c =
        static_cast<long>(std::clamp(std::floor((x - x0) * per), -1.0, static_cast<double>(columns)));
    const double yl = y_linear ? lo.values[i] : plot_y(lo.values[i], o.y_scale);
    const double yu = y_linear ? hi.values[i] : plot_y(hi.values[i], o.y_scale);
    const bool finite = std::isfinite(yl) && std::isfinite(yu);
    const std::array<double, 3> point{x, finite ? yl : NAN, finite ? yu : NAN};
    if (c == -1) {  // left of the plot: only the nearest point counts
      if (open && column == -1)
        out.back() = point;
      else
        out.push_back(point);
      column = -1;
      open = true;
      continue;
    }
    if (!open || c != column) {
      out.push_back(point);
      if (c == columns) break;  // the first point right of the plot ends the band
      column = c;
      open = true;
      continue;
    }
    std::array<double, 3>& b = out.back();
    if (!finite) continue;
    b[1] = std::isfinite(b[1]) ? std::min(b[1], yl) : yl;
    b[2] = std::isfinite(b[2]) ? std::max(b[2], yu) : yu;
  }
}

}  // namespace

double chart_x(const PreparedSeries& p, std::size_t i, XAxis axis) {
  switch (axis) {
    case XAxis::kStep: return p.steps[i];
    case XAxis::kRelative: return p.walls[i] - p.first_wall;
    case XAxis::kWallTime: return p.walls[i];
    case XAxis::kTag: return p.xs[i];
  }
  return p.steps[i];
}

// [SECTION] data ranges ------------------------------------------------------------
// x over every point; y over every finite value, or its 5th..95th percentile
// when outliers are ignored (TensorBoard's rule), from a strided sample of
// ~40k values over all the chart's lines, and at least 2,000 of each line
// (every value of a short one) and its last, so long series and many of
// them stay cheap.
void LineChart::fit_range(std::span<const ChartLine> lines, const ChartOptions& o) {
  double x0 = INFINITY, x1 = -INFINITY;
  sample_.clear();
  std::size_t parts = 0;  // lines and bands' edges
  for (const ChartLine& l : lines) parts += 1 + (l.lower != nullptr) + (l.upper != nullptr);
  const std::size_t per_part = std::max<std::size_t>(2000, 40000 / std::max<std::size_t>(1, parts));
  for (const ChartLine& l : lines) {
    const PreparedSeries& p = *l.data;
    const std::size_t n = p.values.size();
    if (n == 0) continue;
    const std::size_t stride = std::max<std::size_t>(1, n / per_part);
    // x is non-decreasing for steps; wall times usually are, but check the ends and a few samples.
    for (std::size_t i = 0; i < n; i += stride) {
      const double x = plot_x(p, i, o);
      if (std::isfinite(x)) x0 = std::min(x0, x), x1 = std::max(x1, x);
      const double y = plot_y(p.values[i], o.y_scale);
      if (std::isfinite(y)) sample_.push_back(y);
    }
    const double xl = plot_x(p, n - 1, o);
    if (std::isfinite(xl)) x0 = std::min(x0, xl), x1 = std::max(x1, xl);
    const double yl = plot_y(p.values[n - 1], o.y_scale);
    if (std::isfinite(yl)) sample_.push_back(yl);
    for (const PreparedSeries* band : {l.lower, l.upper}) {  // a margin chart's band fits too
      if (!band) continue;
      const std::size_t bs = std::max<std::size_t>(1, band->values.size() / per_part);
      for (std::size_t i = 0; i < band->values.size(); i += bs) {
        const double y = plot_y(band->values[i], o.y_scale);
        if (std::isfinite(y)) sample_.push_back(y);
      }
    }
  }
  PlotRange r;
  if (std::isfinite(x0)) {
    r.x0 = x0;
    r.x1 = x1;
    if (!(x1 > x0)) aggregate::pad_range(r.x0, r.x1, 0);  // one x: in the middle, not at the edge
  }
  if (!sample_.empty()) {
    double y0, y1;
    if (o.ignore_outliers && sample_.size() >= 20) {
      const std::size_t lo = sample_.size() * 5 / 100, hi = sample_.size() * 95 / 100;
      std::nth_element(sample_.begin(), sample_.begin() + static_cast<std::ptrdiff_t>(lo), sample_.end());
      y0 = sample_[lo];
      std::nth_element(sample_.begin(), sample_.begin() + static_cast<std::ptrdiff_t>(hi), sample_.end());
      y1 = sample_[hi];
    } else {
      const auto [a, b] = std::minmax_element(sample_.begin(), sample_.end());
      y0 = *a;
      y1 = *b;
    }
    if (y1 <= y0) aggregate::pad_range(y0, y1, 0);  // flat: 10 % of the value each side
    aggregate::pad_range(y0, y1, 0.06);             // safe up to the largest double
    r.y0 = y0;
    r.y1 = y1;
  }
  fitted_ = r;
}

// [SECTION] lines and marks ------------------------------------------------------------
// Brings each line's band columns and decimated points up to date with its
// data, the range shown and the width; true if any was recomputed.
bool LineChart::refresh_lines(std::span<const ChartLine> lines, const ChartOptions& o, const PlotRange& v,
                              int band_columns_n, int columns) {
  bool changed = false;
  bands_.resize(lines.size());
  for (std::size_t li = 0; li < lines.size(); ++li) {
    const ChartLine& l = lines[li];
    if (!l.lower || !l.upper || l.lower->values.empty() || l.upper->values.empty()) continue;
    Band& b = bands_[li];
    if (b.lower != l.lower || b.upper != l.upper || b.lower_version != l.lower->version ||
        b.upper_version != l.upper->version || b.points != l.lower->values.size() || b.x0 != v.x0 ||
        b.x1 != v.x1 || b.columns != band_columns_n || b.axis != o.x_axis || b.x_scale != o.x_scale ||
        b.y_scale != o.y_scale) {
      band_columns(l, o, v.x0, v.x1, band_columns_n, b.out, band_xs_);
      b.lower = l.lower;
      b.upper = l.upper;
      b.lower_version = l.lower->version;
      b.upper_version = l.upper->version;
      b.points = l.lower->values.size();
      b.x0 = v.x0;
      b.x1 = v.x1;
      b.columns = band_columns_n;
      b.axis = o.x_axis;
      b.x_scale = o.x_scale;
      b.y_scale = o.y_scale;
      changed = true;
    }
  }
  decimated_.resize(lines.size() * 2);
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t li = 0; li < lines.size(); ++li) {
      if (!draws_pass(lines[li], o, pass)) continue;
      const PreparedSeries& p = *lines[li].data;
      const bool raw = pass == 0;
      // Decimate in value space (the log is monotonic, so extremes stay
      // extremes), and only when the data, range or width changed.
      Decimated& d = decimated_[li * 2 + static_cast<std::size_t>(pass)];
      if (d.data != &p || d.points != p.values.size() || d.version != p.version ||
          d.smoothing != p.smoothing || d.all_points != p.all_points || d.x0 != v.x0 || d.x1 != v.x1 ||
          d.columns != columns || d.axis != o.x_axis || d.x_scale != o.x_scale) {
        const std::vector<double>& xs = x_column(p, o.x_axis, o.x_scale, xs_scratch_);
        const std::vector<double>& ys = raw ? p.values : p.smooth_values();
        const aggregate::MinMaxPyramid* pyr = raw ? &p.raw_pyramid : &p.smooth_values_pyramid();
        // A log x axis cannot show x <= 0: those points (first, x being sorted) are left out.
        std::size_t from = 0;
        while (from < xs.size() && !std::isfinite(xs[from])) ++from;
        aggregate::decimate_min_max(std::span(xs).subspan(from), std::span(ys).subspan(from), v.x0, v.x1,
                                    columns, d.out, o.x_axis == XAxis::kStep && from == 0 ? pyr : nullptr);
        d.data = &p;
        d.points = p.values.size();
        d.version = p.version;
        d.smoothing = p.smoothing;
        d.all_points = p.all_points;
        d.x0 = v.x0;
        d.x1 = v.x1;
        d.columns = columns;
        d.axis = o.x_axis;
        d.x_scale = o.x_scale;
        changed = true;
      }
    }
  }
  return changed;
}

// Pass 0 draws a line's raw values faintly, pass 1 its smoothed ones on top.
bool LineChart::draws_pass(const ChartLine& l, const ChartOptions& o, int pass) {
  const PreparedSeries& p = *l.data;
  if (p.values.empty()) return false;
  if (pass == 1) return true;
  // No raw pass without smoothing, for a group's member (its smoothed line
  // only), or when the smoothed values are the values (a constant series, a
  // group smoothed before aggregating).
  return o.smoothing_on && !l.faint && &p.smooth_values() != &p.values;
}

// What the lines' geometry depends on beyond the refreshed caches: the range
// and size shown, each line's look, the y scale, and ImGui's atlas and flags
// (the anti-aliased lines sample the atlas).
std::uint64_t LineChart::geometry_key(std::span<const ChartLine> lines, const ChartOptions& o,
                                      const PlotRange& v, const PlotArea& area, int flags) {
  std::uint64_t key = 1469598103934665603ull;
  auto mix = [&](std::uint64_t x) { key = (key ^ x) * 1099511628211ull; };
  auto mix_double = [&](double x) {
    std::uint64_t bits;
    std::memcpy(&bits, &x, sizeof bits);
    mix(bits);
  };
  for (double x : {v.x0, v.x1, v.y0, v.y1, static_cast<double>(area.width()),
                   static_cast<double>(area.p1.y - area.p0.y), o.y_scale.width})
    mix_double(x);
  const ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  for (float x :
       {atlas.TexUvWhitePixel.x, atlas.TexUvWhitePixel.y, atlas.TexUvLines[2].x, atlas.TexUvLines[2].y})
    mix_double(x);
  mix(reinterpret_cast<std::uintptr_t>(atlas.TexID));
  mix(static_cast<std::uint64_t>(o.y_scale.kind) | (static_cast<std::uint64_t>(o.smoothing_on) << 8) |
      (static_cast<std::uint64_t>(flags) << 16));
  mix(lines.size());
  for (const ChartLine& l : lines) {
    mix(reinterpret_cast<std::uintptr_t>(l.data));
    mix(reinterpret_cast<std::uintptr_t>(l.lower));
    mix(reinterpret_cast<std::uintptr_t>(l.upper));
    mix(l.rgb | (static_cast<std::uint64_t>(l.faint) << 32));
  }
  return key;
}

// One ImDrawList for building every chart's geometry before it is uploaded.
ImDrawList& LineChart::geometry_scratch() {
  static ImDrawList* list = nullptr;
  if (!list) list = IM_NEW(ImDrawList)(ImGui::GetDrawListSharedData());
  list->_Data = ImGui::GetDrawListSharedData();
  return *list;
}

// Bands under every line, then each line's raw pass and smoothed pass, and the
// NaN/Inf marks, from the refreshed caches into `dl`.
void LineChart::draw_lines(ImDrawList& dl, std::span<const ChartLine> lines, const ChartOptions& o,
                           const PlotRange& v, const PlotArea& area) {
  auto sx = [&](double x) { return nav_.sx(area, x); };
  auto sy = [&](double y) { return nav_.sy(area, y); };
  for (std::size_t li = 0; li < lines.size(); ++li) {
    const ChartLine& l = lines[li];
    if (!l.lower || !l.upper || l.lower->values.empty() || l.upper->values.empty()) continue;
    const Band& b = bands_[li];
    // One triangle strip per unbroken stretch: two vertices per column, no
    // anti-aliased fringe (a translucent fill needs none), written directly.
    const ImU32 fill = rgb_alpha(l.rgb, 0.2f);
    const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
    for (std::size_t from = 0; from < b.out.size();) {
      std::size_t to = from;
      while (to < b.out.size() && std::isfinite(b.out[to][1])) ++to;
      const int k = static_cast<int>(to - from);
      if (k >= 2) {
        dl.PrimReserve(6 * (k - 1), 2 * k);
        const auto base = static_cast<unsigned>(dl._VtxCurrentIdx);
        for (int i = 0; i < k; ++i) {
          const auto& c = b.out[from + static_cast<std::size_t>(i)];
          const float x = sx(c[0]);
          dl.PrimWriteVtx(ImVec2(x, sy(c[2])), uv, fill);
          dl.PrimWriteVtx(ImVec2(x, sy(c[1])), uv, fill);
        }
        for (unsigned i = 0; i + 1 < static_cast<unsigned>(k); ++i) {
          const unsigned first = base + 2 * i;
          for (unsigned idx : {first, first + 2, first + 1, first + 1, first + 2, first + 3})
            dl.PrimWriteIdx(idx);
        }
      }
      from = to + 1;
    }
  }
  for (int pass = 0; pass < 2; ++pass) {
    for (std::size_t li = 0; li < lines.size(); ++li) {
      const ChartLine& l = lines[li];
      if (!draws_pass(l, o, pass)) continue;
      const PreparedSeries& p = *l.data;
      const bool raw = pass == 0;
      const float alpha = l.faint ? 0.3f : raw ? 0.28f : 1.0f;
      const Decimated& d = decimated_[li * 2 + static_cast<std::size_t>(pass)];
      screen_.clear();
      auto flush = [&]() {
        // A lone point (a single record, or one between gaps) is a dot big enough to see.
        if (screen_.size() == 1)
          dl.AddCircleFilled(screen_[0], raw || l.faint ? 2.5f : 3.5f, with_alpha(l.rgb, alpha));
        if (screen_.size() > 1)
          dl.AddPolyline(screen_.data(), static_cast<int>(screen_.size()), with_alpha(l.rgb, alpha), 0,
                         raw || l.faint ? 1.0f : 2.0f);  // integer widths: ImGui's fast textured lines
        screen_.clear();
      };
      for (const aggregate::Point& pt : d.out) {
        const double y = plot_y(pt.y, o.y_scale);
        if (!std::isfinite(y)) {
          flush();
          continue;
        }
        screen_.emplace_back(sx(pt.x), sy(y));
      }
      flush();
      // NaN and ±Inf: small triangles on the plot's top (+Inf) or bottom edge.
      if (!raw || !o.smoothing_on) {
        for (std::uint32_t i : p.nonfinite) {
          if (o.x_axis == XAxis::kTag) break;  // (kept positions are of the unpaired series)
          const double x = plot_x(p, i, o);
          if (!(x >= v.x0 && x <= v.x1)) continue;
          const float px = sx(x);
          const bool top = p.values[i] > 0 && std::isinf(p.values[i]);
          const float ey = top ? area.p0.y + 1 : area.p1.y - 1, dy = top ? 6.0f : -6.0f;
          dl.AddTriangleFilled(ImVec2(px, ey), ImVec2(px - 4, ey + dy), ImVec2(px + 4, ey + dy),
                               with_alpha(l.rgb, 1.0f));
        }
      }
    }
  }
}

// [SECTION] draw ----------------------------------------------------------------------
void LineChart::draw(const char* id, ImVec2 size, std::span<const ChartLine> lines, const ChartOptions& o,
                     std::uint64_t data_key) {
  ImGui::PushID(id);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##plot", size,
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  // The fitted range follows the data, refreshed at most 4 times a second
  // while it grows (a percentile over many points is not free).
  if (data_key != fitted_key_ && (fitted_at_ < 0 || o.now - fitted_at_ > 0.25)) {
    fit_range(lines, o);
    fitted_key_ = data_key;
    fitted_at_ = o.now;
  }
  // The left margin fits the y labels (1.75e+308 needs more than the usual),
  // measured on the range this frame shows unless a drag is changing it.
  const PlotRange shown = nav_.zoomed() ? nav_.view() : fitted_;
  const float plot_h = size.y - kPlotTopMargin - kPlotBottomMargin;
  const float left = std::max(kPlotLeftMargin, y_axis_label_width(shown, plot_h, o.y_scale, o.fonts) + 12);
  const PlotArea area{ImVec2(origin.x + left, origin.y + kPlotTopMargin),
                      ImVec2(origin.x + size.x - kPlotRightMargin, origin.y + size.y - kPlotBottomMargin)};
  const ImVec2 p0 = area.p0, p1 = area.p1;
  const float pw = area.width();

  // [SECTION] interaction
  ImGuiIO& io = ImGui::GetIO();
  const PlotRange v = nav_.update(area, hovered, fitted_);
  auto sx = [&](double x) { return nav_.sx(area, x); };
  auto sy = [&](double y) { return nav_.sy(area, y); };

  // [SECTION] axes and grid
  x_labels_ = draw_x_axis(dl, area, origin, ImVec2(origin.x + size.x, origin.y + size.y), v,
                          axis_kind(o.x_axis), o.fonts, o.x_scale);
  y_labels_ = draw_y_axis(dl, area, v, o.y_scale, o.fonts);
  rect_ = {origin.x, origin.y, size.x, size.y};
  dl->AddRect(p0, p1, ImGui::GetColorU32(ImGuiCol_Border));

  // Lines and marks (see their section).
  const int band_columns_n = std::max(1, static_cast<int>(pw));
  const int columns = std::max(1, static_cast<int>(pw * io.DisplayFramebufferScale.x));
  const bool refreshed = refresh_lines(lines, o, v, band_columns_n, columns);
  dl->PushClipRect(p0, p1, true);
  if (o.geometry) {
    // Built and uploaded only when something they show changed: a frame that
    // only moves the cursor costs one draw call for all the lines.
    const std::uint64_t key = geometry_key(lines, o, v, area, dl->Flags);
    if (refreshed || key != geometry_key_ || !o.geometry->has(geometry_)) {
      ImDrawList& scratch = geometry_scratch();
      scratch._ResetForNewFrame();
      scratch.Flags = dl->Flags;
      draw_lines(scratch, lines, o, v, area);
      geometry_ = o.geometry->upload(geometry_, std::span(scratch.VtxBuffer.Data, scratch.VtxBuffer.Size),
                                     std::span(scratch.IdxBuffer.Data, scratch.IdxBuffer.Size));
      geometry_key_ = key;
      geometry_origin_ = p0;
      ++geometry_builds_;
    }
    o.geometry->draw(dl, geometry_, ImVec2(p0.x - geometry_origin_.x, p0.y - geometry_origin_.y));
  } else {
    draw_lines(*dl, lines, o, v, area);
  }
  dl->PopClipRect();

  nav_.draw_box(dl, area);

  // [SECTION] tooltip
  if (hovered && !nav_.busy() && io.MousePos.x >= p0.x && io.MousePos.x <= p1.x) {
    dl->AddLine(ImVec2(io.MousePos.x, p0.y), ImVec2(io.MousePos.x, p1.y),
                ImGui::GetColorU32(ImGuiCol_Text, 0.45f));
    const double mx = o.x_scale.inverse(nav_.data_x(area, io.MousePos.x));
    const double my = o.y_scale.inverse(nav_.data_y(area, io.MousePos.y));
    draw_tooltip(lines, o, mx, my);
    // Markers at each line's nearest point.
    for (const ChartLine& l : lines) {
      const PreparedSeries& p = *l.data;
      if (p.values.empty() || l.faint) continue;
      const std::size_t i = nearest_index(p, o.x_axis, mx);
      const double x = plot_x(p, i, o), y = plot_y(p.smooth_values()[i], o.y_scale);
      if (std::isfinite(y) && x >= v.x0 && x <= v.x1 && y >= v.y0 && y <= v.y1)
        dl->AddCircleFilled(ImVec2(sx(x), sy(y)), 3.5f, with_alpha(l.rgb, 1.0f));
    }
  }
  ImGui::PopID();
}

void LineChart::draw_tooltip(std::span<const ChartLine> lines, const ChartOptions& o, double mx, double my) {
  struct Row {
    const ChartLine* line;
    std::size_t i;
    double smoothed, value, distance;
  };
  std::vector<Row> rows;
  bool counts = false;  // a group's line is among them: an n column
  for (const ChartLine& l : lines) {
    const PreparedSeries& p = *l.data;
    if (p.values.empty() || l.faint) continue;
    counts |= l.counts != nullptr;
    const std::size_t i = nearest_index(p, o.x_axis, mx);
    const double s = p.smooth_values()[i];
    rows.push_back({&l, i, s, p.values[i], std::isfinite(s) ? std::abs(s - my) : INFINITY});
  }
  if (rows.empty()) return;
  switch (o.sort) {
    case TooltipSort::kNearest:
      std::stable_sort(rows.begin(), rows.end(),
                       [](const Row& a, const Row& b) { return a.distance < b.distance; });
      break;
    case TooltipSort::kValue:
      std::stable_sort(rows.begin(), rows.end(),
                       [](const Row& a, const Row& b) { return a.smoothed > b.smoothed; });
      break;
    case TooltipSort::kName:
      std::stable_sort(rows.begin(), rows.end(),
                       [](const Row& a, const Row& b) { return *a.line->run < *b.line->run; });
      break;
  }
  ImGui::BeginTooltip();
  const bool by_tag = o.x_axis == XAxis::kTag;
  if (ImGui::BeginTable("##tip", (o.smoothing_on ? 5 : 4) + counts + by_tag,
                        ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg)) {
    ImGui::TableSetupColumn(counts ? "Run or group" : "Run");
    if (o.smoothing_on) ImGui::TableSetupColumn("Smoothed");
    ImGui::TableSetupColumn("Value");
    if (counts) ImGui::TableSetupColumn("n");
    if (by_tag) ImGui::TableSetupColumn(o.x_tag ? o.x_tag->c_str() : "x");
    ImGui::TableSetupColumn("Step");
    ImGui::TableSetupColumn("Relative");
    ImGui::TableHeadersRow();
    for (const Row& r : rows) {
      const PreparedSeries& p = *r.line->data;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      const ImVec2 c = ImGui::GetCursorScreenPos();
      const float h = ImGui::GetTextLineHeight();
      ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(c.x, c.y + h * 0.2f),
                                                ImVec2(c.x + h * 0.6f, c.y + h * 0.8f),
                                                with_alpha(r.line->rgb, 1.0f), 2.0f);
      ImGui::Dummy(ImVec2(h * 0.6f, h));
      ImGui::SameLine();
      ImGui::TextUnformatted(fit_middle(r.line->shown ? *r.line->shown : *r.line->run, 360).c_str());
      if (o.fonts && o.fonts->mono) ImGui::PushFont(o.fonts->mono);
      if (o.smoothing_on) {
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_value(r.smoothed).c_str());
      }
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(format_value(r.value).c_str());
      if (counts) {  // how many members this step of a group's line aggregates
        ImGui::TableNextColumn();
        if (r.line->counts && r.i < r.line->counts->size()) ImGui::Text("%u", (*r.line->counts)[r.i]);
      }
      if (by_tag) {  // the point's x: the other tag's value at its step
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_value(p.xs[r.i]).c_str());
      }
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(format_count(static_cast<std::uint64_t>(std::max(0.0, p.steps[r.i]))).c_str());
      ImGui::TableNextColumn();
      if (r.i < p.walls.size())  // (a group line's are computed a few frames after it)
        ImGui::TextUnformatted(aggregate::format_duration(p.walls[r.i] - p.first_wall).c_str());
      if (o.fonts && o.fonts->mono) ImGui::PopFont();
    }
    ImGui::EndTable();
  }
  ImGui::EndTooltip();
}

}  // namespace el::ui
