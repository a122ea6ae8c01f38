#include "app/gl_points.h"

#include <algorithm>
#include <cmath>

#include "app/gl_program.h"

namespace el::app {

namespace {

const char* kVertex = R"(
uniform mat4 u_mvp;
uniform float u_size;
in vec3 a_pos;
in vec4 a_col;
out vec4 v_col;
void main() {
  gl_Position = u_mvp * vec4(a_pos, 1.0);
  gl_PointSize = u_size;
  v_col = a_col;
}
)";

// A disc with a darker rim; outside the disc nothing is drawn.
const char* kFragment = R"(
uniform float u_outline;
in vec4 v_col;
out vec4 frag;
void main() {
  vec2 c = gl_PointCoord * 2.0 - 1.0;
  float r = dot(c, c);
  if (r > 1.0) discard;
  float rim = u_outline * step(0.55, r);
  frag = vec4(v_col.rgb * (1.0 - 0.35 * rim), 1.0);
}
)";

void callback(const ImDrawList*, const ImDrawCmd* cmd) {
  const auto* call = static_cast<const GlPoints::Call*>(cmd->UserCallbackData);
  call->owner->render(*call, *cmd);
}

}  // namespace

GlPoints::~GlPoints() {
  for (auto& [id, c] : clouds_) {
    glDeleteBuffers(1, &c.positions);
    glDeleteBuffers(1, &c.colours);
    glDeleteVertexArrays(1, &c.vao);
  }
  if (program_) glDeleteProgram(program_);
}

bool GlPoints::ensure_program() {
  if (program_ || program_failed_) return program_ != 0;
  program_ = build_program("point", kVertex, kFragment, {"a_pos", "a_col"});
  if (!program_) {
    program_failed_ = true;
    return false;
  }
  u_mvp_ = glGetUniformLocation(program_, "u_mvp");
  u_size_ = glGetUniformLocation(program_, "u_size");
  u_outline_ = glGetUniformLocation(program_, "u_outline");
  return true;
}

GlPoints::Cloud& GlPoints::cloud(ui::PointCloudId id) {
  Cloud& c = clouds_[id];
  if (!c.vao) {
    glGenVertexArrays(1, &c.vao);
    glGenBuffers(1, &c.positions);
    glGenBuffers(1, &c.colours);
  }
  return c;
}

ui::PointCloudId GlPoints::upload_positions(ui::PointCloudId id, std::span<const float> xyz) {
  if (!id) id = next_id_++;
  Cloud& c = cloud(id);
  glBindVertexArray(c.vao);
  glBindBuffer(GL_ARRAY_BUFFER, c.positions);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(xyz.size_bytes()), xyz.data(), GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 12, nullptr);
  glBindVertexArray(0);
  c.count = xyz.size() / 3;
  return id;
}

void GlPoints::upload_colours(ui::PointCloudId id, std::span<const std::uint32_t> rgba) {
  if (!id) return;
  Cloud& c = cloud(id);
  glBindVertexArray(c.vao);
  glBindBuffer(GL_ARRAY_BUFFER, c.colours);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(rgba.size_bytes()), rgba.data(), GL_DYNAMIC_DRAW);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, 4, nullptr);
  glBindVertexArray(0);
  c.coloured = rgba.size();
}

void GlPoints::release(ui::PointCloudId id) {
  auto it = clouds_.find(id);
  if (it == clouds_.end()) return;
  glDeleteBuffers(1, &it->second.positions);
  glDeleteBuffers(1, &it->second.colours);
  glDeleteVertexArrays(1, &it->second.vao);
  clouds_.erase(it);
}

void GlPoints::draw(ImDrawList* dl, ui::PointCloudId id, ImVec2 min, ImVec2 max, const ui::Mat4& mvp,
                    const ui::PointStyle& style) {
  if (!id || !clouds_.count(id)) return;
  calls_.push_back(Call{this, id, min, max, mvp, style});
  dl->AddCallback(callback, &calls_.back());
  dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

void GlPoints::render(const Call& call, const ImDrawCmd& cmd) {
  auto it = clouds_.find(call.cloud);
  if (it == clouds_.end() || !ensure_program()) return;
  const Cloud& c = it->second;
  const std::size_t n = std::min(c.count, c.coloured);
  if (!n) return;
  const ImDrawData& dd = *ImGui::GetDrawData();
  const FramebufferRect view = framebuffer_rect(dd, call.min, call.max);
  if (view.w <= 0 || view.h <= 0) return;
  glViewport(view.x, view.y, view.w, view.h);
  if (!scissor_to(dd, cmd, call.min, call.max)) return;
  glDisable(GL_BLEND);
  if (call.style.depth) {
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LESS);
    glDepthMask(GL_TRUE);
    glClear(GL_DEPTH_BUFFER_BIT);  // inside the scissor only
  } else {
    glDisable(GL_DEPTH_TEST);
  }
#ifndef __EMSCRIPTEN__
  glEnable(GL_PROGRAM_POINT_SIZE);
#endif
  glUseProgram(program_);
  glUniformMatrix4fv(u_mvp_, 1, GL_FALSE, call.mvp.data());
  glUniform1f(u_size_, std::max(1.0f, call.style.size_px * dd.FramebufferScale.x));
  glUniform1f(u_outline_, call.style.outline && call.style.size_px >= 4 ? 1.0f : 0.0f);
  glBindVertexArray(c.vao);
  glDrawArrays(GL_POINTS, 0, static_cast<GLsizei>(n));
  glBindVertexArray(0);
  glDisable(GL_DEPTH_TEST);
}

}  // namespace el::app
