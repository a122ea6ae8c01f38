// ui::PointRenderer with OpenGL 3 / WebGL2: one vertex array per cloud
// (positions and colours in two buffers), drawn as GL_POINTS shaded into
// discs by an ImGui draw-list callback. The callback sets its own viewport,
// scissor, program and depth test; ImGui's backend restores its state after.
#pragma once
#include <cstdint>
#include <deque>
#include <unordered_map>

#include "ui/point_renderer.h"

namespace el::app {

class GlPoints final : public ui::PointRenderer {
 public:
  ~GlPoints() override;
  // Draws queued last frame are done: their records can go.
  void begin_frame() { calls_.clear(); }

  ui::PointCloudId upload_positions(ui::PointCloudId cloud, std::span<const float> xyz) override;
  void upload_colours(ui::PointCloudId cloud, std::span<const std::uint32_t> rgba) override;
  void draw(ImDrawList* dl, ui::PointCloudId cloud, ImVec2 min, ImVec2 max, const ui::Mat4& mvp,
            const ui::PointStyle& style) override;
  void release(ui::PointCloudId cloud) override;

  // Draws one queued call (from the ImGui callback).
  struct Call;
  void render(const Call& call, const ImDrawCmd& cmd);

 private:
  struct Cloud {
    std::uint32_t vao = 0, positions = 0, colours = 0;
    std::size_t count = 0, coloured = 0;
  };
  bool ensure_program();
  Cloud& cloud(ui::PointCloudId id);

  std::unordered_map<ui::PointCloudId, Cloud> clouds_;
  ui::PointCloudId next_id_ = 1;
  std::uint32_t program_ = 0;
  int u_mvp_ = -1, u_size_ = -1, u_outline_ = -1;
  bool program_failed_ = false;
  std::deque<Call> calls_;  // stable addresses for the callbacks' user data
};

struct GlPoints::Call {
  GlPoints* owner = nullptr;
  ui::PointCloudId cloud = 0;
  ImVec2 min, max;
  ui::Mat4 mvp;
  ui::PointStyle style;
};

}  // namespace el::app
