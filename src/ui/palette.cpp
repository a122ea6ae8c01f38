#include "ui/palette.h"

#include <algorithm>

namespace el::ui {
namespace {

// Twelve well separated hues at mid luminance (in the spirit of the Tableau
// and Paul Tol schemes), each with enough contrast on #1e1f22 and on #fafafa;
// then twelve more, each picked greedily as the colour farthest (in OKLab)
// from all before it, among colours of relative luminance 0.16-0.40 and
// moderate chroma (so neither theme's background swallows them).
constexpr std::uint32_t kPalette[kPaletteSize] = {
    0x5b8ff9, 0xf28e2b, 0xe15759, 0x3fb1a5, 0x59a14f, 0xe5b92e, 0xb07aa1, 0xff7eb6,
    0x9c755f, 0x8c6bd8, 0x33a7d8, 0xa0a33a, 0x207898, 0xc090f8, 0x008050, 0xb04898,
    0x787800, 0x4070d0, 0xd88880, 0xc05800, 0xc08000, 0x90a8e8, 0xd868b8, 0x00c078,
};

}  // namespace

std::uint32_t palette_color(int index) {
  return kPalette[((index % kPaletteSize) + kPaletteSize) % kPaletteSize];
}

std::uint32_t mix_rgb(std::uint32_t c, std::uint32_t toward, float k) {
  auto ch = [&](int shift) {
    const float a = static_cast<float>((c >> shift) & 0xff), b = static_cast<float>((toward >> shift) & 0xff);
    return static_cast<std::uint32_t>(a + (b - a) * k + 0.5f) << shift;
  };
  return ch(16) | ch(8) | ch(0);
}

std::uint32_t family_color(std::uint32_t base, int member) {
  if (member <= 0) return base;
  const int step = (member + 1) / 2;  // 1, 1, 2, 2, 3, ...
  const float k = std::min(0.75f, 0.3f * static_cast<float>(step));
  return member % 2 ? mix_rgb(base, 0xffffff, k) : mix_rgb(base, 0x000000, k * 0.8f);
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
