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
  std::map<std::string, std::uint64_t> per_process;  // slices per process name
  std::int64_t begin_ps = 0, end_ps = 0;             // earliest start, latest end (0, 0 when empty)
  std::vector<NameTotal> top;                        // by total time, longest first; ties by name
};

TraceSummary summarize(const Trace& trace, std::size_t top = 20);

}  // namespace el::profile
