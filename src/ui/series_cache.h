// What a chart needs from a scalar series, prepared once and kept until the
// series changes: the visible records (restart rule), x columns for each axis
// mode, the smoothed values, and min/max pyramids for level of detail.
// Growing series are extended in place when new records only append; the
// pyramids are rebuilt at most every few hundred milliseconds while loading.
// Plain C++ (no ImGui): the UI reads it, tests can too.
#pragma once
#include <cmath>
#include <cstdint>
#include <unordered_map>
#include <vector>

#include "aggregate/decimate.h"
#include "store/store.h"

namespace el::ui {

struct PreparedSeries {
  std::uint64_t version = ~0ull;  // of the store::Series it was built from
  bool all_points = false;
  double smoothing = -1;
  std::size_t records = 0;           // store records consumed
  std::vector<std::uint32_t> index;  // visible record -> store record
  std::vector<double> steps, walls, values, smoothed;
  // The steps are first + i·step_stride exactly (logged at a fixed interval, as
  // most are), or step_stride is NaN (or not known, as in lines made
  // elsewhere): group lines compare regular members' steps in O(1).
  double step_stride = NAN;
  std::vector<double> xs;  // XAxis::kTag: the paired tag's value of each point (non-decreasing)
  double first_wall = 0;
  std::vector<std::uint32_t> nonfinite;  // positions of NaN/Inf values (marked at the chart's edge)
  aggregate::MinMaxPyramid raw_pyramid, smooth_pyramid;
  double pyramid_built_at = -1;  // seconds (caller's clock)
  // Smoothing state, so appends continue the EMA.
  double ema_last = 0, ema_pow = 1;
  bool ema_constant = true;
  double ema_first = 0;
  bool ema_any = false;

  // The smoothed curve to draw: a constant series is shown as it is
  // (TensorBoard's rule), even though the EMA has been kept up to date.
  const std::vector<double>& smooth_values() const { return ema_constant ? values : smoothed; }
  const aggregate::MinMaxPyramid& smooth_values_pyramid() const {
    return ema_constant ? raw_pyramid : smooth_pyramid;
  }
};

class SeriesCache {
 public:
  // The prepared form of `s` for these settings; `now` (seconds) paces
  // pyramid rebuilds of growing series.
  const PreparedSeries& get(const store::Series& s, bool all_points, double smoothing, double now);
  // Drops everything when the store was cleared (series pointers are reused).
  void sync(const store::Store& store);
  std::size_t size() const { return entries_.size(); }

 private:
  void rebuild(const store::Series& s, PreparedSeries& p, bool all_points, double smoothing);
  bool append(const store::Series& s, PreparedSeries& p);
  static void smooth_from(PreparedSeries& p, std::size_t from, double w);

  std::unordered_map<const store::Series*, PreparedSeries> entries_;
  std::uint64_t generation_ = ~0ull;
};

}  // namespace el::ui
