// [SECTION] parallel coordinates
// [SECTION] scatter-plot matrix
#include "ui/hparams_plots.h"

#include <algorithm>
#include <cmath>

#include "ui/plot_frame.h"

namespace el::ui {
namespace {

float lerp(float a, float b, double t) { return static_cast<float>(a + (b - a) * t); }

// Text clipped to `width`, centred on x.
void centered_label(ImDrawList* dl, float x, float y, float width, const std::string& text, ImU32 color) {
  const ImVec2 sz = ImGui::CalcTextSize(text.c_str());
  const float left = x - std::min(sz.x, width) * 0.5f;
  dl->PushClipRect(ImVec2(x - width * 0.5f, y), ImVec2(x + width * 0.5f, y + sz.y + 2), true);
  dl->AddText(ImVec2(left, y), color, text.c_str());
  dl->PopClipRect();
}

}  // namespace

// [SECTION] parallel coordinates ------------------------------------------------------------
HparamsPlotResult ParallelCoordinates::draw(ImVec2 size, const HparamsPlotInput& in,
                                            const std::vector<AxisBrush>& brushes) {
  HparamsPlotResult r;
  const auto& axes = *in.axes;
  const auto& sessions = in.table->sessions;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##parcoords", size);
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float line_h = ImGui::GetTextLineHeight();
  const float left = origin.x + 70, right = origin.x + size.x - 70;
  const float top = origin.y + line_h * 2 + 8, bottom = origin.y + size.y - line_h - 10;
  const std::size_t n = axes.size();
  if (n == 0) return r;
  const float spacing = n > 1 ? (right - left) / static_cast<float>(n - 1) : 0;
  auto ax = [&](std::size_t i) {
    return n > 1 ? left + spacing * static_cast<float>(i) : (left + right) * 0.5f;
  };
  auto ay = [&](double t) { return lerp(bottom, top, t); };
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), dim = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const ImU32 label_bg = ImGui::GetColorU32(ImGuiCol_ChildBg, 0.8f);  // behind tick labels
  const ImVec2 mouse = ImGui::GetIO().MousePos;

  // Lines: filtered-out sessions faint and grey, then the others in colour.
  std::vector<ImVec2> pts;
  auto polyline = [&](std::size_t s, ImU32 color, float width) {
    pts.clear();
    auto flush = [&]() {
      if (pts.size() > 1) dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), color, 0, width);
      pts.clear();
    };
    for (std::size_t i = 0; i < n; ++i) {
      const double t = axes[i].position[s];
      if (!std::isfinite(t)) {
        flush();
        continue;
      }
      pts.emplace_back(ax(i), ay(t));
    }
    flush();
  };
  dl->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
  for (std::size_t s = 0; s < sessions.size(); ++s)
    if (!(*in.passes)[s]) polyline(s, ImGui::GetColorU32(ImGuiCol_TextDisabled, 0.18f), 1.0f);
  for (std::size_t s = 0; s < sessions.size(); ++s)
    if ((*in.passes)[s]) polyline(s, rgb_alpha((*in.colors)[s], 0.8f), 1.5f);

  // The session under the mouse: the nearest passing line within 6 px.
  if (hovered && dragging_axis_ < 0) {
    float best = 6;
    for (std::size_t s = 0; s < sessions.size(); ++s) {
      if (!(*in.passes)[s]) continue;
      for (std::size_t i = 0; i + 1 < n; ++i) {
        const double t0 = axes[i].position[s], t1 = axes[i + 1].position[s];
        if (!std::isfinite(t0) || !std::isfinite(t1)) continue;
        const float d = segment_distance(mouse, ImVec2(ax(i), ay(t0)), ImVec2(ax(i + 1), ay(t1)));
        if (d < best) best = d, r.hovered = static_cast<int>(s);
      }
    }
  }
  for (int s : {in.selected, in.highlighted, r.hovered}) {
    if (s < 0) continue;
    polyline(static_cast<std::size_t>(s), ImGui::GetColorU32(ImGuiCol_Text), 4.0f);
    polyline(static_cast<std::size_t>(s), rgb_alpha((*in.colors)[s], 1.0f), 2.0f);
  }

  // Axes, brushes, labels and ticks.
  for (std::size_t i = 0; i < n; ++i) {
    const float x = ax(i);
    r.axis_lines.emplace_back(x, top, bottom, 0.0f);
    dl->AddLine(ImVec2(x, top), ImVec2(x, bottom), ImGui::GetColorU32(ImGuiCol_Border), 2.0f);
    if (i < brushes.size() && std::isfinite(brushes[i].t0))
      dl->AddRectFilled(ImVec2(x - 7, ay(brushes[i].t1)), ImVec2(x + 7, ay(brushes[i].t0)),
                        ImGui::GetColorU32(ImGuiCol_Text, 0.22f), 2.0f);
    const auto ticks = axes[i].ticks();
    const std::size_t every = std::max<std::size_t>(
        1, ticks.size() / std::max(1, static_cast<int>((bottom - top) / (line_h + 2))) + 1);
    for (std::size_t k = 0; k < ticks.size(); k += every) {
      const float y = ay(ticks[k].first);
      dl->AddLine(ImVec2(x - 3, y), ImVec2(x + 3, y), dim);
      const std::string& label = ticks[k].second;
      // Right-aligned to the axis; a label too long for the room shows its start.
      const float tw = ImGui::CalcTextSize(label.c_str()).x;
      const float w = std::min(tw, std::max(30.0f, spacing * 0.45f));
      dl->PushClipRect(ImVec2(x - w - 6, y - line_h), ImVec2(x - 4, y + line_h), true);
      // On a backing of the card's colour: lines meeting at an axis's end would cross the text.
      dl->AddRectFilled(ImVec2(x - 7 - w, y - line_h * 0.5f), ImVec2(x - 4, y + line_h * 0.5f), label_bg,
                        2.0f);
      dl->AddText(ImVec2(x - 6 - w, y - line_h * 0.5f), dim, label.c_str());
      dl->PopClipRect();
    }
    const float label_w = n > 1 ? std::max(40.0f, spacing - 6) : size.x;
    const ImVec2 lmin(x - label_w * 0.5f, origin.y + 2), lmax(x + label_w * 0.5f, origin.y + line_h * 2 + 4);
    const bool on_label =
        hovered && mouse.x >= lmin.x && mouse.x <= lmax.x && mouse.y >= lmin.y && mouse.y <= lmax.y;
    if (on_label) dl->AddRectFilled(lmin, lmax, ImGui::GetColorU32(ImGuiCol_HeaderHovered), 3.0f);
    // Long names ("hparam/final_loss") put their last part first: it is what tells axes apart.
    const std::string& full = axes[i].label;
    const std::size_t slash = full.rfind('/');
    const bool split = slash != std::string::npos && slash + 1 < full.size() &&
                       ImGui::CalcTextSize(full.c_str()).x > label_w;
    centered_label(dl, x, origin.y + 3, label_w, split ? full.substr(slash + 1) : full, text);
    std::string sub = axes[i].metric ? "metric" : "hparam";
    if (!axes[i].categorical && axes[i].scale != AxisScale::kLinear)
      sub += axes[i].scale == AxisScale::kLog ? ", log" : ", quantile";
    centered_label(dl, x, origin.y + 3 + line_h, label_w, sub, dim);
    if (on_label && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) r.axis_menu = static_cast<int>(i);
    if (on_label)
      ImGui::SetTooltip("%s\nClick for the scale (linear, log, quantile) or to hide it.",
                        axes[i].label.c_str());
  }

  // Brushing: drag along an axis; a click on an axis clears its brush.
  if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && mouse.y >= top - 4 &&
      mouse.y <= bottom + 4) {
    for (std::size_t i = 0; i < n; ++i)
      if (std::abs(mouse.x - ax(i)) <= std::max(10.0f, std::min(24.0f, spacing * 0.2f))) {
        dragging_axis_ = static_cast<int>(i);
        drag_from_y_ = mouse.y;
      }
  }
  if (dragging_axis_ >= 0 && dragging_axis_ < static_cast<int>(n)) {
    const float x = ax(static_cast<std::size_t>(dragging_axis_));
    const float y0 = std::clamp(std::min(drag_from_y_, mouse.y), top, bottom);
    const float y1 = std::clamp(std::max(drag_from_y_, mouse.y), top, bottom);
    dl->AddRectFilled(ImVec2(x - 7, y0), ImVec2(x + 7, y1), ImGui::GetColorU32(ImGuiCol_Text, 0.35f), 2.0f);
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
      r.brushed_axis = dragging_axis_;
      if (y1 - y0 < 3) {
        r.brush_cleared = true;
      } else {
        r.brush.t0 = (bottom - y1) / (bottom - top);
        r.brush.t1 = (bottom - y0) / (bottom - top);
      }
      dragging_axis_ = -1;
    }
  } else {
    dragging_axis_ = -1;
  }
  if (hovered && r.hovered >= 0 && ImGui::IsMouseReleased(ImGuiMouseButton_Left) && r.brushed_axis < 0 &&
      r.axis_menu < 0)
    r.clicked = r.hovered;
  dl->PopClipRect();
  return r;
}

// [SECTION] scatter-plot matrix ----------------------------------------------------------------
HparamsPlotResult draw_scatter_matrix(ImVec2 size, const HparamsPlotInput& in) {
  HparamsPlotResult r;
  std::vector<std::size_t> cols, rows;  // hparam axes across, metric axes down
  for (std::size_t i = 0; i < in.axes->size(); ++i) ((*in.axes)[i].metric ? rows : cols).push_back(i);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float line_h = ImGui::GetTextLineHeight();
  if (cols.empty() || rows.empty()) {
    ImGui::TextDisabled("The scatter-plot matrix needs at least one shown hparam and one shown metric.");
    return r;
  }
  const float label_w = 140, header_h = line_h + 8;
  const float cell_w = std::clamp((size.x - label_w) / static_cast<float>(cols.size()), 90.0f, 260.0f);
  const float cell_h = std::clamp(cell_w * 0.7f, 80.0f, 180.0f);
  const ImVec2 total(label_w + cell_w * static_cast<float>(cols.size()),
                     header_h + cell_h * static_cast<float>(rows.size()));
  ImGui::InvisibleButton("##splom", total);
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), border = ImGui::GetColorU32(ImGuiCol_Border);
  const auto& sessions = in.table->sessions;
  float best = 7;
  for (std::size_t c = 0; c < cols.size(); ++c)
    centered_label(dl, origin.x + label_w + cell_w * (static_cast<float>(c) + 0.5f), origin.y + 2, cell_w - 8,
                   (*in.axes)[cols[c]].label, text);
  for (std::size_t rr = 0; rr < rows.size(); ++rr) {
    const float y = origin.y + header_h + cell_h * static_cast<float>(rr);
    const HparamsAxis& ya = (*in.axes)[rows[rr]];
    dl->PushClipRect(ImVec2(origin.x, y), ImVec2(origin.x + label_w - 6, y + cell_h), true);
    dl->AddText(ImVec2(origin.x + 2, y + cell_h * 0.5f - line_h * 0.5f), text, ya.label.c_str());
    dl->PopClipRect();
    for (std::size_t c = 0; c < cols.size(); ++c) {
      const HparamsAxis& xa = (*in.axes)[cols[c]];
      const ImVec2 p0(origin.x + label_w + cell_w * static_cast<float>(c) + 3, y + 3);
      const ImVec2 p1(p0.x + cell_w - 6, p0.y + cell_h - 6);
      dl->AddRect(p0, p1, border, 3.0f);
      const float pad = 8;
      auto at = [&](std::size_t s) {
        return ImVec2(lerp(p0.x + pad, p1.x - pad, xa.position[s]),
                      lerp(p1.y - pad, p0.y + pad, ya.position[s]));
      };
      for (int pass = 0; pass < 2; ++pass)
        for (std::size_t s = 0; s < sessions.size(); ++s) {
          if (!std::isfinite(xa.position[s]) || !std::isfinite(ya.position[s])) continue;
          const bool passes = (*in.passes)[s];
          if (passes != (pass == 1)) continue;
          const ImVec2 p = at(s);
          const bool lit = static_cast<int>(s) == in.highlighted || static_cast<int>(s) == in.selected;
          if (lit) dl->AddCircleFilled(p, 6.0f, text);
          dl->AddCircleFilled(
              p, lit ? 4.5f : 3.5f,
              passes ? rgb_alpha((*in.colors)[s], 0.9f) : ImGui::GetColorU32(ImGuiCol_TextDisabled, 0.3f));
          if (passes && hovered) {
            const float d = std::hypot(p.x - mouse.x, p.y - mouse.y);
            if (d < best) best = d, r.hovered = static_cast<int>(s);
          }
        }
    }
  }
  if (r.hovered >= 0 && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) r.clicked = r.hovered;
  return r;
}

}  // namespace el::ui
