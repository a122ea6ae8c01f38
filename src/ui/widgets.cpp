#include "ui/widgets.h"

#include "imgui.h"

namespace el::ui {

void tooltip(const char* text) {
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
}

void section_heading(const Fonts* fonts, const char* text) {
  ImGui::Dummy(ImVec2(0, 2));
  if (fonts && fonts->heading) ImGui::PushFont(fonts->heading);
  ImGui::TextUnformatted(text);
  if (fonts && fonts->heading) ImGui::PopFont();
}

namespace {
int resize_callback(ImGuiInputTextCallbackData* data) {
  if (data->EventFlag == ImGuiInputTextFlags_CallbackResize) {
    auto* s = static_cast<std::string*>(data->UserData);
    s->resize(static_cast<std::size_t>(data->BufTextLen));
    data->Buf = s->data();
  }
  return 0;
}
}  // namespace

bool input_string(const char* id, const char* hint, std::string& text, ImGuiInputTextFlags flags) {
  return ImGui::InputTextWithHint(id, hint, text.data(), text.capacity() + 1,
                                  flags | ImGuiInputTextFlags_CallbackResize, resize_callback, &text);
}

bool regex_input(const char* id, const char* hint, std::string& text, RegexFilter& filter) {
  const bool valid = filter.set(text);
  if (!valid) {
    ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0.75f, 0.2f, 0.2f, 0.45f));
    ImGui::PushStyleColor(ImGuiCol_Border, ImVec4(0.9f, 0.3f, 0.3f, 1.0f));
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.0f);
  }
  ImGui::SetNextItemWidth(-1);
  const bool changed = ImGui::InputTextWithHint(id, hint, text.data(), text.capacity() + 1,
                                                ImGuiInputTextFlags_CallbackResize, resize_callback, &text);
  if (!valid) {
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Not a valid regular expression; not applied.");
  }
  if (changed) filter.set(text);
  return changed;
}

}  // namespace el::ui

namespace el::ui {

std::string fit_middle(std::string_view text, float max_width) {
  return elide_middle(text, max_width, [](std::string_view s) {
    return ImGui::CalcTextSize(s.data(), s.data() + s.size()).x;
  });
}

std::string fit_run_label(const UiContext& ctx, const std::string& run, float max_width) {
  return fit_middle(ctx.run_label(run), max_width);
}

}  // namespace el::ui
