// The HParams dashboard: every session (a run with session_start_info) as a
// table row with its hyperparameters and metrics, sortable by any column,
// filtered per column (a regex for text, a range such as "0.01 .. 0.1" or
// ">= 64" for numbers, and by status), with columns shown or hidden and rows
// paged. Above the table, parallel coordinates (brushing an axis writes that
// column's filter) or a scatter-plot matrix of metrics against hparams.
// Hovering a line or point highlights the session's row and the other way
// round; double-clicking a row shows that session's runs on the Scalars
// dashboard. The filtered table downloads as CSV or JSON. In a logdir past the
// load limits, the hparams of runs not read yet are read from the head of each
// one's first file, so that runs can be picked by them (filter, then read).
#pragma once
#include <cmath>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "aggregate/hparams.h"
#include "ui/dashboard.h"
#include "ui/hparams_plots.h"
#include "ui/ui_context.h"

namespace el::ui {

// What the dashboard shows, for state() and tests.
struct HparamsViewInfo {
  std::vector<std::string> rows;  // runs of the rows passing the filters, in table order
  std::string hovered, selected;  // runs
  const char* plot = "parallel";  // "none", "parallel" or "scatter"
  struct Axis {
    std::string key;
    float x = 0, top = 0, bottom = 0;  // screen position of a parallel-coordinates axis
  };
  std::vector<Axis> axes;
  struct Row {
    std::string run;
    float x = 0, y = 0;  // screen position of the row's run name
  };
  std::vector<Row> page;  // the table rows drawn
  struct Filter {
    std::string key;     // "run", "h:<hparam>", "m:<metric>"
    float x = 0, y = 0;  // screen position of its box in the table's filter row
  };
  std::vector<Filter> filters;
  // A logdir past the load limits: runs not read, sessions of those among the
  // rows, and the button that reads them (its centre; 0 when not drawn).
  std::size_t unread_runs = 0, unread_sessions = 0;
  float read_x = 0, read_y = 0;
};

class HparamsDashboard final : public Dashboard {
 public:
  const DashboardInfo& info() const override;
  void draw_sidebar(const UiContext& ctx) override;
  void draw(const UiContext& ctx) override;
  // Offered also when only unread runs' hparams are known (store/hparams_peek.h).
  bool has_data(const UiContext& ctx) const override;
  int charts_drawn() const override { return charts_drawn_; }
  void write_state(store::JsonWriter& j, const store::Store& store) const override;  // (hparams_state.cpp)
  std::vector<std::string_view> link_keys() const override;
  const HparamsViewInfo& view_info() const { return info_; }

 private:
  struct ColumnState {
    std::string filter_text;
    bool filter_valid = true;
    bool hidden = false;
    AxisScale scale = AxisScale::kLinear;
    AxisBrush brush{NAN, NAN};  // drawn on its parallel-coordinates axis
  };

  void rebuild_if_stale(const UiContext& ctx);
  void draw_toolbar(const UiContext& ctx);
  // Runs not read (past the load limits): their hparams being read, and a button reading the matching ones.
  void draw_unread_bar(const UiContext& ctx);
  void draw_plot(const UiContext& ctx, float height);
  void draw_table(const UiContext& ctx);
  void axis_menu(int axis);
  void show_in_scalars(const UiContext& ctx, const std::string& run);
  aggregate::SessionQuery query() const;
  std::string column_key(bool metric, std::size_t column) const;
  void set_filter(const std::string& key, std::string text, bool from_brush);

  aggregate::HparamsTable table_;
  std::uint64_t built_version_ = ~0ull, built_generation_ = ~0ull;
  double built_at_ = -1;
  std::map<std::string, ColumnState> columns_;  // by column key ("h:name", "m:label")
  aggregate::MetricAggregate aggregate_ = aggregate::MetricAggregate::kLast;
  unsigned status_mask_ = 0xF;
  int sort_column_ = -1;  // as in SessionQuery
  bool descending_ = false;
  std::string color_by_;  // metric column key; empty: the first metric; "-": run colours
  int page_ = 0, page_size_ = 50;
  std::string hovered_run_, selected_run_;
  std::string hover_next_;  // collected while drawing; becomes hovered_run_ at the end of the frame
  int menu_axis_ = -1;
  RegexFilter run_filter_;  // the Run column's filter
  ParallelCoordinates parcoords_;
  std::vector<std::uint32_t> rows_;
  std::vector<std::uint8_t> passes_;
  std::vector<std::uint32_t> colors_;
  std::vector<HparamsAxis> axes_;
  HparamsViewInfo info_;
  int charts_drawn_ = 0;
  // Every session, for state() (the table above is filtered), rebuilt when the store changes.
  mutable aggregate::HparamsTable state_table_;
  mutable std::uint64_t state_table_version_ = ~0ull, state_table_generation_ = ~0ull;
};

}  // namespace el::ui
