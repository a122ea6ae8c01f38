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

}  // namespace

Timeline::Timeline(Trace& trace) : trace_(trace) {
  std::vector<Slice>& slices = trace.slices;
  const std::size_t n = slices.size();
  // Depths: per track, in start order (longer first at equal starts, so the
  // enclosing slice comes first), a slice sits one below every slice still open.
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    const Slice &x = slices[a], &y = slices[b];
    if (x.track != y.track) return x.track < y.track;
    if (x.start_ps != y.start_ps) return x.start_ps < y.start_ps;
    if (x.duration_ps != y.duration_ps) return x.duration_ps > y.duration_ps;
    return a < b;
  });
  std::vector<std::uint32_t> depth(n, 0);
  std::vector<std::int64_t> open;  // ends of the slices enclosing the next one
  for (std::size_t k = 0; k < n; ++k) {
    const Slice& s = slices[order[k]];
    if (k == 0 || slices[order[k - 1]].track != s.track) open.clear();
    while (!open.empty() && open.back() <= s.start_ps) open.pop_back();
    depth[order[k]] = static_cast<std::uint32_t>(open.size());
    open.push_back(end_of(s));
  }
  // Rows: (track, depth), each in start order. Within a row slices never
  // overlap (a slice takes depth d only once the last one there has ended),
  // so both starts and ends ascend.
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (slices[a].track != slices[b].track) return slices[a].track < slices[b].track;
    return depth[a] < depth[b];
  });
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
  if (track >= trace_.tracks.size()) return -1;
  const Slice* s = trace_.slices.data();
  for (std::uint32_t row = first_row_[track + 1]; row-- > first_row_[track];) {
    const Row& r = rows_[row];
    // lo - 1: the last slice starting at or before t.
    const std::uint32_t lo = first_not(r.begin, r.end, [&](std::uint32_t k) { return s[k].start_ps <= t; });
    if (lo > r.begin && end_of(s[lo - 1]) > t) return lo - 1;
  }
  return -1;
}

std::int64_t Timeline::next_slice(std::uint32_t track, std::int64_t t) const {
  if (track >= trace_.tracks.size()) return -1;
  const Slice* s = trace_.slices.data();
  std::int64_t best = -1;
  for (std::uint32_t row = first_row_[track]; row < first_row_[track + 1]; ++row) {
    const Row& r = rows_[row];
    const std::uint32_t lo = first_not(r.begin, r.end, [&](std::uint32_t k) { return s[k].start_ps < t; });
    if (lo < r.end && (best < 0 || s[lo].start_ps < s[best].start_ps)) best = lo;
  }
  return best;
}

}  // namespace el::profile
