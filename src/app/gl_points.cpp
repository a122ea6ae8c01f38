#include "app/gl_points.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#define GL_GLEXT_PROTOTYPES
#include <SDL_opengl.h>
#include <SDL_opengl_glext.h>
#endif

namespace el::app {

namespace {

#ifdef __EMSCRIPTEN__
#define EL_GLSL_HEADER "#version 300 es\nprecision mediump float;\n"
#else
#define EL_GLSL_HEADER "#version 130\n"
#endif

const char* kVertex = EL_GLSL_HEADER R"(
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
const char* kFragment = EL_GLSL_HEADER R"(
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

GLuint compile(GLenum kind, const char* source) {
  GLuint s = glCreateShader(kind);
  glShaderSource(s, 1, &source, nullptr);
  glCompileShader(s);
  GLint ok = 0;
  glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[1024] = {};
    glGetShaderInfoLog(s, sizeof log, nullptr, log);
    std::fprintf(stderr, "eventlens: point shader: %s\n", log);
    glDeleteShader(s);
    return 0;
  }
  return s;
}

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
  GLuint vs = compile(GL_VERTEX_SHADER, kVertex), fs = compile(GL_FRAGMENT_SHADER, kFragment);
  if (!vs || !fs) {
    program_failed_ = true;
    return false;
  }
  program_ = glCreateProgram();
  glAttachShader(program_, vs);
  glAttachShader(program_, fs);
  glBindAttribLocation(program_, 0, "a_pos");
  glBindAttribLocation(program_, 1, "a_col");
  glLinkProgram(program_);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = 0;
  glGetProgramiv(program_, GL_LINK_STATUS, &ok);
  if (!ok) {
    std::fprintf(stderr, "eventlens: the point shader does not link\n");
    glDeleteProgram(program_);
    program_ = 0;
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
  const ImDrawData* dd = ImGui::GetDrawData();
  const ImVec2 pos = dd->DisplayPos, scale = dd->FramebufferScale;
  const float fb_h = dd->DisplaySize.y * scale.y;
  auto to_fb = [&](ImVec2 a, ImVec2 b, GLint& x, GLint& y, GLsizei& w, GLsizei& h) {
    x = static_cast<GLint>(std::floor((a.x - pos.x) * scale.x));
    y = static_cast<GLint>(std::floor(fb_h - (b.y - pos.y) * scale.y));
    w = static_cast<GLsizei>(std::ceil((b.x - a.x) * scale.x));
    h = static_cast<GLsizei>(std::ceil((b.y - a.y) * scale.y));
  };
  GLint x, y;
  GLsizei w, h;
  to_fb(call.min, call.max, x, y, w, h);
  if (w <= 0 || h <= 0) return;
  glViewport(x, y, w, h);
  const ImVec2 clip_min(std::max(cmd.ClipRect.x, call.min.x), std::max(cmd.ClipRect.y, call.min.y));
  const ImVec2 clip_max(std::min(cmd.ClipRect.z, call.max.x), std::min(cmd.ClipRect.w, call.max.y));
  if (clip_max.x <= clip_min.x || clip_max.y <= clip_min.y) return;
  to_fb(clip_min, clip_max, x, y, w, h);
  glEnable(GL_SCISSOR_TEST);
  glScissor(x, y, w, h);
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
  glUniform1f(u_size_, std::max(1.0f, call.style.size_px * scale.x));
  glUniform1f(u_outline_, call.style.outline && call.style.size_px >= 4 ? 1.0f : 0.0f);
  glBindVertexArray(c.vao);
  glDrawArrays(GL_POINTS, 0, static_cast<GLsizei>(n));
  glBindVertexArray(0);
  glDisable(GL_DEPTH_TEST);
}

}  // namespace el::app
