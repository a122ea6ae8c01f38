#include "app/memory_budget.h"

#include <algorithm>

namespace el::app {

std::uint64_t memory_budget_bytes(int setting_mb, const HeapUse& heap) {
  std::uint64_t budget = 2048ull << 20;
  if (setting_mb > 0)
    budget = static_cast<std::uint64_t>(setting_mb) << 20;
  else if (heap.device_gb > 0)
    budget = static_cast<std::uint64_t>(heap.device_gb * 512.0) << 20;  // half of it, in MB
  if (heap.limit > 0) budget = std::min(budget, heap.limit / 8 * 7);
  return budget;
}

bool MemoryBudget::update(std::uint64_t in_use, std::uint64_t budget) {
  in_use_ = in_use;
  budget_ = budget;
  peak_ = std::max(peak_, in_use);
  const MemoryStep old_step = step_;
  const bool old_full = full_;
  // Percent of the budget, in integers (a budget of 0 is always full).
  const std::uint64_t percent = budget ? in_use * 100 / budget : 100;
  MemoryStep reached = MemoryStep::kNone;
  if (percent >= 80)
    reached = MemoryStep::kNewRunsStopped;
  else if (percent >= 70)
    reached = MemoryStep::kHistogramsThinned;
  else if (percent >= 60)
    reached = MemoryStep::kMediaDropped;
  // One step per measure: what a step frees is measured before the next is taken.
  if (reached > step_) {
    step_ = static_cast<MemoryStep>(static_cast<int>(step_) + 1);
    return true;
  }
  // Full only once every step has had its chance.
  if (percent >= 100 && step_ == MemoryStep::kNewRunsStopped) full_ = true;
  if (percent < 95) full_ = false;
  return step_ != old_step || full_ != old_full;
}

}  // namespace el::app
