// A profile as a timeline: processes (a host, a GPU) holding tracks (a
// thread, a CUDA stream), each holding slices with a start and a duration in
// integer picoseconds (exact for PyTorch's fractional microseconds and for
// xplane's ps offsets alike), plus a Chrome trace's instants, counters and
// flows. Times are relative to `base_us` (0 for xplane, whose times are
// already relative): epoch microseconds in picoseconds would overflow 64 bits.
// Names are interned: a million slices of a hundred kernels hold a hundred
// strings. Arguments are kept compactly in one arena (trace_args.h). Readers
// (xplane_reader, chrome_trace_reader) fill it; the summary and the Profile
// dashboard read it. Plain C++, no UI.
#pragma once
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "profile/trace_args.h"

namespace el::profile {

struct Process {
  std::string name;  // "/host:CPU", "/device:GPU:0", or a trace's process_name (else its pid)
  std::int64_t pid = 0;
  std::string label;  // a trace's process_labels ("GPU 0"), if any
  std::int64_t sort_index = 0;
};

struct Track {
  std::uint32_t process = 0;  // index into Trace::processes
  std::int64_t tid = 0;
  std::string name;  // "python", "Stream #35(MemcpyH2D)"
};

// 32 bytes: a million slices are 32 MB.
struct Slice {
  std::int64_t start_ps = 0, duration_ps = 0;
  std::uint32_t name = 0;      // interned
  std::uint32_t track = 0;     // index into Trace::tracks
  std::uint32_t category = 0;  // interned (0: none)
  std::uint32_t args = 0;      // Trace::args id (0: none)
};

// An instant event (Chrome "i"/"I"): a tick on its track; scope 'g' (global),
// 'p' (process) or 't' (thread).
struct Instant {
  std::int64_t ts_ps = 0;
  std::uint32_t name = 0, track = 0, category = 0, args = 0;
  char scope = 't';
};

// A counter (Chrome "C"): each key of its args is a series of a process.
struct CounterSeries {
  std::uint32_t process = 0;
  std::uint32_t name = 0;  // interned: the event's name, then "." and the key when it has several
};
struct CounterSample {
  std::int64_t ts_ps = 0;
  double value = 0;
  std::uint32_t series = 0;  // index into Trace::counter_series
};

// One end or step of a flow (Chrome "s", "t", "f"): points with the same id
// connect, in time order, from the slice around each point on its track.
struct FlowPoint {
  std::int64_t ts_ps = 0;
  std::uint32_t id = 0;  // the flow's id as a number from 1 (0: none): equal ids as written, equal numbers
  std::uint32_t name = 0, category = 0;
  std::uint32_t track : 29 = 0;
  std::uint32_t phase : 2 = 0;  // 0 's', 1 't', 2 'f'
  std::uint32_t binds_next : 1 =
      0;  // an 'f' without "bp":"e": bound to the next slice to start (else the enclosing one)
  char phase_char() const { return "stf"[phase]; }
};

// A sum of durations that stops at the largest int64 (106 days in ps)
// instead of overflowing (a damaged or hostile trace can hold such times).
inline std::int64_t add_capped(std::int64_t a, std::int64_t b) {
  std::int64_t out;
  return __builtin_add_overflow(a, b, &out) ? (b < 0 ? INT64_MIN : INT64_MAX) : out;
}

class Trace {
 public:
  Trace();
  // Interns `s`: the same text always gets the same id; id 0 is "".
  std::uint32_t intern(std::string_view s);
  const std::string& text(std::uint32_t id) const { return strings_[id]; }
  // The id of `s` if it was interned, else 0.
  std::uint32_t find(std::string_view s) const {
    const auto it = ids_.find(s);
    return it == ids_.end() ? 0 : it->second;
  }
  std::size_t string_count() const { return strings_.size(); }

  // An argument set as JSON ("{}" for 0).
  std::string args_json(std::uint32_t id) const { return args.json(id, *this); }
  // Bytes held: the event tables (by capacity), the strings and the arguments.
  std::size_t memory_bytes() const;
  // Gives back the tables' spare capacity (a reader calls it when done).
  void shrink();

  std::vector<Process> processes;
  std::vector<Track> tracks;
  std::vector<Slice> slices;  // in the order read (a B/E pair when its E is read)
  std::vector<Instant> instants;
  std::vector<CounterSeries> counter_series;
  std::vector<CounterSample> counters;
  std::vector<FlowPoint> flows;
  ArgsArena args;
  std::int64_t base_us = 0;  // times are in ps after this many microseconds
  // Events read per phase ("X", "B", "M", ...; xplane: "X") and per category (events with a "cat").
  std::map<std::string, std::uint64_t> phase_counts, category_counts;
  // A Chrome trace's other top-level members (deviceProperties, distributedInfo, ...) as JSON.
  std::map<std::string, std::string> metadata;
  std::vector<std::string> problems;  // what could not be read, with where

 private:
  std::deque<std::string> strings_;  // (a deque: the keys below view into it)
  std::unordered_map<std::string_view, std::uint32_t> ids_;
};

}  // namespace el::profile
