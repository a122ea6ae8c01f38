// ui/palette: run colours are a pure function of the name.
#include "ui/palette.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>

namespace el::ui {
namespace {

TEST(Palette, SameNameSameColourEverywhere) {
  // FNV-1a("train") mod 24 picks one fixed entry; what matters
  // is stability: the same value on every call and every machine, from the
  // name alone.
  EXPECT_EQ(run_color("train"), run_color(std::string("train")));
  EXPECT_EQ(run_color("a/b/c"), run_color("a/b/c"));
  // FNV-1a 32 of "" is 2166136261 = 0x811c9dc5; 2166136261 % 24 = 13.
  EXPECT_EQ(run_color(""), palette_color(13));
  // "a": (2166136261 ^ 97) * 16777619 mod 2^32 = 0xe40c292c = 3826002220; % 24 = 4.
  EXPECT_EQ(run_color("a"), palette_color(4));
  std::set<std::uint32_t> used;
  for (int i = 0; i < 200; ++i) used.insert(run_color("run_" + std::to_string(i)));
  EXPECT_EQ(used.size(), static_cast<std::size_t>(kPaletteSize)) << "names spread over the whole palette";
}

// Relative luminance (WCAG) of 0xRRGGBB.
double luminance(std::uint32_t rgb) {
  auto lin = [](std::uint32_t c) {
    const double v = c / 255.0;
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
  };
  return 0.2126 * lin((rgb >> 16) & 255) + 0.7152 * lin((rgb >> 8) & 255) + 0.0722 * lin(rgb & 255);
}

TEST(Palette, AtLeastTwentyDistinctColoursThatReadOnBothThemes) {
  ASSERT_GE(kPaletteSize, 20);
  std::set<std::uint32_t> distinct;
  const double dark_bg = luminance(0x1e1f22), light_bg = luminance(0xfafafa);
  for (int i = 0; i < kPaletteSize; ++i) {
    const double y = luminance(palette_color(i));
    distinct.insert(palette_color(i));
    // A line must stand out from either background: WCAG contrast of at least 2.5 on dark, 1.7 on light.
    EXPECT_GE((y + 0.05) / (dark_bg + 0.05), 2.5) << i;
    EXPECT_GE((light_bg + 0.05) / (y + 0.05), 1.7) << i;
  }
  EXPECT_EQ(distinct.size(), static_cast<std::size_t>(kPaletteSize));
}

}  // namespace
}  // namespace el::ui
