// What the histogram and distribution dashboards draw for one series, computed
// from the store's rows once per (series version, bins, restart view) and then
// reused every frame: the shown records' steps and wall times, every record
// re-binned to N equal bins over the series' common range (TensorBoard's
// histogram widget), and its nine distribution percentiles (TensorBoard's
// compressor). Pure C++: no UI.
#pragma once
#include <array>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "store/store.h"

namespace el::aggregate {

inline constexpr int kMinHistogramBins = 10;
inline constexpr int kMaxHistogramBins = 200;

struct HistogramSeries {
  // What it was computed from.
  std::uint64_t version = ~0ull;
  int bins = 0;
  bool all_points = false;

  std::vector<std::int64_t> steps;  // shown records, in order
  std::vector<double> walls;
  bool has_range = false;  // false when every shown record is empty
  double left = 0, right = 1;
  std::vector<double> counts;                      // steps.size() rows of `bins` re-binned counts
  double max_count = 0;                            // largest finite re-binned count
  std::vector<std::array<double, 9>> percentiles;  // per shown record
  double low = 0, high = 0;                        // finite range of all percentiles

  std::size_t size() const { return steps.size(); }
  const double* row(std::size_t i) const { return counts.data() + i * static_cast<std::size_t>(bins); }
};

// Recomputes `out` from `s` (a histograms series) unless it already holds this
// version with these options. Returns whether it recomputed.
bool aggregate_histograms(const store::Series& s, int bins, bool all_points, HistogramSeries& out);

// HistogramSeries per store series, dropped when the store is cleared. While
// a series grows (loading, live), it is recomputed at most every four times
// its last cost and never more than four times a second: every record is
// re-binned when the common range moves, so each frame would be too many.
class HistogramCache {
 public:
  // `now` in seconds (any clock that only goes forward).
  const HistogramSeries& get(const store::Series& s, int bins, bool all_points, double now);
  void sync(const store::Store& store);

 private:
  struct Entry {
    HistogramSeries data;
    double computed_at = -1e300;
    double cost = 0;  // seconds the last computation took
  };
  std::uint64_t generation_ = ~0ull;
  std::unordered_map<const store::Series*, Entry> entries_;
};

}  // namespace el::aggregate
