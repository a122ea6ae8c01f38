// Small widgets shared by the panels.
#pragma once
#include <string>
#include <vector>

#include "ui/theme.h"
#include "ui/ui_context.h"

namespace el::ui {

// A tooltip on the last item, shown on hover.
void tooltip(const char* text);
// A bold section title with a little space above.
void section_heading(const Fonts* fonts, const char* text);
// A text input editing a std::string (ImGui's return value: changed, or
// Enter pressed with ImGuiInputTextFlags_EnterReturnsTrue).
bool input_string(const char* id, const char* hint, std::string& text, ImGuiInputTextFlags flags = 0);
// A menu item with a tooltip, whose place is noted for the test hook (tests
// click menu items by label): ImGui::MenuItem's result.
bool menu_item(const char* label, const char* tip = nullptr, bool selected = false, bool enabled = true);
struct MenuRow {
  std::string label;
  float x, y;  // the item's top-left, screen pixels
};
// The menu items drawn in the latest frame that drew any (state()'s lastMenu).
const std::vector<MenuRow>& last_menu_rows();
// A full-width text input for a regular expression, tinted red while invalid.
// Returns true when the text changed.
bool regex_input(const char* id, const char* hint, std::string& text, RegexFilter& filter);
// Sliders whose value text sits on the side away from the grab, so the grab
// never covers it. `format` as for ImGui::SliderFloat/SliderInt.
bool slider_float(const char* id, float* v, float lo, float hi, const char* format,
                  ImGuiSliderFlags flags = 0);
bool slider_int(const char* id, int* v, int lo, int hi, const char* format, ImGuiSliderFlags flags = 0);

// `text` elided in the middle to fit `max_width` pixels in the current font.
std::string fit_middle(std::string_view text, float max_width);
// A run's label fitted to `max_width` (see UiContext::run_label).
std::string fit_run_label(const UiContext& ctx, const std::string& run, float max_width);

}  // namespace el::ui
