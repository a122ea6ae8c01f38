// The application shell shared by the page and the desktop window: the SDL2
// window with its GL context, ImGui, fonts at the right pixel ratio, the theme,
// time-sliced ingestion, and the main window. Platforms only supply file
// bytes and carry out requests (pickers, cancel).
#pragma once
#include <SDL.h>

#include <cstdint>
#include <string>

#include "app/ingest_queue.h"
#include "store/file_table.h"
#include "ui/main_window.h"

namespace el::app {

// What only the platform can do.
class Platform {
 public:
  virtual ~Platform() = default;
  virtual bool can_open_dialogs() const = 0;
  virtual void open_files() = 0;
  virtual void open_folder() = 0;
  virtual void cancel_loading() = 0;  // stop reading; the shell drops what is queued
  virtual void theme_changed(ui::Theme theme) {}
  virtual const char* drop_hint() const { return nullptr; }
};

class Shell {
 public:
  explicit Shell(Platform& platform) : platform_(platform) {}
  ~Shell();

  // Creates the window, GL context and ImGui. Returns false (and logs why) on failure.
  bool init(const char* title, int width, int height);
  // One frame: events, ingestion for a time budget, UI, present. Returns false to quit.
  bool frame();

  // Ingestion API (also used by wasm/web_api.cpp).
  store::FileId add_file(std::string path, std::uint64_t size);
  void push_bytes(store::FileId file, std::uint8_t* malloced, std::size_t size) {
    queue_.push(file, malloced, size);
  }
  void end_file(store::FileId file) { queue_.push_end(file); }
  void close_all();
  void cancel_loading();

  void set_theme(ui::Theme theme);
  ui::Theme theme() const { return theme_; }
  const store::FileTable& files() const { return files_; }
  void set_checksums(bool on) { files_.set_checksums(on); }
  const IngestQueue& queue() const { return queue_; }
  ui::LoadingView loading() const;
  std::uint64_t frame_count() const { return frame_; }
  // JSON for window.eventlens.state() and tools.
  std::string state_json() const;

  double ingest_budget_ms = 8.0;  // per frame (architecture: about 8 ms)

 private:
  void update_pixel_ratio();

  Platform& platform_;
  SDL_Window* window_ = nullptr;
  SDL_GLContext gl_ = nullptr;
  bool imgui_ready_ = false;
  float pixel_ratio_ = 0.0f;
  ui::Fonts fonts_;
  ui::Theme theme_ = ui::Theme::kDark;
  ui::MainWindow main_window_;
  store::FileTable files_;
  IngestQueue queue_;
  store::FileId batch_first_ = 0;  // first file of the current loading batch
  std::uint64_t frame_ = 0;
};

}  // namespace el::app
