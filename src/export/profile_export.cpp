#include "export/profile_export.h"

#include "profile/chrome_trace_reader.h"
#include "profile/op_table.h"
#include "profile/timeline.h"
#include "profile/trace_overview.h"
#include "profile/trace_summary.h"
#include "profile/xplane_reader.h"
#include "store/json_writer.h"

namespace el::exporting {
namespace {

// The operator table's 20 longest rows, the steps' breakdown, each GPU's busy
// time and each device's memory: what the Profile dashboard's tables show.
void write_tables(store::JsonWriter& j, profile::Trace& trace) {
  const profile::Timeline timeline(trace);  // orders the slices (self time needs the nesting)
  const std::vector<profile::OpRow> ops = profile::op_table(trace, timeline);
  j.key("ops").begin_array();
  for (std::size_t i = 0; i < ops.size() && i < 20; ++i) {
    const profile::OpRow& r = ops[i];
    j.begin_object().key("name").value(trace.text(r.name)).key("category").value(trace.text(r.category));
    j.key("kind").value(profile::kind_label(r.kind)).key("count").value(r.count);
    j.key("total_ps").value(r.total_ps).key("self_ps").value(r.self_ps);
    j.key("min_ps").value(r.min_ps).key("max_ps").value(r.max_ps).end_object();
  }
  j.end_array();
  const std::vector<profile::SliceKind> kinds = profile::slice_kinds(trace);
  j.key("steps").begin_array();
  for (const profile::StepTime& s : profile::step_times(trace, kinds)) {
    j.begin_object().key("name").value(trace.text(trace.slices[s.slice].name));
    j.key("start_ps").value(s.start_ps).key("duration_ps").value(s.duration_ps);
    j.key("kernel_ps").value(s.kernel_ps).key("memcpy_ps").value(s.memcpy_ps);
    j.key("runtime_ps").value(s.runtime_ps).key("cpu_ps").value(s.cpu_ps).key("other_ps").value(s.other_ps);
    j.end_object();
  }
  j.end_array().key("gpu_busy").begin_object();
  for (const profile::DeviceBusy& d : profile::device_busy(trace, kinds))
    j.key(profile::display_name(trace.processes[d.process])).value(d.busy_ps);
  j.end_object().key("memory").begin_array();
  for (const profile::MemorySeries& m : profile::memory_series(trace))
    j.begin_object()
        .key("device")
        .value(m.device)
        .key("samples")
        .value(static_cast<std::uint64_t>(m.ts_ps.size()))
        .key("peak_bytes")
        .value(m.peak_bytes)
        .key("last_bytes")
        .value(m.bytes.back())
        .end_object();
  j.end_array();
}

}  // namespace

bool read_profile(embed::FileAccess& files, const profile::ProfileFile& f, profile::Trace& trace,
                  std::string& error) {
  std::string bytes;
  if (!files.read(f.path, bytes, error)) return false;
  const std::span<const std::uint8_t> data(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size());
  if (f.format == profile::ProfileFormat::kXPlane)
    profile::read_xplane(f.path, data, trace);
  else
    profile::read_chrome_trace(f.path, data, trace);
  return true;
}

std::string export_profiles_json(embed::FileAccess& files, int& problems) {
  problems = 0;
  std::vector<std::string> messages;
  store::JsonWriter j;
  j.begin_object().key("profiles").begin_array();
  for (const profile::ProfileFile& f : profile::find_profiles(files.paths())) {
    std::string error;
    profile::Trace trace;
    if (!read_profile(files, f, trace, error)) {
      messages.push_back(f.path + ": " + error);
      ++problems;
      continue;
    }
    if (!trace.problems.empty()) ++problems;
    messages.insert(messages.end(), trace.problems.begin(), trace.problems.end());
    const profile::TraceSummary s = profile::summarize(trace);
    j.begin_object().key("file").value(f.path).key("run").value(f.run).key("host").value(f.host);
    j.key("format").value(f.format == profile::ProfileFormat::kXPlane ? "xplane" : "chrome");
    j.key("base_us").value(trace.base_us);
    j.key("phases").begin_object();
    for (const auto& [ph, n] : trace.phase_counts) j.key(ph).value(n);
    j.end_object().key("categories").begin_object();
    for (const auto& [cat, n] : trace.category_counts) j.key(cat).value(n);
    j.end_object();
    j.key("slices").value(s.slices).key("processes").begin_object();
    for (const auto& [name, n] : s.per_process) j.key(name).value(n);
    j.end_object().key("begin_ps").value(s.begin_ps).key("end_ps").value(s.end_ps).key("top").begin_array();
    for (const profile::NameTotal& t : s.top)
      j.begin_object()
          .key("name")
          .value(t.name)
          .key("count")
          .value(t.count)
          .key("total_ps")
          .value(t.total_ps)
          .end_object();
    j.end_array();
    write_tables(j, trace);
    j.end_object();
  }
  j.end_array().key("problems").begin_array();
  for (const std::string& m : messages) j.value(m);
  j.end_array().end_object();
  return j.take();
}

}  // namespace el::exporting
