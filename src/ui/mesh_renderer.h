// Drawing triangle meshes on the GPU for Mesh cards: positions, normals,
// colours and triangle indices live in GPU buffers uploaded when the shown
// step changes, and a frame costs one draw call per mesh (two with the
// wireframe), whatever its size. As with points (ui/point_renderer), the UI
// queues a draw into an ImGui draw list and the app implements it with GL
// (app/gl_mesh).
#pragma once
#include <array>
#include <cstdint>
#include <span>

#include "imgui.h"
#include "ui/orbit_camera.h"

namespace el::ui {

using MeshId = std::uint32_t;  // 0: none

struct MeshStyle {
  bool smooth = true;                  // per-vertex normals; off: each face flat
  bool wireframe = false;              // the edges drawn over the faces
  std::uint32_t colour = 0xffb4b4b4u;  // faces of a mesh without vertex colours (IM_COL32)
  std::uint32_t line_colour = 0xff202020u;
};

class MeshRenderer {
 public:
  virtual ~MeshRenderer() = default;
  // The mesh `id` (0: a new one; returns its id): n x 3 positions and normals,
  // n colours (IM_COL32; empty: the style's colour), triangles as index triples.
  virtual MeshId upload(MeshId id, std::span<const float> xyz, std::span<const float> normals,
                        std::span<const std::uint32_t> rgba, std::span<const std::uint32_t> triangles) = 0;
  // The wireframe's edges (index pairs) of mesh `id`.
  virtual void upload_edges(MeshId id, std::span<const std::uint32_t> edges) = 0;
  // Queues drawing mesh `id` in [min, max] (ImGui coordinates), lit from `eye`.
  virtual void draw(ImDrawList* dl, MeshId id, ImVec2 min, ImVec2 max, const Mat4& mvp,
                    const std::array<float, 3>& eye, const MeshStyle& style) = 0;
  virtual void release(MeshId id) = 0;
};

}  // namespace el::ui
