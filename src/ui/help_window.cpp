#include "ui/help_window.h"

#include <algorithm>

#include "imgui.h"

namespace el::ui {
namespace {

struct Gesture {
  const char* keys;  // what to press or do
  const char* does;  // what happens
};

struct Section {
  const char* title;
  const Gesture* gestures;
  int count;
};

constexpr Gesture kEverywhere[] = {
    {"Drop files or a folder",
     "Open them (added to what is open). Files are read here; nothing is uploaded."},
    {"Wheel", "Scroll the page of cards."},
    {"Ctrl+wheel (Cmd+wheel)", "Zoom the chart or image under the mouse, about the mouse."},
    {"Click, then wheel", "Zoom the chart or image clicked, until the mouse leaves it."},
    {"Escape", "Leave a text field; close a dialog."},
    {"Drag the sidebar's edge", "Widen or narrow the sidebar (remembered). Double-click: the default width."},
    {"Hover a name", "The full run or tag name, when it is shortened."},
};

constexpr Gesture kCharts[] = {
    {"Hover", "Every run's value at the nearest step (order: Tooltip order in the sidebar)."},
    {"Drag", "Zoom to the box drawn."},
    {"Right-drag, Shift+drag", "Pan."},
    {"Double-click", "Fit to the data again."},
    {"\"zoomed \xc2\xb7 reset\" badge", "Fit to the data again."},
    {"\"...\" button", "Full width, fit, download CSV or JSON, save as PNG."},
};

constexpr Gesture kHistograms[] = {
    {"Drag across the step strip", "Show only the steps brushed."},
    {"Double-click the strip", "Show every step again."},
};

constexpr Gesture kSteps[] = {
    {"Left, Right", "The previous or next step of the card under the mouse (or clicked last)."},
    {"Home, End", "The first or the newest step (End follows new data)."},
    {"Drag the slider", "Any recorded step; every card (and the link) follows."},
    {"Images: hover", "The pixel's position and RGBA value."},
    {"Images: drag", "Pan a zoomed image; double-click fits it again."},
};

constexpr Gesture kGraphs[] = {
    {"Wheel", "Zoom the graph about the mouse."},
    {"Drag, right-drag", "Pan."},
    {"Click a node", "Select it: its details in the side panel."},
    {"Double-click a group", "Expand or collapse it."},
    {"Click the minimap", "Centre the view there."},
};

constexpr Gesture kProjector[] = {
    {"Drag", "Orbit (3-D) or pan (2-D); Ctrl+drag pans in 3-D."},
    {"Right-drag", "Pan."},
    {"Wheel", "Zoom."},
    {"Click a point", "Select it and its nearest neighbours."},
    {"Shift+drag", "Select the points in a box; Ctrl+Shift+drag adds to the selection."},
    {"Escape", "Clear the selection."},
};

constexpr Gesture kHparams[] = {
    {"Drag along an axis", "Keep only the sessions in that range (parallel coordinates)."},
    {"Click a line or row", "Select that session; double-click a row to see its scalars."},
};

constexpr Section kSections[] = {
    {"Everywhere", kEverywhere, IM_ARRAYSIZE(kEverywhere)},
    {"Charts (Scalars, Custom scalars, Distributions, Histograms, PR curves)", kCharts,
     IM_ARRAYSIZE(kCharts)},
    {"Histograms", kHistograms, IM_ARRAYSIZE(kHistograms)},
    {"Images, Audio and Text cards", kSteps, IM_ARRAYSIZE(kSteps)},
    {"Graphs", kGraphs, IM_ARRAYSIZE(kGraphs)},
    {"Projector", kProjector, IM_ARRAYSIZE(kProjector)},
    {"HParams", kHparams, IM_ARRAYSIZE(kHparams)},
};

}  // namespace

void draw_keyboard_and_mouse_help(bool& open, const Fonts* fonts) {
  if (!open) return;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(
      ImVec2(std::min(760.0f, vp->WorkSize.x - 40), std::min(620.0f, vp->WorkSize.y - 40)),
      ImGuiCond_Appearing);
  if (!ImGui::Begin("Keyboard and mouse", &open,
                    ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse)) {
    ImGui::End();
    return;
  }
  for (const Section& s : kSections) {
    if (fonts && fonts->bold) ImGui::PushFont(fonts->bold);
    ImGui::TextUnformatted(s.title);
    if (fonts && fonts->bold) ImGui::PopFont();
    if (ImGui::BeginTable(s.title, 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
      ImGui::TableSetupColumn("keys", ImGuiTableColumnFlags_WidthStretch, 1.0f);
      ImGui::TableSetupColumn("does", ImGuiTableColumnFlags_WidthStretch, 2.4f);
      for (int i = 0; i < s.count; ++i) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        if (fonts && fonts->mono) ImGui::PushFont(fonts->mono);
        ImGui::TextWrapped("%s", s.gestures[i].keys);
        if (fonts && fonts->mono) ImGui::PopFont();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", s.gestures[i].does);
      }
      ImGui::EndTable();
    }
    ImGui::Spacing();
  }
  if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows) &&
      ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))
    open = false;
  ImGui::End();
}

}  // namespace el::ui
