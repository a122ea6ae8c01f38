#include "ui/widgets.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "imgui.h"

namespace el::ui {

void tooltip(const char* text) {
  if (!ImGui::IsItemHovered()) return;
  // Wrapped to stay inside the window (ImGui keeps a tooltip's corner on
  // screen, not its far edge).
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(std::min(560.0f, ImGui::GetMainViewport()->WorkSize.x - 40));
  ImGui::TextUnformatted(text);
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
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

namespace {
std::vector<MenuRow> g_menu_rows;
int g_menu_frame = -1;
}  // namespace

bool menu_item(const char* label, const char* tip, bool selected, bool enabled) {
  const bool clicked = ImGui::MenuItem(label, nullptr, selected, enabled);
  if (g_menu_frame != ImGui::GetFrameCount()) g_menu_rows.clear(), g_menu_frame = ImGui::GetFrameCount();
  const ImVec2 at = ImGui::GetItemRectMin();
  g_menu_rows.push_back({label, at.x, at.y});
  if (tip && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tip);
  return clicked;
}

const std::vector<MenuRow>& last_menu_rows() { return g_menu_rows; }

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

namespace el::ui {
namespace {

// The value text over the slider just drawn: at the left when the grab is in
// the right half (`t` > 0.5), else at the right.
void draw_slider_text(const char* text, float t) {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  const ImVec2 ts = ImGui::CalcTextSize(text);
  const float pad = ImGui::GetStyle().FramePadding.x + ImGui::GetStyle().GrabMinSize * 0.5f;
  const float x = t > 0.5f ? a.x + pad : b.x - pad - ts.x;
  ImGui::GetWindowDrawList()->AddText(ImVec2(std::max(a.x + 2, x), (a.y + b.y - ts.y) * 0.5f),
                                      ImGui::GetColorU32(ImGuiCol_Text), text);
}

float slider_fraction(double v, double lo, double hi, bool logarithmic) {
  if (!(hi > lo)) return 0;
  if (logarithmic && lo > 0) return static_cast<float>(std::log(v / lo) / std::log(hi / lo));
  return static_cast<float>((v - lo) / (hi - lo));
}

}  // namespace

bool slider_float(const char* id, float* v, float lo, float hi, const char* format, ImGuiSliderFlags flags) {
  const bool changed = ImGui::SliderFloat(id, v, lo, hi, "", flags);
  char text[64];
  std::snprintf(text, sizeof text, format, static_cast<double>(*v));
  draw_slider_text(text, slider_fraction(*v, lo, hi, flags & ImGuiSliderFlags_Logarithmic));
  return changed;
}

bool slider_int(const char* id, int* v, int lo, int hi, const char* format, ImGuiSliderFlags flags) {
  const bool changed = ImGui::SliderInt(id, v, lo, hi, "", flags);
  char text[64];
  std::snprintf(text, sizeof text, format, *v);
  draw_slider_text(text, slider_fraction(*v, lo, hi, flags & ImGuiSliderFlags_Logarithmic));
  return changed;
}

}  // namespace el::ui
