// The left sidebar: chart settings (smoothing, axes, outliers, restarts,
// tooltip order, live reload) and the runs list (filter, select all/none, a
// checkbox and a colour per run).
#pragma once
#include <string>

#include "ui/ui_context.h"

namespace el::ui {

class RunsPanel {
 public:
  // `live_supported`: the platform can re-check opened folders.
  void draw(const UiContext& ctx, bool live_supported);

 private:
  void draw_settings(const UiContext& ctx, bool live_supported);
  void draw_runs(const UiContext& ctx);
  void draw_histogram_settings(const UiContext& ctx);
  void draw_media_settings(const UiContext& ctx);
  static void restart_checkbox(Settings& s);
  std::string filter_buf_;
  bool filter_synced_ = false;
};

}  // namespace el::ui
