#include "ui/problems_panel.h"

#include "imgui.h"
#include "ui/format.h"

namespace el::ui {

namespace {
bool memory_reduced(const MemoryView* memory) { return memory && (memory->step > 0 || memory->full); }

// Right-click a problem to copy it: some carry what to do (a bucket's CORS rule).
void copy_menu(const UiContext& ctx, const std::string& path, const std::string& message, std::size_t file,
               std::ptrdiff_t k) {
  if (!ctx.copy_text) return;
  ImGui::PushID(static_cast<int>(file));
  ImGui::PushID(static_cast<int>(k));
  if (ImGui::BeginPopupContextItem("##copy")) {
    if (ImGui::MenuItem("Copy this problem")) *ctx.copy_text = path + ": " + message;
    ImGui::EndPopup();
  }
  ImGui::PopID();
  ImGui::PopID();
}
}  // namespace

std::uint64_t problem_count(const store::Store& store, const EmbeddingProvider* embeddings,
                            const MemoryView* memory) {
  std::uint64_t n = memory_reduced(memory);
  if (embeddings && !embeddings->discovering()) n += embeddings->discovery().problems.size();
  for (store::FileId id = 0; id < store.files().size(); ++id) n += store.files().status(id).problems.size();
  return n;
}

ProblemSummary summarize_problems(const store::Store& store, const EmbeddingProvider* embeddings,
                                  const MemoryView* memory) {
  ProblemSummary s;
  auto add = [&](record::ProblemSeverity severity, const char* words) {
    if (s.count == 0 || severity < s.worst) s.worst = severity, s.worst_words = words;
    ++s.count;
    ++s.by_severity[static_cast<int>(severity)];
  };
  for (store::FileId id = 0; id < store.files().size(); ++id)
    for (const record::Problem& p : store.files().status(id).problems)
      add(record::problem_severity(p.kind), record::problem_kind_words(p.kind));
  if (embeddings && !embeddings->discovering())
    for (std::size_t i = 0; i < embeddings->discovery().problems.size(); ++i)
      add(record::ProblemSeverity::kDamage, "unreadable embedding file");
  if (memory_reduced(memory))  // images only: nothing lost; past that, records are not shown
    add(memory->step >= 2 || memory->files_stopped ? record::ProblemSeverity::kDamage
                                                   : record::ProblemSeverity::kNotice,
        "memory budget");
  return s;
}

ImVec4 severity_color(record::ProblemSeverity severity) {
  switch (severity) {
    case record::ProblemSeverity::kError: return ImVec4(0.93f, 0.38f, 0.33f, 1.0f);
    case record::ProblemSeverity::kDamage: return ImVec4(0.92f, 0.62f, 0.25f, 1.0f);
    case record::ProblemSeverity::kNotice: break;
  }
  return ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled);
}

bool draw_problems_panel(const UiContext& ctx) {
  bool open = true;
  const store::FileTable& files = ctx.store->files();
  ImGui::AlignTextToFramePadding();
  if (ctx.fonts && ctx.fonts->heading) ImGui::PushFont(ctx.fonts->heading);
  ImGui::Text("Problems (%llu)",
              static_cast<unsigned long long>(problem_count(*ctx.store, ctx.embeddings, ctx.memory)));
  if (ctx.fonts && ctx.fonts->heading) ImGui::PopFont();
  ImGui::SameLine();
  ImGui::TextDisabled(
      "Damaged parts are skipped; everything else is shown. Right-click a problem to copy it.");
  ImGui::SameLine(ImGui::GetWindowWidth() - 80);
  if (ImGui::Button("Close", ImVec2(64, 0))) open = false;
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("##problems", 3, flags)) {
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("File", ImGuiTableColumnFlags_WidthStretch, 3.0f);
    ImGui::TableSetupColumn("Offset", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Problem", ImGuiTableColumnFlags_WidthStretch, 6.0f);
    ImGui::TableHeadersRow();
    if (memory_reduced(ctx.memory)) {
      const MemoryView& m = *ctx.memory;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted("(memory budget)");
      ImGui::TableNextColumn();
      ImGui::TableNextColumn();
      ImGui::PushStyleColor(ImGuiCol_Text, severity_color(record::ProblemSeverity::kDamage));
      ImGui::TextWrapped(
          "%s of the %s budget in use%s. Reduced: %s. Scalars are kept exactly. Unload runs "
          "in the runs panel to free memory.",
          format_bytes(m.in_use).c_str(), format_bytes(m.budget).c_str(),
          m.full ? " (full: reading paused)" : "", memory_reductions(m).c_str());
      ImGui::PopStyleColor();
    }
    for (store::FileId id = 0; id < files.size(); ++id) {
      const store::FileStatus& f = files.status(id);
      for (const record::Problem& p : f.problems) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(f.path.c_str());
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(format_count(p.offset).c_str());
        ImGui::TableNextColumn();
        ImGui::PushStyleColor(ImGuiCol_Text, severity_color(record::problem_severity(p.kind)));
        ImGui::TextWrapped("%s", p.message.c_str());
        ImGui::PopStyleColor();
        copy_menu(ctx, f.path, p.message, id, &p - f.problems.data());
      }
    }
    if (ctx.embeddings && !ctx.embeddings->discovering()) {
      for (const embed::EmbeddingProblem& p : ctx.embeddings->discovery().problems) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(p.path.c_str());
        ImGui::TableNextColumn();
        ImGui::TableNextColumn();
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.93f, 0.45f, 0.35f, 1.0f));
        ImGui::TextWrapped("%s", p.problem.c_str());
        ImGui::PopStyleColor();
      }
    }
    ImGui::EndTable();
  }
  return open;
}

}  // namespace el::ui
