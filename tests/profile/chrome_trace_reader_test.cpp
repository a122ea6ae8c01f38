// Chrome trace JSON to timeline: exact times from the text, every phase on
// hand-written traces with values worked out by hand, pushes of any size,
// gzip, damage named with its byte, discovery, and the kineto 2021 corpus
// trace against the facts of tests/tools/profile_facts.py.
#include "profile/chrome_trace_reader.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "profile/discovery.h"
#include "profile/trace_summary.h"
#include "profile/trace_time.h"
#include "support/gzip.h"
#include "support/test_files.h"

namespace el::profile {
namespace {

std::span<const std::uint8_t> bytes_of(const std::string& s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

Trace read(const std::string& json, std::size_t piece = 0) {
  Trace t;
  if (piece == 0) {
    read_chrome_trace("t.json", bytes_of(json), t);
    return t;
  }
  ChromeTraceReader r("t.json", t);
  for (std::size_t at = 0; at < json.size(); at += piece)
    r.push(bytes_of(json).subspan(at, std::min(piece, json.size() - at)));
  r.finish();
  return t;
}

TEST(TraceTime, MicrosecondsFromTheirText) {
  // 1712195495519689.047 µs: 47 ns past the whole microsecond, which a double cannot hold.
  auto t = parse_microseconds("1712195495519689.047");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->whole, 1712195495519689);
  EXPECT_EQ(t->fraction, 47000);
  t = parse_microseconds(" -1.5\n");  // floor: -2 µs + 0.5 µs
  ASSERT_TRUE(t);
  EXPECT_EQ(t->whole, -2);
  EXPECT_EQ(t->fraction, 500000);
  t = parse_microseconds("1e3");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->whole, 1000);
  EXPECT_EQ(t->fraction, 0);
  t = parse_microseconds("0.0000005");  // half a picosecond: truncated
  ASSERT_TRUE(t);
  EXPECT_EQ(t->whole, 0);
  EXPECT_EQ(t->fraction, 0);
  // 20 fractional digits (the fast path stops at a 7th): 1.000001999... µs truncated to the ps.
  t = parse_microseconds("1.00000199999999999999");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->whole, 1);
  EXPECT_EQ(t->fraction, 1);
  EXPECT_EQ(parse_duration_ps("2.5E-1"), 250000);
  EXPECT_EQ(parse_duration_ps("0.000001"), 1);
  EXPECT_EQ(parse_duration_ps("25"), 25000000);
  EXPECT_FALSE(parse_microseconds(""));
  EXPECT_FALSE(parse_microseconds("abc"));
  EXPECT_FALSE(parse_microseconds("1e"));
  EXPECT_FALSE(parse_microseconds("12 34"));
}

TEST(ChromeTraceReader, TimesAreExactAndAfterTheFirstEventsMicrosecond) {
  const std::string json = R"({"traceEvents":[
    {"ph":"X","name":"first","pid":1,"tid":2,"ts":1712195495519689.047,"dur":0.5},
    {"ph":"X","name":"early","pid":1,"tid":2,"ts":1712195495519688.9999999,"dur":1e-3},
    {"ph":"i","name":"tick","pid":1,"tid":2,"ts":"1712195495519690","s":"t"}
  ], "displayTimeUnit": "ns"})";
  const Trace t = read(json);
  EXPECT_TRUE(t.problems.empty());
  EXPECT_EQ(t.base_us, 1712195495519689);
  ASSERT_EQ(t.slices.size(), 2u);
  EXPECT_EQ(t.slices[0].start_ps, 47000);
  EXPECT_EQ(t.slices[0].duration_ps, 500000);
  // 1712195495519688.9999999 µs is 1 ps (and a tenth, dropped) before the base's microsecond.
  EXPECT_EQ(t.slices[1].start_ps, -1);
  EXPECT_EQ(t.slices[1].duration_ps, 1000);
  ASSERT_EQ(t.instants.size(), 1u);
  EXPECT_EQ(t.instants[0].ts_ps, 1000000);
  EXPECT_EQ(t.metadata.at("displayTimeUnit"), "\"ns\"");
  const TraceSummary s = summarize(t);
  EXPECT_EQ(s.begin_ps, -1);
  EXPECT_EQ(s.end_ps, 1000000);
}

// Every phase, in a bare array: metadata names, nested B/E, an E without a B,
// a B never ended, counters (one with its args before its "ph"), a flow, a global instant.
const char* kPhases = R"([
  {"name":"process_name","ph":"M","pid":7,"args":{"name":"trainer"}},
  {"name":"process_labels","ph":"M","pid":7,"args":{"labels":"GPU 0"}},
  {"name":"thread_name","ph":"M","pid":7,"tid":"stream 7","args":{"name":"Stream #7"}},
  {"ph":"B","name":"outer","cat":"op","pid":7,"tid":"stream 7","ts":10,"args":{"k":1}},
  {"ph":"B","name":"inner","pid":7,"tid":"stream 7","ts":11},
  {"ph":"E","pid":7,"tid":"stream 7","ts":13},
  {"ph":"E","pid":7,"tid":"stream 7","ts":20},
  {"ph":"E","pid":7,"tid":"other","ts":21},
  {"ph":"B","name":"open","pid":7,"tid":"stream 7","ts":22},
  {"args":{"a":1,"b":2.5},"ph":"C","name":"mem","pid":7,"ts":23},
  {"ph":"C","name":"util","pid":7,"ts":24,"args":{"value":0.75}},
  {"ph":"s","id":5,"name":"flow","cat":"ac2g","pid":7,"tid":"stream 7","ts":12},
  {"ph":"f","id":5,"bp":"e","name":"flow","cat":"ac2g","pid":8,"tid":1,"ts":30},
  {"ph":"I","s":"g","name":"global","ts":25}
])";

void expect_phases(const Trace& t) {
  EXPECT_EQ(t.base_us, 10);  // the first event with a time: "outer"
  // Slices as their ends are read: inner, outer; "open" at the end, drawn to the latest time (30 µs).
  ASSERT_EQ(t.slices.size(), 3u);
  EXPECT_EQ(t.text(t.slices[0].name), "inner");
  EXPECT_EQ(t.slices[0].start_ps, 1000000);
  EXPECT_EQ(t.slices[0].duration_ps, 2000000);
  EXPECT_EQ(t.text(t.slices[1].name), "outer");
  EXPECT_EQ(t.slices[1].start_ps, 0);
  EXPECT_EQ(t.slices[1].duration_ps, 10000000);
  EXPECT_EQ(t.text(t.slices[1].category), "op");
  EXPECT_EQ(t.args_json(t.slices[1].args), R"({"k":1})");
  EXPECT_EQ(t.text(t.slices[2].name), "open");
  EXPECT_EQ(t.slices[2].start_ps, 12000000);
  EXPECT_EQ(t.slices[2].duration_ps, 8000000);
  ASSERT_EQ(t.problems.size(), 2u);
  EXPECT_EQ(t.problems[0], "t.json: 1 B events were never ended; drawn to the trace's end");
  EXPECT_EQ(t.problems[1], "t.json: 1 E events had no B to end");
  // Processes: pid 7 (named and labelled), pid 8 (from the flow), none (the global instant).
  ASSERT_EQ(t.processes.size(), 3u);
  EXPECT_EQ(t.processes[0].name, "trainer");
  EXPECT_EQ(t.processes[0].label, "GPU 0");
  EXPECT_EQ(t.processes[0].pid, 7);
  EXPECT_EQ(display_name(t.processes[1]), "8");
  EXPECT_EQ(display_name(t.processes[2]), "(no process)");
  ASSERT_EQ(t.tracks.size(), 4u);
  EXPECT_EQ(t.tracks[0].name, "Stream #7");
  EXPECT_EQ(t.tracks[1].name, "other");
  // Counters: a series per key when there are several, the event's name when one.
  ASSERT_EQ(t.counter_series.size(), 3u);
  EXPECT_EQ(t.text(t.counter_series[0].name), "mem.a");
  EXPECT_EQ(t.text(t.counter_series[1].name), "mem.b");
  EXPECT_EQ(t.text(t.counter_series[2].name), "util");
  ASSERT_EQ(t.counters.size(), 3u);
  EXPECT_EQ(t.counters[1].value, 2.5);
  EXPECT_EQ(t.counters[1].ts_ps, 13000000);
  EXPECT_EQ(t.counters[2].value, 0.75);
  // The flow: both ends share an id; "bp":"e" binds the end to its enclosing slice.
  ASSERT_EQ(t.flows.size(), 2u);
  EXPECT_EQ(t.flows[0].id, t.flows[1].id);
  EXPECT_NE(t.flows[0].id, 0u);  // (0: no id)
  EXPECT_EQ(t.flows[0].phase_char(), 's');
  EXPECT_EQ(t.flows[1].ts_ps, 20000000);
  EXPECT_FALSE(t.flows[1].binds_next);
  ASSERT_EQ(t.instants.size(), 1u);
  EXPECT_EQ(t.instants[0].scope, 'g');
  EXPECT_EQ(t.tracks[t.instants[0].track].process, 2u);
  const std::map<std::string, std::uint64_t> phases{{"B", 3}, {"C", 2}, {"E", 3}, {"I", 1},
                                                    {"M", 3}, {"f", 1}, {"s", 1}};
  EXPECT_EQ(t.phase_counts, phases);
  const std::map<std::string, std::uint64_t> categories{{"ac2g", 2}, {"op", 1}};
  EXPECT_EQ(t.category_counts, categories);
  const TraceSummary s = summarize(t);
  EXPECT_EQ(s.begin_ps, 0);
  EXPECT_EQ(s.end_ps, 20000000);
  const std::map<std::string, std::uint64_t> per_process{{"(no process)", 0}, {"8", 0}, {"GPU 0", 3}};
  EXPECT_EQ(s.per_process, per_process);
  ASSERT_EQ(s.top.size(), 3u);
  EXPECT_EQ(s.top[0].name, "outer");
  EXPECT_EQ(s.top[1].name, "open");
  EXPECT_EQ(s.top[2].name, "inner");
}

TEST(ChromeTraceReader, EveryPhase) { expect_phases(read(kPhases)); }

TEST(ChromeTraceReader, ArgumentsKeepTheirTypesAndRebuildAsJson) {
  const Trace t = read(R"({"traceEvents":[
    {"args":{"Call stack":"a.py(1): f","External id":-17,"scale":0.1,"big":1e300,"ok":true,"none":null,
             "Input Dims":[[1, 3], []],"nested":{"x":"q\"uote"}},"ph":"X","name":"op","ts":1,"dur":2},
    {"ph":"X","name":"op","ts":2,"dur":1,"args":{"Call stack":"a.py(1): f","External id":18}},
    {"ph":"X","name":"bare","ts":3,"dur":1,"args":{}}]})");
  ASSERT_EQ(t.slices.size(), 3u);
  EXPECT_TRUE(t.problems.empty());
  // (args before "ph": read once it is known.) Integers stay integers, doubles read back
  // exactly, nested values are their text as written, strings are escaped again.
  EXPECT_EQ(t.args_json(t.slices[0].args),
            R"({"Call stack":"a.py(1): f","External id":-17,"scale":0.1,"big":1e+300,"ok":true,"none":null,)"
            R"("Input Dims":[[1, 3], []],"nested":{"x":"q\"uote"}})");
  EXPECT_EQ(t.args_json(t.slices[1].args), R"({"Call stack":"a.py(1): f","External id":18})");
  EXPECT_EQ(t.slices[2].args, 0u);  // an empty set is none
}

TEST(ChromeTraceReader, PushesOfAnySizeAndGzipReadTheSame) {
  for (std::size_t piece : {1, 2, 3, 7, 64}) {
    SCOPED_TRACE(piece);
    expect_phases(read(kPhases, piece));
  }
  const std::string gz = el::testing::gzip(kPhases);
  for (std::size_t piece : {0, 1, 5}) {
    SCOPED_TRACE(piece);
    expect_phases(read(gz, piece));
  }
}

TEST(ChromeTraceReader, DamageIsNamedAndWhatCameBeforeIsKept) {
  const std::string good = R"({"traceEvents":[{"ph":"X","name":"a","ts":1,"dur":1},)";
  Trace t = read(good + R"({"ph":"X","na)");
  EXPECT_EQ(t.slices.size(), 1u);
  ASSERT_EQ(t.problems.size(), 1u);
  EXPECT_EQ(t.problems[0], "t.json: the JSON is cut off at byte " + std::to_string(good.size() + 13) +
                               "; the 1 events before it are kept");

  const std::string bad = R"({"ph":"X","name":nope,"ts":2})";
  t = read(good + bad + R"(,{"ph":"X","name":"c","ts":3,"dur":1}]})");
  ASSERT_EQ(t.slices.size(), 2u);
  EXPECT_EQ(t.text(t.slices[1].name), "c");
  ASSERT_EQ(t.problems.size(), 1u);
  EXPECT_TRUE(t.problems[0].starts_with("t.json: an event that is not valid JSON ("));
  EXPECT_TRUE(t.problems[0].ends_with(") at byte " + std::to_string(good.size()) + "; skipped"));

  t = read("hello");
  ASSERT_EQ(t.problems.size(), 1u);
  EXPECT_EQ(t.problems[0],
            "t.json: not a Chrome trace: it does not start with '{' or '['; the 0 events before it are kept");
  t = read(R"({"schemaVersion": 1})");
  ASSERT_EQ(t.problems.size(), 1u);
  EXPECT_EQ(t.problems[0], "t.json: no \"traceEvents\" array: not a Chrome trace");
  EXPECT_EQ(t.metadata.at("schemaVersion"), "1");

  std::string gz = el::testing::gzip(std::string(kPhases));
  gz[gz.size() / 2] ^= 0x55;  // corrupt deflate data
  t = read(gz);
  EXPECT_TRUE(std::any_of(t.problems.begin(), t.problems.end(), [](const std::string& p) {
    return p.find("the gzip data is corrupt") != std::string::npos;
  }));
}

TEST(ChromeTraceReader, Discovery) {
  const std::vector<ProfileFile> f = find_profiles({
      "resnet/worker0.1623143089861.pt.trace.json.gz",  // PyTorch: worker and span
      "rank-34.Jul_15_10_52_41.1074.pt.trace.json",     // at the top level: the worker is the run
      "run/plugins/profile/s/h.xplane.pb",
      "run/plugins/profile/s/h.trace.json.gz",  // legacy beside an xplane: left out
      "run/plugins/profile/s/g.trace.json.gz",  // legacy alone: read
      "run/plugins/profile/s/h.memory_profile.json.gz",
      "bench/result_trace.json.gz",  // another Chrome trace
      "bench/config.json",
  });
  ASSERT_EQ(f.size(), 5u);
  EXPECT_EQ(f[0].path, "bench/result_trace.json.gz");
  EXPECT_EQ(f[0].run, "bench");
  EXPECT_EQ(f[0].format, ProfileFormat::kChromeTrace);
  EXPECT_EQ(f[1].path, "rank-34.Jul_15_10_52_41.1074.pt.trace.json");
  EXPECT_EQ(f[1].run, "rank-34.Jul_15_10_52_41");
  EXPECT_EQ(f[1].host, "rank-34.Jul_15_10_52_41");
  EXPECT_EQ(f[1].span, "1074");
  EXPECT_EQ(f[2].path, "resnet/worker0.1623143089861.pt.trace.json.gz");
  EXPECT_EQ(f[2].run, "resnet");
  EXPECT_EQ(f[2].host, "worker0");
  EXPECT_EQ(f[2].span, "1623143089861");
  EXPECT_EQ(f[3].path, "run/plugins/profile/s/g.trace.json.gz");
  EXPECT_EQ(f[3].run, "run/s");
  EXPECT_EQ(f[3].host, "g");
  EXPECT_EQ(f[4].format, ProfileFormat::kXPlane);
}

TEST(ChromeTraceReader, TheKineto2021CorpusTrace) {
  const std::vector<std::uint8_t> gz = testing::read_file(
      testing::corpus_dir() +
      "/profiler/pytorch-kineto-2021/samples/resnet50_num_workers_0/worker0.1623143089861.pt.trace.json.gz");
  ASSERT_FALSE(gz.empty());
  // profile_facts.py (the json module): 75,718 events.
  const std::map<std::string, std::uint64_t> phases{
      {"M", 20}, {"X", 44666}, {"f", 9096}, {"i", 12840}, {"s", 9096}};
  for (std::size_t piece : {std::size_t{0}, std::size_t{4093}}) {
    SCOPED_TRACE(piece);
    Trace t;
    ChromeTraceReader r("worker0.pt.trace.json.gz", t);
    if (piece == 0) {
      r.push(gz);
    } else {
      for (std::size_t at = 0; at < gz.size(); at += piece)
        r.push(std::span(gz).subspan(at, std::min(piece, gz.size() - at)));
    }
    r.finish();
    EXPECT_TRUE(t.problems.empty());
    EXPECT_EQ(r.events(), 75718u);
    EXPECT_EQ(t.phase_counts, phases);
    EXPECT_EQ(t.base_us, 1623142623460111);
    const TraceSummary s = summarize(t);
    EXPECT_EQ(s.slices, 44666u);
    EXPECT_EQ(s.begin_ps, -95000000);
    EXPECT_EQ(s.end_ps, 1173373000000);
    EXPECT_EQ(s.per_process.at("GPU 0"), 9096u);
    EXPECT_EQ(s.per_process.at("CPU"), 35569u);
    ASSERT_FALSE(s.top.empty());
    EXPECT_EQ(s.top[0].name, "PyTorch Profiler (0)");
    EXPECT_EQ(s.top[0].total_ps, 1065723000000);
    EXPECT_NE(t.metadata.at("deviceProperties").find("Tesla V100-DGXS-32GB"), std::string::npos);
  }
}

}  // namespace
}  // namespace el::profile
