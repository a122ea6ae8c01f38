// Help > Keyboard and mouse: every shortcut and gesture, by dashboard, in a
// window the user can keep open beside the charts.
#pragma once
#include "ui/theme.h"

namespace el::ui {

// Draws the window while `open`; the window's close button clears it.
void draw_keyboard_and_mouse_help(bool& open, const Fonts* fonts);

}  // namespace el::ui
