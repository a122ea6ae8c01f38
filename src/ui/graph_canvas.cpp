#include "ui/graph_canvas.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/format.h"
#include "ui/plot_frame.h"

// [SECTION] index
//   view: pan, zoom, fit, anchors
//   interaction
//   edges
//   items
//   minimap and tooltips

namespace el::ui {
namespace {

using graph::ItemKind;
using graph::kNone;

constexpr float kMinZoom = 0.002f, kMaxZoom = 4.0f;

ImU32 rgb(std::uint32_t c, float alpha) {
  return IM_COL32((c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff, static_cast<int>(alpha * 255));
}

ImU32 with_alpha(ImU32 c, float alpha) {
  const auto a = static_cast<unsigned>(((c >> IM_COL32_A_SHIFT) & 0xff) * alpha);
  return (c & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

void dashed(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float width, float dash) {
  const float dx = b.x - a.x, dy = b.y - a.y;
  const float len = std::sqrt(dx * dx + dy * dy);
  if (len < 1e-3f) return;
  const int n = std::min(400, static_cast<int>(len / dash));
  for (int i = 0; i < n; i += 2) {
    const float t0 = static_cast<float>(i) * dash / len,
                t1 = std::min(1.0f, static_cast<float>(i + 1) * dash / len);
    dl->AddLine(ImVec2(a.x + dx * t0, a.y + dy * t0), ImVec2(a.x + dx * t1, a.y + dy * t1), col, width);
  }
}

// Tensor size to stroke width: one pixel for scalars, up to five for big activations.
float edge_width(const graph::ChildEdge& e) {
  if (!e.data) return 1.0f;
  if (e.max_elements < 0) return 1.4f;
  return std::clamp(1.0f + std::log10(static_cast<float>(e.max_elements) + 1.0f) * 0.6f, 1.0f, 5.0f);
}

bool is_constant(const std::string& op) {
  return op == "Const" || op == "prim::Constant" || op == "HostConst";
}

}  // namespace

// [SECTION] view: pan, zoom, fit, anchors --------------------------------------------------------
ImVec4 GraphCanvas::to_screen(const graph::Rect& r) const {
  const ImVec2 a = to_screen(graph::Point{r.x, r.y});
  return ImVec4(a.x, a.y, a.x + r.w * zoom_, a.y + r.h * zoom_);
}

void GraphCanvas::zoom_about(ImVec2 screen, float factor) {
  const graph::Point before = to_canvas(screen);
  zoom_ = std::clamp(zoom_ * factor, kMinZoom, kMaxZoom);
  pan_.x = before.x - (screen.x - min_.x) / zoom_;
  pan_.y = before.y - (screen.y - min_.y) / zoom_;
}

void GraphCanvas::anchor(graph::LayoutCache& layout, std::uint32_t item) {
  const graph::Scene& s = layout.scene();
  auto it = s.index.find(item);
  if (it == s.index.end()) return;
  anchor_item_ = item;
  const graph::Rect& r = s.items[it->second].rect;
  anchor_screen_ = to_screen(graph::Point{r.x, r.y});
}

void GraphCanvas::apply_pending(graph::LayoutCache& layout) {
  const graph::Scene& s = layout.scene();
  const float w = max_.x - min_.x, h = max_.y - min_.y;
  if (w < 10 || h < 10) return;
  if (fit_pending_ && !s.items.empty()) {
    const graph::Rect b = s.bounds;
    // Never above 1: a three-node graph should not fill the screen with 40-pixel text.
    zoom_ =
        std::clamp(std::min((w - 40) / std::max(b.w, 1.0f), (h - 40) / std::max(b.h, 1.0f)), kMinZoom, 1.0f);
    pan_.x = b.x + b.w / 2 - w / 2 / zoom_;
    pan_.y = b.y + b.h / 2 - h / 2 / zoom_;
    fit_pending_ = false;
  }
  if (anchor_item_ != kNone) {
    auto it = s.index.find(anchor_item_);
    if (it != s.index.end()) {
      const graph::Rect& r = s.items[it->second].rect;
      pan_.x = r.x - (anchor_screen_.x - min_.x) / zoom_;
      pan_.y = r.y - (anchor_screen_.y - min_.y) / zoom_;
      // An expanded group keeps its corner where it was, but stays in view:
      // zoomed out (not below a readable 0.35) when it has grown past the
      // view, then moved in, its top-left corner first.
      constexpr float kMargin = 20, kReadable = 0.35f;
      const float fit =
          std::min((w - 2 * kMargin) / std::max(r.w, 1.0f), (h - 2 * kMargin) / std::max(r.h, 1.0f));
      if (fit < zoom_) {
        const float z = std::max({fit, kReadable, kMinZoom});
        if (z < zoom_) {
          pan_.x = r.x - (anchor_screen_.x - min_.x) / z;
          pan_.y = r.y - (anchor_screen_.y - min_.y) / z;
          zoom_ = z;
        }
      }
      auto keep_in = [&](float& pan, float lo, float size, float view) {
        const float most = lo - kMargin / zoom_;                   // the corner at the margin
        const float least = lo + size - (view - kMargin) / zoom_;  // the far edge at the margin
        pan = std::min(most, std::max(pan, least));
      };
      keep_in(pan_.x, r.x, r.w, w);
      keep_in(pan_.y, r.y, r.h, h);
    }
    anchor_item_ = kNone;
  }
  if (center_pending_ != kNone) {
    auto it = s.index.find(center_pending_);
    if (it != s.index.end()) {
      const graph::Rect& r = s.items[it->second].rect;
      // Readable: at least 0.8 for a node, and the item must fit.
      const float fit_zoom = std::min((w - 60) / std::max(r.w, 1.0f), (h - 60) / std::max(r.h, 1.0f));
      zoom_ = std::clamp(std::max(zoom_, std::min(0.8f, fit_zoom)), kMinZoom, std::max(kMinZoom, fit_zoom));
      pan_.x = r.x + r.w / 2 - w / 2 / zoom_;
      pan_.y = r.y + r.h / 2 - h / 2 / zoom_;
    }
    center_pending_ = kNone;
  }
}

// [SECTION] interaction ---------------------------------------------------------------------------
std::uint32_t GraphCanvas::item_at(const graph::Scene& s, ImVec2 screen) const {
  const graph::Point p = to_canvas(screen);
  // Children come after their parents: the last hit is the innermost.
  for (auto it = s.items.rbegin(); it != s.items.rend(); ++it)
    if (it->rect.contains(p)) return it->item;
  return kNone;
}

std::int32_t GraphCanvas::edge_at(const graph::Scene& s, ImVec2 screen) const {
  float best = 5.0f;  // pixels
  std::int32_t found = -1;
  for (std::size_t i = 0; i < s.edges.size(); ++i) {
    const auto& pts = s.edges[i].points;
    for (std::size_t k = 0; k + 1 < pts.size(); ++k) {
      const ImVec2 a = to_screen(pts[k]), b = to_screen(pts[k + 1]);
      if (screen.x < std::min(a.x, b.x) - best || screen.x > std::max(a.x, b.x) + best ||
          screen.y < std::min(a.y, b.y) - best || screen.y > std::max(a.y, b.y) + best)
        continue;
      const float d = segment_distance(screen, a, b);
      if (d < best) {
        best = d;
        found = static_cast<std::int32_t>(i);
      }
    }
  }
  return found;
}

GraphCanvasEvents GraphCanvas::draw(graph::LayoutCache& layout, const graph::OpGraph& ops,
                                    const GraphPaint& paint, const Fonts* fonts, ImVec2 size) {
  GraphCanvasEvents ev;
  min_ = ImGui::GetCursorScreenPos();
  max_ = ImVec2(min_.x + size.x, min_.y + size.y);
  apply_pending(layout);
  const graph::Scene& s = layout.scene();
  const graph::Hierarchy& h = layout.hierarchy();

  ImGui::InvisibleButton("##graph_canvas", size,
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  const bool hovered = ImGui::IsItemHovered();
  const ImGuiIO& io = ImGui::GetIO();
  const ImVec2 mouse = io.MousePos;

  // Minimap: bottom-right, 160 x 110 at most.
  const ImVec2 mm_size(std::min(160.0f, size.x * 0.25f), std::min(110.0f, size.y * 0.25f));
  const ImVec2 mm_min(max_.x - mm_size.x - 10, max_.y - mm_size.y - 10);
  const bool over_minimap =
      mouse.x >= mm_min.x && mouse.y >= mm_min.y && mouse.x <= max_.x - 10 && mouse.y <= max_.y - 10;

  if (hovered && io.MouseWheel != 0) zoom_about(mouse, std::pow(1.15f, io.MouseWheel));
  if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && over_minimap) dragging_minimap_ = true;
  if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) dragging_minimap_ = false;
  if (dragging_minimap_ && !s.items.empty()) {
    // The minimap maps the scene bounds into its box: centre the view on the mouse.
    const graph::Rect b = s.bounds;
    const float k = std::min(mm_size.x / std::max(b.w, 1.0f), mm_size.y / std::max(b.h, 1.0f));
    // The drawing is centred in the box (see draw_minimap).
    const float ox = (mm_size.x - b.w * k) / 2, oy = (mm_size.y - b.h * k) / 2;
    const float cx = b.x + (mouse.x - mm_min.x - ox) / k, cy = b.y + (mouse.y - mm_min.y - oy) / k;
    pan_.x = cx - size.x / 2 / zoom_;
    pan_.y = cy - size.y / 2 / zoom_;
  } else if (ImGui::IsItemActive() && (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2) ||
                                       ImGui::IsMouseDragging(ImGuiMouseButton_Right, 2))) {
    pan_.x -= io.MouseDelta.x / zoom_;
    pan_.y -= io.MouseDelta.y / zoom_;
  }
  if (hovered && !over_minimap && !dragging_minimap_) {
    ev.hovered = item_at(s, mouse);
    if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
      if (ev.hovered != kNone && h.items[ev.hovered].kind != ItemKind::kOp) ev.double_clicked = ev.hovered;
    } else if (ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
               ImGui::GetMouseDragDelta(ImGuiMouseButton_Left).x == 0 &&
               ImGui::GetMouseDragDelta(ImGuiMouseButton_Left).y == 0) {
      ev.clicked = ev.hovered;
      ev.background_clicked = ev.hovered == kNone;
    }
  }

  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(min_, max_, true);
  dl->AddRectFilled(min_, max_, paint.dark ? IM_COL32(24, 27, 33, 255) : IM_COL32(250, 251, 253, 255));
  items_drawn_ = edges_drawn_ = 0;
  // Groups (parents before children) are the background, then edges, then ops on top.
  draw_items(dl, s, h, ops, paint, fonts, false);
  draw_edges(dl, s, h, paint);
  draw_items(dl, s, h, ops, paint, fonts, true);
  draw_minimap(dl, s, h, paint);
  dl->PopClipRect();

  if (hovered && !over_minimap && !ImGui::IsItemActive()) {
    if (ev.hovered != kNone && h.items[ev.hovered].kind == ItemKind::kOp) {
      tooltip_for(layout, ops, ev.hovered);
    } else {
      const std::int32_t e = edge_at(s, mouse);
      if (e >= 0)
        edge_tooltip(s, h, ops, e);
      else if (ev.hovered != kNone)
        tooltip_for(layout, ops, ev.hovered);
    }
  }
  return ev;
}

// [SECTION] edges ----------------------------------------------------------------------------------
void GraphCanvas::draw_edges(ImDrawList* dl, const graph::Scene& s, const graph::Hierarchy& h,
                             const GraphPaint& paint) {
  const ImU32 base = paint.dark ? IM_COL32(170, 180, 195, 200) : IM_COL32(90, 98, 112, 210);
  const ImU32 loop = IM_COL32(220, 90, 80, 220);
  const ImU32 traced = IM_COL32(255, 140, 40, 255);
  const float scale = std::clamp(zoom_, 0.35f, 1.6f);
  for (const graph::SceneEdge& e : s.edges) {
    // Cull by the bounding box of the route.
    float x0 = e.points[0].x, x1 = x0, y0 = e.points[0].y, y1 = y0;
    for (const graph::Point& p : e.points) {
      x0 = std::min(x0, p.x);
      x1 = std::max(x1, p.x);
      y0 = std::min(y0, p.y);
      y1 = std::max(y1, p.y);
    }
    const ImVec2 a = to_screen(graph::Point{x0, y0}), b = to_screen(graph::Point{x1, y1});
    if (b.x < min_.x - 8 || a.x > max_.x + 8 || b.y < min_.y - 8 || a.y > max_.y + 8) continue;
    // Level of detail: an edge shorter than a pixel or two is not seen.
    if (b.x - a.x < 1.5f && b.y - a.y < 1.5f) continue;
    ++edges_drawn_;
    const graph::ChildEdge& ce = h.items[e.group].edges[e.edge];
    bool lit = true;
    if (paint.lit) lit = (*paint.lit)[ce.from] && (*paint.lit)[ce.to];
    ImU32 col = e.reversed ? loop : base;
    float width = edge_width(ce) * scale;
    if (paint.lit) {
      col = lit ? traced : with_alpha(col, 0.18f);
      if (lit) width += 1;
    }
    // Smooth: each leg a cubic that leaves and arrives vertically, so bends
    // through a layer read as one flowing line (sampled, then stroked).
    const std::size_t n = e.points.size();
    curve_.clear();
    ImVec2 prev = to_screen(e.points[0]);
    curve_.push_back(prev);
    for (std::size_t i = 1; i < n; ++i) {
      const ImVec2 next = to_screen(e.points[i]);
      const float dy = (next.y - prev.y) * 0.5f;
      const ImVec2 c1(prev.x, prev.y + dy), c2(next.x, next.y - dy);
      // Far out, legs are a few pixels long: straight is as good and much cheaper.
      const int steps =
          zoom_ < 0.15f
              ? 1
              : std::clamp(static_cast<int>((std::fabs(next.x - prev.x) + std::fabs(next.y - prev.y)) / 12),
                           1, 16);
      for (int k = 1; k <= steps; ++k) {
        const float t = static_cast<float>(k) / static_cast<float>(steps), u = 1 - t;
        curve_.push_back(
            ImVec2(u * u * u * prev.x + 3 * u * u * t * c1.x + 3 * u * t * t * c2.x + t * t * t * next.x,
                   u * u * u * prev.y + 3 * u * u * t * c1.y + 3 * u * t * t * c2.y + t * t * t * next.y));
      }
      prev = next;
    }
    const int m = static_cast<int>(curve_.size());
    if (ce.data == 0 && zoom_ >= 0.3f) {
      for (int i = 0; i + 1 < m; ++i)
        dashed(dl, curve_[i], curve_[i + 1], col, std::max(1.0f, width * 0.8f), 4);
    } else if (ce.data == 0) {
      dl->AddPolyline(curve_.data(), m, with_alpha(col, 0.5f), 0, 1.0f);  // dashes would be sub-pixel
    } else {
      dl->AddPolyline(curve_.data(), m, col, 0, width);
    }
    // The arrow at the end, if there is room to see it.
    if (zoom_ > 0.2f && m >= 2) {
      const ImVec2 tip = curve_[m - 1], from = curve_[m - 2];
      const float dx = tip.x - from.x, dy = tip.y - from.y;
      const float len = std::sqrt(dx * dx + dy * dy);
      if (len > 1) {
        const float ux = dx / len, uy = dy / len, sz = 4.0f + width;
        dl->AddTriangleFilled(
            tip, ImVec2(tip.x - ux * sz * 1.6f - uy * sz * 0.8f, tip.y - uy * sz * 1.6f + ux * sz * 0.8f),
            ImVec2(tip.x - ux * sz * 1.6f + uy * sz * 0.8f, tip.y - uy * sz * 1.6f - ux * sz * 0.8f), col);
      }
    }
  }
}

// [SECTION] items ----------------------------------------------------------------------------------
void GraphCanvas::draw_items(ImDrawList* dl, const graph::Scene& s, const graph::Hierarchy& h,
                             const graph::OpGraph& ops, const GraphPaint& paint, const Fonts* fonts,
                             bool ops_pass) {
  ImFont* font = fonts && fonts->body ? fonts->body : ImGui::GetFont();
  const float base_size = ImGui::GetFontSize();
  const float text_size = std::min(base_size * zoom_, base_size * 1.4f);
  const bool labels = text_size >= 6.0f;
  const ImU32 text = paint.dark ? IM_COL32(225, 230, 238, 255) : IM_COL32(30, 34, 42, 255);
  const ImU32 muted = paint.dark ? IM_COL32(150, 158, 170, 255) : IM_COL32(100, 108, 120, 255);
  const ImU32 outline = paint.dark ? IM_COL32(120, 130, 148, 255) : IM_COL32(110, 118, 132, 255);
  const ImU32 op_fill = paint.dark ? IM_COL32(44, 50, 62, 255) : IM_COL32(255, 255, 255, 255);
  const ImU32 select = IM_COL32(60, 150, 255, 255);
  const ImU32 found = IM_COL32(250, 200, 40, 255);
  for (const graph::SceneItem& si : s.items) {
    if ((h.items[si.item].kind == ItemKind::kOp) != ops_pass) continue;
    const ImVec4 r = to_screen(si.rect);
    if (r.z < min_.x || r.x > max_.x || r.w < min_.y || r.y > max_.y) continue;
    ++items_drawn_;
    const graph::Item& it = h.items[si.item];
    const bool lit = !paint.lit || (*paint.lit)[si.item];
    const float fade = lit ? 1.0f : 0.25f;
    const std::uint32_t fill_rgb =
        paint.fill && si.item < paint.fill->size() ? (*paint.fill)[si.item] : 0xb8c7de;
    const ImVec2 a(r.x, r.y), b(r.z, r.w);
    const float w = r.z - r.x, hgt = r.w - r.y;
    if (w < 1 && hgt < 1) continue;  // below a pixel: its parent's fill stands for it
    const bool tiny = w < 3 || hgt < 3;
    if (tiny) {
      dl->AddRectFilled(a, b, rgb(fill_rgb, 0.8f * fade));
      continue;
    }
    const float round = std::min(6.0f * zoom_, hgt / 2);
    if (it.kind == ItemKind::kOp) {
      const std::string& op = ops.nodes[it.op].op;
      if (is_constant(op)) {
        // A small circle at the left, the name beside it.
        const float rad = std::min(hgt, w) * 0.3f;
        const ImVec2 c(a.x + rad + 2 * zoom_, (a.y + b.y) / 2);
        dl->AddCircleFilled(c, rad, rgb(fill_rgb, fade));
        dl->AddCircle(c, rad, with_alpha(outline, fade));
        if (labels) {
          const ImVec4 clip(c.x + rad + 2, a.y, b.x, b.y);
          dl->AddText(font, text_size, ImVec2(c.x + rad + 3, c.y - text_size / 2), with_alpha(muted, fade),
                      it.label.c_str(), nullptr, 0, &clip);
        }
      } else {
        dl->AddRectFilled(a, b, with_alpha(op_fill, fade), hgt / 2);
        dl->AddRect(a, b, rgb(fill_rgb, fade), hgt / 2, 0, std::max(1.0f, 1.5f * std::min(zoom_, 1.0f)));
        if (labels) {
          const ImVec2 ts = font->CalcTextSizeA(text_size, FLT_MAX, 0, it.label.c_str());
          const ImVec4 clip(a.x + hgt / 3, a.y, b.x - hgt / 3, b.y);
          const float tx = std::max(clip.x, (a.x + b.x - ts.x) / 2);
          dl->AddText(font, text_size, ImVec2(tx, (a.y + b.y - text_size) / 2), with_alpha(text, fade),
                      it.label.c_str(), nullptr, 0, &clip);
        }
      }
    } else if (si.expanded) {
      dl->AddRectFilled(a, b, rgb(fill_rgb, 0.16f * fade), round);
      dl->AddRect(a, b, rgb(fill_rgb, 0.9f * fade), round, 0, 1.5f);
      if (labels) {
        const float header = std::min(26 * zoom_, hgt);
        dl->AddRectFilled(a, ImVec2(b.x, a.y + header), rgb(fill_rgb, 0.35f * fade), round,
                          ImDrawFlags_RoundCornersTop);
        char count[48];
        std::snprintf(count, sizeof count, "  %s ops", format_count(it.ops).c_str());
        std::string title = it.label + count;
        const ImVec4 clip(a.x, a.y, b.x - 4, a.y + header);
        dl->AddText(font, text_size, ImVec2(a.x + 8 * zoom_, a.y + (header - text_size) / 2),
                    with_alpha(text, fade), title.c_str(), nullptr, 0, &clip);
      }
    } else {
      if (it.kind == ItemKind::kSeries) {
        // A stack of cards.
        const float off = 3 * std::min(zoom_, 1.5f);
        for (int k = 2; k >= 1; --k) {
          const ImVec2 o(off * static_cast<float>(k), -off * static_cast<float>(k));
          dl->AddRectFilled(ImVec2(a.x + o.x, a.y + o.y), ImVec2(b.x + o.x, b.y + o.y),
                            rgb(fill_rgb, 0.5f * fade), round);
          dl->AddRect(ImVec2(a.x + o.x, a.y + o.y), ImVec2(b.x + o.x, b.y + o.y), with_alpha(outline, fade),
                      round);
        }
      }
      dl->AddRectFilled(a, b, rgb(fill_rgb, fade), round);
      dl->AddRect(a, b, with_alpha(outline, fade), round, 0, 1.0f);
      if (labels) {
        char count[48];
        std::snprintf(count, sizeof count, "%s op%s", format_count(it.ops).c_str(), it.ops == 1 ? "" : "s");
        const ImVec2 cs = font->CalcTextSizeA(text_size * 0.85f, FLT_MAX, 0, count);
        const ImVec4 clip(a.x + 2, a.y, b.x - cs.x - 10 * zoom_, b.y);
        const ImU32 dark_text = IM_COL32(20, 24, 32, static_cast<int>(255 * fade));
        dl->AddText(font, text_size, ImVec2(a.x + 8 * zoom_, (a.y + b.y - text_size) / 2), dark_text,
                    it.label.c_str(), nullptr, 0, &clip);
        dl->AddText(font, text_size * 0.85f,
                    ImVec2(b.x - cs.x - 6 * zoom_, (a.y + b.y - text_size * 0.85f) / 2),
                    IM_COL32(40, 46, 58, static_cast<int>(200 * fade)), count);
      }
    }
    if (it.auxiliary && !tiny)
      dl->AddRect(ImVec2(a.x - 2, a.y - 2), ImVec2(b.x + 2, b.y + 2), with_alpha(muted, 0.5f * fade),
                  round + 2);
    if (paint.found && (*paint.found)[si.item] && !si.expanded)
      dl->AddRect(ImVec2(a.x - 3, a.y - 3), ImVec2(b.x + 3, b.y + 3), found, round + 3, 0, 2.5f);
    if (si.item == paint.selected)
      dl->AddRect(ImVec2(a.x - 2, a.y - 2), ImVec2(b.x + 2, b.y + 2), select, round + 2, 0, 3.0f);
  }
}

// [SECTION] minimap and tooltips -------------------------------------------------------------------
void GraphCanvas::draw_minimap(ImDrawList* dl, const graph::Scene& s, const graph::Hierarchy& h,
                               const GraphPaint& paint) {
  if (s.items.empty()) return;
  const float w = std::min(160.0f, (max_.x - min_.x) * 0.25f),
              hh = std::min(110.0f, (max_.y - min_.y) * 0.25f);
  const ImVec2 a(max_.x - w - 10, max_.y - hh - 10), b(max_.x - 10, max_.y - 10);
  dl->AddRectFilled(a, b, paint.dark ? IM_COL32(34, 38, 46, 215) : IM_COL32(238, 241, 246, 215), 4);
  dl->AddRect(a, b, paint.dark ? IM_COL32(90, 98, 112, 255) : IM_COL32(170, 176, 188, 255), 4);
  const graph::Rect bd = s.bounds;
  const float k = std::min(w / std::max(bd.w, 1.0f), hh / std::max(bd.h, 1.0f));
  const float ox = (w - bd.w * k) / 2, oy = (hh - bd.h * k) / 2;  // centred in the box
  auto map = [&](float x, float y) { return ImVec2(a.x + ox + (x - bd.x) * k, a.y + oy + (y - bd.y) * k); };
  dl->PushClipRect(a, b, true);
  // Level of detail: every item bigger than half a minimap pixel.
  for (const graph::SceneItem& si : s.items) {
    if (si.rect.w * k < 0.5f && si.rect.h * k < 0.5f && h.items[si.item].depth > 1) continue;
    const std::uint32_t c = paint.fill && si.item < paint.fill->size() ? (*paint.fill)[si.item] : 0xb8c7de;
    const ImVec2 p = map(si.rect.x, si.rect.y), q = map(si.rect.x + si.rect.w, si.rect.y + si.rect.h);
    if (si.expanded)
      dl->AddRect(p, q, rgb(c, 0.8f));
    else
      dl->AddRectFilled(p, ImVec2(std::max(q.x, p.x + 1), std::max(q.y, p.y + 1)), rgb(c, 0.9f));
  }
  const graph::Point v0 = to_canvas(min_), v1 = to_canvas(max_);
  dl->AddRect(map(v0.x, v0.y), map(v1.x, v1.y), IM_COL32(60, 150, 255, 255), 0, 0, 1.5f);
  dl->PopClipRect();
}

void GraphCanvas::tooltip_for(const graph::LayoutCache& layout, const graph::OpGraph& ops,
                              std::uint32_t item) const {
  const graph::Item& it = layout.hierarchy().items[item];
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(it.name.empty() ? "(root)" : it.name.c_str());
  if (it.kind == ItemKind::kOp) {
    const graph::OpNode& n = ops.nodes[it.op];
    ImGui::TextDisabled("op %s", n.op.c_str());
    for (std::size_t i = 0; i < n.output_shapes.size() && i < 4; ++i)
      ImGui::TextDisabled("output %zu: %s", i, n.output_shapes[i].text().c_str());
    if (it.auxiliary) ImGui::TextDisabled("Drawn aside: linked to many nodes of this group.");
  } else {
    ImGui::TextDisabled("%s of %s ops, %zu children", it.kind == ItemKind::kSeries ? "series" : "group",
                        format_count(it.ops).c_str(), it.children.size());
    ImGui::TextDisabled(layout.expanded(item) ? "Double-click to collapse." : "Double-click to expand.");
  }
  ImGui::EndTooltip();
}

void GraphCanvas::edge_tooltip(const graph::Scene& s, const graph::Hierarchy& h, const graph::OpGraph& ops,
                               std::int32_t edge) const {
  const graph::SceneEdge& e = s.edges[static_cast<std::size_t>(edge)];
  const graph::ChildEdge& ce = h.items[e.group].edges[e.edge];
  const graph::OpEdge& sample = h.edges[ce.sample_edge];
  ImGui::BeginTooltip();
  ImGui::Text("%s  \xE2\x86\x92  %s", h.items[ce.from].name.c_str(), h.items[ce.to].name.c_str());
  if (ce.count > 1) ImGui::TextDisabled("%u edges (%u carry tensors)", ce.count, ce.data);
  const graph::OpNode& src = ops.nodes[sample.from];
  if (sample.control) {
    ImGui::TextDisabled("control dependency (ordering only, no tensor)");
  } else if (sample.slot < src.output_shapes.size()) {
    ImGui::TextDisabled("%s:%u  shape %s", src.name.c_str(), sample.slot,
                        src.output_shapes[sample.slot].text().c_str());
  }
  if (ce.max_elements >= 0)
    ImGui::TextDisabled("largest tensor: %s elements",
                        format_count(static_cast<std::uint64_t>(ce.max_elements)).c_str());
  if (e.reversed) ImGui::TextDisabled("This edge closes a loop, so it runs upward.");
  ImGui::EndTooltip();
}

}  // namespace el::ui
