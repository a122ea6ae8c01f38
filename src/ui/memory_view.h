// The memory budget as the UI shows it (the app's app/memory_budget.h decides
// it; the UI only words it): the status bar's note, the Problems panel's row,
// and why the runs panel stopped reading new runs.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

#include "imgui.h"

namespace el::ui {

struct MemoryView {
  std::uint64_t in_use = 0, budget = 0;  // heap bytes; budget 0: none applies
  // Steps taken, in order: 1 decoded media dropped, 2 histograms thinned, 3 new runs not read.
  int step = 0;
  bool full = false;                     // nothing more is read until memory is freed
  std::uint32_t histogram_keep = 0;      // records kept per histogram series (0: all)
  std::uint64_t histograms_dropped = 0;  // histogram records thinned away
  std::size_t files_stopped = 0;         // files whose reading the full budget stopped
  std::uint64_t media_dropped = 0;       // bytes of decoded images and audio freed (step 1)
};

// "histograms thinned to 500 records a series (3,000 records dropped); new runs not read", or "".
std::string memory_reductions(const MemoryView& m);
// The colour of what the budget reduced: the Problems panel's for damaged data.
ImVec4 reduced_color();
// The status bar's note and its tooltip (nothing when no step was taken).
void draw_memory_note(const MemoryView& m);

}  // namespace el::ui
