// [SECTION] window and ImGui setup
// [SECTION] frame
// [SECTION] ingestion and loading progress
// [SECTION] state JSON
#include "app/shell.h"

#include <cstdio>

#include "app/fonts.h"
#include "imgui.h"
#include "imgui_impl_opengl3.h"
#include "imgui_impl_sdl.h"
#include "store/json_writer.h"

#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#else
#include <SDL_opengl.h>
#endif

static_assert(SDL_MAJOR_VERSION == 2, "compiled against SDL2 headers, not Emscripten's SDL1 compat ones");

namespace el::app {

// [SECTION] window and ImGui setup ---------------------------------------------
Shell::~Shell() {
  if (imgui_ready_) {
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
  }
  if (gl_) SDL_GL_DeleteContext(gl_);
  if (window_) SDL_DestroyWindow(window_);
  SDL_Quit();
}

bool Shell::init(const char* title, int width, int height) {
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
    std::fprintf(stderr, "eventlens: SDL_Init failed: %s\n", SDL_GetError());
    return false;
  }
#ifdef __EMSCRIPTEN__
  const char* glsl = "#version 300 es";  // WebGL2
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_ES);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#else
  const char* glsl = "#version 130";  // OpenGL 3.0
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
#endif
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
  SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);
  window_ = SDL_CreateWindow(title, SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, width, height,
                             SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
  if (!window_) {
    std::fprintf(stderr, "eventlens: cannot create a window: %s\n", SDL_GetError());
    return false;
  }
  gl_ = SDL_GL_CreateContext(window_);
  if (!gl_) {
    std::fprintf(stderr, "eventlens: cannot create an OpenGL context: %s\n", SDL_GetError());
    return false;
  }
  SDL_GL_MakeCurrent(window_, gl_);
#ifndef __EMSCRIPTEN__
  SDL_GL_SetSwapInterval(1);  // the browser's animation frames already pace the page
#endif
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is not persisted through files (no FS on the web)
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ui::apply_theme(theme_);
  ImGui_ImplSDL2_InitForOpenGL(window_, gl_);
  ImGui_ImplOpenGL3_Init(glsl);
  imgui_ready_ = true;
  update_pixel_ratio();
  return true;
}

// Fonts are rasterised at device resolution: on a 2x screen a 15 px label is
// drawn from a 30 px glyph atlas, so nothing is upscaled (blurry).
void Shell::update_pixel_ratio() {
  int ww = 0, wh = 0, dw = 0, dh = 0;
  SDL_GetWindowSize(window_, &ww, &wh);
  SDL_GL_GetDrawableSize(window_, &dw, &dh);
  float ratio = ww > 0 ? static_cast<float>(dw) / static_cast<float>(ww) : 1.0f;
  if (ratio < 1.0f) ratio = 1.0f;
  if (ratio == pixel_ratio_) return;
  pixel_ratio_ = ratio;
  fonts_ = build_fonts(ratio);
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
}

void Shell::set_theme(ui::Theme theme) {
  theme_ = theme;
  ui::apply_theme(theme);
  platform_.theme_changed(theme);
}

// [SECTION] frame -----------------------------------------------------------------
bool Shell::frame() {
  bool keep_running = true;
  SDL_Event ev;
  while (SDL_PollEvent(&ev)) {
    ImGui_ImplSDL2_ProcessEvent(&ev);
    if (ev.type == SDL_QUIT) keep_running = false;
    if (ev.type == SDL_WINDOWEVENT && ev.window.event == SDL_WINDOWEVENT_CLOSE) keep_running = false;
  }
  update_pixel_ratio();

  if (!queue_.empty()) queue_.pump(files_, ingest_budget_ms);

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  // Two frames can share a timestamp (headless browsers, virtual time), and
  // ImGui asserts on a zero delta.
  if (ImGui::GetIO().DeltaTime <= 0.0f) ImGui::GetIO().DeltaTime = 1e-4f;
  ImGui::NewFrame();

  ui::MainWindowView view;
  view.files = &files_;
  view.loading = loading();
  view.theme = theme_;
  view.fonts = &fonts_;
  view.can_open_dialogs = platform_.can_open_dialogs();
  view.drop_hint = platform_.drop_hint();
  ui::MainWindowActions act = main_window_.draw(view);

  ImGui::Render();
  int w = 0, h = 0;
  SDL_GL_GetDrawableSize(window_, &w, &h);
  glViewport(0, 0, w, h);
  const ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  SDL_GL_SwapWindow(window_);
  ++frame_;

  // Act after drawing so a request never lands in the middle of a frame.
  if (act.open_files) platform_.open_files();
  if (act.open_folder) platform_.open_folder();
  if (act.close_all) close_all();
  if (act.cancel_loading) cancel_loading();
  if (act.set_theme) set_theme(*act.set_theme);
  return keep_running;
}

// [SECTION] ingestion and loading progress -------------------------------------
store::FileId Shell::add_file(std::string path, std::uint64_t size) {
  if (!loading().active) batch_first_ = static_cast<store::FileId>(files_.size());
  return files_.add(std::move(path), size);
}

void Shell::close_all() {
  platform_.cancel_loading();
  queue_.clear();
  files_.clear();
  batch_first_ = 0;
}

void Shell::cancel_loading() {
  platform_.cancel_loading();
  queue_.clear();
  for (auto id = batch_first_; id < files_.size(); ++id) files_.finish(id);
}

ui::LoadingView Shell::loading() const {
  ui::LoadingView v;
  for (auto id = batch_first_; id < files_.size(); ++id) {
    const store::FileStatus& f = files_.status(id);
    v.bytes_total += f.size;
    v.bytes_done += f.bytes_read;
    ++v.files_total;
    if (f.finished) ++v.files_done;
  }
  v.active = v.files_done < v.files_total || !queue_.empty();
  store::FileId current;
  if (queue_.front_file(current)) v.current_file = files_.status(current).path;
  return v;
}

// [SECTION] state JSON --------------------------------------------------------------
std::string Shell::state_json() const {
  store::JsonWriter j;
  j.begin_object();
  j.key("version").value(EL_VERSION);
  j.key("frame").value(frame_);
  j.key("theme").value(theme_ == ui::Theme::kDark ? "dark" : "light");
  j.key("pixelRatio").value(static_cast<double>(pixel_ratio_));
  const ui::LoadingView ld = loading();
  j.key("loading").begin_object();
  j.key("active").value(ld.active);
  j.key("bytesDone").value(ld.bytes_done);
  j.key("bytesTotal").value(ld.bytes_total);
  j.key("filesDone").value(ld.files_done);
  j.key("filesTotal").value(ld.files_total);
  j.end_object();
  j.key("files").begin_array();
  for (store::FileId id = 0; id < files_.size(); ++id) {
    const store::FileStatus& f = files_.status(id);
    j.begin_object();
    j.key("path").value(f.path);
    j.key("size").value(f.size);
    j.key("bytesRead").value(f.bytes_read);
    j.key("crc32").value(static_cast<std::uint64_t>(f.crc32));
    j.key("records").value(f.records);
    j.key("finished").value(f.finished);
    j.end_object();
  }
  j.end_array();
  j.key("problems").begin_array();
  for (store::FileId id = 0; id < files_.size(); ++id) {
    for (const record::Problem& p : files_.status(id).problems) {
      j.begin_object();
      j.key("file").value(files_.status(id).path);
      j.key("offset").value(p.offset);
      j.key("kind").value(record::problem_kind_name(p.kind));
      j.key("message").value(p.message);
      j.end_object();
    }
  }
  j.end_array();
  j.end_object();
  return j.take();
}

}  // namespace el::app
