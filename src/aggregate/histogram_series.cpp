#include "aggregate/histogram_series.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "aggregate/distribution.h"
#include "aggregate/rebin.h"

namespace el::aggregate {

bool aggregate_histograms(const store::Series& s, int bins, bool all_points, HistogramSeries& out) {
  bins = std::clamp(bins, kMinHistogramBins, kMaxHistogramBins);
  if (out.version == s.version && out.bins == bins && out.all_points == all_points) return false;
  out.version = s.version;
  out.bins = bins;
  out.all_points = all_points;

  std::vector<std::uint32_t> shown;
  if (all_points) {
    shown.resize(s.steps.size());
    for (std::uint32_t i = 0; i < shown.size(); ++i) shown[i] = i;
  } else {
    shown = store::visible_indices(s.steps);
  }
  const std::size_t n = shown.size();
  out.steps.resize(n);
  out.walls.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    out.steps[i] = s.steps[shown[i]];
    out.walls[i] = s.wall_times[shown[i]];
  }

  // The common range of the shown records.
  std::optional<std::pair<double, double>> range;
  for (std::uint32_t r : shown) {
    const store::HistogramView h = s.histogram(r);
    if (h.size() > 0) extend_rebin_range(range, h.left(0), h.left(h.size() - 1), h.right(h.size() - 1));
  }
  finish_rebin_range(range);
  std::vector<double> rows;
  out.has_range = range.has_value();
  out.left = range ? range->first : 0.0;
  out.right = range ? range->second : 1.0;

  out.counts.assign(n * static_cast<std::size_t>(bins), 0.0);
  out.percentiles.resize(n);
  out.max_count = 0;
  out.low = 0;
  out.high = 0;
  bool any_percentile = false;
  std::vector<double> binned, scratch;
  for (std::size_t i = 0; i < n; ++i) {
    s.histogram(shown[i]).rows(rows);
    rebin(rows, out.left, out.right, bins, binned);
    std::copy(binned.begin(), binned.end(), out.counts.begin() + static_cast<std::ptrdiff_t>(i * bins));
    for (double c : binned)
      if (std::isfinite(c)) out.max_count = std::max(out.max_count, c);
    out.percentiles[i] = compress_histogram(rows, scratch);
    if (rows.empty()) continue;  // an empty record's zeros are no data
    for (double p : out.percentiles[i]) {
      if (!std::isfinite(p)) continue;
      if (!any_percentile) out.low = out.high = p, any_percentile = true;
      out.low = std::min(out.low, p);
      out.high = std::max(out.high, p);
    }
  }
  return true;
}

const HistogramSeries& HistogramCache::get(const store::Series& s, int bins, bool all_points, double now) {
  Entry& e = entries_[&s];
  const bool options_same = e.data.bins == std::clamp(bins, kMinHistogramBins, kMaxHistogramBins) &&
                            e.data.all_points == all_points;
  const bool only_grew = options_same && e.data.version != s.version && e.computed_at > -1e300;
  if (only_grew && now - e.computed_at < std::max(0.25, 4 * e.cost)) return e.data;
  const auto t0 = std::chrono::steady_clock::now();
  if (aggregate_histograms(s, bins, all_points, e.data)) {
    e.computed_at = now;
    e.cost = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
  return e.data;
}

void HistogramCache::sync(const store::Store& store) {
  if (store.generation() == generation_) return;
  generation_ = store.generation();
  entries_.clear();
}

}  // namespace el::aggregate
