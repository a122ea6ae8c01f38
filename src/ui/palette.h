// The categorical palette: runs (see run_looks.h, which gives open runs
// distinct colours), the Projector's categories and the graph's structures.
// Chosen to read on both the dark and the light theme. Plain C++ (no ImGui),
// so it is unit-tested with the engine.
#pragma once
#include <cstdint>
#include <string_view>

namespace el::ui {

// 0xRRGGBB from a hash of the name: the same everywhere, but two names may
// share it. For names that are not an open run.
std::uint32_t run_color(std::string_view run_name);
inline constexpr int kPaletteSize = 24;
std::uint32_t palette_color(int index);
// `c` moved a fraction `k` (0..1) of the way toward `toward` (both 0xRRGGBB).
std::uint32_t mix_rgb(std::uint32_t c, std::uint32_t toward, float k);
// Related colours for the members of one family (the tags of one run on a
// chart, the runs of one group): member 0 is `base`; then alternately lighter
// and darker, further each time.
std::uint32_t family_color(std::uint32_t base, int member);

}  // namespace el::ui
