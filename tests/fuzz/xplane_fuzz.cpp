// libFuzzer target: arbitrary bytes as an xplane.pb. Reading must never
// crash; every slice must name an interned string and a real track, every
// track a real process; damage must be reported as a problem with its byte.
#include <cstdint>
#include <cstdlib>

#include "profile/trace_summary.h"
#include "profile/xplane_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  el::profile::Trace t;
  el::profile::read_xplane("fuzz.xplane.pb", {data, size}, t);
  for (const el::profile::Track& tr : t.tracks)
    if (tr.process >= t.processes.size()) std::abort();
  for (const el::profile::Slice& s : t.slices)
    if (s.track >= t.tracks.size() || s.name >= t.string_count()) std::abort();
  for (const el::profile::Slice& s : t.slices) (void)t.args_json(s.args);
  for (const std::string& p : t.problems)
    if (p.find(" at byte ") == std::string::npos && p.find("the profiler reported") == std::string::npos)
      std::abort();
  (void)el::profile::summarize(t);
  return 0;
}
