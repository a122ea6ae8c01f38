// Instants, counters and flows indexed for the timeline, on a hand-made
// Chrome trace: ticks by time per track, samples by time per series, and
// flow arrows bound to the slices they leave and enter.
#include "profile/trace_marks.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

#include "profile/chrome_trace_reader.h"

namespace el::profile {
namespace {

constexpr std::int64_t kUs = 1000000;  // ps

// Thread 1: launch [10,20) and launch2 [40,50); stream 7: kern [30,60) and kern2 [70,80).
// Flow 5: s at 15 (in launch) -> t at 45 (in launch2) -> f at 65 without bp:e on stream 7
// (binds to the next slice, kern2 at 70). Flow 6: s at 12 -> f at 35 with bp:e (inside kern).
const char* kTrace = R"([
{"ph":"X","name":"launch","pid":1,"tid":1,"ts":10,"dur":10},
{"ph":"X","name":"launch2","pid":1,"tid":1,"ts":40,"dur":10},
{"ph":"X","name":"kern","pid":1,"tid":7,"ts":30,"dur":30},
{"ph":"X","name":"kern2","pid":1,"tid":7,"ts":70,"dur":10},
{"ph":"s","id":5,"cat":"ac2g","name":"flow","pid":1,"tid":1,"ts":15},
{"ph":"f","id":5,"cat":"ac2g","name":"flow","pid":1,"tid":7,"ts":65},
{"ph":"t","id":5,"cat":"ac2g","name":"flow","pid":1,"tid":1,"ts":45},
{"ph":"s","id":6,"cat":"ac2g","name":"flow","pid":1,"tid":1,"ts":12},
{"ph":"f","id":6,"cat":"ac2g","name":"flow","pid":1,"tid":7,"ts":35,"bp":"e"},
{"ph":"i","name":"tick","pid":1,"tid":1,"ts":30},
{"ph":"i","name":"tick","pid":1,"tid":1,"ts":20},
{"ph":"C","name":"mem","pid":1,"ts":50,"args":{"used":5}},
{"ph":"C","name":"mem","pid":1,"ts":40,"args":{"used":3}}
])";

TEST(TraceMarks, InstantsAndCounterSamplesByTime) {
  Trace t;
  const std::string json = kTrace;
  read_chrome_trace("t.json", {reinterpret_cast<const std::uint8_t*>(json.data()), json.size()}, t);
  ASSERT_TRUE(t.problems.empty());
  const Timeline tl(t);
  const TraceMarks m(t, tl);
  const std::span<const std::uint32_t> ticks = m.instants(t.instants[0].track);
  ASSERT_EQ(ticks.size(), 2u);
  EXPECT_EQ(t.instants[ticks[0]].ts_ps, 10 * kUs);  // 20 µs after the base (10 µs)
  EXPECT_EQ(t.instants[ticks[1]].ts_ps, 20 * kUs);
  ASSERT_EQ(m.series_order().size(), 1u);
  const std::span<const std::uint32_t> samples = m.samples(m.series_order()[0]);
  ASSERT_EQ(samples.size(), 2u);
  EXPECT_EQ(t.counters[samples[0]].value, 3);
  EXPECT_EQ(t.counters[samples[1]].value, 5);
  EXPECT_EQ(TraceMarks::lower(ticks, 15 * kUs, [&](std::uint32_t i) { return t.instants[i].ts_ps; }), 1u);
}

TEST(TraceMarks, FlowsBecomeArrowsBetweenSlices) {
  Trace t;
  const std::string json = kTrace;
  read_chrome_trace("t.json", {reinterpret_cast<const std::uint8_t*>(json.data()), json.size()}, t);
  const Timeline tl(t);
  const TraceMarks m(t, tl);
  auto name = [&](std::int64_t slice) { return slice < 0 ? std::string("-") : t.text(t.slices[slice].name); };
  std::vector<std::string> arrows;
  for (const TraceMarks::Link& l : m.links()) arrows.push_back(name(l.from_slice) + ">" + name(l.to_slice));
  std::sort(arrows.begin(), arrows.end());
  EXPECT_EQ(arrows, (std::vector<std::string>{"launch2>kern2", "launch>kern", "launch>launch2"}));
  // launch: two arrows out; kern2: one in.
  std::int64_t launch = -1, kern2 = -1;
  for (std::size_t i = 0; i < t.slices.size(); ++i) {
    if (t.text(t.slices[i].name) == "launch") launch = static_cast<std::int64_t>(i);
    if (t.text(t.slices[i].name) == "kern2") kern2 = static_cast<std::int64_t>(i);
  }
  EXPECT_EQ(m.links_of(launch).size(), 2u);
  ASSERT_EQ(m.links_of(kern2).size(), 1u);
  EXPECT_EQ(m.links()[m.links_of(kern2)[0]].to_ps, 55 * kUs);
}

TEST(TraceMarks, FlowIdsMatchAsWritten) {
  // 5 and "5" are one flow (a number or its text); "05" and "0x5" are others,
  // and so is a string id past 18 digits. Each s -> f pair is one arrow: 4 in all.
  const std::string json = R"([
{"ph":"X","name":"a","pid":1,"tid":1,"ts":0,"dur":100},
{"ph":"X","name":"b","pid":1,"tid":2,"ts":0,"dur":100},
{"ph":"s","id":5,"cat":"c","name":"f","pid":1,"tid":1,"ts":10},
{"ph":"f","id":"5","cat":"c","name":"f","pid":1,"tid":2,"ts":20,"bp":"e"},
{"ph":"s","id":"05","cat":"c","name":"f","pid":1,"tid":1,"ts":30},
{"ph":"f","id":"05","cat":"c","name":"f","pid":1,"tid":2,"ts":40,"bp":"e"},
{"ph":"s","id":"0x5","cat":"c","name":"f","pid":1,"tid":1,"ts":50},
{"ph":"f","id":"0x5","cat":"c","name":"f","pid":1,"tid":2,"ts":60,"bp":"e"},
{"ph":"s","id":"1234567890123456789","cat":"c","name":"f","pid":1,"tid":1,"ts":70},
{"ph":"f","id":"1234567890123456789","cat":"c","name":"f","pid":1,"tid":2,"ts":80,"bp":"e"}
])";
  Trace t;
  read_chrome_trace("t.json", {reinterpret_cast<const std::uint8_t*>(json.data()), json.size()}, t);
  ASSERT_EQ(t.flows.size(), 8u);
  for (std::size_t k = 0; k < 8; k += 2) EXPECT_EQ(t.flows[k].id, t.flows[k + 1].id) << k;
  EXPECT_NE(t.flows[0].id, t.flows[2].id);
  EXPECT_NE(t.flows[2].id, t.flows[4].id);
  EXPECT_NE(t.flows[4].id, t.flows[6].id);
  const Timeline tl(t);
  const TraceMarks m(t, tl);
  ASSERT_EQ(m.links().size(), 4u);
  for (const TraceMarks::Link& l : m.links()) EXPECT_EQ(l.to_ps - l.from_ps, 10 * kUs);
  // Many ids: the table grows past its first 1,024 slots and still tells them apart.
  std::string many = "[";
  for (int i = 0; i < 5000; ++i)
    many += std::string(i ? "," : "") + R"({"ph":"s","cat":"c","name":"f","pid":1,"tid":1,"ts":1,"id":)" +
            std::to_string(i * 7919) + "}";
  many += "]";
  Trace big;
  read_chrome_trace("many.json", {reinterpret_cast<const std::uint8_t*>(many.data()), many.size()}, big);
  ASSERT_EQ(big.flows.size(), 5000u);
  std::set<std::uint32_t> ids;
  for (const FlowPoint& f : big.flows) ids.insert(f.id);
  EXPECT_EQ(ids.size(), 5000u);
}

}  // namespace
}  // namespace el::profile
