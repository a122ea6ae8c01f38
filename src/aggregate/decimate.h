// Level of detail for line charts: per pixel column, the first, lowest,
// highest and last point that falls in it, in x order. A chart then draws
// O(width) segments whatever the series length, and no spike is lost.
//
// MinMaxPyramid precomputes min/max over blocks of 8, 64, 512... points, so a
// 1,000,000-point series zoomed out is decimated by visiting blocks, not
// points (O(width) per frame, not O(n)).
#pragma once
#include <cstdint>
#include <span>
#include <vector>

namespace el::aggregate {

struct Point {
  double x, y;
};

class MinMaxPyramid {
 public:
  // ys must stay alive and unchanged while the pyramid is used.
  void build(std::span<const double> ys);
  std::size_t size() const { return n_; }

  struct Block {
    double min, max;
    std::uint32_t argmin, argmax;  // index into ys; ~0u when the block has no finite value
  };
  static constexpr std::size_t kFanout = 8;
  // levels()[l] holds blocks of kFanout^(l+1) points.
  const std::vector<std::vector<Block>>& levels() const { return levels_; }

 private:
  std::size_t n_ = 0;
  std::vector<std::vector<Block>> levels_;
};

// Decimates points (xs[i], ys[i]), xs non-decreasing, to what a chart of
// `columns` pixel columns showing [x0, x1] needs: for each column at most two
// points (its lowest and highest, in x order), plus the nearest point outside
// the range on each side so lines run to the edges. Output size is at most
// 2 * columns + 2. Non-finite ys are skipped (charts mark them separately).
// `pyramid` (optional) must have been built from the same ys.
void decimate_min_max(std::span<const double> xs, std::span<const double> ys, double x0, double x1,
                      int columns, std::vector<Point>& out, const MinMaxPyramid* pyramid = nullptr);

}  // namespace el::aggregate
