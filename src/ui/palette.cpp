#include "ui/palette.h"

namespace el::ui {
namespace {

// Mid-luminance, well separated hues (after Paul Tol's "bright" and "vibrant"
// schemes): each keeps enough contrast on #1e1f22 and on #fafafa.
constexpr std::uint32_t kPalette[kPaletteSize] = {
    0x4477aa, 0xee6677, 0x228833, 0xccbb44, 0x66ccee, 0xaa3377,
    0xee7733, 0x0077bb, 0x33bbee, 0xee3377, 0x009988, 0x9a6fd6,
};

}  // namespace

std::uint32_t palette_color(int index) {
  return kPalette[((index % kPaletteSize) + kPaletteSize) % kPaletteSize];
}

std::uint32_t run_color(std::string_view name) {
  std::uint32_t h = 2166136261u;  // FNV-1a: stable everywhere, unlike std::hash
  for (char c : name) {
    h ^= static_cast<std::uint8_t>(c);
    h *= 16777619u;
  }
  return kPalette[h % kPaletteSize];
}

}  // namespace el::ui
