// Run colours. A run's colour comes from a hash of its name, so the same run
// has the same colour across reloads, machines and shared links; the palette
// is chosen to read on both the dark and the light theme. Plain C++ (no
// ImGui), so it is unit-tested with the engine.
#pragma once
#include <cstdint>
#include <string_view>

namespace el::ui {

// 0xRRGGBB.
std::uint32_t run_color(std::string_view run_name);
inline constexpr int kPaletteSize = 12;
std::uint32_t palette_color(int index);

}  // namespace el::ui
