#include "profile/timeline.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace el::profile {
namespace {

std::int64_t end_of(const Slice& s) { return s.start_ps + s.duration_ps; }

// The first index in [lo, hi) at which `before` stops holding (it holds, then
// does not, along the range): every search of a row is this one.
template <typename Before>
std::uint32_t first_not(std::uint32_t lo, std::uint32_t hi, Before before) {
  while (lo < hi) {
    const std::uint32_t mid = lo + (hi - lo) / 2;
    if (before(mid))
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

// first_not, searching out from `hint` (where the answer was last time) in
// growing steps, then by halves: O(log distance) when lookups come in order.
// Leaves the answer in `hint`.
template <typename Before>
std::uint32_t first_not_near(std::uint32_t lo, std::uint32_t hi, std::uint32_t& hint, Before before) {
  const std::uint32_t h = std::clamp(hint, lo, hi);
  std::uint32_t step = 1;
  if (h < hi && before(h)) {  // the answer is after h
    std::uint32_t a = h + 1, b = h + 1;
    while (b < hi && before(b)) {
      a = b + 1;
      b = static_cast<std::uint32_t>(std::min<std::uint64_t>(hi, static_cast<std::uint64_t>(b) + step));
      step *= 2;
    }
    return hint = first_not(a, b, before);
  }
  std::uint32_t upper = h;  // the answer is at or before it
  while (upper > lo) {
    const std::uint32_t p = upper - std::min(step, upper - lo);
    if (before(p)) return hint = first_not(p + 1, upper, before);
    upper = p;
    step *= 2;
  }
  return hint = lo;
}

}  // namespace

Timeline::Timeline(Trace& trace) : trace_(trace) {
  std::vector<Slice>& slices = trace.slices;
  const std::size_t n = slices.size();
  const std::size_t tracks = trace.tracks.size();
  // Slices by track (a counting sort: stable, so each track's stay in the order read).
  std::vector<std::uint32_t> track_begin(tracks + 1, 0);
  for (const Slice& s : slices) ++track_begin[s.track + 1];
  std::partial_sum(track_begin.begin(), track_begin.end(), track_begin.begin());
  std::vector<std::uint32_t> order(n);
  {
    std::vector<std::uint32_t> next(track_begin.begin(), track_begin.end() - 1);
    for (std::uint32_t i = 0; i < n; ++i) order[next[slices[i].track]++] = i;
  }
  // Within a track, by start (longer first at equal starts, so the enclosing
  // slice comes first). Writers mostly emit a thread's slices in this order
  // already; only a track that is not is sorted, on keys copied out of the slices.
  auto before = [](std::int64_t start_a, std::int64_t dur_a, std::uint32_t a, std::int64_t start_b,
                   std::int64_t dur_b, std::uint32_t b) {
    if (start_a != start_b) return start_a < start_b;
    if (dur_a != dur_b) return dur_a > dur_b;
    return a < b;
  };
  struct Key {
    std::int64_t start, duration;
    std::uint32_t index;
  };
  std::vector<Key> keys;
  for (std::size_t t = 0; t < tracks; ++t) {
    const std::uint32_t lo = track_begin[t], hi = track_begin[t + 1];
    bool in_order = true;
    for (std::uint32_t k = lo + 1; k < hi && in_order; ++k) {
      const Slice &x = slices[order[k - 1]], &y = slices[order[k]];
      in_order = before(x.start_ps, x.duration_ps, order[k - 1], y.start_ps, y.duration_ps, order[k]);
    }
    if (in_order) continue;
    keys.clear();
    for (std::uint32_t k = lo; k < hi; ++k)
      keys.push_back({slices[order[k]].start_ps, slices[order[k]].duration_ps, order[k]});
    std::sort(keys.begin(), keys.end(), [&](const Key& x, const Key& y) {
      return before(x.start, x.duration, x.index, y.start, y.duration, y.index);
    });
    for (std::uint32_t k = lo; k < hi; ++k) order[k] = keys[k - lo].index;
  }
  // Depths: a slice sits one below every slice of its track still open.
  std::vector<std::uint32_t> depth(n, 0);
  std::vector<std::int64_t> open;  // ends of the slices enclosing the next one
  std::uint32_t deepest = 0;
  for (std::size_t k = 0; k < n; ++k) {
    const Slice& s = slices[order[k]];
    if (k == 0 || slices[order[k - 1]].track != s.track) open.clear();
    while (!open.empty() && open.back() <= s.start_ps) open.pop_back();
    depth[order[k]] = static_cast<std::uint32_t>(open.size());
    deepest = std::max(deepest, depth[order[k]]);
    open.push_back(end_of(s));
  }
  // Rows: (track, depth), each in start order (a counting sort by depth
  // within each track). Within a row slices never overlap (a slice takes
  // depth d only once the last one there has ended), so both starts and
  // ends ascend.
  {
    std::vector<std::uint32_t> by_depth(n), at(static_cast<std::size_t>(deepest) + 2);
    for (std::size_t t = 0; t < tracks; ++t) {
      const std::uint32_t lo = track_begin[t], hi = track_begin[t + 1];
      std::fill(at.begin(), at.end(), 0u);
      for (std::uint32_t k = lo; k < hi; ++k) ++at[depth[order[k]] + 1];
      at[0] = lo;
      std::partial_sum(at.begin(), at.end(), at.begin());
      for (std::uint32_t k = lo; k < hi; ++k) by_depth[at[depth[order[k]]]++] = order[k];
    }
    order.swap(by_depth);
  }
  std::vector<Slice> sorted;
  sorted.reserve(n);
  for (std::uint32_t i : order) sorted.push_back(slices[i]);
  slices = std::move(sorted);

  first_row_.assign(trace.tracks.size() + 1, 0);
  for (std::size_t k = 0; k < n; ++k) {
    const Slice& s = slices[k];
    const std::uint32_t d = depth[order[k]];
    if (rows_.empty() || rows_.back().track != s.track || rows_.back().depth != d)
      rows_.push_back({s.track, d, static_cast<std::uint32_t>(k), static_cast<std::uint32_t>(k)});
    rows_.back().end = static_cast<std::uint32_t>(k + 1);
  }
  // first_row_[t]: the first row of track t or later.
  std::size_t r = 0;
  for (std::uint32_t t = 0; t <= trace.tracks.size(); ++t) {
    while (r < rows_.size() && rows_[r].track < t) ++r;
    first_row_[t] = static_cast<std::uint32_t>(r);
  }
  if (n) {
    begin_ps_ = slices[0].start_ps;
    end_ps_ = end_of(slices[0]);
    for (const Slice& s : slices)
      begin_ps_ = std::min(begin_ps_, s.start_ps), end_ps_ = std::max(end_ps_, end_of(s));
  }
}

std::uint32_t Timeline::first_row(std::uint32_t track) const {
  return track < trace_.tracks.size() ? first_row_[track] : static_cast<std::uint32_t>(rows_.size());
}

std::uint32_t Timeline::depth_count(std::uint32_t track) const {
  if (track >= trace_.tracks.size()) return 0;
  return first_row_[track + 1] - first_row_[track];
}

void Timeline::boxes(std::uint32_t row, std::int64_t t0, std::int64_t t1, double ps_per_px,
                     std::vector<Box>& out) const {
  if (row >= rows_.size() || !(ps_per_px > 0) || t1 <= t0) return;
  const Row& r = rows_[row];
  const Slice* s = trace_.slices.data();
  // The first slice ending after t0 (ends ascend within a row).
  std::uint32_t i = first_not(r.begin, r.end, [&](std::uint32_t k) { return end_of(s[k]) <= t0; });
  while (i < r.end && s[i].start_ps < t1) {
    const std::int64_t start = s[i].start_ps, end = end_of(s[i]);
    if (static_cast<double>(end - start) >= ps_per_px) {
      out.push_back({start, end, i, 1});
      ++i;
      continue;
    }
    // Narrower than a pixel: one box for every slice starting in this pixel column.
    const double column = std::floor(static_cast<double>(start - t0) / ps_per_px);
    const double column_end = static_cast<double>(t0) + (column + 1) * ps_per_px;
    // Galloping from i: the next column's first slice is near, and nearby memory is cheap.
    std::uint32_t a = i + 1, b = i + 1, step = 1;
    while (b < r.end && static_cast<double>(s[b].start_ps) < column_end) {
      a = b + 1;
      b = static_cast<std::uint32_t>(std::min<std::uint64_t>(r.end, static_cast<std::uint64_t>(b) + step));
      step *= 2;
    }
    // Only the last of them can reach past the column; a wide one gets its own box.
    std::uint32_t j =
        first_not(a, b, [&](std::uint32_t k) { return static_cast<double>(s[k].start_ps) < column_end; });
    if (j - 1 > i && static_cast<double>(s[j - 1].duration_ps) >= ps_per_px) --j;
    out.push_back({start, end_of(s[j - 1]), i, j - i});
    i = j;
  }
}

std::uint32_t Timeline::row_of(std::uint32_t slice) const {
  // Rows are consecutive ranges of the slices: the last row beginning at or before it.
  const auto it = std::upper_bound(rows_.begin(), rows_.end(), slice,
                                   [](std::uint32_t s, const Row& r) { return s < r.begin; });
  return it == rows_.begin() ? 0 : static_cast<std::uint32_t>(it - rows_.begin() - 1);
}

std::uint64_t Timeline::count(std::uint32_t row, std::int64_t t0, std::int64_t t1) const {
  if (row >= rows_.size() || t1 <= t0) return 0;
  const Row& r = rows_[row];
  const Slice* s = trace_.slices.data();
  // From the first slice ending after t0 to the first starting at or after t1.
  const std::uint32_t lo = first_not(r.begin, r.end, [&](std::uint32_t k) { return end_of(s[k]) <= t0; });
  const std::uint32_t a = first_not(lo, r.end, [&](std::uint32_t k) { return s[k].start_ps < t1; });
  return a - lo;
}

std::int64_t Timeline::slice_at(std::uint32_t track, std::int64_t t) const {
  std::vector<std::uint32_t> no_hints;
  return slice_at(track, t, no_hints);
}

std::int64_t Timeline::next_slice(std::uint32_t track, std::int64_t t) const {
  std::vector<std::uint32_t> no_hints;
  return next_slice(track, t, no_hints);
}

std::int64_t Timeline::slice_at(std::uint32_t track, std::int64_t t,
                                std::vector<std::uint32_t>& hints) const {
  if (track >= trace_.tracks.size()) return -1;
  const Slice* s = trace_.slices.data();
  for (std::uint32_t row = first_row_[track + 1]; row-- > first_row_[track];) {
    const Row& r = rows_[row];
    // lo - 1: the last slice starting at or before t.
    auto starts_by_t = [&](std::uint32_t k) { return s[k].start_ps <= t; };
    const std::uint32_t lo = hints.empty() ? first_not(r.begin, r.end, starts_by_t)
                                           : first_not_near(r.begin, r.end, hint(hints, row), starts_by_t);
    if (lo > r.begin && end_of(s[lo - 1]) > t) return lo - 1;
  }
  return -1;
}

std::int64_t Timeline::next_slice(std::uint32_t track, std::int64_t t,
                                  std::vector<std::uint32_t>& hints) const {
  if (track >= trace_.tracks.size()) return -1;
  const Slice* s = trace_.slices.data();
  std::int64_t best = -1;
  for (std::uint32_t row = first_row_[track]; row < first_row_[track + 1]; ++row) {
    const Row& r = rows_[row];
    auto starts_before_t = [&](std::uint32_t k) { return s[k].start_ps < t; };
    const std::uint32_t lo = hints.empty()
                                 ? first_not(r.begin, r.end, starts_before_t)
                                 : first_not_near(r.begin, r.end, hint(hints, row), starts_before_t);
    if (lo < r.end && (best < 0 || s[lo].start_ps < s[best].start_ps)) best = lo;
  }
  return best;
}

std::uint32_t& Timeline::hint(std::vector<std::uint32_t>& hints, std::uint32_t row) const {
  if (hints.size() < rows_.size()) hints.resize(rows_.size(), 0);
  return hints[row];
}

}  // namespace el::profile
