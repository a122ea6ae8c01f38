// The Profile dashboard's index of a Trace, built once it is read: each
// track's slices nested into depths (a slice inside another is one row below
// it, as Perfetto and Chrome's trace viewer draw them), and the query a frame
// asks: which boxes to draw for one row between two times at a zoom.
//
// Level of detail: slices narrower than a pixel are merged into one box per
// pixel column, and the query jumps over a merged column with a binary search
// instead of visiting its slices. A frame costs O(pixels · log n) per row
// whatever the number of slices in view, so a million slices draw as fast as
// a thousand.
//
// Building sorts Trace::slices in place by (track, depth, start): the rows are
// ranges of it, so the index costs no memory per slice. Plain C++, no UI.
#pragma once
#include <cstdint>
#include <vector>

#include "profile/trace.h"

namespace el::profile {

class Timeline {
 public:
  // Reorders trace.slices (see above); `trace` must outlive the timeline.
  explicit Timeline(Trace& trace);

  struct Row {
    std::uint32_t track = 0;
    std::uint32_t depth = 0;
    std::uint32_t begin = 0, end = 0;  // its slices: trace.slices[begin, end), by start
  };
  // Rows in track order, each track's depths from 0.
  const std::vector<Row>& rows() const { return rows_; }
  // How many rows (depths) a track has (0: no slices).
  std::uint32_t depth_count(std::uint32_t track) const;
  // The first row of a track (rows().size() if it has none).
  std::uint32_t first_row(std::uint32_t track) const;

  struct Box {
    std::int64_t start_ps = 0, end_ps = 0;
    std::uint32_t slice = 0;   // the slice (the first one of a merged box)
    std::uint32_t merged = 1;  // how many slices the box stands for (> 1: narrower than a pixel each)
  };
  // The boxes of row `row` overlapping [t0, t1), for `ps_per_px` picoseconds
  // per pixel (> 0). Appends to `out` in time order.
  void boxes(std::uint32_t row, std::int64_t t0, std::int64_t t1, double ps_per_px,
             std::vector<Box>& out) const;

  // The row holding slice `slice` (an index into the ordered trace.slices).
  std::uint32_t row_of(std::uint32_t slice) const;

  // How many slices of row `row` overlap [t0, t1) (two binary searches).
  std::uint64_t count(std::uint32_t row, std::int64_t t0, std::int64_t t1) const;

  // The deepest slice on `track` that contains time `t` (start <= t < end),
  // or -1: where a flow point binds ("bp":"e"), and what a click selects.
  std::int64_t slice_at(std::uint32_t track, std::int64_t t) const;
  // The first slice on `track` starting at or after `t` at any depth, or -1
  // (a flow end without "bp":"e" binds to the next slice).
  std::int64_t next_slice(std::uint32_t track, std::int64_t t) const;
  // The same, for many lookups that mostly come in time order (binding a
  // trace's flows): each row's search starts where its last one ended
  // (`hints`, one per row, kept by the caller), galloping from there.
  std::int64_t slice_at(std::uint32_t track, std::int64_t t, std::vector<std::uint32_t>& hints) const;
  std::int64_t next_slice(std::uint32_t track, std::int64_t t, std::vector<std::uint32_t>& hints) const;

  std::int64_t begin_ps() const { return begin_ps_; }  // the earliest start and latest end of all slices
  std::int64_t end_ps() const { return end_ps_; }

 private:
  std::uint32_t& hint(std::vector<std::uint32_t>& hints, std::uint32_t row) const;  // (sized on first use)

  const Trace& trace_;
  std::vector<Row> rows_;
  std::vector<std::uint32_t> first_row_;  // per track, into rows_ (and one past the last track)
  std::int64_t begin_ps_ = 0, end_ps_ = 0;
};

}  // namespace el::profile
