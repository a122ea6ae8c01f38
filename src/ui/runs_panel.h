// The sidebar's lower part, the same on every dashboard: live reload and the
// runs list (filter, select all/none, a checkbox and a colour per run). The
// open dashboard draws its own settings above it (Dashboard::draw_sidebar).
#pragma once
#include <string>

#include "ui/ui_context.h"

namespace el::ui {

class RunsPanel {
 public:
  // `live_supported`: the platform can re-check opened folders.
  void draw(const UiContext& ctx, bool live_supported);
  // The list's rows in order, last frame (for state()): "group:<name>", a
  // run's name, or "ungrouped"; and each run row's column texts.
  struct ListedRow {
    std::string label;
    std::vector<std::string> values;
  };
  const std::vector<ListedRow>& listed() const { return listed_; }
  const std::vector<std::string>& listed_columns() const { return listed_columns_; }

 private:
  void draw_live_reload(const UiContext& ctx);
  void draw_runs(const UiContext& ctx);
  void draw_grouping(const UiContext& ctx);
  void draw_column_picker(const UiContext& ctx);
  void draw_group_row(const UiContext& ctx, const RunGrouping::Group& group);
  void draw_run_row(const UiContext& ctx, const std::string& name, const store::Run& run);
  // A logdir past the load limits: what is not read, and buttons to read or unload runs in bulk.
  using RunList = std::vector<std::pair<const std::string*, const store::Run*>>;
  void draw_load_picker(const UiContext& ctx, const RunList& loaded, const RunList& listed,
                        std::size_t listed_total, std::uint64_t listed_bytes);
  void draw_listed_row(const UiContext& ctx, const std::string& name, const store::Run& run);
  std::vector<ListedRow> listed_;
  std::vector<std::string> listed_columns_;
  std::string filter_buf_, group_buf_;
  RegexFilter group_filter_;    // marks an invalid grouping regex
  double group_typed_at_ = -1;  // when the grouping regex was last typed, not yet applied (-1: none)
  bool group_synced_ = false;
  bool group_by_regex_ = false;     // "by regex" chosen, the regex not typed yet
  bool table_sorted_once_ = false;  // the run table's first sort specs are ImGui's default, not the user's
  bool filter_synced_ = false;
};

}  // namespace el::ui
