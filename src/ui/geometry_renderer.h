// ImGui triangles kept on the GPU between frames. A chart's lines and bands
// stay the same while the cursor moves over it; tessellated and uploaded once,
// each later frame draws them with one call instead of building and uploading
// them again. The UI builds the triangles with an ImDrawList of its own (so
// they look exactly as ImGui draws them: the font atlas's anti-aliasing
// texture, its colours) and queues a draw at its place in a window's list; the
// app implements it with GL (app/gl_geometry). Geometry not drawn for a few
// seconds is dropped by the renderer: `has` then answers false and the owner
// uploads it again when it next draws.
#pragma once
#include <cstdint>
#include <span>

#include "imgui.h"

namespace el::ui {

using GeometryId = std::uint32_t;  // 0: none

class GeometryRenderer {
 public:
  virtual ~GeometryRenderer() = default;
  // Replaces the triangles of `id` (0: new geometry); returns its id.
  // Indices count from the first vertex; textured by ImGui's font atlas.
  virtual GeometryId upload(GeometryId id, std::span<const ImDrawVert> vertices,
                            std::span<const ImDrawIdx> indices) = 0;
  virtual bool has(GeometryId id) const = 0;
  // Queues drawing `id` moved by `offset` (ImGui pixels), clipped to the draw
  // list's current clip rectangle.
  virtual void draw(ImDrawList* dl, GeometryId id, ImVec2 offset) = 0;
};

}  // namespace el::ui
