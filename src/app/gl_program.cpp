#include "app/gl_program.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace el::app {
namespace {

#ifdef __EMSCRIPTEN__
constexpr const char* kGlslVersion = "#version 300 es\nprecision highp float;\n";
#else
constexpr const char* kGlslVersion = "#version 130\n";
#endif

GLuint compile(const char* what, GLenum kind, const char* body) {
  GLuint s = glCreateShader(kind);
  const char* parts[2] = {kGlslVersion, body};
  glShaderSource(s, 2, parts, nullptr);
  glCompileShader(s);
  GLint ok = 0;
  glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
  if (!ok) {
    char log[1024] = {};
    glGetShaderInfoLog(s, sizeof log, nullptr, log);
    std::fprintf(stderr, "eventlens: %s %s shader: %s\n", what,
                 kind == GL_VERTEX_SHADER ? "vertex" : "fragment", log);
    glDeleteShader(s);
    return 0;
  }
  return s;
}

}  // namespace

GLuint build_program(const char* what, const char* vertex, const char* fragment,
                     std::initializer_list<const char*> attributes) {
  const GLuint vs = compile(what, GL_VERTEX_SHADER, vertex), fs = compile(what, GL_FRAGMENT_SHADER, fragment);
  if (!vs || !fs) {
    if (vs) glDeleteShader(vs);
    if (fs) glDeleteShader(fs);
    return 0;
  }
  GLuint program = glCreateProgram();
  glAttachShader(program, vs);
  glAttachShader(program, fs);
  GLuint location = 0;
  for (const char* a : attributes) glBindAttribLocation(program, location++, a);
  glLinkProgram(program);
  glDeleteShader(vs);
  glDeleteShader(fs);
  GLint ok = 0;
  glGetProgramiv(program, GL_LINK_STATUS, &ok);
  if (!ok) {
    std::fprintf(stderr, "eventlens: the %s shader does not link\n", what);
    glDeleteProgram(program);
    return 0;
  }
  return program;
}

FramebufferRect framebuffer_rect(const ImDrawData& dd, ImVec2 min, ImVec2 max) {
  const ImVec2 pos = dd.DisplayPos, scale = dd.FramebufferScale;
  const float fb_h = dd.DisplaySize.y * scale.y;
  FramebufferRect r;
  r.x = static_cast<GLint>(std::floor((min.x - pos.x) * scale.x));
  r.y = static_cast<GLint>(std::floor(fb_h - (max.y - pos.y) * scale.y));
  r.w = static_cast<GLsizei>(std::ceil((max.x - min.x) * scale.x));
  r.h = static_cast<GLsizei>(std::ceil((max.y - min.y) * scale.y));
  return r;
}

bool scissor_to(const ImDrawData& dd, const ImDrawCmd& cmd, ImVec2 min, ImVec2 max) {
  const ImVec2 clip_min(std::max(cmd.ClipRect.x, min.x), std::max(cmd.ClipRect.y, min.y));
  const ImVec2 clip_max(std::min(cmd.ClipRect.z, max.x), std::min(cmd.ClipRect.w, max.y));
  if (clip_max.x <= clip_min.x || clip_max.y <= clip_min.y) return false;
  const FramebufferRect r = framebuffer_rect(dd, clip_min, clip_max);
  glEnable(GL_SCISSOR_TEST);
  glScissor(r.x, r.y, r.w, r.h);
  return true;
}

}  // namespace el::app
