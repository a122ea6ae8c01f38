#include "profile/xplane_reader.h"

#include <optional>
#include <string>

#include "proto/xplane.pb.h"

namespace el::profile {
namespace {

// A protobuf varint at bytes[at..]; advances `at`. Nothing when it runs off the end.
std::optional<std::uint64_t> read_varint(std::span<const std::uint8_t> bytes, std::size_t& at) {
  std::uint64_t v = 0;
  for (int shift = 0; shift < 64 && at < bytes.size(); shift += 7) {
    const std::uint8_t b = bytes[at++];
    v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
    if (!(b & 0x80)) return v;
  }
  return std::nullopt;
}

bool shown_plane(const std::string& name) {
  return name == "/host:CPU" || name.starts_with("/device:GPU:") || name.starts_with("/device:TPU:");
}

// The step an event belongs to, from its step_name stat (a string, or a
// reference to a stat metadata whose name is the string); "" if none.
std::string step_name(const pb::XPlane& plane, const pb::XEvent& e, std::int64_t step_name_id) {
  for (const pb::XStat& s : e.stats()) {
    if (s.metadata_id() != step_name_id) continue;
    if (s.value_case() == pb::XStat::kStrValue) return s.str_value();
    if (s.value_case() == pb::XStat::kRefValue) {
      const auto it = plane.stat_metadata().find(static_cast<std::int64_t>(s.ref_value()));
      if (it != plane.stat_metadata().end()) return it->second.name();
    }
  }
  return {};
}

void add_plane(const pb::XPlane& plane, Trace& out) {
  if (!shown_plane(plane.name())) return;
  const auto process = static_cast<std::uint32_t>(out.processes.size());
  Process p;
  p.name = plane.name();
  p.pid = plane.id();
  out.processes.push_back(std::move(p));
  std::int64_t step_name_id = -1;
  for (const auto& [id, md] : plane.stat_metadata())
    if (md.name() == "step_name") step_name_id = id;
  for (const pb::XLine& line : plane.lines()) {
    const auto track = static_cast<std::uint32_t>(out.tracks.size());
    out.tracks.push_back({process, line.display_id() ? line.display_id() : line.id(),
                          line.display_name().empty() ? line.name() : line.display_name()});
    const std::int64_t origin_ps = line.timestamp_ns() * 1000;
    for (const pb::XEvent& e : line.events()) {
      if (e.data_case() == pb::XEvent::kNumOccurrences) continue;
      Slice s;
      s.start_ps = origin_ps + e.offset_ps();
      s.duration_ps = e.duration_ps();
      s.track = track;
      const auto md = plane.event_metadata().find(e.metadata_id());
      std::string name, full;
      if (md != plane.event_metadata().end()) {
        full = md->second.name();
        name = md->second.display_name().empty() ? full : md->second.display_name();
      }
      if (step_name_id >= 0) {
        std::string step = step_name(plane, e, step_name_id);
        if (!step.empty()) full = name, name = std::move(step);
      }
      s.name = out.intern(name);
      if (full != name) {  // the full name, kept in args as TensorBoard's trace viewer keeps it
        out.args.begin();
        out.args.add_string(out.intern("long_name"), out.intern(full));
        s.args = out.args.end();
      }
      out.slices.push_back(s);
    }
  }
}

}  // namespace

void read_xplane(std::string_view file, std::span<const std::uint8_t> bytes, Trace& out) {
  const std::string where(file);
  std::size_t at = 0;
  int planes = 0;
  struct Shrink {  // whichever way reading ends
    Trace& t;
    ~Shrink() { t.shrink(); }
  } shrink{out};
  while (at < bytes.size()) {
    const std::size_t field_at = at;
    const std::optional<std::uint64_t> key = read_varint(bytes, at);
    auto damaged = [&](const char* what) {
      out.problems.push_back(where + ": " + what + " at byte " + std::to_string(field_at) + " of " +
                             std::to_string(bytes.size()) + "; the " + std::to_string(planes) +
                             " plane(s) before it are kept");
    };
    if (!key) return damaged("truncated field");
    const std::uint64_t field = *key >> 3, wire = *key & 7;
    if (wire == 0) {
      if (!read_varint(bytes, at)) return damaged("truncated field");
      continue;
    }
    if (wire == 1 || wire == 5) {
      at += wire == 1 ? 8 : 4;
      if (at > bytes.size()) return damaged("truncated field");
      continue;
    }
    if (wire != 2) return damaged("not an XSpace (unknown wire type)");
    const std::optional<std::uint64_t> length = read_varint(bytes, at);
    if (!length || *length > bytes.size() - at) return damaged("truncated plane");
    const std::span<const std::uint8_t> body = bytes.subspan(at, static_cast<std::size_t>(*length));
    at += static_cast<std::size_t>(*length);
    if (field == 1) {
      pb::XPlane plane;
      if (!plane.ParseFromArray(body.data(), static_cast<int>(body.size()))) return damaged("corrupt plane");
      const std::size_t before = out.slices.size();
      add_plane(plane, out);
      if (out.slices.size() > before) out.phase_counts["X"] += out.slices.size() - before;
      ++planes;
    } else if (field == 2) {  // the profiler's own errors, worth showing
      out.problems.push_back(where + ": the profiler reported: " +
                             std::string(reinterpret_cast<const char*>(body.data()), body.size()));
    }
  }
}

}  // namespace el::profile
