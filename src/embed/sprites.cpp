#include "embed/sprites.h"

#include <cmath>

namespace el::embed {

bool sprite_grid(std::uint32_t sheet_width, std::uint32_t sheet_height, std::size_t points,
                 const SpriteInfo& info, SpriteGrid& out, std::string& error) {
  out = {};
  if (points == 0 || sheet_width == 0 || sheet_height == 0) {
    error = "an empty sprite sheet";
    return false;
  }
  if (info.tile_width && info.tile_height) {
    out.tile_width = info.tile_width;
    out.tile_height = info.tile_height;
  } else {
    auto side = static_cast<std::uint32_t>(std::ceil(std::sqrt(static_cast<double>(points))));
    while (static_cast<std::uint64_t>(side) * side < points) ++side;  // sqrt's rounding
    out.tile_width = sheet_width / side;
    out.tile_height = sheet_height / side;
    if (!out.tile_width || !out.tile_height) {
      error = "a " + std::to_string(sheet_width) + " x " + std::to_string(sheet_height) +
              " sprite sheet is too small for " + std::to_string(points) + " points";
      return false;
    }
  }
  out.columns = sheet_width / out.tile_width;
  out.rows = sheet_height / out.tile_height;
  const std::uint64_t tiles = static_cast<std::uint64_t>(out.columns) * out.rows;
  if (tiles < points) {
    error = "the sprite sheet holds " + std::to_string(tiles) + " tiles of " +
            std::to_string(out.tile_width) + " x " + std::to_string(out.tile_height) + " for " +
            std::to_string(points) + " points";
    return false;
  }
  return true;
}

}  // namespace el::embed
