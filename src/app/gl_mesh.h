// ui::MeshRenderer with OpenGL 3 / WebGL2: one vertex array per mesh
// (positions, normals, colours, 32-bit triangle indices, and edge indices for
// the wireframe), drawn by an ImGui draw-list callback with a depth test.
// Lighting is a headlight (from the eye) plus ambient light, the same on both
// sides of each face (writers wind faces either way). Flat shading takes each face's normal from screen-space
// derivatives, so no per-face vertices are needed.
#pragma once
#include <cstdint>
#include <deque>
#include <unordered_map>

#include "ui/mesh_renderer.h"

namespace el::app {

class GlMesh final : public ui::MeshRenderer {
 public:
  ~GlMesh() override;
  void begin_frame() { calls_.clear(); }

  ui::MeshId upload(ui::MeshId id, std::span<const float> xyz, std::span<const float> normals,
                    std::span<const std::uint32_t> rgba, std::span<const std::uint32_t> triangles) override;
  void upload_edges(ui::MeshId id, std::span<const std::uint32_t> edges) override;
  void draw(ImDrawList* dl, ui::MeshId id, ImVec2 min, ImVec2 max, const ui::Mat4& mvp,
            const std::array<float, 3>& eye, const ui::MeshStyle& style) override;
  void release(ui::MeshId id) override;

  struct Call;
  void render(const Call& call, const ImDrawCmd& cmd);

 private:
  struct Mesh {
    std::uint32_t vao = 0, positions = 0, normals = 0, colours = 0, triangles = 0, edges = 0;
    std::size_t indices = 0, edge_indices = 0;
    bool coloured = false;
  };
  bool ensure_program();

  std::unordered_map<ui::MeshId, Mesh> meshes_;
  ui::MeshId next_id_ = 1;
  std::uint32_t program_ = 0;
  int u_mvp_ = -1, u_eye_ = -1, u_smooth_ = -1, u_lines_ = -1, u_line_colour_ = -1;
  bool program_failed_ = false;
  std::deque<Call> calls_;
};

struct GlMesh::Call {
  GlMesh* owner = nullptr;
  ui::MeshId mesh = 0;
  ImVec2 min, max;
  ui::Mat4 mvp;
  std::array<float, 3> eye;
  ui::MeshStyle style;
};

}  // namespace el::app
