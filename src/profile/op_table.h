// What a profile's slices add up to, per name: the operator and kernel
// tables (count, total, self, min, max), the totals inside a selected time
// range, and the slices a search finds. Every query reads a Trace whose
// slices a Timeline has ordered (self time needs its nesting). Plain C++.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "profile/timeline.h"
#include "profile/trace.h"

namespace el::profile {

// What a slice is, for the tables and the step breakdown. From its category
// (PyTorch 1.8's "Operator"/"Kernel"/"Runtime"/"Memcpy"/"Memset", 2.x's
// "cpu_op"/"kernel"/"cuda_runtime"/"gpu_memcpy"/...); without one (xplane)
// from where it is: host lines are CPU ops, a GPU stream's slices kernels
// or memcpys, a device's derived lines ("TensorFlow Ops") other.
enum class SliceKind : std::uint8_t {
  kOther,
  kCpuOp,    // an operator, a user annotation or a Python function on a CPU thread
  kKernel,   // a GPU kernel
  kMemcpy,   // a device copy
  kMemset,   // a device memset
  kRuntime,  // a CUDA runtime or driver call
  kStep,     // a step marker: ProfilerStep#N, or the xplane "Steps" line
};
std::string_view kind_label(SliceKind k);  // "CPU op", "kernel", ...

// Each slice's kind, by index into trace.slices.
std::vector<SliceKind> slice_kinds(const Trace& trace);

// One row of the operator table: all slices with one name, category and kind.
struct OpRow {
  std::uint32_t name = 0, category = 0;  // interned
  SliceKind kind = SliceKind::kOther;
  std::uint64_t count = 0;
  std::int64_t total_ps = 0;  // the sum of their durations
  std::int64_t self_ps = 0;   // the same, less the time of the slices nested directly in them
  std::int64_t min_ps = 0, max_ps = 0;
};
// Rows `order` of `rows` as CSV: name, kind, category, count, then total,
// self, mean, min and max in µs (exact from the ps; the mean to the ps) and
// the total's percentage of `span_ps` (4 decimals). Names with a comma, a
// quote or a newline are quoted.
std::string ops_csv(const Trace& trace, const std::vector<OpRow>& rows,
                    const std::vector<std::uint32_t>& order, double span_ps);

// One slice's self time: its duration less the time of the slices nested
// directly in it (one row below, starting inside it), as op_table counts it.
std::int64_t self_time(const Trace& trace, const Timeline& timeline, std::uint32_t slice);

// Every (name, category, kind) of the trace, by total time (longest first;
// ties by name, category, then kind label).
std::vector<OpRow> op_table(const Trace& trace, const Timeline& timeline);

// The time each name spent inside [t0, t1): every slice's overlap with the
// range, summed per name; `count` is how many slices overlap it at all.
struct RangeTotal {
  std::uint32_t name = 0;
  std::uint64_t count = 0;
  std::int64_t total_ps = 0;
};
// Longest first; ties by name.
std::vector<RangeTotal> range_totals(const Trace& trace, const Timeline& timeline, std::int64_t t0,
                                     std::int64_t t1);

// The slices whose name `matches`, by start (then by row): what a search steps through.
std::vector<std::uint32_t> find_slices(const Trace& trace,
                                       const std::function<bool(const std::string&)>& matches);

}  // namespace el::profile
