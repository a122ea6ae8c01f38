// A 3-D (or 2-D) view of a point cloud, shared by the dashboards that show
// one (the Projector; Mesh next): the camera and its mouse controls, the
// GPU clouds (all points, and a highlighted few drawn larger on top), and
// picking (hover, click, box select) from the points' screen positions,
// computed only when the mouse asks and the view changed (never per frame for
// large clouds, so orbiting costs the same at a million points as at ten).
//
// Controls: drag to orbit (2-D: pan), right-drag or ctrl-drag to pan, wheel
// to zoom, shift-drag to select a box, click a point to select it.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "imgui.h"
#include "ui/orbit_camera.h"
#include "ui/point_renderer.h"

namespace el::ui {

struct PointViewEvents {
  std::int64_t hovered = -1;   // the point under the mouse (an index into all points)
  std::int64_t clicked = -1;   // a point clicked
  bool clicked_empty = false;  // a click that hit no point
  bool boxed = false;          // a box selection ended: `box` holds its points
  bool box_add = false;        // ... adding to the selection (ctrl held)
  std::vector<std::uint32_t> box;
};

class PointView {
 public:
  OrbitCamera camera;
  PointStyle style;
  float highlight_px = 9;  // the highlighted points' diameter

  // The points (n x 3) and, when `shown` is not empty, only those to draw (isolation).
  void set_points(PointRenderer& r, std::span<const float> xyz, const std::vector<std::uint32_t>& shown);
  // Colours of all points (IM_COL32), gathered for the shown ones.
  void set_colours(PointRenderer& r, std::span<const std::uint32_t> rgba);
  // Points drawn larger, on top, in their own colours.
  void set_highlight(PointRenderer& r, const std::vector<std::uint32_t>& points,
                     const std::vector<std::uint32_t>& rgba);
  // Draws into a `size` child area at the cursor; returns what the mouse did.
  PointViewEvents draw(PointRenderer& r, ImVec2 size);
  void release(PointRenderer& r);

  // Frames the points from the default angle.
  void fit();
  // Where point `i` (of all) is on screen (ImGui coordinates); false when off screen.
  bool screen_of(std::uint32_t i, ImVec2& out) const;
  ImVec2 min() const { return min_; }
  ImVec2 max() const { return max_; }
  const Mat4& mvp() const { return mvp_; }
  std::size_t drawn() const { return shown_.empty() ? count_ : shown_.size(); }
  const std::vector<std::uint32_t>& shown() const { return shown_; }
  // Screen x, y of every drawn point (computed on demand; NaN off screen).
  const std::vector<float>& screen_positions();

 private:
  std::int64_t pick(ImVec2 mouse, float radius);
  std::vector<std::uint32_t> in_box(ImVec2 a, ImVec2 b);

  PointCloudId cloud_ = 0, highlight_cloud_ = 0;
  std::vector<float> xyz_;            // all points
  std::vector<std::uint32_t> shown_;  // drawn subset (empty: all)
  std::size_t count_ = 0;
  std::vector<float> highlight_xyz_;
  std::size_t highlight_count_ = 0;
  ImVec2 min_, max_;
  Mat4 mvp_{};
  std::vector<float> screen_;  // per drawn point
  bool screen_valid_ = false;
  ImVec2 drag_start_;
  bool boxing_ = false;
  std::int64_t hovered_ = -1;
  ImVec2 hovered_at_{-1, -1};  // the mouse position hovered_ was picked at
};

}  // namespace el::ui
