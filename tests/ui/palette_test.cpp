// ui/palette: run colours are a pure function of the name.
#include "ui/palette.h"

#include <gtest/gtest.h>

#include <set>

namespace el::ui {
namespace {

TEST(Palette, SameNameSameColourEverywhere) {
  // FNV-1a("train") = 0x8d6a4e4b... mod 12 picks one fixed entry; what matters
  // is stability: the same value on every call and every machine, from the
  // name alone.
  EXPECT_EQ(run_color("train"), run_color(std::string("train")));
  EXPECT_EQ(run_color("a/b/c"), run_color("a/b/c"));
  // FNV-1a 32 of "" is 2166136261 = 0x811c9dc5; 2166136261 % 12 = 1.
  EXPECT_EQ(run_color(""), palette_color(1));
  // "a": (2166136261 ^ 97) * 16777619 mod 2^32 = 0xe40c292c = 3826002220; % 12 = 4.
  EXPECT_EQ(run_color("a"), palette_color(4));
  std::set<std::uint32_t> used;
  for (int i = 0; i < 200; ++i) used.insert(run_color("run_" + std::to_string(i)));
  EXPECT_EQ(used.size(), static_cast<std::size_t>(kPaletteSize)) << "names spread over the whole palette";
}

}  // namespace
}  // namespace el::ui
