// The application shell shared by the page and the desktop window: the SDL2
// window with its GL context, ImGui, fonts at the right pixel ratio, the
// settings and theme, time-sliced ingestion into the store, and the main
// window. Platforms only supply file bytes and carry out requests (pickers,
// cancel, downloads, settings persistence, live re-checks).
#pragma once
#include <SDL.h>

#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "app/embedding_loader.h"
#include "app/frame_pacer.h"
#include "app/gl_geometry.h"
#include "app/gl_mesh.h"
#include "app/gl_points.h"
#include "app/gl_textures.h"
#include "app/ingest_queue.h"
#include "app/media_cache.h"
#include "app/memory_budget.h"
#include "app/profile_loader.h"
#include "app/run_loading.h"
#include "store/store.h"
#include "ui/main_window.h"
#include "ui/settings.h"

namespace el::store {
class JsonWriter;
}

namespace el::app {

// What only the platform can do (MediaIo: reading records back, playing
// audio; FileReadIo: reading the Projector's files).
class Platform : public MediaIo, public FileReadIo {
 public:
  virtual ~Platform() = default;
  virtual bool can_open_dialogs() const = 0;
  virtual void open_files() = 0;
  virtual void open_folder() = 0;
  virtual void cancel_loading() = 0;  // stop reading; the shell drops what is queued
  virtual void closed_all() {}        // every file was forgotten
  virtual const char* drop_hint() const { return nullptr; }
  // The settings' link form changed (persist it; the page also puts it in the URL).
  virtual void settings_changed(const std::string& text) {}
  // This browser's own preferences changed (persist them; never in a link).
  virtual void local_settings_changed(const std::string& text) {}
  // Save bytes as a file the user gets (browser download, or a file on disk).
  virtual void download(const std::string& filename, const std::string& mime, const std::string& bytes) {}
  // Put a link to the current view (data URLs and settings) on the clipboard.
  virtual void copy_link() {}
  virtual void copy_text(const std::string& text) {}
  // Open a web address (a link in a text summary) outside the app.
  virtual void open_url(const std::string& url) {}
  virtual bool can_copy_link() const { return false; }
  // Open an address as data (an event file, a manifest, s3:// or gs:// bucket;
  // `endpoint`: the S3-compatible server of an s3:// bucket, if not AWS).
  virtual bool can_open_address() const { return false; }
  virtual void open_address(const std::string& address, const std::string& endpoint) {}
  // Fetch the CJK font (a TTF kept beside the app, not embedded: most users
  // never need it) and hand it to Shell::cjk_font_arrived or _failed. Returns
  // false when this platform has none.
  virtual bool request_cjk_font() { return false; }
  // Which runs are to be read changed (Shell::load_runs): read the files now
  // wanted (Shell::file_wanted) that were held back.
  virtual void reads_changed() {}
  // `file`'s run was unloaded: forget how much of it was read; if it is wanted
  // again it is read from byte 0.
  virtual void file_reset(store::FileId file) {}
  // Read the first `bytes` of `file` (a run not read yet: its hparams, store/hparams_peek.h)
  // and hand them to Shell::peek_arrived, or say why not with Shell::peek_failed;
  // false if this platform cannot (the run is then taken to have none).
  virtual bool peek_file(store::FileId file, std::uint64_t bytes) { return false; }
  // The heap's bytes in use and its limit, for the memory budget (app/memory_budget.h);
  // in_use 0: this platform cannot tell, and no budget applies.
  virtual HeapUse heap_use() const { return {}; }
};

class Shell {
 public:
  explicit Shell(Platform& platform) : platform_(platform) {}
  ~Shell();

  // Creates the window, GL context and ImGui. Returns false (and logs why) on failure.
  [[nodiscard]] bool init(const char* title, int width, int height);
  // One frame: events, ingestion for a time budget, UI, present. Returns false to quit.
  bool frame();
  // A file is being parsed between frames (a profile): the page may draw less often meanwhile.
  bool long_work() const { return profiles_.busy(); }
  // Work a dashboard does between frames (app idle time): about `budget_ms`.
  // True if some was done (and so the next frame draws).
  bool work_between_frames(double budget_ms);

  // Ingestion API (also used by wasm/web_api.cpp).
  // `run`: a file opened on its own names its run (see store::Store::add_file).
  store::FileId add_file(std::string path, std::uint64_t size, std::string run = {});
  void push_bytes(store::FileId file, std::uint8_t* malloced, std::size_t size) {
    if (stopped_files_.count(file)) {  // a read in flight when the memory budget stopped the file
      std::free(malloced);
      return;
    }
    queue_.push(file, malloced, size);
  }
  void end_file(store::FileId file) {
    if (!stopped_files_.count(file)) queue_.push_end(file);
  }
  // Whether the platform should read `file` now: false while its run is only
  // listed (a logdir past the load limits, app/run_loading.h). Asked before
  // each slice is read.
  bool file_wanted(store::FileId file);
  // Reading `file` was stopped by a full memory budget (until its run is unloaded).
  bool file_stopped(store::FileId file) const { return stopped_files_.count(file) > 0; }
  // How many bytes the platform may hold read but not yet ingested: 64 MB, less
  // under a small memory budget (1/16 of it), 8 MB at most once it fills.
  std::uint64_t read_ahead_bytes() const;
  // What the platform is doing before files are read ("Listing s3://...: 2,000
  // objects"), shown in the status bar; empty when done.
  void set_activity(std::string text) {
    activity_ = std::move(text);
    force_render_ = true;
  }
  const std::string& activity() const { return activity_; }
  // The first file of `file`'s run (`file` if it is in no run).
  store::FileId run_key(store::FileId file) const {
    const store::Run* run = store_.run_of(file);
    return run && !run->files.empty() ? run->files.front() : file;
  }
  // Files are decoded on `threads` worker threads (1: on the UI thread
  // between frames); `why_one` says why there is only one, in the status bar.
  void set_ingest_threads(unsigned threads, std::string why_one = {}) {
    queue_.set_threads(threads);
    why_one_thread_ = queue_.threads() > 1 ? std::string() : std::move(why_one);
  }
  // `file`'s size, known only after it was announced (with 0).
  void set_file_size(store::FileId file, std::uint64_t size) { store_.set_file_size(file, size); }
  // Reads these runs (the user picked them) / frees what was read of them.
  void load_runs(const std::vector<std::string>& runs);
  void unload_runs(const std::vector<std::string>& runs);
  // Loads every listed run whose name matches `regex` (ECMAScript); returns
  // how many, or -1 if the expression is invalid.
  int load_runs_matching(const std::string& regex);
  // Unloads every read run whose name matches `regex`; as above.
  int unload_runs_matching(const std::string& regex);
  // The hparams of every unread run, to pick runs by them (HParams dashboard):
  // the platform reads the head of each one's first file not looked at yet.
  void peek_unread_hparams();
  // The platform's answers to Platform::peek_file: the head's bytes, or why there are none.
  void peek_arrived(store::FileId file, std::span<const std::uint8_t> head);
  void peek_failed(store::FileId file, const std::string& why);
  // A file that is not an event file (projector configs, TSVs, checkpoints,
  // sprite sheets): announced here, read only when the Projector needs it.
  void add_other_file(const std::string& path, std::uint64_t size) {
    embeddings_.add_file(path, size);
    profiles_.add_file(path, size);
    force_render_ = true;
  }
  // The platform's answer to FileReadIo::read_file (bytes, or an error message).
  void file_read_arrived(std::uint64_t ticket, std::string_view bytes, const std::string& error) {
    if (ProfileLoader::owns(ticket)) {
      profiles_.arrived(ticket, std::string(bytes),
                        error);  // (a frame when it is done: note_profile_progress)
      return;
    }
    embeddings_.arrived(ticket, bytes, error);
    force_render_ = true;
  }
  // The page writes a file's bytes straight into a buffer the loader then
  // takes over (one copy from JS, none in C++): file_buffer, then file_buffer_done.
  // Null when memory is exhausted (a failed allocation would abort the page:
  // the block is tried with malloc first, and the page names the problem).
  char* file_buffer(std::uint64_t ticket, std::size_t size) {
    void* probe = std::malloc(size + 1);
    if (!probe) return nullptr;
    std::free(probe);
    std::string& b = incoming_[ticket];
    b.resize(size);
    return b.data();
  }
  void file_buffer_done(std::uint64_t ticket) {
    auto it = incoming_.find(ticket);
    if (it == incoming_.end()) return;
    const bool profile = ProfileLoader::owns(ticket);
    if (profile)
      profiles_.arrived(ticket, std::move(it->second), {});
    else
      embeddings_.arrived(ticket, std::move(it->second));
    incoming_.erase(it);
    if (!profile) force_render_ = true;  // a profile's chunk shows only as progress (app/frame_pacer.h)
  }
  const EmbeddingLoader& embeddings() const { return embeddings_; }
  // The platform could not read (more of) `file`: the Problems panel says
  // why; with `ends`, nothing more of it will come.
  void file_problem(store::FileId file, const std::string& message, bool ends);
  // ... or could not even start: `path` (a URL, a manifest) becomes an entry
  // with the problem (and no run).
  void path_unreadable(const std::string& path, const std::string& message);
  // Ingests queued bytes for up to `budget_ms` outside a frame (the page calls
  // this between animation frames, so ingestion does not wait for rendering).
  // Returns the bytes ingested (0 while decoding threads have nothing ready).
  std::size_t pump(double budget_ms);
  void close_all();
  void cancel_loading();

  // Settings from a link or storage (text form, see ui/settings.h).
  void apply_settings(const std::string& text);
  // This browser's saved settings from an earlier visit: the preferences
  // apply, the previous logdir's view state (ui::forget_logdir_state) does not.
  void apply_saved_settings(const std::string& text);
  // Another logdir is opened (or every file closed): the view starts afresh,
  // the step at the newest, no searches or zooms (ui::forget_logdir_state).
  void forget_logdir_state();
  // Code points in run and tag names that no loaded font has (state()).
  std::vector<std::uint32_t> missing_glyphs() const;
  // The CJK font's bytes (Platform::request_cjk_font), or why there are none.
  void cjk_font_arrived(std::string bytes);
  void cjk_font_failed(const std::string& why);
  const ui::Settings& settings() const { return settings_; }
  // Switches dashboard ("scalars", "histograms", ...).
  void show(const std::string& dashboard) {
    settings_.dashboard = dashboard;
    force_render_ = true;
  }
  // The platform says whether an opened folder is being re-checked.
  void set_live(bool supported, bool active) {
    live_supported_ = supported;
    live_active_ = active;
  }

  const store::Store& store() const { return store_; }
  const store::FileTable& files() const { return store_.files(); }
  void set_checksums(bool on) { store_.set_checksums(on); }
  const IngestQueue& queue() const { return queue_; }
  const MemoryBudget& memory() const { return memory_; }
  // The platform's answer to MediaIo::read_blob (bytes, or an error message).
  void blob_arrived(std::uint64_t ticket, std::string_view bytes, const std::string& error) {
    media_.arrived(ticket, bytes, error);
    force_render_ = true;
  }
  const MediaCache& media() const { return media_; }
  MediaCache& media() { return media_; }
  ui::LoadingView loading() const;
  std::uint64_t frame_count() const { return frame_; }
  // Frame-time statistics in state() start over (benchmarks measure one interaction).
  void reset_frame_stats() { frame_stats_from_ = frame_; }
  // JSON for window.eventlens.state() and tools.
  std::string state_json() const;
  // Only state_json's loading counts ("loading", "runLoading", "hparamsPeek"):
  // cheap to poll where the whole state is large (10,000 runs: 1.7 MB, 21 ms).
  std::string progress_json() const;
  // JSON for window.eventlens.series(run, tag): the points the UI holds.
  std::string series_json(const std::string& run, const std::string& tag);

  double ingest_budget_ms = 8.0;  // per frame (architecture: about 8 ms)

 private:
  // Parses the profile being loaded for `budget_ms`; a frame is forced when it ends (ready, or failed).
  bool work_on_profile(double budget_ms);
  void update_pixel_ratio();
  void apply_theme();
  void capture_png(const ui::PngCapture& capture);

  Platform& platform_;
  SDL_Window* window_ = nullptr;
  SDL_GLContext gl_ = nullptr;
  bool imgui_ready_ = false;
  float pixel_ratio_ = 0.0f;
  ui::Fonts fonts_;
  // CJK glyphs, loaded on first need: a name with CJK characters asks the
  // platform for the font; its glyphs for the characters in use are merged
  // into the atlas (and again when new ones appear).
  enum class FontLoad : std::uint8_t { kNone, kLoading, kLoaded, kFailed };
  FontLoad cjk_state_ = FontLoad::kNone;
  std::string cjk_bytes_, cjk_error_;
  std::vector<std::uint32_t> cjk_chars_;  // sorted: in the atlas (or asked of the font)
  std::uint64_t glyph_scan_version_ = ~0ull;
  double glyph_scan_at_ = -1;
  void update_cjk_glyphs(double now);
  void rebuild_fonts();
  ui::Settings settings_;
  std::string settings_text_;  // last persisted form
  std::string local_text_;     // last persisted local form
  bool theme_dark_ = true;     // the theme ImGui's style has now
  bool live_supported_ = false, live_active_ = false;
  ui::MainWindow main_window_;
  store::Store store_;
  GlTextures textures_;
  MediaCache media_{platform_, textures_};
  EmbeddingLoader embeddings_{platform_, textures_};
  ProfileLoader profiles_{platform_};
  std::unordered_map<std::uint64_t, std::string> incoming_;  // file_buffer()s being filled
  GlPoints points_;
  GlMesh meshes_;
  GlGeometry geometry_;  // charts' lines and bands, kept on the GPU between frames
  IngestQueue queue_;
  RunLoading run_loading_;
  LoadLimits load_limits() const;
  // The memory budget's steps, taken as the heap fills (app/memory_budget.h).
  MemoryBudget memory_;
  std::unordered_set<store::FileId> stopped_files_;  // reading stopped by a full budget, until unloaded
  // Heads asked of the platform for peek_unread_hparams and not answered yet,
  // and how many this round asked and were answered (the dashboard's progress).
  std::unordered_set<store::FileId> peeks_waiting_;
  std::size_t peeks_asked_ = 0, peeks_done_ = 0, peek_failures_ = 0;
  std::string peek_failure_;  // the first failure's file and reason
  void peek_done(store::FileId file, std::vector<store::PeekedTag> tags);
  std::uint64_t media_dropped_bytes_ = 0;  // decoded media freed by the budget's first step
  // One run at a time while memory is short (the budget smaller than the
  // logdir, or filling): the run being read; others wait until it is done,
  // so runs are read whole rather than all part way.
  const store::Run* reading_run_ = nullptr;
  bool one_run_at_a_time() const;
  // Whether `file` may start now under one_run_at_a_time().
  bool run_may_start(store::FileId file);
  // The run being read is done: the next may start.
  void next_run_if_done();
  double memory_checked_ms_ = -1e300;  // the heap is measured at most every 20 ms (mallinfo walks it)
  void apply_memory_budget();
  // The budget is full: every file being read stops where it is (a problem says so).
  void stop_reading_for_memory();
  ui::MemoryView memory_view() const;
  store::FileId batch_first_ = 0;  // first file of the current loading batch
  // When the current (or last) batch started and finished, in steady-clock
  // milliseconds (the page's performance.now()); finished < started while loading.
  double batch_started_ms_ = 0, batch_finished_ms_ = -1;
  std::uint64_t frame_ = 0;  // frames drawn

  void write_progress(store::JsonWriter& j) const;  // state_json's and progress_json's loading counts
  // Frame pacing (see frame()).
  FramePacer pacer_;
  bool background_progress_ = false;  // work_between_frames() did some since the last drawn frame
  std::uint64_t drawn_store_version_ = ~0ull;
  int drawn_w_ = 0, drawn_h_ = 0;
  std::string activity_;        // set_activity
  std::string why_one_thread_;  // set_ingest_threads
  bool force_render_ = true;
  bool profile_was_busy_ = false;  // a profile was being read or parsed (when it ends, a frame shows it)
  std::vector<SDL_Event> deferred_key_ups_;  // key releases held back a frame (see frame())
  // CPU time of recent frames (ms), for state() and the benchmark page.
  std::vector<float> frame_ms_ = std::vector<float>(240, 0.0f);
  std::uint64_t frame_stats_from_ = 0;  // frame_ at the last reset_frame_stats()
  // Points shown per series (restart rule applied), cached by series version:
  // state() is polled by tests and tools while large logs load.
  struct ShownCount {
    std::uint64_t version = ~0ull, generation = ~0ull;
    bool all_points = false;
    std::size_t count = 0;
  };
  mutable std::unordered_map<const store::Series*, ShownCount> shown_counts_;
  std::size_t shown_count(const store::Series& s) const;
};

}  // namespace el::app
