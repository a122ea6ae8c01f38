// The full-window frame every dashboard lives in: menu bar, the runs and
// settings sidebar, dashboard tabs, the Problems panel, status bar (progress,
// live indicator) and the About box. Draws only; what the user asked for
// comes back as MainWindowActions for the app shell to carry out.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"
#include "ui/runs_panel.h"
#include "ui/scalars_dashboard.h"
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
};

struct MainWindowView {
  const store::Store* store = nullptr;
  LoadingView loading;
  const Fonts* fonts = nullptr;
  bool can_open_dialogs = true;     // the platform has file/folder pickers
  const char* drop_hint = nullptr;  // extra line for the empty state, platform specific
  bool live_supported = false;      // an opened folder can be re-checked
  bool live_active = false;         // ... and is being re-checked now
  double now = 0;                   // seconds
};

struct MainWindowActions {
  bool open_files = false;
  bool open_folder = false;
  bool close_all = false;
  bool cancel_loading = false;
  std::vector<Download> downloads;
  std::optional<PngCapture> capture;
};

// The dashboards, in tab order, by the names state() and show() use.
inline constexpr const char* kDashboards[] = {"scalars",        "histograms", "images",  "audio",
                                              "text",           "graphs",     "hparams", "pr_curves",
                                              "custom_scalars", "mesh",       "tensors"};

class MainWindow {
 public:
  MainWindowActions draw(const MainWindowView& view, Settings& settings);
  const SeriesCache& cache() const { return cache_; }
  SeriesCache& cache() { return cache_; }
  bool problems_panel_open() const { return show_problems_; }
  int charts_drawn() const { return scalars_.charts_drawn(); }

 private:
  void draw_menu_bar(const MainWindowView& view, Settings& settings, MainWindowActions& act);
  void draw_empty_state(const MainWindowView& view, MainWindowActions& act);
  void draw_dashboards(const UiContext& ctx);
  void draw_status_bar(const MainWindowView& view, MainWindowActions& act);
  void draw_about(const MainWindowView& view);

  bool open_about_ = false;
  bool show_problems_ = false;
  std::uint64_t problems_seen_ = 0;  // the panel opens by itself when new problems appear
  std::string shown_dashboard_;      // the tab ImGui has selected
  SeriesCache cache_;
  RegexFilter run_filter_;
  RunsPanel runs_panel_;
  ScalarsDashboard scalars_;
};

}  // namespace el::ui
