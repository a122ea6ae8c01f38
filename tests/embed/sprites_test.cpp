// embed/sprites: the corpus sheets' grids (their sizes read from the PNG
// headers here), the square-grid guess, and a sheet too small.
#include "embed/sprites.h"

#include <gtest/gtest.h>

#include "support/test_files.h"

namespace el::embed {
namespace {

// Width and height from a PNG's IHDR (bytes 16..23, big-endian).
std::pair<std::uint32_t, std::uint32_t> png_size(const std::string& rel) {
  const auto b = testing::read_file(testing::corpus_dir() + "/" + rel);
  EXPECT_GE(b.size(), 24u);
  auto be32 = [&](std::size_t at) {
    return static_cast<std::uint32_t>(b[at] << 24 | b[at + 1] << 16 | b[at + 2] << 8 | b[at + 3]);
  };
  return {be32(16), be32(20)};
}

TEST(Sprites, TheCorpusSheets) {
  // PyTorch: 500 points in 128 x 128 tiles on a 23 x 23 grid (2944 = 23 x 128).
  auto [w, h] = png_size("projector/pytorch-sprite/00000/default/sprite.png");
  SpriteGrid g;
  std::string error;
  SpriteInfo info{"", 128, 128};
  ASSERT_TRUE(sprite_grid(w, h, 500, info, g, error)) << error;
  EXPECT_EQ(g.columns, 23u);
  EXPECT_EQ(g.x(499), 16u * 128) << "499 = 21 x 23 + 16";
  EXPECT_EQ(g.y(499), 21u * 128);
  // tensorboardX: 256 points of 28 x 28 on 16 x 16; the same grid guessed without the tile size.
  std::tie(w, h) = png_size("projector/tensorboardx-appended/00001/default/sprite.png");
  ASSERT_TRUE(sprite_grid(w, h, 256, SpriteInfo{"", 28, 28}, g, error)) << error;
  EXPECT_EQ(g.columns, 16u);
  SpriteGrid guessed;
  ASSERT_TRUE(sprite_grid(w, h, 256, SpriteInfo{}, guessed, error)) << error;
  EXPECT_EQ(guessed.tile_width, 28u);
  EXPECT_EQ(guessed.columns, 16u);
}

TEST(Sprites, ASheetTooSmallIsSaid) {
  SpriteGrid g;
  std::string error;
  EXPECT_FALSE(sprite_grid(448, 448, 300, SpriteInfo{"", 28, 28}, g, error));
  EXPECT_EQ(error, "the sprite sheet holds 256 tiles of 28 x 28 for 300 points");
  EXPECT_FALSE(sprite_grid(10, 10, 500, SpriteInfo{}, g, error));
  EXPECT_EQ(error, "a 10 x 10 sprite sheet is too small for 500 points");
  ASSERT_TRUE(sprite_grid(90, 60, 5, SpriteInfo{}, g, error)) << "a 3 x 3 guess on a 90 x 60 sheet";
  EXPECT_EQ(g.tile_width, 30u);
  EXPECT_EQ(g.tile_height, 20u);
}

}  // namespace
}  // namespace el::embed
