// Thinning histogram series under memory pressure: TensorBoard's reservoir
// rule over a store's columns. Store::set_histogram_keep turns it on.
//
// The rule, for the n-th record offered (counting from 0) to a reservoir that
// keeps k: while fewer than k are kept, keep it. Otherwise draw r uniformly
// from [0, n]; if r < k, the r-th kept record is dropped and the new one
// appended; if not, the new one replaces the newest kept (the newest record
// is always shown). Every record ends up kept with the same probability.
//
// Dropping a record erases one entry of the small per-record columns; its
// bucket values stay in `counts` / `edges` as dead space, compacted in one
// pass once they are an eighth of it (so each value moves O(1) times, and a
// thinned series holds at most 8/7 of its live values).
#include <algorithm>

#include "store/store.h"

namespace el::store {
namespace {

std::uint64_t next_random(std::uint64_t& state) {  // splitmix64
  std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

// Which kept record the n-th offer displaces: an index < keep, or keep - 1
// (the newest) when the draw misses. The caller has `keep` records kept.
std::size_t displaced(HistogramReservoir& r, std::uint64_t n) {
  const std::uint64_t draw = next_random(r.rng) % (n + 1);
  return draw < r.keep ? static_cast<std::size_t>(draw) : r.keep - 1;
}

template <typename T>
void erase_at(std::vector<T>& column, std::size_t i) {
  column.erase(column.begin() + static_cast<std::ptrdiff_t>(i));
}

// Copies the live records' values to fresh columns, in order.
void compact(Series& s) {
  // Room for the records that come until the next compaction (at an eighth
  // dead): the columns then never grow by doubling.
  std::vector<double> counts, edges;
  std::size_t live_counts = 0, live_edges = 0;
  for (std::size_t i = 0; i < s.size(); ++i) live_counts += s.count_size[i], live_edges += s.edge_size[i];
  counts.reserve(live_counts + live_counts / 7 + 64);
  edges.reserve(live_edges + live_edges / 7 + 64);
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto cb = s.counts.begin() + s.count_begin[i], eb = s.edges.begin() + s.edge_begin[i];
    s.count_begin[i] = static_cast<std::uint32_t>(counts.size());
    s.edge_begin[i] = static_cast<std::uint32_t>(edges.size());
    counts.insert(counts.end(), cb, cb + s.count_size[i]);
    edges.insert(edges.end(), eb, eb + s.edge_size[i]);
  }
  s.counts = std::move(counts);
  s.edges = std::move(edges);
  s.reservoir->dead_counts = s.reservoir->dead_edges = 0;
}

// Room for as many records as a thinned series ever holds (the kept ones and
// a seventh more of dead space), sized by its newest record: its columns then
// never grow by doubling, which would briefly hold twice that.
void reserve_kept_rows(Series& s) {
  if (s.size() == 0) return;
  const std::size_t rows = s.reservoir->keep + s.reservoir->keep / 7 + 1;
  s.counts.reserve(std::max(s.counts.size(), rows * s.count_size.back()));
  s.edges.reserve(std::max(s.edges.size(), rows * s.edge_size.back()));
}

void drop_record(Series& s, std::size_t i) {
  s.reservoir->dead_counts += s.count_size[i];
  s.reservoir->dead_edges += s.edge_size[i];
  erase_at(s.steps, i);
  erase_at(s.wall_times, i);
  erase_at(s.count_begin, i);
  erase_at(s.count_size, i);
  erase_at(s.edge_begin, i);
  erase_at(s.edge_size, i);
}

void compact_past_slack(Series& s) {
  const HistogramReservoir& r = *s.reservoir;
  if (r.dead_counts + r.dead_edges > (s.counts.size() + s.edges.size()) / 8) compact(s);
}

// Runs the rule over the records `s` already holds, as if it had been on from
// the start (or again, over what a larger `keep` left); returns how many were dropped.
std::uint64_t thin_existing(Series& s, std::uint32_t keep) {
  auto& r = s.reservoir;
  if (!r) {
    r = std::make_unique<HistogramReservoir>();
    r->seen = s.size();
  }
  r->keep = keep;
  if (s.size() <= keep) {
    reserve_kept_rows(s);
    return 0;
  }
  // Replay the offers on record indices, then keep the survivors' columns.
  HistogramReservoir replay{keep, 0, 0, 0, 0};
  std::vector<std::uint32_t> kept;
  kept.reserve(keep);
  for (std::uint32_t i = 0; i < s.size(); ++i, ++replay.seen) {
    if (kept.size() < keep) {
      kept.push_back(i);
      continue;
    }
    erase_at(kept, displaced(replay, replay.seen));
    kept.push_back(i);
  }
  r->rng = replay.rng;
  const std::uint64_t dropped = s.size() - kept.size();
  auto keep_only = [&kept](auto& column) {
    for (std::size_t j = 0; j < kept.size(); ++j) column[j] = column[kept[j]];
    column.resize(kept.size());
  };
  keep_only(s.steps);
  keep_only(s.wall_times);
  keep_only(s.count_begin);
  keep_only(s.count_size);
  keep_only(s.edge_begin);
  keep_only(s.edge_size);
  compact(s);
  ++s.version;
  return dropped;
}

}  // namespace

void Store::set_histogram_keep(std::uint32_t keep) {
  if (keep == 0 || (histogram_keep_ != 0 && keep >= histogram_keep_)) return;
  histogram_keep_ = keep;
  for (auto& [name, run] : runs_)
    for (auto& [tag, s] : run.tags)
      if (s.kind == events::Kind::kHistograms) histogram_dropped_ += thin_existing(s, keep);
  ++version_;
}

void Store::offer_histogram(Series& s) {
  if (histogram_keep_ == 0) return;
  if (!s.reservoir) {  // a series that began after thinning was turned on
    s.reservoir = std::make_unique<HistogramReservoir>();
    s.reservoir->keep = histogram_keep_;
    s.reservoir->seen = s.size() - 1;
    reserve_kept_rows(s);
  }
  HistogramReservoir& r = *s.reservoir;
  const std::uint64_t n = r.seen++;
  if (s.size() <= r.keep) return;
  // The new record is appended; drop the one it displaces (the previous newest when the draw misses).
  drop_record(s, displaced(r, n));
  ++histogram_dropped_;
  compact_past_slack(s);
}

}  // namespace el::store
