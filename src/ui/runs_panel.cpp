#include "ui/runs_panel.h"

#include <algorithm>
#include <cstdio>

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
    ImGui::SliderInt("##every", &s.reload_seconds, 1, 60, "every %d s");
    tooltip("How often to re-check, in seconds.");
  }
}

void RunsPanel::draw_runs(const UiContext& ctx) {
  Settings& s = *ctx.settings;
  const auto& runs = ctx.store->runs();
  if (!filter_synced_ || filter_buf_ != s.run_filter) filter_buf_ = s.run_filter, filter_synced_ = true;
  int shown = 0;
  for (const auto& [name, run] : runs) shown += ctx.run_shown(name);
  char title[64];
  std::snprintf(title, sizeof title, "Runs (%d of %zu shown)", shown, runs.size());
  section_heading(ctx.fonts, title);
  if (regex_input("##runfilter", "Filter runs (regex)", filter_buf_, *ctx.run_filter))
    s.run_filter = filter_buf_;
  tooltip(
      "Only runs whose name matches this regular expression are shown. An invalid\n"
      "expression turns red and is not applied.");
  if (ImGui::SmallButton("All")) s.hidden_runs.clear();
  tooltip("Tick every run.");
  ImGui::SameLine();
  if (ImGui::SmallButton("None"))
    for (const auto& [name, run] : runs) s.hidden_runs.insert(name);
  tooltip("Untick every run.");
  ImGui::Separator();
  ImGui::BeginChild("##runlist", ImVec2(0, 0), false);
  ImGuiListClipper clipper;  // thousands of runs cost only the visible rows
  clipper.Begin(static_cast<int>(runs.size()));
  auto it = runs.begin();
  int at = 0;
  while (clipper.Step()) {
    for (; at < clipper.DisplayStart; ++at) ++it;
    for (; at < clipper.DisplayEnd; ++at, ++it) {
      const std::string& name = it->first;
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
      tooltip("This run's colour (from its name, the same everywhere). Click to change it.");
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
      ImGui::TextUnformatted(name.c_str());
      if (ctx.fonts && ctx.fonts->mono) ImGui::PopFont();
      if (ImGui::IsItemHovered()) {
        const store::Run& r = it->second;
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
