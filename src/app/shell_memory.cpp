// Shell: the memory budget's steps carried out as the heap fills
// (app/memory_budget.h), and files stopped by a full budget.
#include <algorithm>
#include <string>

#include "app/shell.h"
#include "ui/format.h"

namespace el::app {

void Shell::apply_memory_budget() {
  const auto now_ms = static_cast<double>(SDL_GetTicks64());
  if (now_ms - memory_checked_ms_ < 20) return;
  memory_checked_ms_ = now_ms;
  // Each step's action is measured before the next is taken (MemoryBudget::update).
  for (int measure = 0; measure < 5; ++measure) {
    const HeapUse heap = platform_.heap_use();
    if (heap.in_use == 0) return;  // the platform cannot tell: no budget
    const MemoryStep before = memory_.step();
    const bool was_full = memory_.full();
    if (!memory_.update(heap.in_use, memory_budget_bytes(settings_.memory_budget_mb, heap))) return;
    const MemoryStep now = memory_.step();
    if (before < MemoryStep::kMediaDropped && now >= MemoryStep::kMediaDropped) {
      media_dropped_bytes_ = media_.bytes();
      media_.clear();
    }
    if (before < MemoryStep::kHistogramsThinned && now >= MemoryStep::kHistogramsThinned)
      store_.set_histogram_keep(MemoryBudget::kHistogramKeep);
    if (before < MemoryStep::kNewRunsStopped && now >= MemoryStep::kNewRunsStopped)
      run_loading_.stop_new_runs(store_);
    if (memory_.full() && !was_full) {
      run_loading_.stop_new_runs(store_);  // runs picked since step 3 that have not started
      stop_reading_for_memory();
    }
    if (!memory_.full() && was_full) platform_.reads_changed();  // picked runs may be read again
    force_render_ = true;
  }
}

std::uint64_t Shell::read_ahead_bytes() const {
  constexpr std::uint64_t kMB = 1ull << 20;
  if (memory_.budget() == 0) return 64 * kMB;
  const std::uint64_t ahead = std::clamp<std::uint64_t>(memory_.budget() / 16, 4 * kMB, 64 * kMB);
  return memory_.step() >= MemoryStep::kMediaDropped ? std::min(ahead, 8 * kMB) : ahead;
}

bool Shell::one_run_at_a_time() const {
  return memory_.budget() > 0 &&
         (memory_.step() >= MemoryStep::kMediaDropped || store_.announced_bytes() > memory_.budget());
}

namespace {
// Partly read and still being read: a wanted file of a run, started, not finished.
bool part_read(const store::Store& store, store::FileId f) {
  const store::FileStatus& st = store.files().status(f);
  return !st.finished && st.bytes_read > 0 && store.file_wanted(f) && store.run_of(f);
}

bool run_read(const store::Store& store, const store::Run& run) {
  if (!run.wanted) return true;  // unloaded, or held back: not being read
  for (store::FileId f : run.files)
    if (!store.files().status(f).finished) return false;
  return true;
}
}  // namespace

bool Shell::run_may_start(store::FileId file) {
  const store::Run* run = store_.run_of(file);
  if (!run || !one_run_at_a_time() || run == reading_run_ || store_.files().status(file).bytes_read > 0)
    return true;
  if (reading_run_ && !run_read(store_, *reading_run_)) return false;
  reading_run_ = nullptr;
  // Runs started before memory got short go on first, one after another.
  for (store::FileId f = 0; f < store_.files().size() && !reading_run_; ++f)
    if (part_read(store_, f)) reading_run_ = store_.run_of(f);
  if (reading_run_) return false;
  reading_run_ = run;
  return true;
}

void Shell::next_run_if_done() {
  if (!reading_run_ || !run_read(store_, *reading_run_)) return;
  reading_run_ = nullptr;
  platform_.reads_changed();  // the runs held back may start
}

ui::MemoryView Shell::memory_view() const {
  return {memory_.in_use(),      memory_.budget(),        static_cast<int>(memory_.step()),
          memory_.full(),        store_.histogram_keep(), store_.histogram_records_dropped(),
          stopped_files_.size(), media_dropped_bytes_};
}

void Shell::stop_reading_for_memory() {
  const std::string why = "not read past here: the memory budget (" + ui::format_bytes(memory_.budget()) +
                          ") is full. Unload runs, then unload and tick this run to read all of it.";
  for (store::FileId f = 0; f < store_.files().size(); ++f) {
    if (!part_read(store_, f)) continue;
    const store::FileStatus& status = store_.files().status(f);
    queue_.drop(f);
    store_.add_problem(f, {record::ProblemKind::kMemoryBudget, status.bytes_read, 0,
                           "stopped at byte " + std::to_string(status.bytes_read) + " of " +
                               std::to_string(status.size) + ": " + why});
    store_.finish(f);
    stopped_files_.insert(f);
  }
}

}  // namespace el::app
