#include "aggregate/decimate.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace el::aggregate {
namespace {

constexpr std::uint32_t kNone = ~0u;

// Running min/max of one pixel column.
struct Column {
  double min = std::numeric_limits<double>::infinity(), max = -std::numeric_limits<double>::infinity();
  std::uint32_t argmin = kNone, argmax = kNone;
  void add(double y, std::uint32_t i) {
    if (y < min) min = y, argmin = i;
    if (y > max) max = y, argmax = i;
  }
  void add(const MinMaxPyramid::Block& b) {
    if (b.argmin == kNone) return;
    if (b.min < min) min = b.min, argmin = b.argmin;
    if (b.max > max) max = b.max, argmax = b.argmax;
  }
};

}  // namespace

void MinMaxPyramid::build(std::span<const double> ys) {
  n_ = ys.size();
  levels_.clear();
  std::vector<Block> level;
  level.reserve(n_ / kFanout + 1);
  for (std::size_t b = 0; b < n_; b += kFanout) {
    Block blk{std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(), kNone,
              kNone};
    for (std::size_t i = b; i < std::min(n_, b + kFanout); ++i) {
      const double y = ys[i];
      if (!std::isfinite(y)) continue;
      if (y < blk.min) blk.min = y, blk.argmin = static_cast<std::uint32_t>(i);
      if (y > blk.max) blk.max = y, blk.argmax = static_cast<std::uint32_t>(i);
    }
    level.push_back(blk);
  }
  while (level.size() > 1) {
    levels_.push_back(level);
    std::vector<Block> up;
    up.reserve(level.size() / kFanout + 1);
    for (std::size_t b = 0; b < level.size(); b += kFanout) {
      Block blk{std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(), kNone,
                kNone};
      for (std::size_t i = b; i < std::min(level.size(), b + kFanout); ++i) {
        const Block& c = level[i];
        if (c.argmin == kNone) continue;
        if (c.min < blk.min) blk.min = c.min, blk.argmin = c.argmin;
        if (c.max > blk.max) blk.max = c.max, blk.argmax = c.argmax;
      }
      up.push_back(blk);
    }
    level = std::move(up);
  }
  levels_.push_back(std::move(level));
}

void decimate_min_max(std::span<const double> xs, std::span<const double> ys, double x0, double x1,
                      int columns, std::vector<Point>& out, const MinMaxPyramid* pyramid) {
  out.clear();
  const std::size_t n = std::min(xs.size(), ys.size());
  if (n == 0 || columns <= 0 || !(x1 > x0)) return;
  // [lo, hi): the points inside [x0, x1].
  const std::size_t lo =
      static_cast<std::size_t>(std::lower_bound(xs.begin(), xs.begin() + n, x0) - xs.begin());
  const std::size_t hi =
      static_cast<std::size_t>(std::upper_bound(xs.begin(), xs.begin() + n, x1) - xs.begin());
  // The nearest finite point outside on each side keeps lines running to the edges.
  for (std::size_t i = lo; i-- > 0;)
    if (std::isfinite(ys[i])) {
      out.push_back({xs[i], ys[i]});
      break;
    }
  const double scale = columns / (x1 - x0);
  auto column_of = [&](std::size_t i) {
    return std::clamp(static_cast<int>((xs[i] - x0) * scale), 0, columns - 1);
  };
  auto emit = [&](const Column& c) {
    if (c.argmin == kNone) return;
    const std::uint32_t a = std::min(c.argmin, c.argmax), b = std::max(c.argmin, c.argmax);
    out.push_back({xs[a], ys[a]});
    if (b != a) out.push_back({xs[b], ys[b]});
  };

  // Choose the coarsest pyramid level whose blocks are still several per
  // column on average; columns then merge whole blocks.
  int level = -1;
  std::size_t block = 1;
  if (pyramid && pyramid->size() == n) {
    const std::size_t want = (hi - lo) / (4 * static_cast<std::size_t>(columns));
    std::size_t b = MinMaxPyramid::kFanout;
    for (int l = 0; l < static_cast<int>(pyramid->levels().size()) && b <= want;
         ++l, b *= MinMaxPyramid::kFanout) {
      level = l;
      block = b;
    }
  }
  Column col;
  int cur = -1;
  std::size_t i = lo;
  while (i < hi) {
    const bool whole_block = level >= 0 && i % block == 0 && i + block <= hi;
    const int c = column_of(i);
    if (c != cur) {
      emit(col);
      col = Column{};
      cur = c;
    }
    if (whole_block) {
      col.add(pyramid->levels()[static_cast<std::size_t>(level)][i / block]);
      i += block;
    } else {
      if (std::isfinite(ys[i])) col.add(ys[i], static_cast<std::uint32_t>(i));
      ++i;
    }
  }
  emit(col);
  // A block is filed under the column of its first point, so its extremes can
  // sit a little right of that column: restore x order. The output is nearly
  // sorted, so an insertion sort is linear here (and allocates nothing).
  for (std::size_t i = 1; i < out.size(); ++i) {
    const Point p = out[i];
    std::size_t j = i;
    while (j > 0 && out[j - 1].x > p.x) {
      out[j] = out[j - 1];
      --j;
    }
    out[j] = p;
  }
  for (std::size_t k = hi; k < n; ++k)
    if (std::isfinite(ys[k])) {
      out.push_back({xs[k], ys[k]});
      break;
    }
}

}  // namespace el::aggregate
