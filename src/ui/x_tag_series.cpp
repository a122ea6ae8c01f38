#include "ui/x_tag_series.h"

#include "aggregate/x_pairing.h"

namespace el::ui {

const XTagSeriesCache::Entry& XTagSeriesCache::get(const PreparedSeries& y, const PreparedSeries& x,
                                                   const std::vector<std::uint32_t>* y_counts) {
  Entry& e = entries_[{&y, &x}];
  auto fill_counts = [&] {
    e.counts.clear();
    if (!y_counts) return;
    for (std::uint32_t i : e.source) e.counts.push_back(i < y_counts->size() ? (*y_counts)[i] : 0);
  };
  if (e.y_version == y.version && e.x_version == x.version && e.y_points == y.values.size() &&
      e.x_points == x.values.size() && e.smoothing == y.smoothing) {
    if (y_counts && e.counts.size() != e.source.size()) fill_counts();
    return e;
  }
  const aggregate::XPairing pairs = aggregate::pair_by_step(y.steps, x.steps, x.values);
  PreparedSeries& p = e.paired;
  p.steps.clear();
  p.walls.clear();
  p.values.clear();
  p.smoothed.clear();
  p.nonfinite.clear();
  const std::vector<double>& smooth = y.smooth_values();
  for (std::uint32_t i : pairs.index) {
    p.steps.push_back(y.steps[i]);
    p.walls.push_back(y.walls[i]);
    p.values.push_back(y.values[i]);
    p.smoothed.push_back(smooth[i]);
  }
  p.xs = pairs.x;
  e.source = pairs.index;
  fill_counts();
  p.ema_constant = false;  // `smoothed` holds what the series draws, constant or not
  p.first_wall = y.first_wall;
  p.smoothing = y.smoothing;
  p.all_points = y.all_points;
  p.records = p.values.size();
  p.version = ++builds_;
  e.sorted = pairs.sorted;
  e.y_version = y.version;
  e.x_version = x.version;
  e.y_points = y.values.size();
  e.x_points = x.values.size();
  e.smoothing = y.smoothing;
  return e;
}

void XTagSeriesCache::sync(std::uint64_t store_generation) {
  if (store_generation == generation_) return;
  generation_ = store_generation;
  entries_.clear();
}

}  // namespace el::ui
