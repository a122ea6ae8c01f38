#include "ui/runs_panel.h"

#include <algorithm>
#include <cstdio>
#include <vector>

#include "imgui.h"
#include "ui/palette.h"
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
  std::vector<std::pair<const std::string*, const store::Run*>> runs;
  std::vector<const std::string*> empty;
  for (const auto& [name, run] : ctx.store->runs()) {
    if (run.tags.empty())
      empty.push_back(&name);
    else
      runs.emplace_back(&name, &run);
  }
  int shown = 0;
  for (const auto& [name, run] : runs) shown += ctx.run_shown(*name);
  char title[64];
  std::snprintf(title, sizeof title, "Runs (%d of %zu shown)", shown, runs.size());
  section_heading(ctx.fonts, title);
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
  ImGui::Separator();
  ImGui::BeginChild("##runlist", ImVec2(0, 0), false);
  ImGuiListClipper clipper;  // thousands of runs cost only the visible rows
  clipper.Begin(static_cast<int>(runs.size()));
  while (clipper.Step()) {
    for (int at = clipper.DisplayStart; at < clipper.DisplayEnd; ++at) {
      const std::string& name = *runs[static_cast<std::size_t>(at)].first;
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
          "Click to change it (a changed colour is part of the link).");
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
        const store::Run& r = *runs[static_cast<std::size_t>(at)].second;
        std::size_t scalars = 0;
        for (const auto& [tag, series] : r.tags) scalars += series.kind == events::Kind::kScalars;
        ImGui::SetTooltip("%s\n%zu file%s, %zu tags (%zu scalar)", name.c_str(), r.files.size(),
                          r.files.size() == 1 ? "" : "s", r.tags.size(), scalars);
      }
      if (!matches) ImGui::EndDisabled();
      ImGui::PopID();
    }
  }
  ImGui::EndChild();
}

}  // namespace el::ui
