// libFuzzer target: arbitrary bytes as a Chrome trace JSON file, pushed in two
// slices split where the first byte says (so events straddle pushes). Reading
// must never crash; every slice, instant and flow must name interned strings
// and a real track, every track a real process, every counter sample a real
// series; the result must not depend on the split (compared with one push).
// Then the dashboard's indexes and queries run on it, with their invariants:
// flow arrows bind to real slices, 0 <= self <= total per operator row (and
// each slice's self time adds up to its row's), a step's parts add up to the
// step, the range totals over the whole span add up to every duration, busy
// time never exceeds its kernels' time. (Sums past 2^63 ps are capped by the
// queries; the checks that add up skip those.)
#include <cstdint>
#include <cstdlib>
#include <map>

#include "profile/chrome_trace_reader.h"
#include "profile/op_table.h"
#include "profile/trace_marks.h"
#include "profile/trace_overview.h"
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
    if (f.track >= t.tracks.size() || f.name >= strings) std::abort();
  for (const el::profile::CounterSample& c : t.counters)
    if (c.series >= t.counter_series.size()) std::abort();
  for (const el::profile::CounterSeries& c : t.counter_series)
    if (c.process >= t.processes.size() || c.name >= strings) std::abort();
}

void check_queries(el::profile::Trace& t) {
  namespace pr = el::profile;
  const pr::Timeline tl(t);
  const pr::TraceMarks marks(t, tl);
  for (const pr::TraceMarks::Link& l : marks.links())
    if (l.from_slice >= static_cast<std::int64_t>(t.slices.size()) ||
        l.to_slice >= static_cast<std::int64_t>(t.slices.size()))
      std::abort();
  __int128 durations = 0;
  std::map<std::uint32_t, __int128> self_by_name, table_self_by_name;
  for (std::uint32_t i = 0; i < t.slices.size(); ++i) {
    durations += t.slices[i].duration_ps;
    self_by_name[t.slices[i].name] += pr::self_time(t, tl, i);
  }
  const bool fits = durations < static_cast<__int128>(INT64_MAX);  // no sum was capped
  std::uint64_t counted = 0;
  for (const pr::OpRow& r : pr::op_table(t, tl)) {
    if (r.self_ps < 0 || r.self_ps > r.total_ps || r.min_ps > r.max_ps) std::abort();
    counted += r.count;
    table_self_by_name[r.name] += r.self_ps;
  }
  if (counted != t.slices.size() || (fits && self_by_name != table_self_by_name)) std::abort();
  const std::vector<pr::SliceKind> kinds = pr::slice_kinds(t);
  for (const pr::StepTime& s : pr::step_times(t, kinds))
    if (s.kernel_ps + s.memcpy_ps + s.runtime_ps + s.cpu_ps + s.other_ps != s.duration_ps) std::abort();
  for (const pr::DeviceBusy& d : pr::device_busy(t, kinds))
    if (d.busy_ps < 0 || d.busy_ps > durations) std::abort();
  __int128 inside = 0;
  for (const pr::RangeTotal& r : pr::range_totals(t, tl, tl.begin_ps(), tl.end_ps())) inside += r.total_ps;
  if (fits && inside != durations) std::abort();
  (void)pr::memory_series(t);
  (void)pr::device_properties(t);
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
  check_queries(whole);
  return 0;
}
