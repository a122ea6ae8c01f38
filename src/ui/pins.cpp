#include "ui/pins.h"

#include <algorithm>

#include "imgui_internal.h"  // BeginDragDropTargetCustom: a card is a drop target, not one item
#include "ui/widgets.h"

namespace el::ui {
namespace {

constexpr const char* kPayload = "EL_PIN";

}  // namespace

std::string pin_key(std::string_view kind, std::string_view card) {
  std::string key(kind);
  key += '\t';
  key += card;
  return key;
}

int pin_position(const Settings& s, const std::string& key) {
  auto it = std::find(s.pins.begin(), s.pins.end(), key);
  return it == s.pins.end() ? -1 : static_cast<int>(it - s.pins.begin());
}

bool is_pinned(const Settings& s, const std::string& key) { return pin_position(s, key) >= 0; }

void pin_menu_item(Settings& s, const std::string& key) {
  const bool pinned = is_pinned(s, key);
  if (menu_item(pinned ? "Unpin" : "Pin to the top",
                pinned ? "Put this card back in its section."
                       : "Show this card in the Pinned section at the top of this dashboard.\n"
                         "Pins are kept in this browser and in the link; drag a pinned card's\n"
                         "grip onto another pinned card to reorder them.")) {
    if (pinned)
      std::erase(s.pins, key);
    else
      s.pins.push_back(key);
  }
}

float pin_grip(const std::string& key, float height) {
  const float w = height * 0.7f;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImGui::InvisibleButton("##grip", ImVec2(w, height));
  const bool hot = ImGui::IsItemHovered() || ImGui::IsItemActive();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 col = ImGui::GetColorU32(hot ? ImGuiCol_Text : ImGuiCol_TextDisabled);
  for (int i = 0; i < 3; ++i) {
    const float y = at.y + height * (0.3f + 0.2f * static_cast<float>(i));
    dl->AddLine(ImVec2(at.x + w * 0.15f, y), ImVec2(at.x + w * 0.85f, y), col, 1.5f);
  }
  if (hot) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
  tooltip("Drag onto another pinned card to move this one there.");
  if (ImGui::BeginDragDropSource()) {
    ImGui::SetDragDropPayload(kPayload, key.data(), key.size());
    ImGui::TextUnformatted(key.substr(key.find('\t') + 1).c_str());
    ImGui::EndDragDropSource();
  }
  return w;
}

void pin_drop_target(Settings& s, const std::string& key, ImVec2 min, ImVec2 max) {
  const ImRect rect(min, max);
  if (!ImGui::BeginDragDropTargetCustom(rect, ImGui::GetID(key.c_str()))) return;
  if (const ImGuiPayload* p = ImGui::AcceptDragDropPayload(kPayload)) {
    const std::string moved(static_cast<const char*>(p->Data), static_cast<std::size_t>(p->DataSize));
    const int to = pin_position(s, key);
    if (moved != key && to >= 0 && is_pinned(s, moved)) {
      std::erase(s.pins, moved);
      s.pins.insert(s.pins.begin() + pin_position(s, key) + (pin_position(s, key) < to ? 1 : 0), moved);
    }
  }
  ImGui::EndDragDropTarget();
}

}  // namespace el::ui
