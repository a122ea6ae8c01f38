// `eventlens bench --profile FILE | --profile-generate EVENTS`: how fast a
// Chrome trace is read and how much it holds. FILE is read into memory first
// and pushed in 1 MB slices, as the page pushes a file; a generated trace
// (kineto-like: CPU ops, runtime calls and kernels as X events with small
// args, and ac2g flows between them) is written 1 MB at a time and pushed
// as it is written, so it is never held whole. Only the pushes are timed.
// Prints JSON: JSON bytes and MB/s, events and events/s, and the trace's
// bytes per event (event tables, strings, arguments); then the timeline's
// build time and what a frame's queries cost 1,600 pixels wide (every row,
// all of the span, and 1 % of it).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "profile/chrome_trace_reader.h"
#include "profile/timeline.h"
#include "profile/trace_marks.h"
#include "profile/trace_summary.h"
#include "store/json_writer.h"

namespace el::cli {
namespace {

using Clock = std::chrono::steady_clock;
constexpr std::size_t kSlice = 1u << 20;

// Appends generated event `i` (of a step of 10) to `out`.
void generate_event(std::uint64_t i, std::string& out) {
  static const char* kOps[] = {"aten::conv2d", "aten::add_",  "aten::relu_", "aten::batch_norm",
                               "aten::mm",     "aten::empty", "aten::copy_", "aten::mul",
                               "aten::sum",    "aten::view"};
  const std::uint64_t ts = 1623142623460111ull + i * 3, corr = i / 10;
  char buf[320];
  int n = 0;
  switch (i % 10) {
    case 0:
    case 1:
    case 2:
    case 3:
      n = std::snprintf(
          buf, sizeof buf,
          "{\"ph\":\"X\",\"cat\":\"cpu_op\",\"name\":\"%s\",\"pid\":25738,\"tid\":25738,\"ts\":%llu,"
          "\"dur\":%llu,\"args\":{\"External id\":%llu}},\n",
          kOps[(i / 10) % 10], static_cast<unsigned long long>(ts),
          static_cast<unsigned long long>(1 + i % 7), static_cast<unsigned long long>(corr));
      break;
    case 4:
    case 5:
      n = std::snprintf(buf, sizeof buf,
                        "{\"ph\":\"X\",\"cat\":\"cuda_runtime\",\"name\":\"cudaLaunchKernel\",\"pid\":25738,"
                        "\"tid\":25738,\"ts\":%llu.%03llu,\"dur\":4.5,\"args\":{\"correlation\":%llu}},\n",
                        static_cast<unsigned long long>(ts), static_cast<unsigned long long>(i % 1000),
                        static_cast<unsigned long long>(corr));
      break;
    case 6:
    case 7:
      n = std::snprintf(
          buf, sizeof buf,
          "{\"ph\":\"X\",\"cat\":\"kernel\",\"name\":\"volta_sgemm_128x64_nn\",\"pid\":0,"
          "\"tid\":\"stream 7\",\"ts\":%llu,\"dur\":12,\"args\":{\"correlation\":%llu,\"stream\":7}},\n",
          static_cast<unsigned long long>(ts), static_cast<unsigned long long>(corr));
      break;
    case 8:
      n = std::snprintf(buf, sizeof buf,
                        "{\"ph\":\"s\",\"id\":%llu,\"pid\":25738,\"tid\":25738,\"ts\":%llu,\"cat\":\"ac2g\","
                        "\"name\":\"ac2g\"},\n",
                        static_cast<unsigned long long>(corr), static_cast<unsigned long long>(ts));
      break;
    default:
      n = std::snprintf(
          buf, sizeof buf,
          "{\"ph\":\"f\",\"id\":%llu,\"pid\":0,\"tid\":\"stream 7\",\"ts\":%llu,\"cat\":\"ac2g\","
          "\"name\":\"ac2g\",\"bp\":\"e\"},\n",
          static_cast<unsigned long long>(corr), static_cast<unsigned long long>(ts));
      break;
  }
  out.append(buf, static_cast<std::size_t>(n));
}

// The generated trace of `events` events, handed to `sink` about 1 MB at a time.
template <typename Sink>
void generate_trace(std::uint64_t events, Sink sink) {
  std::string chunk = "{\"schemaVersion\":1,\"traceEvents\":[\n";
  for (std::uint64_t i = 0; i < events; ++i) {
    generate_event(i, chunk);
    if (i + 1 == events) chunk.resize(chunk.size() - 2), chunk += "\n]}\n";
    if (chunk.size() >= kSlice || i + 1 == events) {
      sink(chunk);
      chunk.clear();
    }
  }
}

}  // namespace

int cmd_bench_profile(const std::vector<std::string>& args) {
  if (args.size() == 3 && args[0] == "--profile-write") {  // the generated trace as a file (page benchmarks)
    std::FILE* f = std::fopen(args[2].c_str(), "wb");
    bool ok = f != nullptr;
    generate_trace(std::stoull(args[1]), [&](const std::string& chunk) {
      ok = ok && std::fwrite(chunk.data(), 1, chunk.size(), f) == chunk.size();
    });
    if (f && std::fclose(f) != 0) ok = false;
    if (!ok) std::fprintf(stderr, "eventlens bench --profile-write: cannot write %s\n", args[2].c_str());
    return ok ? 0 : 2;
  }
  if (args.size() != 2 || (args[0] != "--profile" && args[0] != "--profile-generate")) {
    std::fprintf(
        stderr,
        "usage: eventlens bench --profile FILE | --profile-generate EVENTS | --profile-write EVENTS FILE\n");
    return 2;
  }
  profile::Trace trace;
  profile::ChromeTraceReader reader(args[0] == "--profile" ? args[1] : "generated.json", trace);
  double seconds = 0;
  auto push = [&](const std::string& bytes, std::size_t at, std::size_t n) {
    const auto t0 = Clock::now();
    reader.push({reinterpret_cast<const std::uint8_t*>(bytes.data()) + at, n});
    seconds += std::chrono::duration<double>(Clock::now() - t0).count();
  };
  std::uint64_t file_bytes = 0;
  if (args[0] == "--profile") {
    std::ifstream in(args[1], std::ios::binary);
    const std::string file{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    if (file.empty()) {
      std::fprintf(stderr, "eventlens bench --profile: cannot read %s\n", args[1].c_str());
      return 2;
    }
    file_bytes = file.size();
    for (std::size_t at = 0; at < file.size(); at += kSlice)
      push(file, at, std::min(kSlice, file.size() - at));
  } else {
    generate_trace(std::stoull(args[1]), [&](const std::string& chunk) {
      file_bytes += chunk.size();
      push(chunk, 0, chunk.size());
    });
  }
  const auto t0 = Clock::now();
  reader.finish();
  seconds += std::chrono::duration<double>(Clock::now() - t0).count();
  const profile::TraceSummary s = profile::summarize(trace, 3);
  const std::uint64_t events = reader.events();
  const double bytes_per_event = static_cast<double>(trace.memory_bytes()) / static_cast<double>(events);
  const auto b0 = Clock::now();
  const profile::Timeline timeline(trace);
  const double build_ms = std::chrono::duration<double, std::milli>(Clock::now() - b0).count();
  const auto m0 = Clock::now();
  const profile::TraceMarks marks(trace, timeline);
  const double marks_ms = std::chrono::duration<double, std::milli>(Clock::now() - m0).count();
  std::vector<profile::Timeline::Box> boxes;
  auto frame_ms = [&](std::int64_t t0, std::int64_t t1) {  // the median of 9 frames (the first warms up)
    std::vector<double> ms;
    for (int rep = 0; rep < 9; ++rep) {
      boxes.clear();
      const auto f0 = Clock::now();
      for (std::uint32_t row = 0; row < timeline.rows().size(); ++row)
        timeline.boxes(row, t0, t1, static_cast<double>(t1 - t0) / 1600, boxes);
      ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - f0).count());
    }
    std::nth_element(ms.begin(), ms.begin() + 4, ms.end());
    return ms[4];
  };
  const std::int64_t span = timeline.end_ps() - timeline.begin_ps();
  const double full_ms = frame_ms(timeline.begin_ps(), timeline.end_ps());
  const std::size_t full_boxes = boxes.size();
  const double zoom_ms =
      frame_ms(timeline.begin_ps() + span / 2, timeline.begin_ps() + span / 2 + span / 100);
  store::JsonWriter j;
  j.begin_object();
#ifdef __EMSCRIPTEN__
  j.key("engine").value("wasm");
#else
  j.key("engine").value("native");
#endif
  j.key("file_bytes").value(file_bytes).key("json_bytes").value(reader.json_bytes());
  j.key("events").value(events).key("slices").value(s.slices).key("seconds").value(seconds);
  j.key("json_mb_per_s").value(static_cast<double>(reader.json_bytes()) / 1e6 / seconds);
  j.key("events_per_s").value(static_cast<double>(events) / seconds);
  j.key("bytes_per_event").value(bytes_per_event);
  j.key("timeline_rows").value(static_cast<std::uint64_t>(timeline.rows().size()));
  j.key("timeline_build_ms").value(build_ms);
  j.key("marks_build_ms")
      .value(marks_ms)
      .key("flow_links")
      .value(static_cast<std::uint64_t>(marks.links().size()));
  j.key("frame_all_ms").value(full_ms).key("frame_all_boxes").value(static_cast<std::uint64_t>(full_boxes));
  j.key("frame_1pct_ms")
      .value(zoom_ms)
      .key("frame_1pct_boxes")
      .value(static_cast<std::uint64_t>(boxes.size()));
  j.key("problems").value(static_cast<std::uint64_t>(trace.problems.size()));
  j.end_object();
  std::printf("%s\n", j.take().c_str());
  return trace.problems.empty() ? 0 : 1;
}

}  // namespace el::cli
