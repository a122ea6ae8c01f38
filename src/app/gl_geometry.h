// ui::GeometryRenderer with OpenGL 3 / WebGL2: one vertex array per geometry
// (ImGui's vertex layout and 32-bit indices in two buffers), drawn by an ImGui
// draw-list callback with ImGui's blending, its font atlas, a translation and
// the command's clip rectangle. Geometry not drawn for kIdleSeconds is deleted
// (cards scrolled away, closed dashboards), so GPU memory follows what is shown.
#pragma once
#include <cstdint>
#include <deque>
#include <unordered_map>

#include "ui/geometry_renderer.h"

namespace el::app {

class GlGeometry final : public ui::GeometryRenderer {
 public:
  static constexpr double kIdleSeconds = 5;
  ~GlGeometry() override;
  // Draws queued last frame are done; geometry idle too long goes.
  void begin_frame(double now);

  ui::GeometryId upload(ui::GeometryId id, std::span<const ImDrawVert> vertices,
                        std::span<const ImDrawIdx> indices) override;
  bool has(ui::GeometryId id) const override { return geometries_.count(id) != 0; }
  void draw(ImDrawList* dl, ui::GeometryId id, ImVec2 offset) override;

  // Draws one queued call (from the ImGui callback).
  struct Call;
  void render(const Call& call, const ImDrawCmd& cmd);
  // Totals for state(): geometries held and uploads since start.
  std::size_t count() const { return geometries_.size(); }
  std::uint64_t uploads() const { return uploads_; }

 private:
  struct Geometry {
    std::uint32_t vao = 0, vertices = 0, indices = 0;
    std::size_t index_count = 0;
    double drawn_at = 0;
  };
  bool ensure_program();
  void release(Geometry& g);

  std::unordered_map<ui::GeometryId, Geometry> geometries_;
  ui::GeometryId next_id_ = 1;
  double now_ = 0;
  std::uint64_t uploads_ = 0;
  std::uint32_t program_ = 0;
  int u_projection_ = -1, u_offset_ = -1, u_texture_ = -1;
  bool program_failed_ = false;
  std::deque<Call> calls_;  // stable addresses for the callbacks' user data
};

struct GlGeometry::Call {
  GlGeometry* owner = nullptr;
  ui::GeometryId geometry = 0;
  ImVec2 offset;
};

}  // namespace el::app
