// What the GPU renderers (gl_points, gl_mesh, gl_geometry) share: the GL
// headers of WebGL2 and desktop GL 3, building a shader program, and ImGui
// rectangles in framebuffer pixels for viewports and scissors.
#pragma once
#include <cstdint>
#include <initializer_list>

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#define GL_GLEXT_PROTOTYPES
#include <SDL_opengl.h>
#include <SDL_opengl_glext.h>
#endif

#include "imgui.h"

namespace el::app {

// Compiles and links a program from GLSL bodies (the version line is added:
// GLSL ES 3.00 in the page, 1.30 natively) with `attributes` bound to
// locations 0, 1, ... in order. 0 on failure, with the log on stderr naming `what`.
GLuint build_program(const char* what, const char* vertex, const char* fragment,
                     std::initializer_list<const char*> attributes);

// An ImGui rectangle [min, max] (screen coordinates) in framebuffer pixels,
// origin bottom-left, as glViewport and glScissor take it.
struct FramebufferRect {
  GLint x = 0, y = 0;
  GLsizei w = 0, h = 0;
};
FramebufferRect framebuffer_rect(const ImDrawData& dd, ImVec2 min, ImVec2 max);

// The scissor of a callback's command: its clip rectangle, narrowed to [min, max].
// False when nothing of it is left.
bool scissor_to(const ImDrawData& dd, const ImDrawCmd& cmd, ImVec2 min, ImVec2 max);

}  // namespace el::app
