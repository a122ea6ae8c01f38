// Scalar lines plotted against another scalar tag (XAxis::kTag): a series
// paired by step with the x tag's series of the same run (aggregate/
// x_pairing), as a PreparedSeries whose `xs` holds x, ordered by x. Kept per
// (series, x series) until either changes. Plain C++ (no ImGui).
#pragma once
#include <cstdint>
#include <map>
#include <utility>
#include <vector>

#include "ui/series_cache.h"

namespace el::ui {

class XTagSeriesCache {
 public:
  struct Entry {
    PreparedSeries paired;
    bool sorted = false;                // x was not monotonic in step order: the points were reordered by x
    std::vector<std::uint32_t> source;  // each pair's position in y
    std::vector<std::uint32_t> counts;  // a group line's n of each pair (when asked for)
    std::size_t y_points = ~std::size_t{0}, x_points = ~std::size_t{0};
    std::uint64_t y_version = ~0ull, x_version = ~0ull;
    double smoothing = -1;
  };
  // `y` against `x` (both prepared with the same settings). `y_counts`, a
  // group line's n of each of y's points, gives the pairs' `counts`.
  const Entry& get(const PreparedSeries& y, const PreparedSeries& x,
                   const std::vector<std::uint32_t>* y_counts = nullptr);
  // Drops everything when the store was cleared.
  void sync(std::uint64_t store_generation);

 private:
  std::map<std::pair<const PreparedSeries*, const PreparedSeries*>, Entry> entries_;
  std::uint64_t generation_ = ~0ull;
  std::uint64_t builds_ = 0;
};

}  // namespace el::ui
