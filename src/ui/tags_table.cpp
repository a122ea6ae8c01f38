#include "ui/tags_table.h"

#include <algorithm>

#include "imgui.h"
#include "ui/format.h"
#include "ui/widgets.h"

namespace el::ui {

void draw_tags_table(const UiContext& ctx, events::Kind kind) {
  ImGui::TextDisabled("A dedicated %s dashboard is coming; here is what the logs hold.",
                      events::kind_name(kind));
  ImGui::Spacing();
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##tags", 4, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Run", ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn("Tag", ImGuiTableColumnFlags_WidthStretch, 3.0f);
  ImGui::TableSetupColumn("Points", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("Steps", ImGuiTableColumnFlags_WidthStretch, 1.5f);
  ImGui::TableHeadersRow();
  for (const auto& [name, run] : ctx.store->runs()) {
    if (!ctx.run_shown(name)) continue;
    for (const auto& [tag, s] : run.tags) {
      if (s.kind != kind || s.size() == 0) continue;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(name.c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(tag.c_str());
      if (ImGui::IsItemHovered() && !s.metadata.plugin_name.empty())
        ImGui::SetTooltip("plugin: %s", s.metadata.plugin_name.c_str());
      ImGui::TableNextColumn();
      const std::size_t shown = ctx.settings->all_points ? s.size() : store::visible_indices(s.steps).size();
      ImGui::TextUnformatted(format_count(shown).c_str());
      ImGui::TableNextColumn();
      const auto [lo, hi] = std::minmax_element(s.steps.begin(), s.steps.end());
      ImGui::Text("%lld .. %lld", static_cast<long long>(*lo), static_cast<long long>(*hi));
    }
  }
  ImGui::EndTable();
}

void TagsTableDashboard::draw_sidebar(const UiContext& ctx) {
  section_heading(ctx.fonts, info_.title);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped("%s", info_.help);
  ImGui::PopStyleColor();
}

}  // namespace el::ui
