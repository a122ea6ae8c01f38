// [SECTION] helpers
// [SECTION] brush
// [SECTION] plot
// [SECTION] card data export
// [SECTION] dashboard
#include "ui/histograms_dashboard.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "aggregate/ticks.h"
#include "store/csv_writer.h"
#include "ui/format.h"
#include "ui/sidebar_sections.h"
#include "ui/widgets.h"

namespace el::ui {
namespace {

// [SECTION] helpers ---------------------------------------------------------------------
constexpr float kBrushHeight = 16;
constexpr int kMaxOverlayRows = 60;  // beyond this, overlaid outlines are a blur: sample them

// `rgb` mixed toward the card background by `t` (0: the colour, 1: the background).
ImU32 faded(std::uint32_t rgb, float t, float alpha) {
  const ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_ChildBg);
  auto mix = [&](int c, float b) { return static_cast<int>(static_cast<float>(c) * (1 - t) + b * 255 * t); };
  return IM_COL32(mix((rgb >> 16) & 0xff, bg.x), mix((rgb >> 8) & 0xff, bg.y), mix(rgb & 0xff, bg.z),
                  static_cast<int>(alpha * 255));
}

std::string time_label(double t, XAxis axis, double step) {
  if (axis == XAxis::kStep) return aggregate::format_si(t, step);
  if (axis == XAxis::kRelative) return aggregate::format_duration(t);
  return aggregate::format_time(t, step, local_utc_offset());
}

}  // namespace

// [SECTION] brush -------------------------------------------------------------------------
// A strip under the plot spanning the first to the last recorded step, a tick
// per record; dragging across it keeps only those steps, a double-click
// brings all back.
void HistogramsDashboard::draw_brush(const aggregate::HistogramSeries& h, Card& c, ImVec2 min, ImVec2 max) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float w = std::max(1.0f, max.x - min.x);
  const double s0 = static_cast<double>(h.steps.front()), s1 = static_cast<double>(h.steps.back());
  const double span = s1 > s0 ? s1 - s0 : 1.0;
  auto to_x = [&](double s) { return static_cast<float>(min.x + (s - s0) / span * w); };
  auto to_step = [&](float x) {
    return static_cast<std::int64_t>(std::llround(s0 + std::clamp((x - min.x) / w, 0.0f, 1.0f) * span));
  };
  ImGui::SetCursorScreenPos(min);
  ImGui::InvisibleButton("##brush", ImVec2(w, max.y - min.y));
  const bool hovered = ImGui::IsItemHovered();
  const ImGuiIO& io = ImGui::GetIO();
  if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
    c.brushed = c.brushing = false;
  } else if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    c.brushing = true;
    c.brush_from = to_step(io.MousePos.x);
  }
  if (c.brushing) {
    const std::int64_t at = to_step(io.MousePos.x);
    c.brush_lo = std::min(c.brush_from, at);
    c.brush_hi = std::max(c.brush_from, at);
    c.brushed = true;
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
      c.brushing = false;
      if (c.brush_lo == c.brush_hi && h.steps.size() > 1) c.brushed = false;  // a click, not a drag
    }
  }
  dl->AddRectFilled(min, max, ImGui::GetColorU32(ImGuiCol_FrameBg), 3.0f);
  if (c.brushed)
    dl->AddRectFilled(ImVec2(to_x(static_cast<double>(c.brush_lo)) - 1, min.y),
                      ImVec2(to_x(static_cast<double>(c.brush_hi)) + 1, max.y),
                      ImGui::GetColorU32(ImGuiCol_TextSelectedBg), 3.0f);
  // One tick per pixel column that holds a record.
  const ImU32 tick = ImGui::GetColorU32(ImGuiCol_TextDisabled, 0.8f);
  float last = -1;
  for (std::int64_t s : h.steps) {
    const float x = std::floor(to_x(static_cast<double>(s)));
    if (x == last) continue;
    last = x;
    dl->AddLine(ImVec2(x + 0.5f, min.y + 4), ImVec2(x + 0.5f, max.y - 4), tick);
  }
  if (hovered && !c.brushing)
    ImGui::SetTooltip(c.brushed ? "Steps %lld to %lld shown. Drag to choose others; double-click shows all."
                                : "All %lld..%lld steps shown. Drag across this strip to show only some.",
                      static_cast<long long>(c.brushed ? c.brush_lo : h.steps.front()),
                      static_cast<long long>(c.brushed ? c.brush_hi : h.steps.back()));
}

// [SECTION] plot --------------------------------------------------------------------------
void HistogramsDashboard::draw_plot(const UiContext& ctx, const TagRunCard& card, ImVec2 min, ImVec2 max) {
  const Settings& s = *ctx.settings;
  const aggregate::HistogramSeries& h =
      ctx.histograms->get(*card.series, s.histogram_bins, s.all_points, ctx.now);
  Card& c = cards_[{*card.tag, *card.run}];
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const bool finite = std::isfinite(h.left) && std::isfinite(h.right);
  if (h.size() == 0 || !h.has_range || !finite) {
    const char* msg = h.size() == 0  ? "No records shown."
                      : !h.has_range ? "Every record is empty."
                                     : "The values reach infinity: no finite range to draw.";
    const ImVec2 ts = ImGui::CalcTextSize(msg);
    dl->AddText(ImVec2((min.x + max.x - ts.x) / 2, (min.y + max.y - ts.y) / 2),
                ImGui::GetColorU32(ImGuiCol_TextDisabled), msg);
    return;
  }
  ++charts_drawn_;
  const bool offset = s.histogram_mode == HistogramMode::kOffset;

  // Which records: the brushed steps, at most one per ~3 px of height in
  // offset mode (kMaxOverlayRows in overlay), always keeping the newest.
  const float right_margin = offset ? 64 : kPlotRightMargin;
  const float left_margin = offset ? 12 : kPlotLeftMargin;
  const PlotArea area{ImVec2(min.x + left_margin, min.y + kPlotTopMargin),
                      ImVec2(max.x - right_margin, max.y - kPlotBottomMargin - kBrushHeight - 6)};
  std::size_t first = 0, last = h.size() - 1;
  if (c.brushed) {
    first = static_cast<std::size_t>(std::lower_bound(h.steps.begin(), h.steps.end(), c.brush_lo) -
                                     h.steps.begin());
    last = static_cast<std::size_t>(std::upper_bound(h.steps.begin(), h.steps.end(), c.brush_hi) -
                                    h.steps.begin());
    if (first >= h.size() || last == 0 || last <= first)
      first = 0, last = h.size();  // steps not in order: all
    --last;
  }
  const std::size_t budget =
      offset ? std::max<std::size_t>(2, static_cast<std::size_t>(area.height() / 3)) : kMaxOverlayRows;
  rows_.clear();
  const std::size_t count = last - first + 1;
  if (count <= budget) {
    for (std::size_t i = first; i <= last; ++i) rows_.push_back(i);
  } else {
    for (std::size_t k = 0; k < budget; ++k) rows_.push_back(first + (count - 1) * k / (budget - 1));
  }
  double max_count = 0;
  for (std::size_t i : rows_)
    for (int b = 0; b < h.bins; ++b)
      if (std::isfinite(h.row(i)[b])) max_count = std::max(max_count, h.row(i)[b]);
  if (max_count <= 0) max_count = 1;

  // Value axis: zoom and pan horizontally; the vertical layout is fixed.
  ImGui::SetCursorScreenPos(min);
  ImGui::InvisibleButton("##plot", ImVec2(max.x - min.x, area.p1.y - min.y),
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  const bool hovered = ImGui::IsItemHovered();
  const double pad = (h.right - h.left) * 0.02;
  PlotRange fitted{h.left - pad, h.right + pad, 0, max_count * 1.08};
  PlotRange& v = c.nav.update(area, hovered, fitted);
  v.y0 = fitted.y0;
  v.y1 = fitted.y1;
  draw_x_axis(dl, area, min, max, v, AxisKind::kValue, ctx.fonts);
  if (!offset) draw_y_axis(dl, area, v, {}, ctx.fonts);

  // Offset mode: record i's baseline by its time, oldest at the top.
  const double t0 = record_time(h, rows_.front(), s.x_axis), t1 = record_time(h, rows_.back(), s.x_axis);
  const float ridge = offset ? area.height() * 0.32f : area.height();
  auto baseline = [&](std::size_t i) {
    if (!offset) return area.p1.y;
    const double f = t1 > t0 ? (record_time(h, i, s.x_axis) - t0) / (t1 - t0) : 1.0;
    return static_cast<float>(area.p0.y + ridge + (area.height() - ridge) * f);
  };
  const double dx = (h.right - h.left) / h.bins;
  auto sx = [&](double x) { return c.nav.sx(area, x); };
  const double full = offset ? max_count : fitted.y1;  // the count a ridge's full height stands for
  auto height_of = [&](double count) {
    return std::isfinite(count) ? static_cast<float>(count / full) * ridge : (count > 0 ? ridge : 0.0f);
  };
  if (offset) {  // time labels at the right, at round steps/times
    const int target = std::max(2, static_cast<int>((area.height() - ridge) / 36));
    std::vector<double> ticks = s.x_axis == XAxis::kStep       ? aggregate::linear_ticks(t0, t1, target)
                                : s.x_axis == XAxis::kRelative ? aggregate::duration_ticks(t0, t1, target)
                                                               : aggregate::time_ticks(t0, t1, target);
    const double step = ticks.size() > 1 ? ticks[1] - ticks[0] : 1;
    if (ticks.empty() || t1 <= t0) ticks = {t1};
    if (ctx.fonts && ctx.fonts->mono) ImGui::PushFont(ctx.fonts->mono);
    for (double t : ticks) {
      const float y = static_cast<float>(area.p0.y + ridge +
                                         (area.height() - ridge) * (t1 > t0 ? (t - t0) / (t1 - t0) : 1.0));
      dl->AddLine(ImVec2(area.p1.x, y), ImVec2(area.p1.x + 4, y), ImGui::GetColorU32(ImGuiCol_TextDisabled));
      const std::string label = time_label(t, s.x_axis, step);
      dl->AddText(ImVec2(area.p1.x + 7, y - ImGui::GetTextLineHeight() / 2),
                  ImGui::GetColorU32(ImGuiCol_TextDisabled), label.c_str());
    }
    if (ctx.fonts && ctx.fonts->mono) ImGui::PopFont();
  }

  // The hovered record: in offset mode the one whose baseline is nearest the
  // cursor; in overlay mode the one whose curve passes nearest it.
  const ImGuiIO& io = ImGui::GetIO();
  const bool inside = hovered && area.contains(io.MousePos) && !c.nav.busy();
  std::size_t hot = rows_.size();
  int hot_bin = -1;
  if (inside) {
    hot_bin = static_cast<int>(std::floor((c.nav.data_x(area, io.MousePos.x) - h.left) / dx));
    if (hot_bin < 0 || hot_bin >= h.bins) hot_bin = -1;
    float best = 1e30f;
    for (std::size_t k = 0; k < rows_.size(); ++k) {
      const float base = baseline(rows_[k]);
      const float y = offset ? base : base - (hot_bin >= 0 ? height_of(h.row(rows_[k])[hot_bin]) : 0.0f);
      const float d = std::abs(io.MousePos.y - y);
      if (d <= best) best = d, hot = k;  // ties: the later (front) one
    }
  }

  const std::uint32_t rgb = ctx.run_rgb(*card.run);
  dl->PushClipRect(area.p0, area.p1, true);
  const ImDrawListFlags flags = dl->Flags;
  for (std::size_t k = 0; k < rows_.size(); ++k) {
    const std::size_t i = rows_[k];
    const double* counts = h.row(i);
    const float base = baseline(i);
    const float age =
        rows_.size() > 1 ? 1.0f - static_cast<float>(k) / static_cast<float>(rows_.size() - 1) : 0.0f;
    points_.clear();
    points_.emplace_back(sx(h.left), base);
    for (int b = 0; b < h.bins; ++b)
      points_.emplace_back(sx(h.left + (b + 0.5) * dx), base - height_of(counts[b]));
    points_.emplace_back(sx(h.right), base);
    if (offset) {
      // Opaque fill (front ridges hide the ones behind), without AA seams between the quads.
      dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;
      const ImU32 fill = faded(rgb, 0.35f + 0.55f * age, 1.0f);
      for (std::size_t p = 0; p + 1 < points_.size(); ++p)
        dl->AddQuadFilled(ImVec2(points_[p].x, base), points_[p], points_[p + 1],
                          ImVec2(points_[p + 1].x, base), fill);
      dl->Flags = flags;
      dl->AddPolyline(points_.data(), static_cast<int>(points_.size()), faded(rgb, 0.6f * age, 1.0f), 0,
                      1.0f);
    } else {
      dl->AddPolyline(points_.data(), static_cast<int>(points_.size()),
                      rgb_alpha(rgb, k + 1 == rows_.size() ? 1.0f : 0.12f + 0.5f * (1 - age)), 0, 1.0f);
    }
  }
  if (hot < rows_.size()) {  // highlight: the hovered record's outline and bin
    const std::size_t i = rows_[hot];
    const float base = baseline(i);
    points_.clear();
    points_.emplace_back(sx(h.left), base);
    for (int b = 0; b < h.bins; ++b)
      points_.emplace_back(sx(h.left + (b + 0.5) * dx), base - height_of(h.row(i)[b]));
    points_.emplace_back(sx(h.right), base);
    const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text);
    if (hot_bin >= 0) {
      const float x0 = sx(h.left + hot_bin * dx), x1 = sx(h.left + (hot_bin + 1) * dx);
      dl->AddRectFilled(ImVec2(x0, base - ridge), ImVec2(x1, base), ImGui::GetColorU32(ImGuiCol_Text, 0.10f));
    }
    dl->AddPolyline(points_.data(), static_cast<int>(points_.size()), text, 0, 2.0f);
  }
  dl->PopClipRect();
  dl->AddRect(area.p0, area.p1, ImGui::GetColorU32(ImGuiCol_Border));
  c.nav.draw_box(dl, area);

  if (hot < rows_.size()) {
    const std::size_t i = rows_[hot];
    ImGui::BeginTooltip();
    if (ctx.fonts && ctx.fonts->mono) ImGui::PushFont(ctx.fonts->mono);
    ImGui::Text("step      %s",
                format_count(static_cast<std::uint64_t>(std::max<std::int64_t>(0, h.steps[i]))).c_str());
    ImGui::Text("relative  %s", aggregate::format_duration(h.walls[i] - h.walls.front()).c_str());
    if (hot_bin >= 0) {
      ImGui::Text("bin       [%s, %s)", format_value(h.left + hot_bin * dx).c_str(),
                  format_value(h.left + (hot_bin + 1) * dx).c_str());
      ImGui::Text("count     %s", format_value(h.row(i)[hot_bin]).c_str());
    }
    if (ctx.fonts && ctx.fonts->mono) ImGui::PopFont();
    ImGui::EndTooltip();
  }

  draw_brush(h, c, ImVec2(area.p0.x, max.y - kBrushHeight - 2), ImVec2(area.p1.x, max.y - 2));
}

// [SECTION] card data export ----------------------------------------------------------------
// The card's re-binned data: one row per shown record and bin.
std::string HistogramsDashboard::card_csv(const UiContext& ctx, const TagRunCard& card) const {
  const Settings& s = *ctx.settings;
  const aggregate::HistogramSeries& h =
      ctx.histograms->get(*card.series, s.histogram_bins, s.all_points, ctx.now);
  std::string out = "run,tag,step,wall_time,bin_left,bin_right,count\n";
  const double dx = (h.right - h.left) / h.bins;
  for (std::size_t i = 0; i < h.size() && h.has_range; ++i)
    for (int b = 0; b < h.bins; ++b) {
      store::append_csv_field(out, *card.run);
      out += ',';
      store::append_csv_field(out, *card.tag);
      out += ',' + std::to_string(h.steps[i]) + ',';
      store::append_csv_number(out, h.walls[i]);
      out += ',';
      store::append_csv_number(out, h.left + b * dx);
      out += ',';
      store::append_csv_number(out, b + 1 == h.bins ? h.right : h.left + (b + 1) * dx);
      out += ',';
      store::append_csv_number(out, h.row(i)[b]);
      out += '\n';
    }
  return out;
}

// [SECTION] dashboard -----------------------------------------------------------------------
void HistogramsDashboard::draw(const UiContext& ctx) {
  charts_drawn_ = 0;
  ctx.histograms->sync(*ctx.store);
  draw_tag_run_dashboard(
      ctx, filter_, events::Kind::kHistograms, 420, 0.72f,
      [&](const TagRunCard& card, ImVec2 min, ImVec2 max) { draw_plot(ctx, card, min, max); },
      [&](const TagRunCard& card, ImVec2 min, ImVec2 max) {
        if (ImGui::MenuItem("Download CSV"))
          ctx.downloads->push_back(
              {file_safe(*card.run + "_" + *card.tag) + ".csv", "text/csv", card_csv(ctx, card)});
        if (ImGui::IsItemHovered())
          ImGui::SetTooltip(
              "Every shown step's re-binned counts: run,tag,step,wall_time,bin_left,bin_right,count");
        if (ImGui::MenuItem("Save as PNG"))
          *ctx.capture = PngCapture{min, max, file_safe(*card.run + "_" + *card.tag) + ".png"};
      });
}

const DashboardInfo& HistogramsDashboard::info() const {
  static const DashboardInfo kInfo{
      "histograms", "Histograms",
      "Each histogram tag per run: the recorded steps as a ridgeline (or overlaid), re-binned like "
      "TensorBoard.",
      events::Kind::kHistograms};
  return kInfo;
}

void HistogramsDashboard::draw_sidebar(const UiContext& ctx) { draw_histogram_settings(ctx, true); }

std::vector<std::string_view> HistogramsDashboard::link_keys() const {
  return {"bins", "hist", "x", "points"};
}

}  // namespace el::ui
