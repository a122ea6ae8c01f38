#include "profile/trace_summary.h"

#include <algorithm>
#include <limits>

namespace el::profile {

const std::string& display_name(const Process& p) { return p.label.empty() ? p.name : p.label; }

TraceSummary summarize(const Trace& trace, std::size_t top) {
  TraceSummary out;
  out.slices = trace.slices.size();
  std::vector<NameTotal> by_name(trace.string_count());
  std::vector<std::uint64_t> per_process(trace.processes.size(), 0);
  std::int64_t begin = std::numeric_limits<std::int64_t>::max(),
               end = std::numeric_limits<std::int64_t>::min();
  for (const Slice& s : trace.slices) {
    NameTotal& n = by_name[s.name];
    ++n.count;
    n.total_ps = add_capped(n.total_ps, s.duration_ps);
    ++per_process[trace.tracks[s.track].process];
    begin = std::min(begin, s.start_ps);
    end = std::max(end, s.start_ps + s.duration_ps);
  }
  auto at = [&](std::int64_t t) { begin = std::min(begin, t), end = std::max(end, t); };
  for (const Instant& i : trace.instants) at(i.ts_ps);
  for (const CounterSample& c : trace.counters) at(c.ts_ps);
  for (const FlowPoint& f : trace.flows) at(f.ts_ps);
  if (begin <= end) out.begin_ps = begin, out.end_ps = end;
  for (std::size_t p = 0; p < per_process.size(); ++p)
    out.per_process[display_name(trace.processes[p])] += per_process[p];
  for (std::uint32_t id = 0; id < by_name.size(); ++id) by_name[id].name = trace.text(id);
  std::erase_if(by_name, [](const NameTotal& n) { return n.count == 0; });
  std::sort(by_name.begin(), by_name.end(), [](const NameTotal& a, const NameTotal& b) {
    return a.total_ps != b.total_ps ? a.total_ps > b.total_ps : a.name < b.name;
  });
  if (by_name.size() > top) by_name.resize(top);
  out.top = std::move(by_name);
  return out;
}

}  // namespace el::profile
