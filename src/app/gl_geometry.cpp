#include "app/gl_geometry.h"

#include "app/gl_program.h"

namespace el::app {
namespace {

// ImGui's own shading: position through the display's orthographic
// projection (moved by the draw's offset), colour times the font atlas.
const char* kVertex = R"(
uniform mat4 u_projection;
uniform vec2 u_offset;
in vec2 a_pos;
in vec2 a_uv;
in vec4 a_col;
out vec2 v_uv;
out vec4 v_col;
void main() {
  gl_Position = u_projection * vec4(a_pos + u_offset, 0.0, 1.0);
  v_uv = a_uv;
  v_col = a_col;
}
)";

const char* kFragment = R"(
uniform sampler2D u_texture;
in vec2 v_uv;
in vec4 v_col;
out vec4 frag;
void main() {
  frag = v_col * texture(u_texture, v_uv);
}
)";

void callback(const ImDrawList*, const ImDrawCmd* cmd) {
  const auto* call = static_cast<const GlGeometry::Call*>(cmd->UserCallbackData);
  call->owner->render(*call, *cmd);
}

}  // namespace

GlGeometry::~GlGeometry() {
  for (auto& [id, g] : geometries_) release(g);
  if (program_) glDeleteProgram(program_);
}

void GlGeometry::release(Geometry& g) {
  glDeleteBuffers(1, &g.vertices);
  glDeleteBuffers(1, &g.indices);
  glDeleteVertexArrays(1, &g.vao);
  g = Geometry{};
}

void GlGeometry::begin_frame(double now) {
  now_ = now;
  calls_.clear();
  for (auto it = geometries_.begin(); it != geometries_.end();) {
    if (it->second.drawn_at < now - kIdleSeconds) {
      release(it->second);
      it = geometries_.erase(it);
    } else {
      ++it;
    }
  }
}

bool GlGeometry::ensure_program() {
  if (program_ || program_failed_) return program_ != 0;
  program_ = build_program("chart geometry", kVertex, kFragment, {"a_pos", "a_uv", "a_col"});
  if (!program_) {
    program_failed_ = true;
    return false;
  }
  u_projection_ = glGetUniformLocation(program_, "u_projection");
  u_offset_ = glGetUniformLocation(program_, "u_offset");
  u_texture_ = glGetUniformLocation(program_, "u_texture");
  return true;
}

ui::GeometryId GlGeometry::upload(ui::GeometryId id, std::span<const ImDrawVert> vertices,
                                  std::span<const ImDrawIdx> indices) {
  static_assert(sizeof(ImDrawIdx) == 4, "ImDrawIdx is configured as 32-bit in CMakeLists.txt");
  if (!id) id = next_id_++;
  Geometry& g = geometries_[id];
  if (!g.vao) {
    glGenVertexArrays(1, &g.vao);
    GLuint b[2];
    glGenBuffers(2, b);
    g.vertices = b[0], g.indices = b[1];
    glBindVertexArray(g.vao);
    glBindBuffer(GL_ARRAY_BUFFER, g.vertices);
    glEnableVertexAttribArray(0);
    glEnableVertexAttribArray(1);
    glEnableVertexAttribArray(2);
    const auto stride = static_cast<GLsizei>(sizeof(ImDrawVert));
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride,
                          reinterpret_cast<const void*>(IM_OFFSETOF(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride,
                          reinterpret_cast<const void*>(IM_OFFSETOF(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride,
                          reinterpret_cast<const void*>(IM_OFFSETOF(ImDrawVert, col)));
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, g.indices);
  } else {
    glBindVertexArray(g.vao);
    glBindBuffer(GL_ARRAY_BUFFER, g.vertices);
  }
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size_bytes()), vertices.data(),
               GL_STATIC_DRAW);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices.size_bytes()), indices.data(),
               GL_STATIC_DRAW);
  glBindVertexArray(0);
  g.index_count = indices.size();
  g.drawn_at = now_;
  ++uploads_;
  return id;
}

void GlGeometry::draw(ImDrawList* dl, ui::GeometryId id, ImVec2 offset) {
  auto it = geometries_.find(id);
  if (it == geometries_.end() || !it->second.index_count) return;
  it->second.drawn_at = now_;
  calls_.push_back(Call{this, id, offset});
  dl->AddCallback(callback, &calls_.back());
  dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

void GlGeometry::render(const Call& call, const ImDrawCmd& cmd) {
  auto it = geometries_.find(call.geometry);
  if (it == geometries_.end() || !ensure_program()) return;
  const ImDrawData& dd = *ImGui::GetDrawData();
  const ImVec2 min = dd.DisplayPos,
               max(dd.DisplayPos.x + dd.DisplaySize.x, dd.DisplayPos.y + dd.DisplaySize.y);
  const FramebufferRect view = framebuffer_rect(dd, min, max);
  glViewport(view.x, view.y, view.w, view.h);
  if (!scissor_to(dd, cmd, min, max)) return;
  glEnable(GL_BLEND);
  glBlendEquation(GL_FUNC_ADD);
  glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDisable(GL_CULL_FACE);
  glDisable(GL_DEPTH_TEST);
  // Column-major, as ImGui's backend builds it: display pixels to clip space, y down.
  const float l = min.x, r = max.x, t = min.y, b = max.y;
  const float projection[16] = {
      2 / (r - l), 0, 0, 0, 0, 2 / (t - b), 0, 0, 0, 0, -1, 0, (r + l) / (l - r), (t + b) / (b - t), 0, 1};
  glUseProgram(program_);
  glUniformMatrix4fv(u_projection_, 1, GL_FALSE, projection);
  glUniform2f(u_offset_, call.offset.x, call.offset.y);
  glUniform1i(u_texture_, 0);
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D,
                static_cast<GLuint>(reinterpret_cast<std::intptr_t>(ImGui::GetIO().Fonts->TexID)));
  glBindVertexArray(it->second.vao);
  glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(it->second.index_count), GL_UNSIGNED_INT, nullptr);
  glBindVertexArray(0);
}

}  // namespace el::app
