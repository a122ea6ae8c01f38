#include "ui/plot_frame.h"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <limits>

#include "aggregate/axis_scale.h"
#include "aggregate/ticks.h"
#include "imgui_internal.h"  // SetItemUsingMouseWheel: a zooming plot keeps the wheel from the page

namespace el::ui {

double local_utc_offset() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return static_cast<double>(local.tm_gmtoff);
}

bool WheelGate::zooms(bool hovered) {
  if (!hovered) return clicked_in_ = false;
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left) || ImGui::IsMouseClicked(ImGuiMouseButton_Right))
    clicked_in_ = true;
  const ImGuiIO& io = ImGui::GetIO();
  const bool on = clicked_in_ || io.KeyCtrl || io.KeySuper;
  if (on) ImGui::SetItemUsingMouseWheel();  // the page does not scroll under a zooming plot
  return on;
}

namespace {
constexpr const char* kZoomBadge = "zoomed \xc2\xb7 reset";  // "zoomed · reset"
}

void zoom_badge_rect(const PlotArea& a, ImVec2& min, ImVec2& max) {
  const ImVec2 t = ImGui::CalcTextSize(kZoomBadge);
  max = ImVec2(a.p1.x - 4, a.p0.y + 4 + t.y + 4);
  min = ImVec2(max.x - t.x - 12, a.p0.y + 4);
}

PlotRange& PlotNavigator::update(const PlotArea& a, bool hovered, const PlotRange& fitted) {
  if (!manual_) view_ = fitted;
  PlotRange& v = view_;
  ImGuiIO& io = ImGui::GetIO();
  const float pw = a.width(), ph = a.height();
  const bool shift = io.KeyShift;
  const bool wheel_zooms = wheel_.zooms(hovered);
  ImVec2 badge_min, badge_max;
  zoom_badge_rect(a, badge_min, badge_max);
  const bool on_badge = manual_ && hovered && ImGui::IsMouseHoveringRect(badge_min, badge_max);
  if (on_badge)
    ImGui::SetTooltip(
        "This plot is zoomed in. Click to fit it to its data again (or double-click the plot).");
  if (on_badge && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    manual_ = false;
    v = fitted;
    box_dragging_ = panning_ = false;
  } else if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
    manual_ = false;
    v = fitted;
    box_dragging_ = panning_ = false;
  } else if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !shift) {
    box_dragging_ = true;
    drag_from_ = io.MousePos;
  } else if (hovered && (ImGui::IsMouseClicked(ImGuiMouseButton_Right) ||
                         (ImGui::IsMouseClicked(ImGuiMouseButton_Left) && shift))) {
    panning_ = true;
    drag_from_ = io.MousePos;
    pan_from_ = v;
  }
  if (panning_) {
    if (ImGui::IsMouseDown(ImGuiMouseButton_Right) || ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
      const double dx = (io.MousePos.x - drag_from_.x) / pw * (pan_from_.x1 - pan_from_.x0);
      const double dy = (io.MousePos.y - drag_from_.y) / ph * (pan_from_.y1 - pan_from_.y0);
      if (dx != 0 || dy != 0) {
        manual_ = true;
        v = {pan_from_.x0 - dx, pan_from_.x1 - dx, pan_from_.y0 + dy, pan_from_.y1 + dy};
      }
    } else {
      panning_ = false;
    }
  }
  if (box_dragging_ && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
    box_dragging_ = false;
    const ImVec2 p = drag_from_, q = io.MousePos;
    if (std::abs(p.x - q.x) > 4 && std::abs(p.y - q.y) > 4) {
      const double ax = data_x(a, std::clamp(p.x, a.p0.x, a.p1.x)),
                   ay = data_y(a, std::clamp(p.y, a.p0.y, a.p1.y));
      const double bx = data_x(a, std::clamp(q.x, a.p0.x, a.p1.x)),
                   by = data_y(a, std::clamp(q.y, a.p0.y, a.p1.y));
      if (ax != bx && ay != by) {
        v = {std::min(ax, bx), std::max(ax, bx), std::min(ay, by), std::max(ay, by)};
        manual_ = true;
      }
    }
  }
  if (wheel_zooms && io.MouseWheel != 0) {
    const double f = std::pow(0.85, io.MouseWheel);
    const double mx = data_x(a, io.MousePos.x), my = data_y(a, io.MousePos.y);
    v = {mx + (v.x0 - mx) * f, mx + (v.x1 - mx) * f, my + (v.y0 - my) * f, my + (v.y1 - my) * f};
    manual_ = true;
  }
  if (!(v.x1 > v.x0)) v.x1 = v.x0 + 1e-9 * std::max(1.0, std::abs(v.x0));
  if (!(v.y1 > v.y0)) v.y1 = v.y0 + 1e-9 * std::max(1.0, std::abs(v.y0));
  return v;
}

void PlotNavigator::draw_box(ImDrawList* dl, const PlotArea& a) const {
  if (manual_) {
    ImVec2 lo, hi;
    zoom_badge_rect(a, lo, hi);
    const bool hot = ImGui::IsMouseHoveringRect(lo, hi);
    dl->AddRectFilled(lo, hi, ImGui::GetColorU32(hot ? ImGuiCol_ButtonHovered : ImGuiCol_Button), 4.0f);
    dl->AddText(ImVec2(lo.x + 6, lo.y + 2), ImGui::GetColorU32(ImGuiCol_Text), kZoomBadge);
  }
  if (!box_dragging_) return;
  const ImVec2 m = ImGui::GetIO().MousePos;
  const ImVec2 p(std::clamp(drag_from_.x, a.p0.x, a.p1.x), std::clamp(drag_from_.y, a.p0.y, a.p1.y));
  const ImVec2 q(std::clamp(m.x, a.p0.x, a.p1.x), std::clamp(m.y, a.p0.y, a.p1.y));
  const ImVec2 lo(std::min(p.x, q.x), std::min(p.y, q.y)), hi(std::max(p.x, q.x), std::max(p.y, q.y));
  dl->AddRectFilled(lo, hi, ImGui::GetColorU32(ImGuiCol_TextSelectedBg, 0.5f));
  dl->AddRect(lo, hi, ImGui::GetColorU32(ImGuiCol_PlotLinesHovered));
}

std::vector<std::string> draw_x_axis(ImDrawList* dl, const PlotArea& a, ImVec2 card_min, ImVec2 card_max,
                                     const PlotRange& v, AxisKind kind, const Fonts* fonts,
                                     const aggregate::AxisScale& scale) {
  std::vector<std::string> labels;
  const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border, 0.55f);
  const ImU32 label = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const int target = std::max(2, static_cast<int>(a.width() / 90));
  std::vector<double> ticks;
  double step = 0;
  const double utc = kind == AxisKind::kWallTime ? local_utc_offset() : 0;
  if (kind == AxisKind::kValue) {
    ticks = aggregate::scale_ticks(scale, v.x0, v.x1, target, step);
  } else if (kind == AxisKind::kRelativeTime) {
    ticks = aggregate::duration_ticks(v.x0, v.x1, target);
  } else {
    ticks = aggregate::time_ticks(v.x0 + utc, v.x1 + utc, target);
    for (double& t : ticks) t -= utc;
    step = ticks.size() > 1 ? ticks[1] - ticks[0] : 1;
  }
  if (fonts && fonts->mono) ImGui::PushFont(fonts->mono);
  for (double t : ticks) {
    const double tx = kind == AxisKind::kValue ? scale.forward(t) : t;
    const float x = static_cast<float>(a.p0.x + (tx - v.x0) / (v.x1 - v.x0) * a.width());
    dl->AddLine(ImVec2(x, a.p0.y), ImVec2(x, a.p1.y), grid);
    const std::string s = kind == AxisKind::kValue          ? aggregate::format_si(t, step == 0 ? t : step)
                          : kind == AxisKind::kRelativeTime ? aggregate::format_duration(t)
                                                            : aggregate::format_time(t, step, utc);
    const float w = ImGui::CalcTextSize(s.c_str()).x;
    dl->AddText(ImVec2(std::clamp(x - w / 2, card_min.x + 2, card_max.x - w - 2), a.p1.y + 4), label,
                s.c_str());
    labels.push_back(s);
  }
  if (fonts && fonts->mono) ImGui::PopFont();
  return labels;
}

namespace {

// The y axis' ticks (values) and their labels for a plot `height` pixels tall.
std::vector<double> y_ticks(const PlotRange& v, float height, const aggregate::AxisScale& scale,
                            std::vector<std::string>& labels) {
  const int target = std::max(2, static_cast<int>(height / 40));
  double step = 0;
  // (scale_ticks clamps 10^y, which overflows near the largest double: the axis stops there)
  const std::vector<double> ticks = aggregate::scale_ticks(scale, v.y0, v.y1, target, step);
  labels.clear();
  for (double t : ticks) labels.push_back(aggregate::format_si(t, step == 0 ? t : step));
  return ticks;
}

}  // namespace

float y_axis_label_width(const PlotRange& v, float height, const aggregate::AxisScale& scale,
                         const Fonts* fonts) {
  std::vector<std::string> labels;
  y_ticks(v, height, scale, labels);
  if (fonts && fonts->mono) ImGui::PushFont(fonts->mono);
  float w = 0;
  for (const std::string& s : labels) w = std::max(w, ImGui::CalcTextSize(s.c_str()).x);
  if (fonts && fonts->mono) ImGui::PopFont();
  return w;
}

std::vector<std::string> draw_y_axis(ImDrawList* dl, const PlotArea& a, const PlotRange& v,
                                     const aggregate::AxisScale& scale, const Fonts* fonts) {
  const ImU32 grid = ImGui::GetColorU32(ImGuiCol_Border, 0.55f);
  const ImU32 label = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  std::vector<std::string> labels;
  const std::vector<double> ticks = y_ticks(v, a.height(), scale, labels);
  if (fonts && fonts->mono) ImGui::PushFont(fonts->mono);
  for (std::size_t i = 0; i < ticks.size(); ++i) {
    const double t = ticks[i];
    const double y_data = scale.forward(t);
    const float y = static_cast<float>(a.p0.y + (v.y1 - y_data) / (v.y1 - v.y0) * a.height());
    dl->AddLine(ImVec2(a.p0.x, y), ImVec2(a.p1.x, y), grid);
    const std::string& s = labels[i];
    const ImVec2 ts = ImGui::CalcTextSize(s.c_str());
    dl->AddText(ImVec2(a.p0.x - ts.x - 6, y - ts.y / 2), label, s.c_str());
  }
  if (fonts && fonts->mono) ImGui::PopFont();
  return labels;
}

float segment_distance(ImVec2 p, ImVec2 a, ImVec2 b) {
  const float dx = b.x - a.x, dy = b.y - a.y;
  const float len2 = dx * dx + dy * dy;
  float t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
  t = std::clamp(t, 0.0f, 1.0f);
  const float cx = a.x + t * dx - p.x, cy = a.y + t * dy - p.y;
  return std::sqrt(cx * cx + cy * cy);
}

}  // namespace el::ui
