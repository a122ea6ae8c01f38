// A profile's overview, as torch-tb-profiler's Overview page told it: how
// long each step took and where the time went (GPU kernels, copies, the
// CUDA runtime, CPU work, or nothing the profile saw), how busy each GPU was,
// and the memory allocated over time from PyTorch's [memory] events.
// Reads a Trace whose slices a Timeline has ordered. Plain C++, no UI.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "profile/op_table.h"
#include "profile/timeline.h"
#include "profile/trace.h"

namespace el::profile {

// One step (a ProfilerStep#N slice, or an event on xplane's "Steps" line) and
// its time split by what ran: each instant of the step counts once, for the
// first of kernel, memcpy (copies and memsets), runtime and CPU that was
// running then (on any track), else for other. The five add up to the step.
struct StepTime {
  std::uint32_t slice = 0;  // into trace.slices
  std::int64_t start_ps = 0, duration_ps = 0;
  std::int64_t kernel_ps = 0, memcpy_ps = 0, runtime_ps = 0, cpu_ps = 0, other_ps = 0;
};
// The steps of the track holding the most step markers (ties: the one
// stepping first), by start.
std::vector<StepTime> step_times(const Trace& trace, const std::vector<SliceKind>& kinds);

// How long a device's kernels ran (their union: overlapping kernels count once).
struct DeviceBusy {
  std::uint32_t process = 0;
  std::int64_t busy_ps = 0;
  std::uint64_t kernels = 0;
};
// The processes running kernels, in process order.
std::vector<DeviceBusy> device_busy(const Trace& trace, const std::vector<SliceKind>& kinds);

// Memory allocated on one device over time: PyTorch's "[memory]" instant
// events, each with "Device Type" and "Device Id" and either "Total Allocated"
// (taken as is) or only "Bytes" (a change: the total is their running sum).
struct MemorySeries {
  std::string device;  // "CPU", "GPU 0", or "device type T id N"
  std::int64_t device_type = 0, device_id = 0;
  std::vector<std::int64_t> ts_ps, bytes;  // by time
  std::int64_t peak_bytes = 0;
};
std::vector<MemorySeries> memory_series(const Trace& trace);

// A Chrome trace's "deviceProperties" (kineto: one object per GPU), each as
// its members' (key, value as text) in order; empty when there are none.
std::vector<std::vector<std::pair<std::string, std::string>>> device_properties(const Trace& trace);

}  // namespace el::profile
