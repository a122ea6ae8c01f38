#include "ui/runs_panel.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <string_view>
#include <vector>

#include "imgui.h"
#include "ui/format.h"
#include "ui/palette.h"
#include "ui/run_columns.h"
#include "ui/widgets.h"

namespace el::ui {

void RunsPanel::draw(const UiContext& ctx, bool live_supported) {
  if (live_supported) draw_live_reload(ctx);
  ImGui::Spacing();
  draw_runs(ctx);
}

void RunsPanel::draw_live_reload(const UiContext& ctx) {
  Settings& s = *ctx.settings;
  ImGui::Checkbox("Live reload", &s.live_reload);
  tooltip(
      "Re-check the opened folder for new data: grown files are read from where they\n"
      "stopped, and new files and runs appear.");
  if (s.live_reload) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    slider_int("##every", &s.reload_seconds, 1, 60, "every %d s");
    tooltip("How often to re-check, in seconds.");
  }
}

void RunsPanel::draw_runs(const UiContext& ctx) {
  Settings& s = *ctx.settings;
  if (!filter_synced_ || filter_buf_ != s.run_filter) filter_buf_ = s.run_filter, filter_synced_ = true;
  // Runs with no data (an empty file, only a file_version record) are left out of the list, and counted.
  // Runs only listed (a logdir past the load limits: app/run_loading.h) are
  // read when picked; they are listed after the others, if the filter matches.
  std::vector<std::pair<const std::string*, const store::Run*>> runs, listed;
  std::vector<const std::string*> empty;
  std::size_t listed_total = 0;
  std::uint64_t listed_bytes = 0;
  for (const auto& [name, run] : ctx.store->runs()) {
    if (!run.wanted && run.tags.empty()) {
      ++listed_total;
      listed_bytes += run.announced_bytes;
      if (ctx.run_filter->matches(name)) listed.emplace_back(&name, &run);
    } else if (run.tags.empty()) {
      empty.push_back(&name);
    } else {
      runs.emplace_back(&name, &run);
    }
  }
  int shown = 0;
  for (const auto& [name, run] : runs) shown += ctx.run_shown(*name);
  char title[64];
  std::snprintf(title, sizeof title, "Runs (%d of %zu shown)", shown, runs.size());
  section_heading(ctx.fonts, title);
  if (listed_total > 0) draw_load_picker(ctx, runs, listed, listed_total, listed_bytes);
  if (!empty.empty()) {
    ImGui::TextDisabled("%zu empty run%s not listed", empty.size(), empty.size() == 1 ? "" : "s");
    if (ImGui::IsItemHovered()) {
      std::string names = "Runs whose files hold no data yet (empty, or only a version record):";
      for (std::size_t i = 0; i < empty.size() && i < 20; ++i) names += "\n  " + *empty[i];
      if (empty.size() > 20) names += "\n  ...";
      ImGui::SetTooltip("%s", names.c_str());
    }
  }
  if (ctx.run_looks && !ctx.run_looks->prefix().empty()) {
    const std::string shared = "in " + ctx.run_looks->prefix();
    ImGui::TextDisabled("%s", fit_middle(shared, ImGui::GetContentRegionAvail().x).c_str());
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Every run's name starts with %s\nso the lists show the rest.",
                        ctx.run_looks->prefix().c_str());
  }
  if (regex_input("##runfilter", "Filter runs (regex)", filter_buf_, *ctx.run_filter))
    s.run_filter = filter_buf_;
  tooltip(
      "Only runs whose name matches this regular expression are shown. An invalid\n"
      "expression turns red and is not applied.");
  if (ImGui::SmallButton("All")) s.hidden_runs.clear();
  tooltip("Tick every run.");
  ImGui::SameLine();
  if (ImGui::SmallButton("None"))
    for (const auto& [name, run] : runs) s.hidden_runs.insert(*name);
  tooltip("Untick every run.");
  ImGui::SameLine();
  if (ImGui::SmallButton("Columns...")) ImGui::OpenPopup("##runcolumns");
  tooltip("Show hparams and final metric values beside each run, and sort the runs by them.");
  draw_column_picker(ctx);
  draw_grouping(ctx);
  ImGui::Separator();

  // The chosen columns the hparams table has, and the run order they give.
  std::vector<RunColumn> columns;
  if (ctx.hparams) columns = resolve_run_columns(s.run_columns, *ctx.hparams);
  const RunColumn* sort_by = nullptr;
  for (const RunColumn& c : columns)
    if (c.key == s.run_sort) sort_by = &c;
  auto order = [&](std::vector<const std::string*>& names) {
    if (sort_by) sort_runs_by_column(names, *ctx.hparams, *sort_by, s.run_sort_descending);
  };
  std::map<std::string_view, const store::Run*> by_name;
  for (const auto& [name, run] : runs) by_name[*name] = run;

  // One row per run; with groups, a row per group before its members (indented),
  // and the runs in no group last.
  struct Row {
    int group = -1;  // a group's heading (>= 0), or -2: "not in a group"
    const std::string* run = nullptr;
    const store::Run* data = nullptr;
    bool member = false;
    bool listed = false;  // not read: ticking it reads it
  };
  std::vector<Row> rows;
  const RunGrouping* grouping = ctx.grouping && ctx.grouping->active() ? ctx.grouping : nullptr;
  std::vector<const std::string*> names;
  if (grouping) {
    for (std::size_t g = 0; g < grouping->groups().size(); ++g) {
      rows.push_back({static_cast<int>(g)});
      names.clear();
      for (const std::string& name : grouping->groups()[g].runs)
        if (by_name.count(name)) names.push_back(&name);
      order(names);
      for (const std::string* name : names) rows.push_back({-1, name, by_name[*name], true});
    }
    names.clear();
    for (const auto& [name, run] : runs)
      if (grouping->group_of(*name) < 0) names.push_back(name);
    order(names);
    if (!names.empty()) rows.push_back({-2});
    for (const std::string* name : names) rows.push_back({-1, name, by_name[*name], true});
  } else {
    for (const auto& [name, run] : runs) names.push_back(name);
    order(names);
    for (const std::string* name : names) rows.push_back({-1, name, by_name[*name], false});
  }
  for (const auto& [name, run] : listed) rows.push_back({-1, name, run, false, true});

  listed_.clear();
  listed_columns_.clear();
  for (const RunColumn& c : columns) listed_columns_.push_back(c.label);
  for (const Row& row : rows) {
    ListedRow& l = listed_.emplace_back();
    if (row.group == -2) l.label = "ungrouped";
    if (row.group >= 0) l.label = "group:" + grouping->groups()[static_cast<std::size_t>(row.group)].name;
    if (!row.run) continue;
    l.label = *row.run;
    if (row.listed) {
      l.label += " (not read)";
      continue;
    }
    for (const RunColumn& c : columns) l.values.push_back(run_column_text(*ctx.hparams, c, *row.run));
  }
  auto draw_row = [&](const Row& row) {
    if (row.group == -2) {
      ImGui::TextDisabled("Not in a group");
      return;
    }
    if (row.group >= 0) {
      draw_group_row(ctx, grouping->groups()[static_cast<std::size_t>(row.group)]);
      return;
    }
    if (row.listed) {
      draw_listed_row(ctx, *row.run, *row.data);
      return;
    }
    if (row.member) ImGui::Indent(ImGui::GetFrameHeight() * 0.7f);
    draw_run_row(ctx, *row.run, *row.data);
    if (row.member) ImGui::Unindent(ImGui::GetFrameHeight() * 0.7f);
  };
  // The list fills the rest of the sidebar, but never less than a third of
  // the window (tall settings above it scroll the sidebar instead).
  const float list_h =
      std::max(ImGui::GetContentRegionAvail().y, ImGui::GetMainViewport()->WorkSize.y * 0.35f);
  if (columns.empty()) {
    ImGui::BeginChild("##runlist", ImVec2(0, list_h), false);
    ImGuiListClipper clipper;  // thousands of runs cost only the visible rows
    clipper.Begin(static_cast<int>(rows.size()));
    while (clipper.Step())
      for (int at = clipper.DisplayStart; at < clipper.DisplayEnd; ++at)
        draw_row(rows[static_cast<std::size_t>(at)]);
    ImGui::EndChild();
    return;
  }
  // With columns: a table, sortable by its headers (the order is kept in the settings).
  const ImGuiTableFlags flags = ImGuiTableFlags_Sortable | ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV |
                                ImGuiTableFlags_SizingFixedFit;
  if (!ImGui::BeginTable("##runtable", static_cast<int>(columns.size() + 1), flags, ImVec2(0, list_h)))
    return;
  ImGui::TableSetupScrollFreeze(1, 1);
  // The headers show the settings' order from the first frame (a link may name it).
  const ImGuiTableColumnFlags descending =
      s.run_sort_descending ? ImGuiTableColumnFlags_PreferSortDescending : 0;
  ImGui::TableSetupColumn("Run",
                          ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoHide |
                              (sort_by ? 0 : ImGuiTableColumnFlags_DefaultSort),
                          ImGui::GetFontSize() * 11);
  // Each column as wide as its header (and its sort arrow), and at least 8 digits.
  const float digits = ImGui::CalcTextSize("0.000000").x;
  for (const RunColumn& c : columns)
    ImGui::TableSetupColumn(c.label.c_str(),
                            ImGuiTableColumnFlags_WidthFixed |
                                (&c == sort_by ? ImGuiTableColumnFlags_DefaultSort | descending : 0),
                            std::max(digits, ImGui::CalcTextSize(c.label.c_str()).x + ImGui::GetFontSize()));
  ImGui::TableHeadersRow();
  if (ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs(); specs && specs->SpecsDirty) {
    // The first frame reports ImGui's default (by run); the settings (a link) decide then.
    if (table_sorted_once_ && specs->SpecsCount > 0) {
      const int col = specs->Specs[0].ColumnIndex;
      s.run_sort = col == 0 ? "" : columns[static_cast<std::size_t>(col - 1)].key;
      s.run_sort_descending = specs->Specs[0].SortDirection == ImGuiSortDirection_Descending;
    }
    table_sorted_once_ = true;
    specs->SpecsDirty = false;
  }
  ImGuiListClipper clipper;
  clipper.Begin(static_cast<int>(rows.size()));
  while (clipper.Step())
    for (int at = clipper.DisplayStart; at < clipper.DisplayEnd; ++at) {
      const Row& row = rows[static_cast<std::size_t>(at)];
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      draw_row(row);
      if (!row.run || row.listed) continue;
      if (ctx.fonts && ctx.fonts->mono) ImGui::PushFont(ctx.fonts->mono);
      for (std::size_t c = 0; c < columns.size(); ++c) {
        ImGui::TableSetColumnIndex(static_cast<int>(c + 1));
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(run_column_text(*ctx.hparams, columns[c], *row.run).c_str());
      }
      if (ctx.fonts && ctx.fonts->mono) ImGui::PopFont();
    }
  ImGui::EndTable();
}

void RunsPanel::draw_column_picker(const UiContext& ctx) {
  if (!ImGui::BeginPopup("##runcolumns")) return;
  Settings& s = *ctx.settings;
  auto toggle = [&](const std::string& key, const std::string& label, const std::string& tip) {
    bool on = std::find(s.run_columns.begin(), s.run_columns.end(), key) != s.run_columns.end();
    if (ImGui::Checkbox(label.c_str(), &on)) {
      if (on)
        s.run_columns.push_back(key);
      else
        std::erase(s.run_columns, key);
    }
    if (!tip.empty()) tooltip(tip.c_str());
  };
  const aggregate::HparamsTable* t = ctx.hparams;
  if (!t || (t->hparams.empty() && t->metrics.empty())) {
    ImGui::TextDisabled("No run logs hparams (TensorBoard's hparams plugin data).");
  } else {
    ImGui::TextDisabled("Hparams");
    for (const aggregate::HparamColumn& h : t->hparams)
      toggle("h:" + h.name, h.display_name.empty() ? h.name : h.display_name, h.description);
    if (!t->metrics.empty()) ImGui::TextDisabled("Metrics (last value)");
    for (const aggregate::MetricColumn& m : t->metrics)
      toggle("m:" + m.label(), m.display_name.empty() ? m.label() : m.display_name, m.description);
  }
  ImGui::EndPopup();
}

void RunsPanel::draw_grouping(const UiContext& ctx) {
  Settings& s = *ctx.settings;
  if (group_typed_at_ < 0 && (!group_synced_ || group_buf_ != s.group_regex))
    group_buf_ = s.group_regex, group_synced_ = true;
  int by = !s.group_regex.empty() || group_by_regex_ ? 1 : !s.group_hparam.empty() ? 2 : 0;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Group runs");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  if (ImGui::Combo("##groupby", &by, "not grouped\0by regex\0by hparam\0")) {
    group_by_regex_ = by == 1;
    if (by != 1) s.group_regex.clear(), group_buf_.clear();
    if (by != 2) s.group_hparam.clear();
    if (by == 2 && ctx.hparams && !ctx.hparams->hparams.empty())
      s.group_hparam = ctx.hparams->hparams[0].name;
  }
  tooltip(
      "Group runs (seeds of one config, say): scalar charts then draw each group's mean or\n"
      "median with a band, and this list shows each group with its members.\n"
      "By regex: runs whose names give the same captured groups form a group.\n"
      "By hparam: runs with the same value of an hparam form a group.");
  if (by == 1) {
    ImGui::SetNextItemWidth(-1);
    // Applied once typing pauses (0.4 s) or the field is left: each grouping
    // recomputes every visible card's aggregates, so not at every keystroke.
    if (regex_input("##groupre", "e.g. (.*)/seed_\\d+", group_buf_, group_filter_)) group_typed_at_ = ctx.now;
    const bool editing = ImGui::IsItemActive();
    if (group_typed_at_ >= 0 && (!editing || ctx.now - group_typed_at_ >= 0.4)) {
      s.group_regex = group_buf_;
      group_typed_at_ = -1;
    }
    if (group_typed_at_ >= 0 && ctx.wants_frame) *ctx.wants_frame = true;
    tooltip(
        "A regular expression searched in each run's name. Runs whose matches capture the\n"
        "same text (the groups in parentheses, joined by /) form one group; runs it does not\n"
        "match stay on their own. Without parentheses the whole match names the group.");
  } else if (by == 2) {
    ImGui::SetNextItemWidth(-1);
    const bool none = !ctx.hparams || ctx.hparams->hparams.empty();
    if (ImGui::BeginCombo("##grouphp", none ? "no hparams logged" : s.group_hparam.c_str())) {
      if (!none)
        for (const aggregate::HparamColumn& h : ctx.hparams->hparams)
          if (ImGui::Selectable(h.name.c_str(), h.name == s.group_hparam)) s.group_hparam = h.name;
      ImGui::EndCombo();
    }
    tooltip("Runs whose session logged the same value of this hparam form one group.");
  }
  if (ctx.grouping && !ctx.grouping->problem().empty() && by != 0)
    ImGui::TextColored(ImVec4(0.95f, 0.55f, 0.35f, 1), "%s", ctx.grouping->problem().c_str());
  else if (ctx.grouping && ctx.grouping->active())
    ImGui::TextDisabled("%zu group%s", ctx.grouping->groups().size(),
                        ctx.grouping->groups().size() == 1 ? "" : "s");
}

void RunsPanel::draw_group_row(const UiContext& ctx, const RunGrouping::Group& group) {
  Settings& s = *ctx.settings;
  ImGui::PushID(group.name.c_str());
  ImGui::PushID("group");
  std::size_t shown = 0;
  for (const std::string& r : group.runs) shown += !s.hidden_runs.count(r);
  bool on = shown > 0;
  if (ImGui::Checkbox("##on", &on)) {
    for (const std::string& r : group.runs) {
      if (on)
        s.hidden_runs.erase(r);
      else
        s.hidden_runs.insert(r);
    }
  }
  tooltip("Show or hide every run of this group.");
  ImGui::SameLine();
  const std::uint32_t rgb = group.rgb;
  const ImVec4 col(((rgb >> 16) & 0xff) / 255.0f, ((rgb >> 8) & 0xff) / 255.0f, (rgb & 0xff) / 255.0f, 1.0f);
  ImGui::ColorButton("##color", col, ImGuiColorEditFlags_NoTooltip,
                     ImVec2(ImGui::GetFrameHeight() * 0.8f, ImGui::GetFrameHeight() * 0.8f));
  tooltip("The group's colour: its first run's. Its members are lighter and darker shades of it.");
  ImGui::SameLine();
  char count[32];
  std::snprintf(count, sizeof count, "  %zu run%s", group.runs.size(), group.runs.size() == 1 ? "" : "s");
  const float count_w = ImGui::CalcTextSize(count).x;
  ImGui::TextUnformatted(fit_middle(group.name, ImGui::GetContentRegionAvail().x - count_w).c_str());
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Group %s: %zu runs (%zu shown), grouped by %s", group.name.c_str(), group.runs.size(),
                      shown, ctx.grouping->by().c_str());
  ImGui::SameLine(0, 0);
  ImGui::TextDisabled("%s", count);
  ImGui::PopID();
  ImGui::PopID();
}

void RunsPanel::draw_load_picker(const UiContext& ctx, const RunList& loaded, const RunList& listed,
                                 std::size_t listed_total, std::uint64_t listed_bytes) {
  const Settings& s = *ctx.settings;
  ImGui::PushTextWrapPos(0);
  if (ctx.memory && ctx.memory->step >= 3)
    ImGui::TextColored(reduced_color(),
                       "%s of %s runs (%s) not read: the memory budget is nearly spent (%s of %s). Unload "
                       "runs (right-click one) to free memory, then tick the runs to read.",
                       format_count(listed_total).c_str(), format_count(ctx.store->runs().size()).c_str(),
                       format_bytes(listed_bytes).c_str(), format_bytes(ctx.memory->in_use).c_str(),
                       format_bytes(ctx.memory->budget).c_str());
  else
    ImGui::TextDisabled(
        "%s of %s runs (%s) not read: this logdir is past the load limits (%s runs or %s MiB).",
        format_count(listed_total).c_str(), format_count(ctx.store->runs().size()).c_str(),
        format_bytes(listed_bytes).c_str(), format_count(s.load_limit_runs).c_str(),
        format_count(s.load_limit_mb).c_str());
  ImGui::PopTextWrapPos();
  tooltip(
      "Reading thousands of runs would take long and could exhaust memory, so runs are\n"
      "read only when you pick them: tick a run below, or filter the list with a regex\n"
      "and read every run it matches. The limits are in View > Loading limits.");
  char label[64];
  std::snprintf(label, sizeof label, "Read %s matching", format_count(listed.size()).c_str());
  if (listed.empty()) ImGui::BeginDisabled();
  if (ImGui::SmallButton(label) && ctx.load_runs)
    for (const auto& [name, run] : listed) ctx.load_runs->push_back(*name);
  if (listed.empty()) ImGui::EndDisabled();
  tooltip("Read every listed run the filter above matches (all of them when it is empty).");
  std::vector<std::string> hidden;
  for (const auto& [name, run] : loaded)
    if (!ctx.run_shown(*name)) hidden.push_back(*name);
  ImGui::SameLine();
  std::snprintf(label, sizeof label, "Unload %s hidden", format_count(hidden.size()).c_str());
  if (hidden.empty()) ImGui::BeginDisabled();
  if (ImGui::SmallButton(label) && ctx.unload_runs)
    ctx.unload_runs->insert(ctx.unload_runs->end(), hidden.begin(), hidden.end());
  if (hidden.empty()) ImGui::EndDisabled();
  tooltip("Free the memory of every read run that is unticked or filtered out. They stay listed.");
  ImGui::SameLine();
  if (ImGui::SmallButton("By hparams...")) ctx.settings->dashboard = "hparams";
  tooltip(
      "Pick runs by their hyperparameters: the HParams tab reads the hparams at the head of each\n"
      "listed run's first file, then reads the runs whose values you filter for.");
}

void RunsPanel::draw_listed_row(const UiContext& ctx, const std::string& name, const store::Run& r) {
  ImGui::PushID(name.c_str());
  bool on = false;
  if (ImGui::Checkbox("##on", &on) && on && ctx.load_runs) {
    ctx.load_runs->push_back(name);
    ctx.settings->hidden_runs.erase(name);
  }
  tooltip("Not read yet: tick to read this run and show it.");
  ImGui::SameLine();
  // (0 bytes: its size is still being asked; the page sizes thousands of files after listing them)
  const std::string size = r.announced_bytes ? "  " + format_bytes(r.announced_bytes) : std::string("  ...");
  const float size_w = ImGui::CalcTextSize(size.c_str()).x;
  if (ctx.fonts && ctx.fonts->mono) ImGui::PushFont(ctx.fonts->mono);
  ImGui::TextDisabled("%s", fit_middle(name, ImGui::GetContentRegionAvail().x - size_w).c_str());
  if (ctx.fonts && ctx.fonts->mono) ImGui::PopFont();
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s\n%zu file%s, %s, not read", name.c_str(), r.files.size(),
                      r.files.size() == 1 ? "" : "s", format_bytes(r.announced_bytes).c_str());
  ImGui::SameLine(0, 0);
  ImGui::TextDisabled("%s", size.c_str());
  ImGui::PopID();
}

void RunsPanel::draw_run_row(const UiContext& ctx, const std::string& name, const store::Run& r) {
  Settings& s = *ctx.settings;
  ImGui::PushID(name.c_str());
  const bool matches = ctx.run_filter->matches(name);
  bool on = !s.hidden_runs.count(name);
  if (!matches) ImGui::BeginDisabled();
  if (ImGui::Checkbox("##on", &on)) {
    if (on)
      s.hidden_runs.erase(name);
    else
      s.hidden_runs.insert(name);
  }
  tooltip(matches ? "Show or hide this run in every chart." : "Hidden by the run filter above.");
  ImGui::SameLine();
  const std::uint32_t rgb = ctx.run_rgb(name);
  ImVec4 col(((rgb >> 16) & 0xff) / 255.0f, ((rgb >> 8) & 0xff) / 255.0f, (rgb & 0xff) / 255.0f, 1.0f);
  if (ImGui::ColorButton("##color", col, ImGuiColorEditFlags_NoTooltip,
                         ImVec2(ImGui::GetFrameHeight() * 0.8f, ImGui::GetFrameHeight() * 0.8f)))
    ImGui::OpenPopup("##picker");
  tooltip(
      "This run's colour, the same on every dashboard and kept for its name in this browser.\n"
      "Click to change it (a changed colour is part of the link). In a group, runs are shades\n"
      "of the group's colour.");
  if (ImGui::BeginPopup("##picker")) {
    float c[3] = {col.x, col.y, col.z};
    if (ImGui::ColorPicker3("##pick", c,
                            ImGuiColorEditFlags_NoSidePreview | ImGuiColorEditFlags_DisplayHex)) {
      s.run_colors[name] = (static_cast<std::uint32_t>(c[0] * 255 + 0.5f) << 16) |
                           (static_cast<std::uint32_t>(c[1] * 255 + 0.5f) << 8) |
                           static_cast<std::uint32_t>(c[2] * 255 + 0.5f);
    }
    if (ImGui::Button("Reset to the default colour")) s.run_colors.erase(name);
    ImGui::EndPopup();
  }
  ImGui::SameLine();
  if (ctx.fonts && ctx.fonts->mono) ImGui::PushFont(ctx.fonts->mono);
  ImGui::TextUnformatted(fit_run_label(ctx, name, ImGui::GetContentRegionAvail().x).c_str());
  if (ctx.fonts && ctx.fonts->mono) ImGui::PopFont();
  if (ImGui::IsItemHovered()) {
    std::size_t scalars = 0;
    for (const auto& [tag, series] : r.tags) scalars += series.kind == events::Kind::kScalars;
    ImGui::SetTooltip("%s\n%zu file%s (%s), %zu tags (%zu scalar)\nRight-click to unload it.", name.c_str(),
                      r.files.size(), r.files.size() == 1 ? "" : "s", format_bytes(r.announced_bytes).c_str(),
                      r.tags.size(), scalars);
  }
  if (ImGui::BeginPopupContextItem("##runmenu")) {
    if (ImGui::MenuItem("Unload this run") && ctx.unload_runs) ctx.unload_runs->push_back(name);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Free the memory its data holds. It stays listed; tick it to read it again.");
    ImGui::EndPopup();
  }
  if (!matches) ImGui::EndDisabled();
  ImGui::PopID();
}

}  // namespace el::ui
