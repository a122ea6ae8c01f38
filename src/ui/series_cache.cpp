#include "ui/series_cache.h"

#include <algorithm>
#include <cmath>

#include "aggregate/smoothing.h"

namespace el::ui {
namespace {

// Keeps step_stride true after steps[from..] were appended (see PreparedSeries).
void update_stride(PreparedSeries& p, std::size_t from) {
  const std::vector<double>& st = p.steps;
  if (from == 0) p.step_stride = 0;       // computed afresh
  if (std::isnan(p.step_stride)) return;  // irregular for good
  if (st.size() < 2) return;
  if (from < 2) from = 2, p.step_stride = st[1] - st[0];
  for (std::size_t i = from; i < st.size(); ++i)
    if (st[i] - st[i - 1] != p.step_stride) {
      p.step_stride = NAN;
      return;
    }
}

}  // namespace

void SeriesCache::sync(const store::Store& store) {
  if (store.generation() == generation_) return;
  generation_ = store.generation();
  entries_.clear();
}

// Continues the debiased EMA (aggregate::smooth) over values[from..], keeping
// its state; the constant-series rule is applied once the whole series is known.
void SeriesCache::smooth_from(PreparedSeries& p, std::size_t from, double w) {
  w = std::clamp(w, 0.0, aggregate::kMaxSmoothing);
  p.smoothed.resize(p.values.size());
  for (std::size_t i = from; i < p.values.size(); ++i) {
    const double y = p.values[i];
    p.smoothed[i] = y;
    if (!std::isfinite(y)) continue;
    if (!p.ema_any) p.ema_first = y, p.ema_any = true;
    if (y != p.ema_first) p.ema_constant = false;
    if (w == 0) continue;
    p.ema_last = p.ema_last * w + (1 - w) * y;
    p.ema_pow *= w;
    p.smoothed[i] = p.ema_last / (1 - p.ema_pow);
  }
}

void SeriesCache::rebuild(const store::Series& s, PreparedSeries& p, bool all_points, double smoothing) {
  p = PreparedSeries{};
  p.all_points = all_points;
  p.smoothing = smoothing;
  if (all_points) {
    p.index.resize(s.size());
    for (std::uint32_t i = 0; i < p.index.size(); ++i) p.index[i] = i;
  } else {
    p.index = store::visible_indices(s.steps);
  }
  p.steps.reserve(p.index.size());
  p.walls.reserve(p.index.size());
  p.values.reserve(p.index.size());
  for (std::uint32_t i : p.index) {
    p.steps.push_back(static_cast<double>(s.steps[i]));
    p.walls.push_back(s.wall_times[i]);
    p.values.push_back(s.values[i]);
    if (!std::isfinite(s.values[i])) p.nonfinite.push_back(static_cast<std::uint32_t>(p.values.size() - 1));
  }
  p.first_wall = p.walls.empty() ? 0 : *std::min_element(p.walls.begin(), p.walls.end());
  update_stride(p, 0);
  smooth_from(p, 0, smoothing);
  p.records = s.size();
  p.version = s.version;
}

// New records that all come after the last visible step simply append;
// anything else (a restart) needs a rebuild. Returns false then.
bool SeriesCache::append(const store::Series& s, PreparedSeries& p) {
  if (s.size() < p.records) return false;
  std::int64_t last = p.steps.empty() ? INT64_MIN : static_cast<std::int64_t>(p.steps.back());
  if (!p.all_points) {
    for (std::size_t i = p.records; i < s.size(); ++i) {
      if (s.steps[i] <= last) return false;
      last = s.steps[i];
    }
  }
  const std::size_t from = p.values.size();
  for (std::size_t i = p.records; i < s.size(); ++i) {
    p.index.push_back(static_cast<std::uint32_t>(i));
    p.steps.push_back(static_cast<double>(s.steps[i]));
    p.walls.push_back(s.wall_times[i]);
    p.values.push_back(s.values[i]);
    if (!std::isfinite(s.values[i])) p.nonfinite.push_back(static_cast<std::uint32_t>(p.values.size() - 1));
    if (from == 0 && i == p.records) p.first_wall = s.wall_times[i];
    p.first_wall = std::min(p.first_wall, s.wall_times[i]);
  }
  update_stride(p, from);
  smooth_from(p, from, p.smoothing);
  p.records = s.size();
  p.version = s.version;
  return true;
}

const PreparedSeries& SeriesCache::get(const store::Series& s, bool all_points, double smoothing,
                                       double now) {
  PreparedSeries& p = entries_[&s];
  const bool settings_changed = p.all_points != all_points || p.smoothing != smoothing;
  if (settings_changed || (p.version != s.version && !append(s, p))) rebuild(s, p, all_points, smoothing);
  // Pyramids only pay off for long series; rebuild them when stale, at most
  // twice a second while the series grows.
  if (p.values.size() > 4096 && p.raw_pyramid.size() != p.values.size() &&
      (p.pyramid_built_at < 0 || now - p.pyramid_built_at > 0.5)) {
    p.raw_pyramid.build(p.values);
    p.smooth_pyramid.build(p.smoothed);
    p.pyramid_built_at = now;
  }
  return p;
}

}  // namespace el::ui
