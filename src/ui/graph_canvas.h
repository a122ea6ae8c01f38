// The graph canvas: draws the laid-out scene (expanded groups as tinted
// boxes holding their children, collapsed groups and series as boxes, ops as
// pills, constants as small circles, edges as routed polylines with arrows,
// thicker for larger tensors, dashed for control edges, red for edges that
// close a loop) and handles pan (drag), zoom (wheel, about the mouse), fit,
// hover tooltips, selection (click) and expand/collapse (double-click). Only
// what intersects the view is drawn; below a few pixels per item labels and
// outlines are left out. A minimap in the corner shows the whole graph and
// the view; clicking it moves there.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "graph/layout.h"
#include "graph/op_graph.h"
#include "imgui.h"
#include "ui/theme.h"

namespace el::ui {

// How each item is coloured and emphasised this frame (all per item id).
struct GraphPaint {
  const std::vector<std::uint32_t>* fill = nullptr;  // 0xRRGGBB
  const std::vector<std::uint8_t>* lit = nullptr;    // trace: 1 = on the path (null: everything lit)
  const std::vector<std::uint8_t>* found = nullptr;  // search matches (outlined)
  std::uint32_t selected = graph::kNone;
  bool dark = true;
};

struct GraphCanvasEvents {
  std::uint32_t clicked = graph::kNone;  // an item was clicked (kNone + background_clicked: nothing)
  bool background_clicked = false;
  std::uint32_t double_clicked = graph::kNone;  // a group or series to expand or collapse
  std::uint32_t hovered = graph::kNone;
};

class GraphCanvas {
 public:
  // Draws into a `size` region at the cursor.
  GraphCanvasEvents draw(graph::LayoutCache& layout, const graph::OpGraph& ops, const GraphPaint& paint,
                         const Fonts* fonts, ImVec2 size);
  // Whole graph in view (on the next frame if the canvas size is not known yet).
  void fit() { fit_pending_ = true; }
  // Centres the view on an item (after the scene changed), zooming in if tiny.
  void center_on(std::uint32_t item) { center_pending_ = item; }
  // Keeps `item` at the same place on screen across the next scene change
  // (expanding a group should not throw the view elsewhere).
  void anchor(graph::LayoutCache& layout, std::uint32_t item);

  float zoom() const { return zoom_; }
  ImVec2 canvas_min() const { return min_; }
  ImVec2 canvas_max() const { return max_; }
  // Screen rectangle of a canvas rectangle.
  ImVec4 to_screen(const graph::Rect& r) const;
  // Frame-time relevant counters of the last frame.
  std::size_t items_drawn() const { return items_drawn_; }
  std::size_t edges_drawn() const { return edges_drawn_; }

 private:
  void draw_edges(ImDrawList* dl, const graph::Scene& s, const graph::Hierarchy& h, const GraphPaint& paint);
  void draw_items(ImDrawList* dl, const graph::Scene& s, const graph::Hierarchy& h, const graph::OpGraph& ops,
                  const GraphPaint& paint, const Fonts* fonts, bool ops_pass);
  void draw_minimap(ImDrawList* dl, const graph::Scene& s, const graph::Hierarchy& h,
                    const GraphPaint& paint);
  std::uint32_t item_at(const graph::Scene& s, ImVec2 screen) const;
  std::int32_t edge_at(const graph::Scene& s, ImVec2 screen) const;
  void tooltip_for(const graph::LayoutCache& layout, const graph::OpGraph& ops, std::uint32_t item) const;
  void edge_tooltip(const graph::Scene& s, const graph::Hierarchy& h, const graph::OpGraph& ops,
                    std::int32_t edge) const;
  ImVec2 to_screen(graph::Point p) const {
    return ImVec2(min_.x + (p.x - pan_.x) * zoom_, min_.y + (p.y - pan_.y) * zoom_);
  }
  graph::Point to_canvas(ImVec2 s) const {
    return {(s.x - min_.x) / zoom_ + pan_.x, (s.y - min_.y) / zoom_ + pan_.y};
  }
  void zoom_about(ImVec2 screen, float factor);
  void apply_pending(graph::LayoutCache& layout);

  graph::Point pan_{-20, -20};  // canvas point at the top-left corner
  float zoom_ = 1;
  ImVec2 min_{0, 0}, max_{0, 0};
  bool fit_pending_ = true;
  std::uint32_t center_pending_ = graph::kNone;
  std::uint32_t anchor_item_ = graph::kNone;
  ImVec2 anchor_screen_{0, 0};
  bool dragging_minimap_ = false;
  std::size_t items_drawn_ = 0, edges_drawn_ = 0;
  std::vector<ImVec2> curve_;  // scratch: one edge's sampled curve
};

}  // namespace el::ui
