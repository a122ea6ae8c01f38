// libFuzzer target: arbitrary bytes as a Chrome trace JSON file, pushed in two
// slices split where the first byte says (so events straddle pushes). Reading
// must never crash; every slice, instant and flow must name interned strings
// and a real track, every track a real process, every counter sample a real
// series; the result must not depend on the split (compared with one push).
#include <cstdint>
#include <cstdlib>

#include "profile/chrome_trace_reader.h"
#include "profile/trace_summary.h"

namespace {

void check(const el::profile::Trace& t) {
  const std::size_t strings = t.string_count();
  for (const el::profile::Track& tr : t.tracks)
    if (tr.process >= t.processes.size()) std::abort();
  for (const el::profile::Slice& s : t.slices)
    if (s.track >= t.tracks.size() || s.name >= strings || s.category >= strings || s.duration_ps < 0)
      std::abort();
  for (const el::profile::Slice& s : t.slices) (void)t.args_json(s.args);  // every set decodes
  for (const el::profile::Instant& i : t.instants)
    if (i.track >= t.tracks.size() || i.name >= strings) std::abort();
  for (const el::profile::FlowPoint& f : t.flows)
    if (f.track >= t.tracks.size() || f.name >= strings || f.id >= strings) std::abort();
  for (const el::profile::CounterSample& c : t.counters)
    if (c.series >= t.counter_series.size()) std::abort();
  for (const el::profile::CounterSeries& c : t.counter_series)
    if (c.process >= t.processes.size() || c.name >= strings) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  el::profile::Trace whole, split;
  el::profile::read_chrome_trace("fuzz.json", {data, size}, whole);
  check(whole);
  const std::size_t cut = size ? data[0] % (size + 1) : 0;
  el::profile::ChromeTraceReader reader("fuzz.json", split);
  reader.push({data, cut});
  reader.push({data + cut, size - cut});
  reader.finish();
  check(split);
  const el::profile::TraceSummary a = el::profile::summarize(whole), b = el::profile::summarize(split);
  if (a.slices != b.slices || a.begin_ps != b.begin_ps || a.end_ps != b.end_ps ||
      a.top.size() != b.top.size() || whole.problems != split.problems ||
      whole.phase_counts != split.phase_counts)
    std::abort();
  return 0;
}
