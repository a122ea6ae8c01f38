#include "export/profile_export.h"

#include "profile/chrome_trace_reader.h"
#include "profile/trace_summary.h"
#include "profile/xplane_reader.h"
#include "store/json_writer.h"

namespace el::exporting {

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
    j.end_array().end_object();
  }
  j.end_array().key("problems").begin_array();
  for (const std::string& m : messages) j.value(m);
  j.end_array().end_object();
  return j.take();
}

}  // namespace el::exporting
