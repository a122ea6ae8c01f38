#include "ui/palette.h"

namespace el::ui {
namespace {

// Twelve well separated hues at mid luminance (in the spirit of the Tableau
// and Paul Tol schemes), each with enough contrast on #1e1f22 and on #fafafa.
constexpr std::uint32_t kPalette[kPaletteSize] = {
    0x5b8ff9, 0xf28e2b, 0xe15759, 0x3fb1a5, 0x59a14f, 0xe5b92e,
    0xb07aa1, 0xff7eb6, 0x9c755f, 0x8c6bd8, 0x33a7d8, 0xa0a33a,
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
