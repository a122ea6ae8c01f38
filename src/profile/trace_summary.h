// What `eventlens export --kind profile` reports of a trace, and what tests
// check against an independent decoder: slices per process, the span, and
// the names that took the most time.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "profile/trace.h"

namespace el::profile {

struct NameTotal {
  std::string name;
  std::uint64_t count = 0;
  std::int64_t total_ps = 0;  // the sum of the slices' durations
};

struct TraceSummary {
  std::uint64_t slices = 0;
  std::map<std::string, std::uint64_t> per_process;  // slices per process (display_name)
  // Earliest start and latest end of slices, instants, counter samples and
  // flow points, in ps after Trace::base_us (0, 0 when there are none).
  std::int64_t begin_ps = 0, end_ps = 0;
  std::vector<NameTotal> top;  // slices by total time, longest first; ties by name
};

// How a process is listed: its label when it has one ("GPU 0"), else its name.
const std::string& display_name(const Process& p);

TraceSummary summarize(const Trace& trace, std::size_t top = 20);

}  // namespace el::profile
