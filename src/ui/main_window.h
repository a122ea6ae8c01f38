// The full-window frame every dashboard lives in: menu bar, the runs and
// settings sidebar, dashboard tabs, the Problems panel, status bar (progress,
// live indicator) and the About box. Draws only; what the user asked for
// comes back as MainWindowActions for the app shell to carry out.
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "aggregate/histogram_series.h"
#include "store/json_writer.h"
#include "store/store.h"
#include "ui/dashboard.h"
#include "ui/memory_view.h"
#include "ui/open_address_dialog.h"
#include "ui/runs_panel.h"
#include "ui/series_cache.h"
#include "ui/settings.h"
#include "ui/theme.h"
#include "ui/ui_context.h"

namespace el::ui {

struct LoadingView {
  bool active = false;
  std::uint64_t bytes_done = 0, bytes_total = 0;
  std::uint32_t files_done = 0, files_total = 0;
  std::string current_file;
  double last_seconds = 0;       // the finished batch took this long (0: none yet, or loading)
  std::uint64_t last_bytes = 0;  // ... to read this many bytes
  unsigned threads = 1;          // files are decoded on this many worker threads (1: between frames)
  std::string why_one_thread;    // ... only one, because (empty: not worth saying)
};

struct MainWindowView {
  const store::Store* store = nullptr;
  LoadingView loading;
  const Fonts* fonts = nullptr;
  bool can_open_dialogs = true;             // the platform has file/folder pickers
  bool can_copy_link = false;               // the view can be shared as a link (the page)
  bool can_open_address = false;            // data can be opened by web address or bucket (the page)
  std::string activity;                     // what the platform is doing before reading (listing a bucket)
  const char* drop_hint = nullptr;          // extra line for the empty state, platform specific
  bool live_supported = false;              // an opened folder can be re-checked
  bool live_active = false;                 // ... and is being re-checked now
  double now = 0;                           // seconds
  MediaProvider* media = nullptr;           // images and audio, read lazily
  EmbeddingProvider* embeddings = nullptr;  // the Projector's files
  PointRenderer* points = nullptr;          // GPU point clouds
  MeshRenderer* meshes = nullptr;           // GPU triangle meshes
  GeometryRenderer* geometry = nullptr;     // GPU-kept chart lines (null: drawn each frame)
  ProfileProvider* profiles = nullptr;      // profiles among the opened files
  MemoryView memory;                        // the memory budget and what it reduced
  HparamsPeekView hparams_peek;             // unread runs' hparams being read
};

struct MainWindowActions {
  bool open_files = false;
  bool open_folder = false;
  std::string open_address, open_endpoint;  // File > Open address (endpoint: an s3:// bucket's server)
  bool close_all = false;
  bool cancel_loading = false;
  bool copy_link = false;
  std::vector<std::string> open_urls;
  std::string copy_text;
  std::vector<Download> downloads;
  std::optional<PngCapture> capture;
  bool wants_frame = false;  // a dashboard has work for the next frame
  // Runs to read (picked in the runs panel) and runs whose data to free.
  std::vector<std::string> load_runs, unload_runs;
  bool peek_hparams = false;  // read the hparams of the unread runs (HParams dashboard)
};

class MainWindow {
 public:
  MainWindow();
  MainWindowActions draw(const MainWindowView& view, Settings& settings);
  // The main window's and every dashboard's keys of the test hook's state().
  void write_state(store::JsonWriter& j, const store::Store& store) const;
  // Every tab, in order (ui/dashboards.cpp).
  const std::vector<std::unique_ptr<Dashboard>>& dashboards() const { return dashboards_; }
  // The link keys the main window owns (theme, live reload, dashboard, runs, filters, colours).
  static std::vector<std::string_view> link_keys();
  const SeriesCache& cache() const { return cache_; }
  SeriesCache& cache() { return cache_; }
  bool problems_panel_open() const { return show_problems_; }
  bool help_open() const { return show_help_; }
  // The status bar's problems badge last frame (x, y, w, h; zero when none).
  const std::array<float, 4>& problems_badge() const { return problems_badge_; }
  // Every file was closed: each dashboard starts afresh (zooms, searches,
  // card positions, the graph shown), as for a new logdir.
  void forget_logdir();
  // The open runs' labels and colours (before the user's picks), as last drawn.
  const RunLooks& run_looks() const { return run_looks_; }
  const RunGrouping& grouping() const { return grouping_; }
  int charts_drawn() const { return charts_drawn_; }
  // The shown dashboard's work between frames (Dashboard::work_between_frames).
  bool work_between_frames(double budget_ms, const Settings& settings) const {
    return sidebar_dashboard(settings.dashboard)->work_between_frames(budget_ms);
  }
  // The image and audio cards drawn last frame.
  const std::vector<MediaCardInfo>& media_cards() const { return media_cards_; }

 private:
  void draw_menu_bar(const MainWindowView& view, Settings& settings, MainWindowActions& act);
  void draw_empty_state(const MainWindowView& view, MainWindowActions& act);
  void draw_dashboards(const UiContext& ctx);
  void draw_pick_runs_notice(const UiContext& ctx);
  void draw_status_bar(const MainWindowView& view, MainWindowActions& act);
  void draw_about(const MainWindowView& view);
  Dashboard* sidebar_dashboard(std::string_view name) const;
  float sidebar_width(const Settings& settings) const;
  void draw_sidebar_splitter(Settings& settings, float width, float height);

  bool open_about_ = false;
  OpenAddressDialog open_address_;  // File > Open address
  bool show_help_ = false;          // Help > Keyboard and mouse
  bool show_problems_ = false;
  std::array<float, 4> problems_badge_{};
  std::uint64_t problems_seen_ = 0;  // the panel opens by itself when a whole load fails
  std::string shown_dashboard_;      // the tab ImGui has selected
  std::string written_dashboard_;    // what the tab bar last wrote to settings.dashboard
  std::string pending_dashboard_;    // asked for from outside, not yet the selected tab
  SeriesCache cache_;
  RegexFilter run_filter_;
  RunsPanel runs_panel_;
  RunLooks run_looks_;
  // What the run looks were last assigned for: the store's generation, its
  // runs, and those with data (empty runs are left out of every list).
  std::uint64_t looks_generation_ = ~0ull;
  std::size_t looks_runs_ = 0, looks_nonempty_ = 0;
  void update_run_looks(const store::Store& store, Settings& settings);
  std::size_t run_looks_nonempty() const { return looks_nonempty_; }
  // Run groups, their aggregate lines, and the hparams table they (and the
  // runs panel's hparam columns) read, rebuilt at most once a second while data loads.
  RunGrouping grouping_;
  GroupSeriesCache group_series_;
  XTagSeriesCache x_tag_series_;
  aggregate::HparamsTable hparams_;
  std::uint64_t hparams_version_ = ~0ull, hparams_generation_ = ~0ull;
  double hparams_at_ = -1;
  void update_hparams(const store::Store& store, double now);
  std::vector<std::unique_ptr<Dashboard>> dashboards_;
  std::vector<MediaCardInfo> media_cards_;
  aggregate::HistogramCache histogram_cache_;
  int charts_drawn_ = 0;  // by the dashboard drawn last frame
};

}  // namespace el::ui
