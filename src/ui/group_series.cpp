#include "ui/group_series.h"

#include <cmath>

#include "aggregate/smoothing.h"

namespace el::ui {
namespace {

std::uint64_t fnv(std::uint64_t key, std::uint64_t v) { return (key ^ v) * 1099511628211ull; }

void clear_series(PreparedSeries& p) {
  p.steps.clear();
  p.walls.clear();
  p.values.clear();
  p.smoothed.clear();
  p.nonfinite.clear();
  p.index.clear();
  p.ema_constant = true;
}

}  // namespace

void build_group_series(std::span<const PreparedSeries* const> members, const Settings& s, GroupSeries& g) {
  // Each member as the aggregate takes it: integer steps, and its smoothed
  // values when smoothing comes first.
  std::vector<std::vector<std::int64_t>> steps(members.size());
  std::vector<aggregate::MemberPoints> values, walls;
  for (std::size_t k = 0; k < members.size(); ++k) {
    const PreparedSeries& p = *members[k];
    steps[k].assign(p.steps.begin(), p.steps.end());
    const std::vector<double>& v = s.group_smooth_first && s.smoothing > 0 ? p.smooth_values() : p.values;
    values.push_back({steps[k], v});
    walls.push_back({steps[k], p.walls});
  }
  g.aggregate = aggregate::aggregate_members(values);
  g.members = members.size();
  // A group's time at a step is its members' mean wall time there.
  const aggregate::GroupAggregate wall = aggregate::aggregate_members(walls);

  PreparedSeries &c = g.centre, &lo = g.lower, &hi = g.upper;
  for (PreparedSeries* p : {&c, &lo, &hi}) clear_series(*p);
  g.counts.clear();
  const bool band = s.group_band != GroupBand::kNone;
  std::size_t w = 0;
  for (const aggregate::GroupPoint& pt : g.aggregate.points) {
    while (w < wall.points.size() && wall.points[w].step < pt.step) ++w;
    const double t = w < wall.points.size() && wall.points[w].step == pt.step ? wall.points[w].mean : NAN;
    const double centre = s.group_line == GroupLine::kMedian ? pt.median : pt.mean;
    c.steps.push_back(static_cast<double>(pt.step));
    c.walls.push_back(t);
    c.values.push_back(centre);
    g.counts.push_back(pt.n);
    if (!band) continue;
    double a = pt.min, b = pt.max;
    if (s.group_band == GroupBand::kStd) a = centre - pt.std, b = centre + pt.std;
    if (s.group_band == GroupBand::kSem) a = centre - pt.sem, b = centre + pt.sem;
    for (PreparedSeries* p : {&lo, &hi}) {
      p->steps.push_back(static_cast<double>(pt.step));
      p->walls.push_back(t);
    }
    lo.values.push_back(a);
    hi.values.push_back(b);
  }
  for (PreparedSeries* p : {&c, &lo, &hi}) {
    p->first_wall = p->walls.empty() ? 0 : p->walls.front();
    p->all_points = s.all_points;
    p->smoothing = s.smoothing;
    p->records = p->values.size();
  }
  // Smoothing after aggregation smooths the centre line only (the band stays raw).
  if (!s.group_smooth_first && s.smoothing > 0) {
    aggregate::smooth(c.values, s.smoothing, c.smoothed);
    c.ema_constant = false;
  }
  c.raw_pyramid.build(c.values);
  if (!c.ema_constant) c.smooth_pyramid.build(c.smoothed);
}

const GroupSeries& GroupSeriesCache::get(const std::string& id,
                                         std::span<const PreparedSeries* const> members, const Settings& s,
                                         double now) {
  std::uint64_t settings_key = 1469598103934665603ull;
  for (double v : {s.smoothing, static_cast<double>(s.group_line), static_cast<double>(s.group_band),
                   static_cast<double>(s.group_smooth_first), static_cast<double>(s.all_points)})
    settings_key = fnv(settings_key, static_cast<std::uint64_t>(std::llround(v * 1e6)));
  std::uint64_t data_key = 1469598103934665603ull;
  for (const PreparedSeries* p : members) {
    data_key = fnv(data_key, reinterpret_cast<std::uintptr_t>(p));
    data_key = fnv(data_key, p->version);
    data_key = fnv(data_key, p->values.size());
  }
  GroupSeries& g = entries_[id];
  const bool settings_changed = g.settings_key != settings_key || g.members != members.size();
  // Growing data: recompute at most every half second (an aggregate is O(points) over all members).
  if (settings_changed || (g.data_key != data_key && (g.built_at < 0 || now - g.built_at >= 0.5))) {
    build_group_series(members, s, g);
    g.settings_key = settings_key;
    g.data_key = data_key;
    g.built_at = now;
    ++builds_;
    for (PreparedSeries* p : {&g.centre, &g.lower, &g.upper}) p->version = builds_;
  }
  return g;
}

void GroupSeriesCache::sync(std::uint64_t store_generation) {
  if (store_generation == generation_) return;
  generation_ = store_generation;
  entries_.clear();
}

}  // namespace el::ui
