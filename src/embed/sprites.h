// Sprite sheets: one thumbnail per point, laid out row by row in tiles of
// single_image_dim (width, height), as PyTorch, tensorboardX and TensorFlow's
// projector write them. Without a tile size (a sheet no config names), the
// sheet is taken as the square grid those writers make: ceil(sqrt(points))
// tiles on a side.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "embed/projector_config.h"

namespace el::embed {

struct SpriteGrid {
  std::uint32_t tile_width = 0, tile_height = 0;
  std::uint32_t columns = 0, rows = 0;
  // Point i's tile: its top-left corner in the sheet, in pixels.
  std::uint32_t x(std::size_t i) const { return static_cast<std::uint32_t>(i % columns) * tile_width; }
  std::uint32_t y(std::size_t i) const { return static_cast<std::uint32_t>(i / columns) * tile_height; }
};

// The grid of a `sheet_width` x `sheet_height` sheet for `points` points.
// False with `error` when the sheet cannot hold a tile for every point.
[[nodiscard]] bool sprite_grid(std::uint32_t sheet_width, std::uint32_t sheet_height, std::size_t points,
                               const SpriteInfo& info, SpriteGrid& out, std::string& error);

}  // namespace el::embed
