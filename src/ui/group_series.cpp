#include "ui/group_series.h"

#include <algorithm>
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

// A group's time at each of its points, for the time axes: the earliest
// member's start plus the mean time since start of the members spanning the
// step (interpolated between a member's own steps), never going back.
std::vector<double> group_wall_times(std::span<const PreparedSeries* const> members,
                                     const aggregate::GroupAggregate& agg) {
  std::vector<double> sum(agg.points.size(), 0);
  std::vector<std::uint32_t> count(agg.points.size(), 0);
  double start = INFINITY;
  for (const PreparedSeries* m : members) {
    if (m->steps.empty()) continue;
    start = std::min(start, m->first_wall);
    if (agg.aligned && m->walls.size() == agg.points.size()) {  // point p is the member's record p
      for (std::size_t p = 0; p < agg.points.size(); ++p) sum[p] += m->walls[p] - m->first_wall;
      for (std::uint32_t& c : count) ++c;
      continue;
    }
    std::size_t i = 0;
    for (std::size_t p = 0; p < agg.points.size(); ++p) {
      const double step = static_cast<double>(agg.points[p].step);
      while (i < m->steps.size() && m->steps[i] < step) ++i;
      if (i == m->steps.size()) break;  // past its last step
      double t;
      if (m->steps[i] == step) {
        t = m->walls[i];
      } else if (i == 0) {
        continue;  // before its first step
      } else {
        const double f = (step - m->steps[i - 1]) / (m->steps[i] - m->steps[i - 1]);
        t = m->walls[i - 1] + f * (m->walls[i] - m->walls[i - 1]);
      }
      sum[p] += t - m->first_wall;
      ++count[p];
    }
  }
  std::vector<double> out(agg.points.size(), std::isfinite(start) ? start : 0);
  double last = -INFINITY;
  for (std::size_t p = 0; p < out.size(); ++p) {
    if (count[p]) out[p] += sum[p] / count[p];
    out[p] = last = std::max(last, out[p]);
  }
  return out;
}

// The members' aggregate: integer steps, and their smoothed values when smoothing comes first.
aggregate::GroupAggregate aggregate_of(std::span<const PreparedSeries* const> members, const Settings& s,
                                       bool median) {
  std::vector<aggregate::MemberPoints> values;
  for (const PreparedSeries* p : members)
    values.push_back({p->steps, s.group_smooth_first && s.smoothing > 0 ? p->smooth_values() : p->values});
  return aggregate::aggregate_members(values, median);
}

}  // namespace

aggregate::GroupAggregate full_aggregate(const GroupSeries& g, const Settings& s) {
  return aggregate_of(g.member_series, s, true);
}

void build_group_series(std::span<const PreparedSeries* const> members, const Settings& s, GroupSeries& g) {
  g.aggregate = aggregate_of(members, s, s.group_line == GroupLine::kMedian);
  g.member_series.assign(members.begin(), members.end());
  g.members = members.size();
  const std::vector<double> wall = group_wall_times(members, g.aggregate);

  PreparedSeries &c = g.centre, &lo = g.lower, &hi = g.upper;
  const bool band = s.group_band != GroupBand::kNone;
  const std::size_t n = g.aggregate.points.size();
  for (PreparedSeries* p : {&c, &lo, &hi}) {
    clear_series(*p);
    if (p != &c && !band) continue;
    p->steps.reserve(n);
    p->walls.reserve(n);
    p->values.reserve(n);
  }
  g.counts.clear();
  g.counts.reserve(n);
  for (std::size_t i = 0; i < g.aggregate.points.size(); ++i) {
    const aggregate::GroupPoint& pt = g.aggregate.points[i];
    const double t = wall[i];
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
  g.used_at = now;
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

void GroupSeriesCache::evict(double now, double idle) {
  std::erase_if(entries_, [&](const auto& e) { return e.second.used_at < now - idle; });
}

void GroupSeriesCache::sync(std::uint64_t store_generation) {
  if (store_generation == generation_) return;
  generation_ = store_generation;
  entries_.clear();
}

}  // namespace el::ui
