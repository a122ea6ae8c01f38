// Drawing many points on the GPU, for 3-D views (the Projector's clouds, and
// Mesh's next): positions and colours live in GPU buffers uploaded when they
// change, and a frame costs one draw call per cloud, whatever the count. The
// UI queues a draw into an ImGui draw list (a callback at its place in the
// list, so ImGui's own drawing before and after stays in order); the app
// implements it with GL (app/gl_points).
#pragma once
#include <cstdint>
#include <span>

#include "imgui.h"
#include "ui/orbit_camera.h"

namespace el::ui {

using PointCloudId = std::uint32_t;  // 0: none

struct PointStyle {
  float size_px = 4;    // diameter, in ImGui pixels
  bool depth = true;    // hide points behind others (3-D); off: drawn in order, on top
  bool outline = true;  // a darker rim, so overlapping points stay apart
};

class PointRenderer {
 public:
  virtual ~PointRenderer() = default;
  // Positions (n x 3 floats) of `cloud` (0: a new one); returns its id.
  virtual PointCloudId upload_positions(PointCloudId cloud, std::span<const float> xyz) = 0;
  // Colours (n, IM_COL32 order: r in the low byte) of `cloud`.
  virtual void upload_colours(PointCloudId cloud, std::span<const std::uint32_t> rgba) = 0;
  // Queues drawing `cloud` in the rectangle [min, max] (ImGui coordinates),
  // clipped to the draw list's current clip rectangle.
  virtual void draw(ImDrawList* dl, PointCloudId cloud, ImVec2 min, ImVec2 max, const Mat4& mvp,
                    const PointStyle& style) = 0;
  virtual void release(PointCloudId cloud) = 0;
};

}  // namespace el::ui
