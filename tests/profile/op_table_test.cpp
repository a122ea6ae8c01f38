// The operator table (self time from nesting), range totals, search, the
// step breakdown, GPU busy time and memory, on one hand-made PyTorch-style
// trace whose answers are worked out by hand below (times in µs in the
// comments, ps in the checks).
#include "profile/op_table.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

#include "profile/chrome_trace_reader.h"
#include "profile/timeline.h"
#include "profile/trace_overview.h"

namespace el::profile {
namespace {

constexpr std::int64_t kUs = 1000000;  // ps

// CPU thread (pid 1, tid 1):
//   ProfilerStep#1 [0,100)  aten::conv [10,50)  cudaLaunchKernel [20,30)  aten::add [60,80)
//   ProfilerStep#2 [100,150)  aten::add [110,120)
// GPU (pid 2, "gpu"): kernelA [25,55) stream 7, kernelB [50,70) stream 8,
//   Memcpy HtoD [75,85) stream 9, kernelC [120,125) stream 7
// [memory] on the CPU thread, out of time order at 4 µs.
const char* kTrace = R"({"traceEvents":[
{"ph":"M","name":"process_name","pid":2,"args":{"name":"gpu"}},
{"ph":"X","cat":"cpu_op","name":"ProfilerStep#1","pid":1,"tid":1,"ts":1000000,"dur":100},
{"ph":"X","cat":"cpu_op","name":"aten::conv","pid":1,"tid":1,"ts":1000010,"dur":40},
{"ph":"X","cat":"cuda_runtime","name":"cudaLaunchKernel","pid":1,"tid":1,"ts":1000020,"dur":10},
{"ph":"X","cat":"cpu_op","name":"aten::add","pid":1,"tid":1,"ts":1000060,"dur":20},
{"ph":"X","cat":"cpu_op","name":"ProfilerStep#2","pid":1,"tid":1,"ts":1000100,"dur":50},
{"ph":"X","cat":"cpu_op","name":"aten::add","pid":1,"tid":1,"ts":1000110,"dur":10},
{"ph":"X","cat":"kernel","name":"kernelA","pid":2,"tid":7,"ts":1000025,"dur":30},
{"ph":"X","cat":"kernel","name":"kernelB","pid":2,"tid":8,"ts":1000050,"dur":20},
{"ph":"X","cat":"gpu_memcpy","name":"Memcpy HtoD","pid":2,"tid":9,"ts":1000075,"dur":10},
{"ph":"X","cat":"kernel","name":"kernelC","pid":2,"tid":7,"ts":1000120,"dur":5},
{"ph":"i","s":"t","name":"[memory]","pid":1,"tid":1,"ts":1000005,"args":{"Device Type":0,"Device Id":-1,"Bytes":100}},
{"ph":"i","s":"t","name":"[memory]","pid":1,"tid":1,"ts":1000006,"args":{"Device Type":1,"Device Id":0,"Bytes":4096}},
{"ph":"i","s":"t","name":"[memory]","pid":1,"tid":1,"ts":1000007,"args":{"Device Type":0,"Device Id":-1,"Bytes":-40}},
{"ph":"i","s":"t","name":"[memory]","pid":1,"tid":1,"ts":1000008,"args":{"Device Type":1,"Device Id":0,"Bytes":1024,"Total Allocated":8192.0}},
{"ph":"i","s":"t","name":"[memory]","pid":1,"tid":1,"ts":1000004,"args":{"Device Type":0,"Device Id":-1,"Bytes":10}}
]})";

struct Loaded {
  Trace trace;
  std::unique_ptr<Timeline> timeline;
};

std::unique_ptr<Loaded> load() {
  auto l = std::make_unique<Loaded>();
  const std::string json = kTrace;
  read_chrome_trace("t.json", {reinterpret_cast<const std::uint8_t*>(json.data()), json.size()}, l->trace);
  EXPECT_TRUE(l->trace.problems.empty());
  l->timeline = std::make_unique<Timeline>(l->trace);
  return l;
}

TEST(OpTable, CountsTotalsSelfTimeMinMaxPerNameAndCategory) {
  auto l = load();
  const std::vector<OpRow> rows = op_table(l->trace, *l->timeline);
  struct Want {
    const char* name;
    const char* kind;
    std::uint64_t count;
    std::int64_t total, self, min, max;  // µs
  };
  // Self: step 1 = 100 - conv 40 - add 20; conv = 40 - launch 10; step 2 = 50 - add 10.
  // Ties at 30 and 10 µs go by name (bytewise: "M" before "c").
  const Want want[] = {
      {"ProfilerStep#1", "step", 1, 100, 40, 100, 100},
      {"ProfilerStep#2", "step", 1, 50, 40, 50, 50},
      {"aten::conv", "CPU op", 1, 40, 30, 40, 40},
      {"aten::add", "CPU op", 2, 30, 30, 10, 20},
      {"kernelA", "kernel", 1, 30, 30, 30, 30},
      {"kernelB", "kernel", 1, 20, 20, 20, 20},
      {"Memcpy HtoD", "memcpy", 1, 10, 10, 10, 10},
      {"cudaLaunchKernel", "runtime", 1, 10, 10, 10, 10},
      {"kernelC", "kernel", 1, 5, 5, 5, 5},
  };
  ASSERT_EQ(rows.size(), std::size(want));
  for (std::size_t i = 0; i < rows.size(); ++i) {
    SCOPED_TRACE(want[i].name);
    EXPECT_EQ(l->trace.text(rows[i].name), want[i].name);
    EXPECT_EQ(kind_label(rows[i].kind), want[i].kind);
    EXPECT_EQ(rows[i].count, want[i].count);
    EXPECT_EQ(rows[i].total_ps, want[i].total * kUs);
    EXPECT_EQ(rows[i].self_ps, want[i].self * kUs);
    EXPECT_EQ(rows[i].min_ps, want[i].min * kUs);
    EXPECT_EQ(rows[i].max_ps, want[i].max * kUs);
  }
}

TEST(OpTable, OneSlicesSelfTimeIsWhatTheTableCounts) {
  auto l = load();
  std::map<std::string, std::int64_t> self;
  for (std::uint32_t i = 0; i < l->trace.slices.size(); ++i)
    self[l->trace.text(l->trace.slices[i].name)] += self_time(l->trace, *l->timeline, i);
  EXPECT_EQ(self["ProfilerStep#1"], 40 * kUs);
  EXPECT_EQ(self["aten::conv"], 30 * kUs);
  EXPECT_EQ(self["ProfilerStep#2"], 40 * kUs);
  EXPECT_EQ(self["aten::add"], 30 * kUs);
  for (const OpRow& r : op_table(l->trace, *l->timeline)) EXPECT_EQ(self[l->trace.text(r.name)], r.self_ps);
}

TEST(OpTable, CsvOfTheRowsShownInTheirOrder) {
  auto l = load();
  std::vector<OpRow> rows = op_table(l->trace, *l->timeline);
  rows[3].name = l->trace.intern("add, \"in place\"");  // a name that needs quoting
  // Rows 3 (aten::add: 30 µs in 2, self 30) and 8 (kernelC: 5 µs), over a 150 µs span.
  const std::string csv = ops_csv(l->trace, rows, {3, 8}, 150.0 * kUs);
  EXPECT_EQ(
      csv,
      "name,kind,category,count,total_us,self_us,mean_us,min_us,max_us,percent_of_span\n"
      "\"add, \"\"in place\"\"\",CPU op,cpu_op,2,30.000000,30.000000,15.000000,10.000000,20.000000,20.0000\n"
      "kernelC,kernel,kernel,1,5.000000,5.000000,5.000000,5.000000,5.000000,3.3333\n");
}

TEST(OpTable, RangeTotalsAreEachSlicesOverlapWithTheRange) {
  auto l = load();
  // [40, 90): step 1 50, add 20, kernelB 20, kernelA 15, Memcpy 10, conv 10; the launch [20,30) is outside.
  const std::vector<RangeTotal> got = range_totals(l->trace, *l->timeline, 40 * kUs, 90 * kUs);
  const std::pair<const char*, std::int64_t> want[] = {{"ProfilerStep#1", 50}, {"aten::add", 20},
                                                       {"kernelB", 20},        {"kernelA", 15},
                                                       {"Memcpy HtoD", 10},    {"aten::conv", 10}};
  ASSERT_EQ(got.size(), std::size(want));
  for (std::size_t i = 0; i < got.size(); ++i) {
    EXPECT_EQ(l->trace.text(got[i].name), want[i].first);
    EXPECT_EQ(got[i].total_ps, want[i].second * kUs);
    EXPECT_EQ(got[i].count, 1u);
  }
  EXPECT_TRUE(range_totals(l->trace, *l->timeline, 90 * kUs, 90 * kUs).empty());
}

TEST(OpTable, SearchFindsSlicesByNameInTimeOrder) {
  auto l = load();
  const std::vector<std::uint32_t> hits =
      find_slices(l->trace, [](const std::string& name) { return name.find("add") != std::string::npos; });
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(l->trace.slices[hits[0]].start_ps, 60 * kUs);
  EXPECT_EQ(l->trace.slices[hits[1]].start_ps, 110 * kUs);
  EXPECT_TRUE(find_slices(l->trace, [](const std::string&) { return false; }).empty());
}

TEST(Overview, StepTimeSplitsIntoKernelMemcpyRuntimeCpuOther) {
  auto l = load();
  const std::vector<StepTime> steps = step_times(l->trace, slice_kinds(l->trace));
  ASSERT_EQ(steps.size(), 2u);
  // Step 1 [0,100): kernels [25,70) 45; memcpy [75,85) 10; runtime [20,25) 5 (the rest
  // is under a kernel); CPU [10,20) and [70,75) 15; nothing [0,10) and [85,100) 25.
  EXPECT_EQ(l->trace.text(l->trace.slices[steps[0].slice].name), "ProfilerStep#1");
  EXPECT_EQ(steps[0].duration_ps, 100 * kUs);
  EXPECT_EQ(steps[0].kernel_ps, 45 * kUs);
  EXPECT_EQ(steps[0].memcpy_ps, 10 * kUs);
  EXPECT_EQ(steps[0].runtime_ps, 5 * kUs);
  EXPECT_EQ(steps[0].cpu_ps, 15 * kUs);
  EXPECT_EQ(steps[0].other_ps, 25 * kUs);
  // Step 2 [100,150): kernelC 5, add 10, the rest 35.
  EXPECT_EQ(steps[1].kernel_ps, 5 * kUs);
  EXPECT_EQ(steps[1].memcpy_ps, 0);
  EXPECT_EQ(steps[1].runtime_ps, 0);
  EXPECT_EQ(steps[1].cpu_ps, 10 * kUs);
  EXPECT_EQ(steps[1].other_ps, 35 * kUs);
}

TEST(Overview, GpuBusyIsTheUnionOfItsKernels) {
  auto l = load();
  const std::vector<DeviceBusy> busy = device_busy(l->trace, slice_kinds(l->trace));
  ASSERT_EQ(busy.size(), 1u);
  EXPECT_EQ(l->trace.processes[busy[0].process].name, "gpu");
  EXPECT_EQ(busy[0].kernels, 3u);
  EXPECT_EQ(busy[0].busy_ps, 50 * kUs);  // [25,70) and [120,125)
}

TEST(Overview, MemoryIsTheTotalAllocatedElseTheRunningSumOfBytes) {
  auto l = load();
  const std::vector<MemorySeries> mem = memory_series(l->trace);
  ASSERT_EQ(mem.size(), 2u);
  EXPECT_EQ(mem[0].device, "CPU");
  EXPECT_EQ(mem[0].bytes, (std::vector<std::int64_t>{10, 110, 70}));  // by time: +10, +100, -40
  EXPECT_EQ(mem[0].ts_ps, (std::vector<std::int64_t>{4 * kUs, 5 * kUs, 7 * kUs}));
  EXPECT_EQ(mem[0].peak_bytes, 110);
  EXPECT_EQ(mem[1].device, "GPU 0");
  EXPECT_EQ(mem[1].bytes, (std::vector<std::int64_t>{4096, 8192}));  // the total wins over Bytes
}

TEST(OpTable, XPlaneLinesGiveKindsWithoutCategories) {
  Trace t;
  t.processes.push_back({"/host:CPU", 0, "", 0});
  t.processes.push_back({"/device:GPU:0", 1, "", 0});
  t.tracks.push_back({0, 1, "python"});
  t.tracks.push_back({1, 2, "Stream #7(Compute)"});
  t.tracks.push_back({1, 3, "TensorFlow Ops"});
  t.tracks.push_back({1, 4, "Steps"});
  auto add = [&](std::uint32_t track, const char* name) {
    t.slices.push_back({0, 1, t.intern(name), track, 0, 0});
  };
  add(0, "Conv2D");
  add(1, "volta_gemm");
  add(1, "MemcpyH2D");
  add(2, "Conv2D");
  add(3, "2");
  const std::vector<SliceKind> k = slice_kinds(t);
  EXPECT_EQ(k, (std::vector<SliceKind>{SliceKind::kCpuOp, SliceKind::kKernel, SliceKind::kMemcpy,
                                       SliceKind::kOther, SliceKind::kStep}));
}

}  // namespace
}  // namespace el::profile
