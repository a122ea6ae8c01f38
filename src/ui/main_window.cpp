// [SECTION] helpers
// [SECTION] menu bar
// [SECTION] content: empty state, file list
// [SECTION] status bar
// [SECTION] about box
// [SECTION] frame
#include "ui/main_window.h"

#include <algorithm>
#include <cstdio>

#include "imgui.h"
#include "ui/format.h"

namespace el::ui {

// [SECTION] helpers -----------------------------------------------------------
namespace {

constexpr const char* kProductName = "EventLens";

void tooltip(const char* text) {
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
}

void centered_text(const char* text, ImFont* font = nullptr) {
  if (font) ImGui::PushFont(font);
  float w = ImGui::CalcTextSize(text).x;
  ImGui::SetCursorPosX((ImGui::GetWindowWidth() - w) * 0.5f);
  ImGui::TextUnformatted(text);
  if (font) ImGui::PopFont();
}

float status_bar_height() { return ImGui::GetFrameHeight() + 6.0f; }

}  // namespace

// [SECTION] menu bar ----------------------------------------------------------
void MainWindow::draw_menu_bar(const MainWindowView& view, MainWindowActions& act) {
  if (!ImGui::BeginMainMenuBar()) return;
  if (ImGui::BeginMenu("File")) {
    if (ImGui::MenuItem("Open files...", nullptr, false, view.can_open_dialogs)) act.open_files = true;
    tooltip("Pick one or more event files (events.out.tfevents.*) to add to what is open.");
    if (ImGui::MenuItem("Open folder...", nullptr, false, view.can_open_dialogs)) act.open_folder = true;
    tooltip("Pick a log directory; every sub-folder holding event files becomes a run.");
    ImGui::Separator();
    bool any = view.files && view.files->size() > 0;
    if (ImGui::MenuItem("Close all", nullptr, false, any)) act.close_all = true;
    tooltip("Forget every opened file. Nothing on disk is changed.");
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("View")) {
    if (ImGui::MenuItem("Dark theme", nullptr, view.theme == Theme::kDark)) act.set_theme = Theme::kDark;
    if (ImGui::MenuItem("Light theme", nullptr, view.theme == Theme::kLight)) act.set_theme = Theme::kLight;
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu("Help")) {
    if (ImGui::MenuItem("About EventLens")) open_about_ = true;
    ImGui::EndMenu();
  }
  ImGui::EndMainMenuBar();
}

// [SECTION] content: empty state, file list -----------------------------------
void MainWindow::draw_empty_state(const MainWindowView& view, MainWindowActions& act) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float line = ImGui::GetTextLineHeightWithSpacing();
  const float block_h = line * 7.0f;
  ImGui::SetCursorPosY(std::max(style.WindowPadding.y, (ImGui::GetWindowHeight() - block_h) * 0.45f));
  centered_text("Drop event files or a folder here, or open one", view.fonts ? view.fonts->heading : nullptr);
  ImGui::Dummy(ImVec2(0, line * 0.3f));
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  centered_text("EventLens shows TensorBoard logs (events.out.tfevents.*) right here in the page.");
  centered_text("Files are read on this computer; nothing is uploaded.");
  if (view.drop_hint) centered_text(view.drop_hint);
  ImGui::PopStyleColor();
  ImGui::Dummy(ImVec2(0, line * 0.6f));
  if (view.can_open_dialogs) {
    const char* a = "Open files...";
    const char* b = "Open folder...";
    float wa = ImGui::CalcTextSize(a).x + style.FramePadding.x * 4;
    float wb = ImGui::CalcTextSize(b).x + style.FramePadding.x * 4;
    ImGui::SetCursorPosX((ImGui::GetWindowWidth() - wa - wb - style.ItemSpacing.x) * 0.5f);
    if (ImGui::Button(a, ImVec2(wa, 0))) act.open_files = true;
    tooltip("Pick one or more event files.");
    ImGui::SameLine();
    if (ImGui::Button(b, ImVec2(wb, 0))) act.open_folder = true;
    tooltip("Pick a log directory; its sub-folders with event files become runs.");
  }
}

void MainWindow::draw_file_list(const MainWindowView& view) {
  const store::FileTable& files = *view.files;
  if (view.fonts && view.fonts->heading) ImGui::PushFont(view.fonts->heading);
  ImGui::Text("Files (%zu)", files.size());
  if (view.fonts && view.fonts->heading) ImGui::PopFont();
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable |
                                ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("files", 5, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Path", ImGuiTableColumnFlags_WidthStretch, 4.0f);
  ImGui::TableSetupColumn("Size", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("Read", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("Records", ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn("Status", ImGuiTableColumnFlags_WidthStretch, 3.0f);
  ImGui::TableHeadersRow();
  ImGuiListClipper clipper;  // rows off-screen cost nothing
  clipper.Begin(static_cast<int>(files.size()));
  while (clipper.Step()) {
    for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
      const store::FileStatus& f = files.status(static_cast<store::FileId>(i));
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (view.fonts && view.fonts->mono) ImGui::PushFont(view.fonts->mono);
      ImGui::TextUnformatted(f.path.c_str());
      if (view.fonts && view.fonts->mono) ImGui::PopFont();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(format_bytes(f.size).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(format_bytes(f.bytes_read).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(format_count(f.records).c_str());
      ImGui::TableNextColumn();
      if (!f.problems.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.93f, 0.45f, 0.35f, 1.0f));
        ImGui::TextUnformatted(f.problems.front().message.c_str());
        ImGui::PopStyleColor();
        if (f.problems.size() > 1 && ImGui::IsItemHovered()) {
          ImGui::BeginTooltip();
          for (const auto& p : f.problems) ImGui::TextUnformatted(p.message.c_str());
          ImGui::EndTooltip();
        }
      } else if (f.finished) {
        ImGui::TextDisabled("read");
      } else {
        ImGui::TextDisabled("reading...");
      }
    }
  }
  ImGui::EndTable();
}

// [SECTION] status bar --------------------------------------------------------
void MainWindow::draw_status_bar(const MainWindowView& view, MainWindowActions& act) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  const float h = status_bar_height();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x, vp->WorkPos.y + vp->WorkSize.y - h));
  ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, h));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(10, 3));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::GetStyleColorVec4(ImGuiCol_MenuBarBg));
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                 ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("##status", nullptr, flags);
  ImGui::AlignTextToFramePadding();
  const LoadingView& ld = view.loading;
  const std::size_t nfiles = view.files ? view.files->size() : 0;
  if (ld.active) {
    float frac =
        ld.bytes_total ? static_cast<float>(static_cast<double>(ld.bytes_done) / ld.bytes_total) : 0.0f;
    char overlay[96];
    std::snprintf(overlay, sizeof overlay, "%s of %s", format_bytes(ld.bytes_done).c_str(),
                  format_bytes(ld.bytes_total).c_str());
    ImGui::SetNextItemWidth(220);
    ImGui::ProgressBar(frac, ImVec2(220, 0), overlay);
    ImGui::SameLine();
    ImGui::Text("Loading file %u of %u: %s", std::min(ld.files_done + 1, ld.files_total), ld.files_total,
                ld.current_file.c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Cancel")) act.cancel_loading = true;
    tooltip("Stop reading; what has arrived so far stays open.");
  } else if (nfiles == 0) {
    ImGui::TextDisabled("Ready. No files open.");
  } else {
    std::uint64_t records = 0, problems = 0;
    for (std::size_t i = 0; i < nfiles; ++i) {
      const auto& f = view.files->status(static_cast<store::FileId>(i));
      records += f.records;
      problems += f.problems.size();
    }
    ImGui::Text("%zu file%s, %s read, %s records", nfiles, nfiles == 1 ? "" : "s",
                format_bytes(view.files->total_bytes_read()).c_str(), format_count(records).c_str());
    if (problems) {
      ImGui::SameLine();
      ImGui::TextColored(ImVec4(0.93f, 0.45f, 0.35f, 1.0f), "  %llu problem%s",
                         static_cast<unsigned long long>(problems), problems == 1 ? "" : "s");
    }
  }
  char version[32];
  std::snprintf(version, sizeof version, "%s %s", kProductName, EL_VERSION);
  ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::CalcTextSize(version).x - 12);
  ImGui::TextDisabled("%s", version);
  ImGui::End();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(2);
}

// [SECTION] about box ---------------------------------------------------------
void MainWindow::draw_about(const MainWindowView& view) {
  if (open_about_) {
    ImGui::OpenPopup("About EventLens");
    open_about_ = false;
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  if (!ImGui::BeginPopupModal("About EventLens", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
  if (view.fonts && view.fonts->heading) ImGui::PushFont(view.fonts->heading);
  ImGui::Text("%s %s", kProductName, EL_VERSION);
  if (view.fonts && view.fonts->heading) ImGui::PopFont();
  ImGui::TextUnformatted("A viewer for TensorBoard event files that runs in your browser,");
  ImGui::TextUnformatted("with no server: files are read locally and never uploaded.");
  ImGui::Spacing();
  ImGui::TextDisabled("Built with Dear ImGui %s, SDL2, protobuf-lite and zlib.", IMGUI_VERSION);
  ImGui::Spacing();
  if (ImGui::Button("Close", ImVec2(120, 0)) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
    ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

// [SECTION] frame -------------------------------------------------------------
MainWindowActions MainWindow::draw(const MainWindowView& view) {
  MainWindowActions act;
  draw_menu_bar(view, act);
  const ImGuiViewport* vp = ImGui::GetMainViewport();  // WorkPos/WorkSize exclude the menu bar
  ImGui::SetNextWindowPos(vp->WorkPos);
  ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x, vp->WorkSize.y - status_bar_height()));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
  ImGui::Begin("##content", nullptr, flags);
  ImGui::PopStyleVar();
  if (!view.files || view.files->size() == 0) {
    draw_empty_state(view, act);
  } else {
    draw_file_list(view);
  }
  ImGui::End();
  draw_status_bar(view, act);
  draw_about(view);
  return act;
}

}  // namespace el::ui
