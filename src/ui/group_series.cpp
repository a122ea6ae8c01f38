#include "ui/group_series.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include "aggregate/smoothing.h"

namespace el::ui {
namespace {

std::uint64_t fnv(std::uint64_t key, std::uint64_t v) { return (key ^ v) * 1099511628211ull; }

// Everything but steps and values, which the aggregate sizes and overwrites
// (clearing them first would have it zero-fill them again).
void clear_series(PreparedSeries& p) {
  p.walls.clear();
  p.smoothed.clear();
  p.nonfinite.clear();
  p.index.clear();
  p.ema_constant = true;
}

// A group's time at each of its points, for the time axes: the earliest
// member's start plus the mean time since start of the members spanning the
// step (interpolated between a member's own steps), never going back. Into `out`.
void group_wall_times(std::span<const PreparedSeries* const> members, std::span<const double> steps,
                      bool aligned, std::vector<double>& out) {
  const std::size_t n = steps.size();
  double start = INFINITY;
  for (const PreparedSeries* m : members)
    if (!m->steps.empty()) start = std::min(start, m->first_wall);
  out.assign(n, std::isfinite(start) ? start : 0);
  // Point p is every member's record p: their times since start, summed side by side.
  if (aligned && std::all_of(members.begin(), members.end(),
                             [&](const PreparedSeries* m) { return m->walls.size() == n; })) {
    std::vector<const double*> walls;
    std::vector<double> firsts;
    for (const PreparedSeries* m : members) walls.push_back(m->walls.data()), firsts.push_back(m->first_wall);
    const std::size_t k = walls.size();
    double last = -INFINITY;
    for (std::size_t p = 0; p < n; ++p) {
      double sum = 0;
      for (std::size_t j = 0; j < k; ++j) sum += walls[j][p] - firsts[j];
      if (k) out[p] += sum / static_cast<double>(k);
      out[p] = last = std::max(last, out[p]);
    }
    return;
  }
  std::vector<double> sum(n, 0);
  std::vector<std::uint32_t> count(n, 0);
  for (const PreparedSeries* m : members) {
    if (m->steps.empty()) continue;
    std::size_t i = 0;
    for (std::size_t p = 0; p < n; ++p) {
      const double step = steps[p];
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
  double last = -INFINITY;
  for (std::size_t p = 0; p < out.size(); ++p) {
    if (count[p]) out[p] += sum[p] / count[p];
    out[p] = last = std::max(last, out[p]);
  }
}

// What the aggregate reads of the members: their smoothed values when smoothing comes first.
std::vector<aggregate::MemberPoints> member_points(std::span<const PreparedSeries* const> members,
                                                   const Settings& s) {
  std::vector<aggregate::MemberPoints> values;
  for (const PreparedSeries* p : members)
    values.push_back(
        {p->steps, s.group_smooth_first && s.smoothing > 0 ? p->smooth_values() : p->values, p->step_stride});
  return values;
}

static_assert(static_cast<int>(GroupBand::kNone) == static_cast<int>(aggregate::GroupSpread::kNone) &&
              static_cast<int>(GroupBand::kStd) == static_cast<int>(aggregate::GroupSpread::kStd) &&
              static_cast<int>(GroupBand::kSem) == static_cast<int>(aggregate::GroupSpread::kSem) &&
              static_cast<int>(GroupBand::kMinMax) == static_cast<int>(aggregate::GroupSpread::kMinMax));

}  // namespace

aggregate::GroupAggregate full_aggregate(const GroupSeries& g, const Settings& s) {
  aggregate::GroupAggregate out;
  aggregate::aggregate_members(member_points(g.member_series, s), true, out);
  return out;
}

void build_group_series(std::span<const PreparedSeries* const> members, const Settings& s, GroupSeries& g) {
  PreparedSeries &c = g.centre, &lo = g.lower, &hi = g.upper;
  for (PreparedSeries* p : {&c, &lo, &hi}) clear_series(*p);
  // The columns straight from the aggregate (their buffers keep their capacity from the last build).
  aggregate::GroupLineColumns cols{&c.steps, &c.values, &lo.values, &hi.values, &g.counts};
  const auto spread = static_cast<aggregate::GroupSpread>(s.group_band);
  aggregate::aggregate_line(
      member_points(members, s),
      s.group_line == GroupLine::kMedian ? aggregate::GroupCentre::kMedian : aggregate::GroupCentre::kMean,
      spread, cols);
  g.interpolated = cols.interpolated;
  g.aligned = cols.aligned;
  g.member_series.assign(members.begin(), members.end());
  g.members = members.size();
  g.walls_pending = true;
  for (PreparedSeries* p : {&c, &lo, &hi}) p->first_wall = 0;
  if (s.x_axis != XAxis::kStep) fill_group_walls(g);
  lo.steps.clear();  // the band's edges are at the centre's points (no copies of its x)
  hi.steps.clear();
  for (PreparedSeries* p : {&c, &lo, &hi}) {
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

void fill_group_walls(GroupSeries& g) {
  PreparedSeries& c = g.centre;
  group_wall_times(g.member_series, c.steps, g.aligned, c.walls);
  const double first = c.walls.empty() ? 0 : c.walls.front();
  for (PreparedSeries* p : {&g.centre, &g.lower, &g.upper}) p->first_wall = first;
  g.walls_pending = false;
}

bool GroupSeriesCache::fill_walls(std::size_t lines) {
  for (auto& [id, g] : entries_) {
    if (!g.walls_pending) continue;
    if (lines == 0) return true;
    fill_group_walls(g);
    --lines;
  }
  return false;
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
  auto it = entries_.find(id);
  if (it == entries_.end()) it = entries_.emplace(id, take_spare(data_key, settings_key, now)).first;
  GroupSeries& g = it->second;
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
  if (g.walls_pending && s.x_axis != XAxis::kStep) fill_group_walls(g);  // a time or tag axis reads them
  return g;
}

// A line no chart drew this frame, for a new id: the one with the same members,
// data and settings if there is one (a regex that renames groups, as typing
// does, or gives a group the same runs: nothing to recompute), else the one
// drawn longest ago, whose buffers the new line reuses instead of touching
// fresh pages (after a regroup, every new line takes an old one's memory).
GroupSeries GroupSeriesCache::take_spare(std::uint64_t data_key, std::uint64_t settings_key, double now) {
  if (spares_at_ != now) {  // the candidates, once a frame
    spares_at_ = now;
    spares_.clear();
    for (const auto& [id, g] : entries_)
      if (g.used_at < now) spares_.push_back({g.data_key, g.settings_key, g.used_at, id});
    std::sort(spares_.begin(), spares_.end(),
              [](const Spare& a, const Spare& b) { return a.used_at > b.used_at; });
  }
  auto take = [&](std::size_t k) {
    const auto e = entries_.find(spares_[k].id);
    spares_.erase(spares_.begin() + static_cast<std::ptrdiff_t>(k));
    if (e == entries_.end() || e->second.used_at >= now) return std::optional<GroupSeries>();
    GroupSeries g = std::move(e->second);
    entries_.erase(e);
    return std::optional<GroupSeries>(std::move(g));
  };
  for (std::size_t k = 0; k < spares_.size();) {
    if (spares_[k].data_key != data_key || spares_[k].settings_key != settings_key) {
      ++k;
      continue;
    }
    if (std::optional<GroupSeries> same = take(k)) return std::move(*same);  // (else k is gone)
  }
  while (!spares_.empty())
    if (std::optional<GroupSeries> old = take(spares_.size() - 1)) {
      old->settings_key = old->data_key = 0;  // built afresh
      old->members = 0;
      old->built_at = -1;
      return std::move(*old);
    }
  return GroupSeries();
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
