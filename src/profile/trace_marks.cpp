#include "profile/trace_marks.h"

#include <algorithm>
#include <numeric>
#include <utility>

namespace el::profile {
namespace {

// Indices 0..n-1 grouped by key(i) (0..groups-1) and, within a group, by time(i):
// fills `sorted` and `begin` (group g is sorted[begin[g] .. begin[g + 1]]).
template <typename Key, typename Time>
void group_by(std::size_t n, std::size_t groups, Key key, Time time, std::vector<std::uint32_t>& sorted,
              std::vector<std::uint32_t>& begin) {
  sorted.resize(n);
  std::iota(sorted.begin(), sorted.end(), 0u);
  std::stable_sort(sorted.begin(), sorted.end(), [&](std::uint32_t a, std::uint32_t b) {
    return key(a) != key(b) ? key(a) < key(b) : time(a) < time(b);
  });
  begin.assign(groups + 1, 0);
  for (std::size_t i = 0; i < n; ++i) ++begin[key(static_cast<std::uint32_t>(i)) + 1];
  std::partial_sum(begin.begin(), begin.end(), begin.begin());
}

}  // namespace

TraceMarks::TraceMarks(const Trace& trace, const Timeline& timeline) {
  group_by(
      trace.instants.size(), trace.tracks.size(), [&](std::uint32_t i) { return trace.instants[i].track; },
      [&](std::uint32_t i) { return trace.instants[i].ts_ps; }, instants_, instant_begin_);
  group_by(
      trace.counters.size(), trace.counter_series.size(),
      [&](std::uint32_t i) { return trace.counters[i].series; },
      [&](std::uint32_t i) { return trace.counters[i].ts_ps; }, samples_, sample_begin_);
  series_order_.resize(trace.counter_series.size());
  std::iota(series_order_.begin(), series_order_.end(), 0u);
  std::stable_sort(series_order_.begin(), series_order_.end(), [&](std::uint32_t a, std::uint32_t b) {
    const CounterSeries &x = trace.counter_series[a], &y = trace.counter_series[b];
    return x.process != y.process ? x.process < y.process : trace.text(x.name) < trace.text(y.name);
  });

  // Flows: the points of each (id, category) in time order (then in the
  // order read), each joined to the next. Sorted on keys copied out, as a
  // trace holds a flow for every kernel launch.
  struct FlowKey {
    std::uint32_t id, category;
    std::int64_t ts_ps;
    std::uint32_t index;
    bool operator<(const FlowKey& o) const {
      if (id != o.id) return id < o.id;
      if (category != o.category) return category < o.category;
      if (ts_ps != o.ts_ps) return ts_ps < o.ts_ps;
      return index < o.index;
    }
  };
  std::vector<FlowKey> points(trace.flows.size());
  for (std::uint32_t i = 0; i < trace.flows.size(); ++i)
    points[i] = {trace.flows[i].id, trace.flows[i].category, trace.flows[i].ts_ps, i};
  if (!std::is_sorted(points.begin(), points.end()))
    std::sort(points.begin(), points.end());                    // (often written so)
  std::vector<std::uint32_t> hints(timeline.rows().size(), 0);  // (flows mostly come in time order)
  auto bind = [&](const FlowPoint& p) {
    return p.binds_next ? timeline.next_slice(p.track, p.ts_ps, hints)
                        : timeline.slice_at(p.track, p.ts_ps, hints);
  };
  for (std::size_t k = 0; k + 1 < points.size(); ++k) {
    if (points[k].id != points[k + 1].id || points[k].category != points[k + 1].category) continue;
    const FlowPoint &a = trace.flows[points[k].index], &b = trace.flows[points[k + 1].index];
    if (a.phase_char() == 'f') continue;  // a flow that ended; the next point starts another
    Link l;
    l.from_ps = a.ts_ps, l.to_ps = b.ts_ps;
    l.from_track = a.track, l.to_track = b.track;
    l.from_slice = bind(a), l.to_slice = bind(b);
    l.name = a.name;
    const auto id = static_cast<std::uint32_t>(links_.size());
    if (l.from_slice >= 0) by_slice_.push_back({l.from_slice, id});
    if (l.to_slice >= 0) by_slice_.push_back({l.to_slice, id});
    links_.push_back(l);
  }
  std::sort(by_slice_.begin(), by_slice_.end());
}

std::span<const std::uint32_t> TraceMarks::instants(std::uint32_t track) const {
  if (track + 1 >= instant_begin_.size()) return {};
  return {instants_.data() + instant_begin_[track], instant_begin_[track + 1] - instant_begin_[track]};
}

std::span<const std::uint32_t> TraceMarks::samples(std::uint32_t series) const {
  if (series + 1 >= sample_begin_.size()) return {};
  return {samples_.data() + sample_begin_[series], sample_begin_[series + 1] - sample_begin_[series]};
}

std::vector<std::uint32_t> TraceMarks::links_of(std::int64_t slice) const {
  std::vector<std::uint32_t> out;
  auto it =
      std::lower_bound(by_slice_.begin(), by_slice_.end(), std::pair<std::int64_t, std::uint32_t>{slice, 0});
  for (; it != by_slice_.end() && it->first == slice; ++it) out.push_back(it->second);
  return out;
}

}  // namespace el::profile
