// The Profile timeline's index of what is not a slice: instants by track and
// time (ticks), counter samples by series and time (small charts), and flows
// resolved into arrows between slices. Built once a Timeline has ordered the
// slices; the queries a frame asks are binary searches, so a track with a
// hundred thousand ticks draws about one per pixel. Plain C++, no UI.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "profile/timeline.h"
#include "profile/trace.h"

namespace el::profile {

class TraceMarks {
 public:
  TraceMarks(const Trace& trace, const Timeline& timeline);

  // A track's instants (indices into trace.instants), by time.
  std::span<const std::uint32_t> instants(std::uint32_t track) const;
  // A counter series' samples (indices into trace.counters), by time.
  std::span<const std::uint32_t> samples(std::uint32_t series) const;
  // The processes' counter series, in process order (then by name).
  const std::vector<std::uint32_t>& series_order() const { return series_order_; }

  // One arrow of a flow: consecutive points of one id (and category), from the
  // slice around the first point to the slice around the next (an "f" point
  // without "bp":"e" binds to the next slice on its track). A point that no
  // slice holds keeps its track and time (slice -1).
  struct Link {
    std::int64_t from_ps = 0, to_ps = 0;
    std::int64_t from_slice = -1, to_slice = -1;
    std::uint32_t from_track = 0, to_track = 0;
    std::uint32_t name = 0;
  };
  const std::vector<Link>& links() const { return links_; }
  // The links into or out of a slice (indices into links()).
  std::vector<std::uint32_t> links_of(std::int64_t slice) const;

  // The first of `sorted` (times via `at`) at or after `t`.
  template <typename At>
  static std::size_t lower(std::span<const std::uint32_t> sorted, std::int64_t t, At at) {
    std::size_t lo = 0, hi = sorted.size();
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      if (at(sorted[mid]) < t)
        lo = mid + 1;
      else
        hi = mid;
    }
    return lo;
  }

 private:
  std::vector<std::uint32_t> instants_, instant_begin_;  // by track: instant_begin_[t] .. [t + 1]
  std::vector<std::uint32_t> samples_, sample_begin_;    // by series, likewise
  std::vector<std::uint32_t> series_order_;
  std::vector<Link> links_;
  std::vector<std::pair<std::int64_t, std::uint32_t>> by_slice_;  // (slice, link), sorted
};

}  // namespace el::profile
