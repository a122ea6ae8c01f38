#include "ui/theme.h"

#include "imgui.h"

namespace el::ui {
namespace {

ImVec4 rgb(std::uint32_t hex, float a = 1.0f) {
  return ImVec4(((hex >> 16) & 0xff) / 255.0f, ((hex >> 8) & 0xff) / 255.0f, (hex & 0xff) / 255.0f, a);
}

// Metrics shared by both themes: roomy padding, soft corners.
void apply_metrics(ImGuiStyle& s) {
  s.WindowPadding = ImVec2(12, 10);
  s.FramePadding = ImVec2(8, 5);
  s.ItemSpacing = ImVec2(8, 7);
  s.ItemInnerSpacing = ImVec2(6, 5);
  s.CellPadding = ImVec2(8, 4);
  s.ScrollbarSize = 12;
  s.GrabMinSize = 10;
  s.WindowBorderSize = 0;
  s.ChildBorderSize = 1;
  s.PopupBorderSize = 1;
  s.FrameBorderSize = 0;
  s.WindowRounding = 6;
  s.ChildRounding = 6;
  s.FrameRounding = 4;
  s.PopupRounding = 6;
  s.ScrollbarRounding = 6;
  s.GrabRounding = 4;
  s.TabRounding = 4;
}

}  // namespace

void apply_theme(Theme theme) {
  ImGuiStyle& s = ImGui::GetStyle();
  ImVec4* c = s.Colors;
  if (theme == Theme::kDark) {
    ImGui::StyleColorsDark(&s);
    const ImVec4 accent = rgb(0x4c9aff);
    c[ImGuiCol_Text] = rgb(0xe6e8eb);
    c[ImGuiCol_TextDisabled] = rgb(0x8b929c);
    c[ImGuiCol_WindowBg] = rgb(0x17191d);
    c[ImGuiCol_ChildBg] = rgb(0x1c1f24);
    c[ImGuiCol_PopupBg] = rgb(0x22262c);
    c[ImGuiCol_Border] = rgb(0x2e333b);
    c[ImGuiCol_FrameBg] = rgb(0x262a31);
    c[ImGuiCol_FrameBgHovered] = rgb(0x2f343c);
    c[ImGuiCol_FrameBgActive] = rgb(0x363c45);
    c[ImGuiCol_MenuBarBg] = rgb(0x1f2227);
    c[ImGuiCol_TitleBg] = rgb(0x1f2227);
    c[ImGuiCol_TitleBgActive] = rgb(0x262a31);
    c[ImGuiCol_Button] = rgb(0x2b3038);
    c[ImGuiCol_ButtonHovered] = rgb(0x353b45);
    c[ImGuiCol_ButtonActive] = rgb(0x3f4652);
    c[ImGuiCol_Header] = rgb(0x2b3038);
    c[ImGuiCol_HeaderHovered] = rgb(0x353b45);
    c[ImGuiCol_HeaderActive] = rgb(0x3f4652);
    c[ImGuiCol_CheckMark] = accent;
    c[ImGuiCol_SliderGrab] = accent;
    c[ImGuiCol_SliderGrabActive] = rgb(0x6aaeff);
    c[ImGuiCol_Separator] = rgb(0x2e333b);
    c[ImGuiCol_TableHeaderBg] = rgb(0x22262c);
    c[ImGuiCol_TableBorderStrong] = rgb(0x2e333b);
    c[ImGuiCol_TableBorderLight] = rgb(0x262a31);
    c[ImGuiCol_TableRowBgAlt] = rgb(0xffffff, 0.025f);
    c[ImGuiCol_PlotHistogram] = accent;
    c[ImGuiCol_TextSelectedBg] = rgb(0x4c9aff, 0.35f);
    c[ImGuiCol_NavHighlight] = accent;
  } else {
    ImGui::StyleColorsLight(&s);
    const ImVec4 accent = rgb(0x1a6fdf);
    c[ImGuiCol_Text] = rgb(0x1d2127);
    c[ImGuiCol_TextDisabled] = rgb(0x6b7380);
    c[ImGuiCol_WindowBg] = rgb(0xf7f8fa);
    c[ImGuiCol_ChildBg] = rgb(0xffffff);
    c[ImGuiCol_PopupBg] = rgb(0xffffff);
    c[ImGuiCol_Border] = rgb(0xd9dde3);
    c[ImGuiCol_FrameBg] = rgb(0xeceef2);
    c[ImGuiCol_FrameBgHovered] = rgb(0xe2e5ea);
    c[ImGuiCol_FrameBgActive] = rgb(0xd8dce2);
    c[ImGuiCol_MenuBarBg] = rgb(0xffffff);
    c[ImGuiCol_TitleBg] = rgb(0xffffff);
    c[ImGuiCol_TitleBgActive] = rgb(0xeceef2);
    c[ImGuiCol_Button] = rgb(0xe6e9ee);
    c[ImGuiCol_ButtonHovered] = rgb(0xd9dde4);
    c[ImGuiCol_ButtonActive] = rgb(0xccd1d9);
    c[ImGuiCol_Header] = rgb(0xe6e9ee);
    c[ImGuiCol_HeaderHovered] = rgb(0xd9dde4);
    c[ImGuiCol_HeaderActive] = rgb(0xccd1d9);
    c[ImGuiCol_CheckMark] = accent;
    c[ImGuiCol_SliderGrab] = accent;
    c[ImGuiCol_SliderGrabActive] = rgb(0x0f5cc4);
    c[ImGuiCol_Separator] = rgb(0xd9dde3);
    c[ImGuiCol_TableHeaderBg] = rgb(0xeef0f3);
    c[ImGuiCol_TableBorderStrong] = rgb(0xd9dde3);
    c[ImGuiCol_TableBorderLight] = rgb(0xe6e9ee);
    c[ImGuiCol_TableRowBgAlt] = rgb(0x000000, 0.025f);
    c[ImGuiCol_PlotHistogram] = accent;
    c[ImGuiCol_TextSelectedBg] = rgb(0x1a6fdf, 0.25f);
    c[ImGuiCol_NavHighlight] = accent;
  }
  apply_metrics(s);
}

}  // namespace el::ui
