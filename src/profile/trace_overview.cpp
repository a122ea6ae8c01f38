#include "profile/trace_overview.h"

#include <algorithm>
#include <array>
#include <map>
#include <numeric>
#include <utility>

#include "simdjson.h"

namespace el::profile {
namespace {

// The classes of the step breakdown, in priority order.
enum Class : int { kKernel, kMemcpy, kRuntime, kCpu, kClasses };

int class_of(SliceKind k) {
  switch (k) {
    case SliceKind::kKernel: return kKernel;
    case SliceKind::kMemcpy:
    case SliceKind::kMemset: return kMemcpy;
    case SliceKind::kRuntime: return kRuntime;
    case SliceKind::kCpuOp: return kCpu;
    default: return -1;
  }
}

}  // namespace

std::vector<StepTime> step_times(const Trace& trace, const std::vector<SliceKind>& kinds) {
  const std::vector<Slice>& slices = trace.slices;
  // The track with the most step markers (ties: the one stepping first).
  std::map<std::uint32_t, std::pair<std::uint64_t, std::int64_t>> per_track;  // track -> (count, first start)
  for (std::uint32_t i = 0; i < slices.size(); ++i) {
    if (kinds[i] != SliceKind::kStep) continue;
    auto [it, fresh] = per_track.try_emplace(slices[i].track, 0, slices[i].start_ps);
    ++it->second.first;
    it->second.second = std::min(it->second.second, slices[i].start_ps);
  }
  std::uint32_t step_track = ~0u;
  std::pair<std::uint64_t, std::int64_t> best{0, 0};
  for (const auto& [track, stats] : per_track)
    if (stats.first > best.first || (stats.first == best.first && stats.second < best.second))
      step_track = track, best = stats;
  std::vector<StepTime> steps;
  for (std::uint32_t i = 0; i < slices.size(); ++i)
    if (kinds[i] == SliceKind::kStep && slices[i].track == step_track)
      steps.push_back({i, slices[i].start_ps, slices[i].duration_ps});
  std::sort(steps.begin(), steps.end(), [](const StepTime& a, const StepTime& b) {
    return a.start_ps != b.start_ps ? a.start_ps < b.start_ps : a.slice < b.slice;
  });
  if (steps.empty()) return steps;

  // A sweep over every classed slice's start (+1) and end (-1): between two
  // consecutive times, the highest class with a slice open owns the time.
  struct Edge {
    std::int64_t t;
    int cls, delta;
  };
  std::vector<Edge> edges;
  for (std::uint32_t i = 0; i < slices.size(); ++i) {
    const int c = class_of(kinds[i]);
    if (c < 0 || slices[i].duration_ps <= 0) continue;
    edges.push_back({slices[i].start_ps, c, +1});
    edges.push_back({slices[i].start_ps + slices[i].duration_ps, c, -1});
  }
  std::sort(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) { return a.t < b.t; });
  std::array<std::int64_t, kClasses> open{};
  std::size_t first_step = 0;
  // Adds [x, y), owned by class c (-1: other), to the steps it overlaps.
  auto credit = [&](std::int64_t x, std::int64_t y, int c) {
    while (first_step < steps.size() && steps[first_step].start_ps + steps[first_step].duration_ps <= x)
      ++first_step;
    for (std::size_t k = first_step; k < steps.size() && steps[k].start_ps < y; ++k) {
      StepTime& s = steps[k];
      const std::int64_t d = std::min(y, s.start_ps + s.duration_ps) - std::max(x, s.start_ps);
      if (d <= 0) continue;
      std::int64_t* to[] = {&s.kernel_ps, &s.memcpy_ps, &s.runtime_ps, &s.cpu_ps};
      *(c < 0 ? &s.other_ps : to[c]) += d;
    }
  };
  std::int64_t at = steps.front().start_ps;
  for (const Edge& e : edges) {
    if (e.t > at) {
      int owner = -1;
      for (int c = 0; c < kClasses && owner < 0; ++c)
        if (open[c] > 0) owner = c;
      credit(at, e.t, owner);
      at = e.t;
    }
    open[e.cls] += e.delta;
  }
  std::int64_t last = 0;
  for (const StepTime& s : steps) last = std::max(last, s.start_ps + s.duration_ps);
  if (last > at) credit(at, last, -1);
  return steps;
}

std::vector<DeviceBusy> device_busy(const Trace& trace, const std::vector<SliceKind>& kinds) {
  std::map<std::uint32_t, std::vector<std::pair<std::int64_t, std::int64_t>>> kernels;  // process -> spans
  for (std::uint32_t i = 0; i < trace.slices.size(); ++i) {
    if (kinds[i] != SliceKind::kKernel) continue;
    const Slice& s = trace.slices[i];
    kernels[trace.tracks[s.track].process].push_back({s.start_ps, s.start_ps + s.duration_ps});
  }
  std::vector<DeviceBusy> out;
  for (auto& [process, spans] : kernels) {
    std::sort(spans.begin(), spans.end());
    DeviceBusy d{process, 0, spans.size()};
    std::int64_t covered_to = spans.front().first;
    for (const auto& [a, b] : spans) {
      const std::int64_t from = std::max(a, covered_to);
      if (b > from) d.busy_ps += b - from;
      covered_to = std::max(covered_to, b);
    }
    out.push_back(d);
  }
  return out;
}

std::vector<MemorySeries> memory_series(const Trace& trace) {
  const std::uint32_t memory = trace.find("[memory]");
  if (!memory) return {};
  const std::uint32_t k_type = trace.find("Device Type"), k_id = trace.find("Device Id"),
                      k_bytes = trace.find("Bytes"), k_total = trace.find("Total Allocated");
  std::vector<std::uint32_t> order;
  for (std::uint32_t i = 0; i < trace.instants.size(); ++i)
    if (trace.instants[i].name == memory) order.push_back(i);
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return trace.instants[a].ts_ps < trace.instants[b].ts_ps;
  });
  std::map<std::pair<std::int64_t, std::int64_t>, MemorySeries> by_device;
  for (const std::uint32_t i : order) {
    const Instant& e = trace.instants[i];
    std::int64_t type = 0, id = -1, bytes = 0, total = 0;
    trace.args.get_int(e.args, k_type, type);
    trace.args.get_int(e.args, k_id, id);
    const bool has_total = k_total && trace.args.get_int(e.args, k_total, total);
    if (!has_total && !(k_bytes && trace.args.get_int(e.args, k_bytes, bytes))) continue;
    MemorySeries& s = by_device[{type, id}];
    if (s.ts_ps.empty()) {
      s.device_type = type, s.device_id = id;
      s.device = type == 0   ? "CPU"
                 : type == 1 ? "GPU " + std::to_string(id)
                             : "device type " + std::to_string(type) + " id " + std::to_string(id);
    }
    const std::int64_t now = has_total ? total : (s.bytes.empty() ? 0 : s.bytes.back()) + bytes;
    s.ts_ps.push_back(e.ts_ps);
    s.bytes.push_back(now);
    s.peak_bytes = std::max(s.peak_bytes, now);
  }
  std::vector<MemorySeries> out;
  for (auto& [key, s] : by_device) out.push_back(std::move(s));
  return out;
}

std::vector<std::vector<std::pair<std::string, std::string>>> device_properties(const Trace& trace) {
  std::vector<std::vector<std::pair<std::string, std::string>>> out;
  const auto it = trace.metadata.find("deviceProperties");
  if (it == trace.metadata.end()) return out;
  simdjson::dom::parser parser;
  simdjson::dom::element doc;
  simdjson::dom::array devices;
  if (parser.parse(it->second).get(doc) || doc.get_array().get(devices)) return out;
  for (const simdjson::dom::element device : devices) {
    simdjson::dom::object members;
    if (device.get_object().get(members)) continue;
    auto& props = out.emplace_back();
    for (const simdjson::dom::key_value_pair kv : members) {
      std::string_view text;
      std::string value = kv.value.get_string().get(text) ? simdjson::minify(kv.value) : std::string(text);
      props.emplace_back(std::string(kv.key), std::move(value));
    }
  }
  return out;
}

}  // namespace el::profile
