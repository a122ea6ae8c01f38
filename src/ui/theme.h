// Colours and metrics of the dark and light themes.
#pragma once
#include <cstdint>

struct ImFont;

namespace el::ui {

enum class Theme : std::uint8_t { kDark, kLight };

// Applies the theme to ImGui's current style.
void apply_theme(Theme theme);

// Fonts the UI draws with; created by the app shell at the display's scale.
struct Fonts {
  ImFont* body = nullptr;     // Inter, UI text
  ImFont* heading = nullptr;  // Inter SemiBold, larger: titles and the empty state
  ImFont* bold = nullptr;     // Inter SemiBold at body size: strong text, table headers
  ImFont* mono = nullptr;     // JetBrains Mono: numbers, paths, code
};

}  // namespace el::ui
