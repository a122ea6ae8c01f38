// The memory budget: how much heap the loaded logdirs may use, and what gives
// way as it fills, in a fixed order. A tab (or a 256 MB wasm build) must never
// abort on a big logdir; it keeps what it shows and says what it reduced.
//
//   60% of the budget  1. decoded images and audio are dropped, and their cache kept small
//   70%                2. histogram series are thinned to 500 records each (TensorBoard's
//                         reservoir rule; store::Store::set_histogram_keep)
//   80%                3. runs not yet started are no longer read (listed, a tick away),
//                         and the user is offered to unload runs
//   100%               full: files still being read stop where they are, each with a
//                         problem naming the byte reached (so loading always ends); the
//                         budget is at most 7/8 of the heap's limit, so the rest is margin
//
// Steps 1-3 stay taken until the logdir is closed: memory freed by unloading
// runs goes to the runs the user picks next. Scalars are never reduced.
#pragma once
#include <cstdint>

namespace el::app {

enum class MemoryStep : std::uint8_t {
  kNone,
  kMediaDropped,
  kHistogramsThinned,
  kNewRunsStopped,
};

// What the platform knows about its heap.
struct HeapUse {
  std::uint64_t in_use = 0;  // bytes allocated now
  std::uint64_t limit = 0;   // the most the heap can grow to (wasm: MAXIMUM_MEMORY); 0: no fixed limit
  double device_gb =
      0;  // the machine's memory as the browser reports it (navigator.deviceMemory); 0: unknown
};

// The budget in bytes: `setting_mb` if set (> 0), else half the device's
// memory, else 2 GB; never above 7/8 of a fixed heap limit (what is left
// holds the page's own code, fonts and the bytes in flight).
std::uint64_t memory_budget_bytes(int setting_mb, const HeapUse& heap);

class MemoryBudget {
 public:
  static constexpr std::uint32_t kHistogramKeep = 500;  // TensorBoard's own reservoir size for histograms

  // The heap now. Returns true when a step was taken or fullness changed. At
  // most one step is taken per call, and the budget is full only after the
  // last: a jump past several marks (a column doubling its capacity) first
  // takes the next step, whose action may free enough; the caller measures
  // again before the next.
  bool update(std::uint64_t in_use, std::uint64_t budget);
  MemoryStep step() const { return step_; }
  // At the budget (until back under 95% of it): nothing more is read.
  bool full() const { return full_; }
  std::uint64_t in_use() const { return in_use_; }
  std::uint64_t budget() const { return budget_; }
  std::uint64_t peak() const { return peak_; }
  // Another logdir: every step is undone (the store and caches start empty too).
  void clear() { *this = MemoryBudget(); }

 private:
  MemoryStep step_ = MemoryStep::kNone;
  bool full_ = false;
  std::uint64_t in_use_ = 0, budget_ = 0, peak_ = 0;
};

}  // namespace el::app
