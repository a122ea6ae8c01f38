// [SECTION] model: table, query, axes
// [SECTION] toolbar
// [SECTION] runs not read
// [SECTION] plots
// [SECTION] table
// [SECTION] dashboard
#include "ui/hparams_dashboard.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "imgui.h"
#include "ui/format.h"
#include "ui/plot_frame.h"
#include "ui/widgets.h"

namespace el::ui {
namespace {

constexpr const char* kStatusNames[4] = {"Unknown", "Success", "Failure", "Running"};
constexpr const char* kStatusHelp[4] = {
    "Sessions that logged no end record (still running, or killed).", "Sessions that ended with success.",
    "Sessions that ended with failure.", "Sessions whose end record says they are running."};

}  // namespace

// [SECTION] model: table, query, axes -------------------------------------------------------
std::string HparamsDashboard::column_key(bool metric, std::size_t column) const {
  return metric ? "m:" + table_.metrics[column].label() : "h:" + table_.hparams[column].name;
}

void HparamsDashboard::rebuild_if_stale(const UiContext& ctx) {
  const store::Store& st = *ctx.store;
  const bool cleared = st.generation() != built_generation_;
  // While files load the version changes every frame: rebuild at most once a second (at once
  // while there is no session yet: the first ones, read or peeked, show without waiting).
  const bool throttled = built_at_ >= 0 && ctx.now - built_at_ < 1.0 && !table_.sessions.empty();
  if (!cleared && (st.version() == built_version_ || throttled)) return;
  table_ = aggregate::build_hparams_table(st);
  built_version_ = st.version();
  built_generation_ = st.generation();
  built_at_ = ctx.now;
}

void HparamsDashboard::set_filter(const std::string& key, std::string text, bool from_brush) {
  ColumnState& c = columns_[key];
  c.filter_text = std::move(text);
  if (!from_brush) c.brush = {NAN, NAN};
  page_ = 0;
  // Valid: empty, a range on a number column, or a regular expression (shown red otherwise).
  const bool numeric = key.rfind("m:", 0) == 0 ||
                       std::any_of(table_.hparams.begin(), table_.hparams.end(), [&](const auto& h) {
                         return "h:" + h.name == key && h.type == aggregate::HparamType::kNumber;
                       });
  double lo, hi;
  RegexFilter re;
  c.filter_valid = c.filter_text.empty() ||
                   (numeric && aggregate::parse_number_filter(c.filter_text, lo, hi)) ||
                   re.set(c.filter_text);
  if (key == "run") run_filter_.set(c.filter_text);
}

aggregate::SessionQuery HparamsDashboard::query() const {
  aggregate::SessionQuery q;
  q.status_mask = status_mask_;
  q.aggregate = aggregate_;
  q.sort_column = sort_column_;
  q.descending = descending_;
  auto filter_for = [&](bool metric, std::size_t col, bool numeric) {
    aggregate::ColumnFilter f;
    auto it = columns_.find(column_key(metric, col));
    if (it == columns_.end() || it->second.filter_text.empty()) return f;
    if (!numeric || !aggregate::parse_number_filter(it->second.filter_text, f.lo, f.hi))
      f.pattern = it->second.filter_text;  // text columns; numbers typed as a pattern search their text
    return f;
  };
  for (std::size_t c = 0; c < table_.hparams.size(); ++c)
    q.hparam_filters.push_back(
        filter_for(false, c, table_.hparams[c].type == aggregate::HparamType::kNumber));
  for (std::size_t m = 0; m < table_.metrics.size(); ++m)
    q.metric_filters.push_back(filter_for(true, m, true));
  return q;
}

// [SECTION] toolbar ------------------------------------------------------------------------------
void HparamsDashboard::draw_toolbar(const UiContext& ctx) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Plot");
  ImGui::SameLine();
  int plot = static_cast<int>(ctx.settings->hparams_plot);
  ImGui::SetNextItemWidth(190);
  if (ImGui::Combo("##plot", &plot, "None (table only)\0Parallel coordinates\0Scatter-plot matrix\0"))
    ctx.settings->hparams_plot = static_cast<HparamsPlot>(plot);
  tooltip(
      "Parallel coordinates: one axis per column, a line per session; drag along an axis to filter.\n"
      "Scatter-plot matrix: each metric against each hyperparameter.");
  ImGui::SameLine(0, 18);
  ImGui::TextUnformatted("Metric value");
  ImGui::SameLine();
  int agg = static_cast<int>(aggregate_);
  ImGui::SetNextItemWidth(110);
  if (ImGui::Combo("##agg", &agg, "Final\0Minimum\0Maximum\0"))
    aggregate_ = static_cast<aggregate::MetricAggregate>(agg);
  tooltip("Which value of each metric's series the table and plots use: the last logged, or its min / max.");
  ImGui::SameLine(0, 18);
  ImGui::TextUnformatted("Colour by");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(180);
  std::string current = "(run colour)";
  for (std::size_t m = 0; m < table_.metrics.size(); ++m)
    if (column_key(true, m) == color_by_) current = table_.metrics[m].label();
  if (ImGui::BeginCombo("##colorby", current.c_str())) {
    if (ImGui::Selectable("(run colour)", color_by_ == "-")) color_by_ = "-";
    for (std::size_t m = 0; m < table_.metrics.size(); ++m) {
      const std::string key = column_key(true, m);
      if (ImGui::Selectable(table_.metrics[m].label().c_str(), key == color_by_)) color_by_ = key;
    }
    ImGui::EndCombo();
  }
  tooltip("Colour each session's line and points by a metric (dark purple: low, yellow: high).");

  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Status");
  for (int s = 0; s < 4; ++s) {
    const int order[4] = {1, 2, 3, 0};
    const int st = order[s];
    ImGui::SameLine();
    bool on = status_mask_ & (1u << st);
    if (ImGui::Checkbox(kStatusNames[st], &on)) {
      status_mask_ = on ? status_mask_ | (1u << st) : status_mask_ & ~(1u << st);
      page_ = 0;
    }
    tooltip(kStatusHelp[st]);
  }
  ImGui::SameLine(0, 18);
  if (ImGui::Button("Columns...")) ImGui::OpenPopup("##columns");
  tooltip("Show or hide hyperparameter and metric columns (in the table and the plots).");
  if (ImGui::BeginPopup("##columns")) {
    if (ImGui::SmallButton("Show all"))
      for (auto& [k, c] : columns_) c.hidden = false;
    ImGui::SameLine();
    if (ImGui::SmallButton("Hide all")) {
      for (std::size_t c = 0; c < table_.hparams.size(); ++c) columns_[column_key(false, c)].hidden = true;
      for (std::size_t m = 0; m < table_.metrics.size(); ++m) columns_[column_key(true, m)].hidden = true;
    }
    ImGui::Separator();
    ImGui::TextDisabled("Hyperparameters");
    for (std::size_t c = 0; c < table_.hparams.size(); ++c) {
      ColumnState& cs = columns_[column_key(false, c)];
      bool shown = !cs.hidden;
      if (ImGui::Checkbox(table_.hparams[c].name.c_str(), &shown)) cs.hidden = !shown;
    }
    ImGui::TextDisabled("Metrics");
    for (std::size_t m = 0; m < table_.metrics.size(); ++m) {
      ColumnState& cs = columns_[column_key(true, m)];
      bool shown = !cs.hidden;
      if (ImGui::Checkbox(table_.metrics[m].label().c_str(), &shown)) cs.hidden = !shown;
    }
    ImGui::EndPopup();
  }
  ImGui::SameLine();
  if (ImGui::Button("Download CSV"))
    ctx.downloads->push_back({"hparams.csv", "text/csv", aggregate::hparams_csv(table_, rows_, aggregate_)});
  tooltip("The sessions passing the filters, in table order: run, status, every hparam and metric.");
  ImGui::SameLine();
  if (ImGui::Button("Download JSON"))
    ctx.downloads->push_back({"hparams.json", "application/json", aggregate::hparams_json(table_, rows_)});
  tooltip("The same sessions as JSON, with each metric's final, minimum and maximum value.");
  ImGui::SameLine();
  bool any_filter = false;
  for (const auto& [k, c] : columns_) any_filter |= !c.filter_text.empty();
  if (ImGui::Button("Clear filters") && any_filter)
    for (auto& entry : columns_) set_filter(entry.first, "", false);
  tooltip("Remove every column filter and brush.");
}

// [SECTION] plots ------------------------------------------------------------------------------------
void HparamsDashboard::axis_menu(int axis) {
  if (axis >= 0 && axis < static_cast<int>(axes_.size())) {
    menu_axis_ = axis;
    ImGui::OpenPopup("##axismenu");
  }
  if (!ImGui::BeginPopup("##axismenu")) return;
  if (menu_axis_ < 0 || menu_axis_ >= static_cast<int>(axes_.size())) {
    ImGui::EndPopup();
    return;
  }
  const HparamsAxis& a = axes_[static_cast<std::size_t>(menu_axis_)];
  ColumnState& c = columns_[a.key];
  ImGui::TextDisabled("%s", a.label.c_str());
  if (!a.categorical) {
    if (ImGui::MenuItem("Linear scale", nullptr, c.scale == AxisScale::kLinear)) c.scale = AxisScale::kLinear;
    if (ImGui::MenuItem("Log scale", nullptr, c.scale == AxisScale::kLog, a.lo > 0))
      c.scale = AxisScale::kLog;
    if (a.lo <= 0 && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled))
      ImGui::SetTooltip("A log scale needs every value above zero.");
    if (ImGui::MenuItem("Quantile scale", nullptr, c.scale == AxisScale::kQuantile))
      c.scale = AxisScale::kQuantile;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Sessions spread evenly by rank: good for skewed values.");
  }
  ImGui::Separator();
  if (ImGui::MenuItem("Clear filter", nullptr, false, !c.filter_text.empty())) set_filter(a.key, "", false);
  if (ImGui::MenuItem("Hide column")) c.hidden = true;
  ImGui::EndPopup();
}

void HparamsDashboard::draw_plot(const UiContext& ctx, float height) {
  HparamsPlotInput in;
  in.table = &table_;
  in.axes = &axes_;
  in.passes = &passes_;
  in.colors = &colors_;
  for (std::size_t s = 0; s < table_.sessions.size(); ++s) {
    if (table_.sessions[s].run == hovered_run_) in.highlighted = static_cast<int>(s);
    if (table_.sessions[s].run == selected_run_) in.selected = static_cast<int>(s);
  }
  HparamsPlotResult r;
  const ImVec2 size(ImGui::GetContentRegionAvail().x, height);
  if (ctx.settings->hparams_plot == HparamsPlot::kParallel) {
    std::vector<AxisBrush> brushes;
    for (const HparamsAxis& a : axes_) brushes.push_back(columns_[a.key].brush);
    // Axes at least ~100 px apart so their titles and ticks stay legible;
    // many columns (Lightning logs dozens of config values) scroll sideways.
    const float min_width = 140 + 100 * static_cast<float>(axes_.size() > 1 ? axes_.size() - 1 : 0);
    const bool scroll = min_width > size.x;
    if (scroll) {
      ImGui::BeginChild("##parscroll", size, false, ImGuiWindowFlags_HorizontalScrollbar);
      r = parcoords_.draw(ImVec2(min_width, ImGui::GetContentRegionAvail().y), in, brushes);
      ImGui::EndChild();
    } else {
      r = parcoords_.draw(size, in, brushes);
    }
    for (std::size_t i = 0; i < r.axis_lines.size() && i < axes_.size(); ++i)
      info_.axes.push_back({axes_[i].key, r.axis_lines[i].x, r.axis_lines[i].y, r.axis_lines[i].z});
    if (r.brushed_axis >= 0) {
      const HparamsAxis& a = axes_[static_cast<std::size_t>(r.brushed_axis)];
      if (r.brush_cleared) {
        set_filter(a.key, "", false);
      } else {
        set_filter(a.key, brush_filter_text(a, r.brush), true);
        columns_[a.key].brush = r.brush;
      }
    }
    axis_menu(r.axis_menu);
  } else {
    ImGui::BeginChild("##splom", size, false, ImGuiWindowFlags_HorizontalScrollbar);
    r = draw_scatter_matrix(ImGui::GetContentRegionAvail(), in);
    ImGui::EndChild();
  }
  ++charts_drawn_;
  if (r.hovered >= 0) {
    const aggregate::Session& s = table_.sessions[static_cast<std::size_t>(r.hovered)];
    hover_next_ = s.run;
    ImGui::BeginTooltip();
    ImGui::TextUnformatted(s.run.c_str());
    for (const HparamsAxis& a : axes_) {
      const std::size_t i = static_cast<std::size_t>(r.hovered);
      const std::string v = a.metric ? format_value(a.number[i]) : a.text[i];
      ImGui::TextDisabled("%s", a.label.c_str());
      ImGui::SameLine();
      ImGui::TextUnformatted(v.empty() ? "-" : v.c_str());
    }
    ImGui::TextDisabled("Click to select; double-click its row to see its scalars.");
    ImGui::EndTooltip();
  }
  if (r.clicked >= 0) {
    const std::string& run = table_.sessions[static_cast<std::size_t>(r.clicked)].run;
    selected_run_ = selected_run_ == run ? std::string() : run;
  }
}

void HparamsDashboard::show_in_scalars(const UiContext& ctx, const std::string& session) {
  Settings& s = *ctx.settings;
  s.hidden_runs.clear();
  // The session's runs: its own and sub-runs, and those it belongs to by session_of_run (the
  // run PyTorch's add_hparams logged the session beside).
  for (const auto& [name, run] : ctx.store->runs()) {
    const aggregate::Session* of = aggregate::session_of_run(table_, name);
    if (!aggregate::run_in_session(session, name) && !(of && of->run == session)) s.hidden_runs.insert(name);
  }
  s.run_filter.clear();
  s.dashboard = "scalars";
}

// [SECTION] runs not read ---------------------------------------------------------------------------
bool HparamsDashboard::has_data(const UiContext& ctx) const {
  return (ctx.hparams && !ctx.hparams->sessions.empty()) || (ctx.hparams_peek && ctx.hparams_peek->asked > 0);
}

void HparamsDashboard::draw_unread_bar(const UiContext& ctx) {
  std::size_t unread = 0, unpeeked = 0;
  for (const auto& [name, run] : ctx.store->runs())
    if (!run.wanted) {
      ++unread;
      unpeeked += !run.hparams_peeked;
    }
  info_.unread_runs = unread;
  if (unread == 0) return;
  const HparamsPeekView peek = ctx.hparams_peek ? *ctx.hparams_peek : HparamsPeekView{};
  // Shown, with runs whose hparams are unknown: read them (the shell skips heads already asked for).
  if (unpeeked > 0 && !peek.active() && ctx.peek_hparams) *ctx.peek_hparams = true;
  ImGui::AlignTextToFramePadding();
  if (peek.active()) {
    char overlay[64];
    std::snprintf(overlay, sizeof overlay, "%s of %s", format_count(peek.done).c_str(),
                  format_count(peek.asked).c_str());
    ImGui::ProgressBar(static_cast<float>(peek.done) / static_cast<float>(peek.asked), ImVec2(220, 0),
                       overlay);
    ImGui::SameLine();
    ImGui::TextUnformatted(
        "Reading the hparams of the runs not read yet (the head of each one's first file)");
    return;  // (redrawn as loading is: app/frame_pacer.h)
  }
  std::size_t unread_sessions = 0;
  for (std::uint32_t r : rows_) unread_sessions += table_.sessions[r].peeked;
  info_.unread_sessions = unread_sessions;
  char label[96];
  if (unread_sessions == 0)
    std::snprintf(label, sizeof label, "Every matching session is read");
  else
    std::snprintf(label, sizeof label, "Read the runs of %s matching session%s",
                  format_count(unread_sessions).c_str(), unread_sessions == 1 ? "" : "s");
  ImGui::BeginDisabled(unread_sessions == 0);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const ImVec2 size = ImGui::CalcTextSize(label);
  info_.read_x = at.x + size.x * 0.5f + ImGui::GetStyle().FramePadding.x;
  info_.read_y = at.y + ImGui::GetFrameHeight() * 0.5f;
  if (ImGui::Button(label) && ctx.load_runs) {
    const auto runs = aggregate::unread_runs_of_sessions(table_, *ctx.store, rows_);
    ctx.load_runs->insert(ctx.load_runs->end(), runs.begin(), runs.end());
  }
  ImGui::EndDisabled();
  tooltip(
      "Reads the runs of the sessions the filters keep that are not read yet: each session's run,\n"
      "its sub-runs, and (PyTorch's add_hparams) the run it was logged beside. Their metrics then\n"
      "fill the table.");
  ImGui::SameLine();
  ImGui::TextDisabled("%s of %s runs not read; their sessions are greyed, with no metrics yet.",
                      format_count(unread).c_str(), format_count(ctx.store->runs().size()).c_str());
  if (peek.failures > 0) {
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(0.93f, 0.62f, 0.35f, 1.0f), "(%s could not be looked at)",
                       format_count(peek.failures).c_str());
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Their hparams are unknown until they are read. The first: %s", peek.failure.c_str());
  }
}

// [SECTION] table ---------------------------------------------------------------------------------
void HparamsDashboard::draw_table(const UiContext& ctx) {
  std::vector<std::pair<bool, std::size_t>> cols;  // (metric, column) shown
  for (std::size_t c = 0; c < table_.hparams.size(); ++c)
    if (!columns_[column_key(false, c)].hidden) cols.emplace_back(false, c);
  for (std::size_t m = 0; m < table_.metrics.size(); ++m)
    if (!columns_[column_key(true, m)].hidden) cols.emplace_back(true, m);
  const int ncols = 2 + static_cast<int>(cols.size());
  if (ncols > 64) {
    ImGui::TextDisabled("Showing the first 62 columns; hide some with Columns... to see the others.");
    cols.resize(62);
  }
  const float pager_h = ImGui::GetFrameHeightWithSpacing() + 4;
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_Resizable | ImGuiTableFlags_SizingFixedFit;
  const ImVec2 outer(0, std::max(ImGui::GetContentRegionAvail().y - pager_h, 120.0f));
  if (ImGui::BeginTable("##sessions", 2 + static_cast<int>(cols.size()), flags, outer)) {
    ImGui::TableSetupScrollFreeze(1, 2);
    ImGui::TableSetupColumn("Run", ImGuiTableColumnFlags_NoHide | ImGuiTableColumnFlags_WidthFixed, 220, 0);
    ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_NoSort, 0, 1);
    for (std::size_t i = 0; i < cols.size(); ++i) {
      const auto [metric, c] = cols[i];
      const std::string label = metric ? table_.metrics[c].label() : table_.hparams[c].name;
      ImGui::TableSetupColumn(label.c_str(), metric ? ImGuiTableColumnFlags_PreferSortDescending : 0, 0,
                              static_cast<ImGuiID>(2 + i));
    }
    // Headers, with a tooltip naming what each column is.
    ImGui::TableNextRow(ImGuiTableRowFlags_Headers);
    for (int col = 0; col < ImGui::TableGetColumnCount(); ++col) {
      if (!ImGui::TableSetColumnIndex(col)) continue;
      ImGui::TableHeader(ImGui::TableGetColumnName(col));
      if (!ImGui::IsItemHovered()) continue;
      if (col == 0) {
        ImGui::SetTooltip(
            "The run holding the session. Click a header to sort; double-click a row to\n"
            "see that session's runs on the Scalars dashboard.");
      } else if (col >= 2) {
        const auto [metric, c] = cols[static_cast<std::size_t>(col - 2)];
        if (metric) {
          const aggregate::MetricColumn& m = table_.metrics[c];
          ImGui::SetTooltip("Metric: scalar tag '%s' in %s%s\n%s", m.tag.c_str(),
                            m.group.empty() ? "the session's run" : "sub-run ", m.group.c_str(),
                            m.description.c_str());
        } else {
          const aggregate::HparamColumn& h = table_.hparams[c];
          ImGui::SetTooltip("Hyperparameter '%s' (%s)%s%s", h.name.c_str(),
                            h.type == aggregate::HparamType::kNumber ? "number"
                            : h.type == aggregate::HparamType::kBool ? "bool"
                                                                     : "text",
                            h.description.empty() ? "" : "\n", h.description.c_str());
        }
      }
    }
    // The filter row.
    ImGui::TableNextRow();
    for (int col = 0; col < ImGui::TableGetColumnCount(); ++col) {
      if (!ImGui::TableSetColumnIndex(col)) continue;
      if (col == 1) continue;
      const bool run_col = col == 0;
      bool numeric = false;
      std::string key = "run";
      if (!run_col) {
        const auto [metric, c] = cols[static_cast<std::size_t>(col - 2)];
        key = column_key(metric, c);
        numeric = metric || table_.hparams[c].type == aggregate::HparamType::kNumber;
      }
      ColumnState& cs = columns_[key];
      ImGui::PushID(col);
      // The column's width, and at least its hint's: a column of short values
      // (lr 0.1) widens so the box still says what to type.
      const char* hint = numeric ? "e.g. 0.1 .. 1" : "regex";
      const float hint_w = ImGui::CalcTextSize(hint).x + ImGui::GetStyle().FramePadding.x * 2;
      ImGui::SetNextItemWidth(run_col ? -FLT_MIN : std::max(ImGui::GetContentRegionAvail().x, hint_w));
      const ImVec2 box = ImGui::GetCursorScreenPos();
      info_.filters.push_back({key, box.x + ImGui::GetFontSize(), box.y + ImGui::GetFrameHeight() * 0.5f});
      const bool invalid = !cs.filter_valid;  // typing below may change it
      if (invalid) ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0.55f, 0.12f, 0.12f, 0.6f));
      char buf[256];
      std::snprintf(buf, sizeof buf, "%s", cs.filter_text.c_str());
      if (ImGui::InputTextWithHint("##filter", hint, buf, sizeof buf)) set_filter(key, buf, false);
      if (invalid) ImGui::PopStyleColor();
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            numeric ? "Keep sessions in a range: \"0.01 .. 0.1\", \">= 64\", \"< 0.5\", or one number.\n"
                      "Text that is not a range is searched as a regular expression."
                    : "Keep sessions whose value matches this regular expression (red: invalid).");
      ImGui::PopID();
    }
    if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
      if (specs->SpecsCount > 0) {
        const ImGuiTableColumnSortSpecs& sp = specs->Specs[0];
        descending_ = sp.SortDirection == ImGuiSortDirection_Descending;
        if (sp.ColumnUserID == 0) {
          sort_column_ = -1;
        } else {
          const auto [metric, c] = cols[sp.ColumnUserID - 2];
          sort_column_ = metric ? static_cast<int>(table_.hparams.size() + c) : static_cast<int>(c);
        }
      } else {
        sort_column_ = -1;
        descending_ = false;
      }
      specs->SpecsDirty = false;
    }
    const int pages = std::max(1, static_cast<int>((rows_.size() + page_size_ - 1) / page_size_));
    page_ = std::clamp(page_, 0, pages - 1);
    const std::size_t first = static_cast<std::size_t>(page_) * page_size_;
    const std::size_t last = std::min(rows_.size(), first + page_size_);
    for (std::size_t r = first; r < last; ++r) {
      const aggregate::Session& s = table_.sessions[rows_[r]];
      ImGui::TableNextRow();
      if (s.run == hovered_run_)
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg1, ImGui::GetColorU32(ImGuiCol_HeaderHovered));
      ImGui::TableSetColumnIndex(0);
      ImGui::PushID(static_cast<int>(rows_[r]));
      const ImVec2 c = ImGui::GetCursorScreenPos();
      const float h = ImGui::GetTextLineHeight();
      info_.page.push_back({s.run, c.x + h * 2, c.y + h * 0.5f});
      const std::uint32_t rgb = colors_.empty() ? ctx.run_rgb(s.run) : colors_[rows_[r]];
      ImGui::GetWindowDrawList()->AddRectFilled(
          ImVec2(c.x, c.y + h * 0.2f), ImVec2(c.x + h * 0.6f, c.y + h * 0.8f), rgb_alpha(rgb, 1.0f), 2.0f);
      ImGui::Dummy(ImVec2(h * 0.6f, h));
      ImGui::SameLine();
      const std::string label = fit_run_label(ctx, s.run, ImGui::GetContentRegionAvail().x) + "##" + s.run;
      if (s.peeked) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      const bool clicked =
          ImGui::Selectable(label.c_str(), s.run == selected_run_,
                            ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowDoubleClick);
      if (s.peeked) ImGui::PopStyleColor();
      if (clicked) {
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
          if (s.peeked && ctx.load_runs) {  // not read yet: read its runs first
            const auto runs = aggregate::unread_runs_of_sessions(table_, *ctx.store, {rows_[r]});
            ctx.load_runs->insert(ctx.load_runs->end(), runs.begin(), runs.end());
          }
          show_in_scalars(ctx, s.run);
        } else
          selected_run_ = selected_run_ == s.run ? std::string() : s.run;
      }
      if (ImGui::IsItemHovered()) {
        hover_next_ = s.run;
        if (s.peeked)
          ImGui::SetTooltip(
              "%s\nNot read yet: its hparams come from the head of its first file. Double-click\n"
              "to read its runs and see their scalars, or read every matching session's runs\n"
              "with the button above the table.",
              s.run.c_str());
        else
          ImGui::SetTooltip("%s\nClick to select it in the plot; double-click to see its scalars.",
                            s.run.c_str());
      }
      ImGui::PopID();
      ImGui::TableSetColumnIndex(1);
      const bool bad = s.status == aggregate::SessionStatus::kFailure;
      if (bad) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.93f, 0.45f, 0.35f, 1.0f));
      ImGui::TextUnformatted(kStatusNames[static_cast<int>(s.status)]);
      if (bad) ImGui::PopStyleColor();
      if (ctx.fonts && ctx.fonts->mono) ImGui::PushFont(ctx.fonts->mono);
      for (std::size_t i = 0; i < cols.size(); ++i) {
        if (!ImGui::TableSetColumnIndex(static_cast<int>(2 + i))) continue;
        const auto [metric, col] = cols[i];
        if (metric) {
          const double v = aggregate::metric_number(s.metrics[col], aggregate_);
          if (s.metrics[col].present)
            ImGui::TextUnformatted(format_value(v).c_str());
          else
            ImGui::TextDisabled("-");
        } else {
          const aggregate::HparamValue& v = s.hparams[col];
          if (v.type == aggregate::HparamValue::Type::kMissing)
            ImGui::TextDisabled("-");
          else
            ImGui::TextUnformatted(v.display().c_str());
        }
      }
      if (ctx.fonts && ctx.fonts->mono) ImGui::PopFont();
    }
    ImGui::EndTable();
  }
  // Pager.
  const int pages = std::max(1, static_cast<int>((rows_.size() + page_size_ - 1) / page_size_));
  ImGui::BeginDisabled(page_ == 0);
  if (ImGui::ArrowButton("##prev", ImGuiDir_Left)) --page_;
  ImGui::EndDisabled();
  tooltip("Previous page of sessions.");
  ImGui::SameLine();
  ImGui::BeginDisabled(page_ + 1 >= pages);
  if (ImGui::ArrowButton("##next", ImGuiDir_Right)) ++page_;
  ImGui::EndDisabled();
  tooltip("Next page of sessions.");
  ImGui::SameLine();
  const std::size_t first = rows_.empty() ? 0 : static_cast<std::size_t>(page_) * page_size_ + 1;
  const std::size_t last = std::min(rows_.size(), static_cast<std::size_t>(page_ + 1) * page_size_);
  ImGui::AlignTextToFramePadding();
  ImGui::Text("Sessions %zu-%zu of %zu shown (%zu in all)", first, last, rows_.size(),
              table_.sessions.size());
  ImGui::SameLine(0, 18);
  ImGui::TextUnformatted("Rows per page");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(80);
  const int sizes[] = {25, 50, 100, 500};
  if (ImGui::BeginCombo("##pagesize", std::to_string(page_size_).c_str())) {
    for (int n : sizes)
      if (ImGui::Selectable(std::to_string(n).c_str(), n == page_size_)) page_size_ = n, page_ = 0;
    ImGui::EndCombo();
  }
  tooltip("How many sessions one page of the table holds.");
}

// [SECTION] dashboard -------------------------------------------------------------------------------
void HparamsDashboard::draw(const UiContext& ctx) {
  charts_drawn_ = 0;
  hover_next_.clear();
  rebuild_if_stale(ctx);
  info_ = {};
  if (table_.sessions.empty()) {
    rows_.clear();
    draw_unread_bar(ctx);
    ImGui::Spacing();
    if (ctx.hparams_peek && ctx.hparams_peek->active()) return;
    if (info_.unread_runs > 0)
      ImGui::TextDisabled(
          "No hyperparameter sessions among the runs read, nor at the head of the %s not read.",
          format_count(info_.unread_runs).c_str());
    else
      ImGui::TextDisabled("No hyperparameter sessions: no run holds a _hparams_/session_start_info record.");
    ImGui::TextDisabled("They are written by TensorFlow's hparams API, PyTorch's add_hparams and Lightning.");
    return;
  }
  // The rows passing the column filters and the run filter (invalid ones filter nothing).
  rows_ = aggregate::query_sessions(table_, query());
  std::erase_if(rows_, [&](std::uint32_t r) { return !run_filter_.matches(table_.sessions[r].run); });
  passes_.assign(table_.sessions.size(), 0);
  for (std::uint32_t r : rows_) passes_[r] = 1;
  // Axes of the shown columns, and each session's colour.
  axes_.clear();
  for (std::size_t c = 0; c < table_.hparams.size(); ++c) {
    const ColumnState& cs = columns_[column_key(false, c)];
    if (!cs.hidden) axes_.push_back(make_axis(table_, false, c, aggregate_, cs.scale));
  }
  for (std::size_t m = 0; m < table_.metrics.size(); ++m) {
    const ColumnState& cs = columns_[column_key(true, m)];
    if (!cs.hidden) axes_.push_back(make_axis(table_, true, m, aggregate_, cs.scale));
  }
  colors_.assign(table_.sessions.size(), 0);
  if (color_by_.empty() && !table_.metrics.empty()) color_by_ = column_key(true, 0);  // a metric tells most
  int color_metric = -1;
  for (std::size_t m = 0; m < table_.metrics.size(); ++m)
    if (column_key(true, m) == color_by_) color_metric = static_cast<int>(m);
  const HparamsAxis color_axis =
      color_metric >= 0
          ? make_axis(table_, true, static_cast<std::size_t>(color_metric), aggregate_, AxisScale::kLinear)
          : HparamsAxis{};
  for (std::size_t s = 0; s < table_.sessions.size(); ++s)
    colors_[s] = color_metric >= 0 ? ramp_color(color_axis.position[s], ctx.settings->dark)
                                   : ctx.run_rgb(table_.sessions[s].run);

  draw_unread_bar(ctx);
  draw_toolbar(ctx);
  ImGui::Spacing();
  const float avail = ImGui::GetContentRegionAvail().y;
  const HparamsPlot plot = ctx.settings->hparams_plot;
  if (plot != HparamsPlot::kNone) {
    const float plot_h = std::clamp(avail * 0.5f, 220.0f, 520.0f);
    ImGui::BeginChild("##plotcard", ImVec2(0, plot_h), true);
    draw_plot(ctx, ImGui::GetContentRegionAvail().y);
    ImGui::EndChild();
  }
  draw_table(ctx);

  hovered_run_ = hover_next_;  // what the plot or the table had under the mouse this frame
  for (std::uint32_t r : rows_) info_.rows.push_back(table_.sessions[r].run);
  info_.hovered = hovered_run_;
  info_.selected = selected_run_;
  info_.plot = plot == HparamsPlot::kNone ? "none" : plot == HparamsPlot::kParallel ? "parallel" : "scatter";
}

const DashboardInfo& HparamsDashboard::info() const {
  static const DashboardInfo kInfo{"hparams", "HParams", "Hyperparameters of each run next to its metrics.",
                                   events::Kind::kHparams};
  return kInfo;
}

// The table and plots take the whole tab; the sidebar says how to use them.
void HparamsDashboard::draw_sidebar(const UiContext& ctx) {
  section_heading(ctx.fonts, "HParams");
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped(
      "Click a column title to sort. Type in the box under it to filter: a regular expression, or a "
      "range such as 0.01 .. 0.1 or >= 64. Drag along a parallel-coordinates axis to filter by it. "
      "Double-click a row to see its runs on Scalars.");
  ImGui::PopStyleColor();
}

std::vector<std::string_view> HparamsDashboard::link_keys() const { return {"hplot"}; }

}  // namespace el::ui
