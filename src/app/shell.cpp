// [SECTION] window and ImGui setup
// [SECTION] frame
// [SECTION] ingestion and loading progress
#include "app/shell.h"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "aggregate/histogram_series.h"
#include "app/fonts.h"
#include "events/media_encode.h"
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

namespace {
// Steady-clock milliseconds: on the page this is performance.now().
double steady_ms() {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}
}  // namespace

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
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 24);  // 3-D views (ui/point_renderer.h)
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
  // No keyboard navigation: the arrow keys step image and audio cards, and
  // ImGui's navigation would take them (and hide mouse hovering) first.
  apply_theme();
  media_.set_store(&store_);
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
  rebuild_fonts();
}

void Shell::rebuild_fonts() {
  fonts_ = build_fonts(pixel_ratio_, cjk_state_ == FontLoad::kLoaded ? &cjk_bytes_ : nullptr, cjk_chars_);
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  ImGui_ImplOpenGL3_CreateFontsTexture();
  force_render_ = true;
}

// At most twice a second while names arrive: CJK characters no font has
// either ask for the CJK font or, once it is here, join the atlas.
void Shell::update_cjk_glyphs(double now) {
  if (store_.version() == glyph_scan_version_ || (glyph_scan_at_ >= 0 && now - glyph_scan_at_ < 0.5)) return;
  if (cjk_state_ == FontLoad::kLoading || cjk_state_ == FontLoad::kFailed) return;
  glyph_scan_version_ = store_.version();
  glyph_scan_at_ = now;
  std::vector<std::uint32_t> wanted;
  for (std::uint32_t c : missing_glyphs())
    if (is_cjk(c) && !std::binary_search(cjk_chars_.begin(), cjk_chars_.end(), c)) wanted.push_back(c);
  if (wanted.empty()) return;
  if (cjk_state_ == FontLoad::kNone) {
    cjk_state_ = platform_.request_cjk_font() ? FontLoad::kLoading : FontLoad::kFailed;
    if (cjk_state_ == FontLoad::kFailed) cjk_error_ = "no CJK font on this platform";
    return;
  }
  cjk_chars_.insert(cjk_chars_.end(), wanted.begin(), wanted.end());
  std::sort(cjk_chars_.begin(), cjk_chars_.end());
  rebuild_fonts();
}

void Shell::cjk_font_arrived(std::string bytes) {
  cjk_bytes_ = std::move(bytes);
  cjk_state_ = FontLoad::kLoaded;
  glyph_scan_version_ = ~0ull;  // scan again now
  glyph_scan_at_ = -1;
  force_render_ = true;
}

void Shell::cjk_font_failed(const std::string& why) {
  cjk_state_ = FontLoad::kFailed;
  cjk_error_ = why;
}

void Shell::apply_theme() {
  theme_dark_ = settings_.dark;
  ui::apply_theme(theme_dark_ ? ui::Theme::kDark : ui::Theme::kLight);
}

void Shell::apply_settings(const std::string& text) {
  ui::decode_settings(text, settings_);  // persisted (and put in the URL) after the next frame
  force_render_ = true;
}

void Shell::apply_saved_settings(const std::string& text) {
  ui::decode_settings(text, settings_);
  ui::forget_logdir_state(settings_);  // a previous visit's logdir is not this one
  force_render_ = true;
}

// [SECTION] frame -----------------------------------------------------------------
bool Shell::frame() {
  const Uint64 frame_start = SDL_GetPerformanceCounter();
  bool keep_running = true;
  SDL_Event ev;
  bool had_events = false;
  // ImGui 1.86 sees keys as up/down states per frame: a key pressed and
  // released between two frames (a quick tap while a slow frame drew) would
  // be lost, so such a release waits for the next frame.
  std::vector<SDL_Event> events = std::move(deferred_key_ups_);
  deferred_key_ups_.clear();
  std::vector<SDL_Scancode> pressed_now;
  while (SDL_PollEvent(&ev)) events.push_back(ev);
  for (const SDL_Event& e : events) {
    if (e.type == SDL_KEYDOWN) pressed_now.push_back(e.key.keysym.scancode);
    if (e.type == SDL_KEYUP &&
        std::find(pressed_now.begin(), pressed_now.end(), e.key.keysym.scancode) != pressed_now.end()) {
      deferred_key_ups_.push_back(e);
      continue;
    }
    ev = e;
    ImGui_ImplSDL2_ProcessEvent(&ev);
    had_events = true;
    if (ev.type == SDL_QUIT) keep_running = false;
    if (ev.type == SDL_WINDOWEVENT && ev.window.event == SDL_WINDOWEVENT_CLOSE) keep_running = false;
  }
  const float old_ratio = pixel_ratio_;
  update_pixel_ratio();
  int dw = 0, dh = 0;
  SDL_GL_GetDrawableSize(window_, &dw, &dh);

  pump(ingest_budget_ms);
  run_loading_.decide(store_, load_limits());  // runs past the limits are listed at once, not read
  apply_memory_budget();
  update_cjk_glyphs(static_cast<double>(SDL_GetTicks64()) / 1000.0);
  if (settings_.dark != theme_dark_) apply_theme();

  // Draw only when something can have changed (app/frame_pacer.h): an idle
  // page costs nothing.
  const ui::LoadingView batch = loading();
  FrameInputs in;
  in.now = static_cast<double>(SDL_GetTicks64()) / 1000.0;
  in.had_input = had_events;
  in.forced = force_render_;
  in.data_changed = store_.version() != drawn_store_version_;
  in.chart_shown = main_window_.charts_drawn() > 0;
  in.loading = !queue_.empty() || batch.active;
  in.awaiting_first_bytes = in.loading && batch.bytes_done == 0 && steady_ms() - batch_started_ms_ < 250;
  in.loading = in.loading || !peeks_waiting_.empty();  // unread runs' hparams arriving: paced as loading
  in.view_changed = old_ratio != pixel_ratio_ || dw != drawn_w_ || dh != drawn_h_;
  embeddings_.update();
  // A profile being parsed gets a slice of each frame, and the time between
  // frames (work_between_frames); its progress is drawn as loading's is.
  work_on_profile(12.0);
  in.media_wants_frame = media_.wants_frame() || embeddings_.busy();
  in.long_work = profiles_.busy();
  in.background_progress = background_progress_ && !in.long_work;
  if (!pacer_.should_draw(in)) return keep_running;
  force_render_ = false;
  background_progress_ = false;
  drawn_store_version_ = store_.version();
  drawn_w_ = dw;
  drawn_h_ = dh;

  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  // Two frames can share a timestamp (headless browsers, virtual time), and
  // ImGui asserts on a zero delta.
  if (ImGui::GetIO().DeltaTime <= 0.0f) ImGui::GetIO().DeltaTime = 1e-4f;
  ImGui::GetIO().MouseDoubleClickTime = static_cast<float>(pacer_.double_click_seconds());
  ImGui::NewFrame();

  ui::MainWindowView view;
  view.store = &store_;
  view.loading = batch;
  view.fonts = &fonts_;
  view.can_open_dialogs = platform_.can_open_dialogs();
  view.can_copy_link = platform_.can_copy_link();
  view.can_open_address = platform_.can_open_address();
  view.activity = activity_;
  view.drop_hint = platform_.drop_hint();
  view.live_supported = live_supported_;
  view.live_active = live_active_ && settings_.live_reload;
  view.now = static_cast<double>(SDL_GetTicks64()) / 1000.0;
  view.media = &media_;
  view.embeddings = &embeddings_;
  view.profiles = &profiles_;
  view.memory = memory_view();
  view.hparams_peek = {peeks_asked_, peeks_done_, peek_failures_, peek_failure_};
  view.points = &points_;
  points_.begin_frame();
  view.meshes = &meshes_;
  meshes_.begin_frame();
  view.geometry = &geometry_;
  geometry_.begin_frame(view.now);
  // Decoding images and clips gets a share of the frame; the rest waits a frame.
  // The memory budget's first step keeps the decoded media small.
  const int media_mb = memory_.step() >= MemoryStep::kMediaDropped ? std::min(settings_.image_cache_mb, 32)
                                                                   : settings_.image_cache_mb;
  media_.set_budget(static_cast<std::size_t>(media_mb) << 20);
  media_.begin_frame(view.now, 10.0);
  ui::MainWindowActions act = main_window_.draw(view, settings_);

  ImGui::Render();
  int w = 0, h = 0;
  SDL_GL_GetDrawableSize(window_, &w, &h);
  glViewport(0, 0, w, h);
  const ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
  glClearColor(bg.x, bg.y, bg.z, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  if (act.wants_frame) force_render_ = true;
  if (act.capture) capture_png(*act.capture);  // before the swap: the back buffer holds this frame
  frame_ms_[frame_ % frame_ms_.size()] =
      static_cast<float>(static_cast<double>(SDL_GetPerformanceCounter() - frame_start) * 1000.0 /
                         SDL_GetPerformanceFrequency());
  SDL_GL_SwapWindow(window_);
  ++frame_;
  media_.end_frame();  // reads asked for go out; evicted textures are deleted now that they are drawn

  // Act after drawing so a request never lands in the middle of a frame.
  if (act.open_files) platform_.open_files();
  if (act.open_folder) platform_.open_folder();
  if (!act.open_address.empty()) platform_.open_address(act.open_address, act.open_endpoint);
  if (act.close_all) close_all();
  if (act.cancel_loading) cancel_loading();
  if (!act.unload_runs.empty()) unload_runs(act.unload_runs);
  if (!act.load_runs.empty()) load_runs(act.load_runs);
  if (act.peek_hparams) peek_unread_hparams();
  if (act.copy_link) platform_.copy_link();
  if (!act.copy_text.empty()) platform_.copy_text(act.copy_text);
  for (const std::string& url : act.open_urls) platform_.open_url(url);
  for (const ui::Download& d : act.downloads) platform_.download(d.filename, d.mime, d.bytes);
  std::string text = ui::encode_settings(settings_);
  if (text != settings_text_) {
    settings_text_ = std::move(text);
    platform_.settings_changed(settings_text_);
  }
  std::string local = ui::encode_local_settings(settings_);
  if (local != local_text_) {
    local_text_ = std::move(local);
    platform_.local_settings_changed(local_text_);
  }
  return keep_running;
}

bool Shell::work_on_profile(double budget_ms) {
  const bool did = profiles_.work(budget_ms);
  if (profile_was_busy_ && !profiles_.busy()) force_render_ = true;
  profile_was_busy_ = profiles_.busy();
  return did;
}

bool Shell::work_between_frames(double budget_ms) {
  // A profile being parsed (a slice of each frame goes to it too: a slow
  // renderer must not slow it down), else the Projector's layouts.
  if (!work_on_profile(budget_ms) && !main_window_.work_between_frames(budget_ms, settings_)) return false;
  background_progress_ = true;  // shown when the pacer allows (app/frame_pacer.h)
  return true;
}

// [SECTION] ingestion and loading progress -------------------------------------
// Reads the rectangle of the frame just drawn and hands it over as a PNG.
void Shell::capture_png(const ui::PngCapture& c) {
  int fw = 0, fh = 0;
  SDL_GL_GetDrawableSize(window_, &fw, &fh);
  const ImVec2 scale = ImGui::GetIO().DisplayFramebufferScale;
  const int x0 = std::clamp(static_cast<int>(c.min.x * scale.x), 0, fw);
  const int x1 = std::clamp(static_cast<int>(c.max.x * scale.x), 0, fw);
  const int y0 = std::clamp(static_cast<int>(c.min.y * scale.y), 0, fh);
  const int y1 = std::clamp(static_cast<int>(c.max.y * scale.y), 0, fh);
  const int w = x1 - x0, h = y1 - y0;
  if (w <= 0 || h <= 0) return;
  std::vector<std::uint8_t> px(static_cast<std::size_t>(w) * h * 4), flipped(px.size());
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(x0, fh - y1, w, h, GL_RGBA, GL_UNSIGNED_BYTE, px.data());
  for (int y = 0; y < h; ++y)  // GL rows run bottom-up
    std::copy_n(&px[static_cast<std::size_t>(h - 1 - y) * w * 4], static_cast<std::size_t>(w) * 4,
                &flipped[static_cast<std::size_t>(y) * w * 4]);
  for (std::size_t i = 3; i < flipped.size(); i += 4) flipped[i] = 255;  // opaque
  platform_.download(
      c.filename, "image/png",
      events::encode_png(static_cast<std::uint32_t>(w), static_cast<std::uint32_t>(h), 4, flipped));
}

store::FileId Shell::add_file(std::string path, std::uint64_t size, std::string run) {
  if (!loading().active) {
    batch_first_ = static_cast<store::FileId>(store_.files().size());
    batch_started_ms_ = steady_ms();
    batch_finished_ms_ = -1;
  }
  return store_.add_file(std::move(path), size, std::move(run));
}

LoadLimits Shell::load_limits() const {
  return {static_cast<std::size_t>(std::max(1, settings_.load_limit_runs)),
          static_cast<std::uint64_t>(std::max(1, settings_.load_limit_mb)) << 20};
}

bool Shell::file_wanted(store::FileId file) {
  run_loading_.decide(store_, load_limits());
  if (memory_.full() || stopped_files_.count(file)) return false;  // held until memory is freed
  return store_.file_wanted(file) && run_may_start(file);
}

void Shell::load_runs(const std::vector<std::string>& runs) {
  if (runs.empty()) return;
  const bool was_loading = loading().active;
  store::FileId first = static_cast<store::FileId>(store_.files().size());
  for (const std::string& name : runs) {
    auto it = store_.runs().find(name);
    if (it == store_.runs().end() || it->second.wanted) continue;
    for (store::FileId f : it->second.files) first = std::min(first, f);
    run_loading_.pick(store_, name);
    settings_.hidden_runs.erase(name);  // a run picked is a run to see
  }
  // The batch (progress, "last load" time) now covers these runs' files too.
  if (!was_loading) {
    batch_first_ = first;
    batch_started_ms_ = steady_ms();
    batch_finished_ms_ = -1;
  } else {
    batch_first_ = std::min(batch_first_, first);
  }
  force_render_ = true;
  platform_.reads_changed();
}

void Shell::unload_runs(const std::vector<std::string>& runs) {
  for (const std::string& name : runs) {
    auto it = store_.runs().find(name);
    if (it == store_.runs().end()) continue;
    if (!it->second.files.empty()) queue_.drop_run(store_, it->second.files.front());
    for (store::FileId f : it->second.files) {
      queue_.drop(f);
      platform_.file_reset(f);
      stopped_files_.erase(f);
    }
    run_loading_.unpick(name);
    if (reading_run_ == &it->second) reading_run_ = nullptr;
    store_.unload_run(name);
  }
  shown_counts_.clear();
  force_render_ = true;
  platform_.reads_changed();
}

namespace {
// The runs whose name matches `regex` and whose wanted flag is `wanted`; false if the regex is invalid.
bool runs_matching(const store::Store& store, const std::string& regex, bool wanted,
                   std::vector<std::string>& out) {
  ui::RegexFilter filter;
  if (!filter.set(regex)) return false;
  for (const auto& [name, run] : store.runs())
    if (run.wanted == wanted && filter.matches(name)) out.push_back(name);
  return true;
}
}  // namespace

int Shell::load_runs_matching(const std::string& regex) {
  std::vector<std::string> names;
  if (!runs_matching(store_, regex, false, names)) return -1;
  load_runs(names);
  return static_cast<int>(names.size());
}

int Shell::unload_runs_matching(const std::string& regex) {
  std::vector<std::string> names;
  if (!runs_matching(store_, regex, true, names)) return -1;
  unload_runs(names);
  return static_cast<int>(names.size());
}

std::size_t Shell::pump(double budget_ms) {
  if (queue_.empty()) return 0;
  const std::size_t fed = queue_.pump(store_, budget_ms);
  apply_memory_budget();
  next_run_if_done();
  // The batch is done when its last end-of-file marker has been taken.
  if (queue_.empty() && batch_finished_ms_ < batch_started_ms_ && !loading().active)
    batch_finished_ms_ = steady_ms();
  return fed;
}

void Shell::file_problem(store::FileId file, const std::string& message, bool ends) {
  if (file >= store_.files().size()) return;
  store_.add_problem(file, {record::ProblemKind::kUnreadable, 0, 0, message});
  if (ends) queue_.push_end(file);
}

void Shell::path_unreadable(const std::string& path, const std::string& message) {
  if (!loading().active) batch_first_ = static_cast<store::FileId>(store_.files().size());
  const store::FileId id = store_.add_unreadable(path);
  store_.add_problem(id, {record::ProblemKind::kUnreadable, 0, 0, message});
  store_.finish(id);
}

void Shell::forget_logdir_state() {
  ui::forget_logdir_state(settings_);
  main_window_.forget_logdir();
  force_render_ = true;
}

void Shell::close_all() {
  platform_.closed_all();
  forget_logdir_state();
  batch_started_ms_ = batch_finished_ms_ = 0;
  queue_.clear();
  media_.clear();
  embeddings_.clear();
  profiles_.clear();
  store_.clear();
  run_loading_.clear();
  memory_.clear();
  stopped_files_.clear();
  peeks_waiting_.clear();
  peeks_asked_ = peeks_done_ = peek_failures_ = 0;
  peek_failure_.clear();
  media_dropped_bytes_ = 0;
  reading_run_ = nullptr;
  shown_counts_.clear();
  batch_first_ = 0;
}

void Shell::cancel_loading() {
  platform_.cancel_loading();
  queue_.clear();
  for (auto id = batch_first_; id < store_.files().size(); ++id) store_.finish(id);
  batch_started_ms_ = batch_finished_ms_ = 0;  // a cancelled load has no duration to report
}

ui::LoadingView Shell::loading() const {
  ui::LoadingView v;
  const store::FileTable& files_ = store_.files();
  for (auto id = batch_first_; id < files_.size(); ++id) {
    if (!store_.file_wanted(id)) continue;  // listed only: not read until picked
    const store::FileStatus& f = files_.status(id);
    v.bytes_total += f.size;
    v.bytes_done += f.bytes_read;
    ++v.files_total;
    if (f.finished) ++v.files_done;
  }
  v.active = v.files_done < v.files_total || !queue_.empty();
  v.threads = queue_.threads();
  v.why_one_thread = why_one_thread_;
  if (!v.active && batch_finished_ms_ >= batch_started_ms_) {
    v.last_seconds = (batch_finished_ms_ - batch_started_ms_) / 1000.0;
    v.last_bytes = v.bytes_done;
  }
  store::FileId current;
  if (queue_.front_file(current)) v.current_file = files_.status(current).path;
  return v;
}

}  // namespace el::app
