// Which runs of the opened logdirs are read. Below the load limits every run
// is read as it is announced. Above them (thousands of runs, or more bytes
// than a tab should hold) runs are listed at once from their paths and sizes,
// and only the runs the user picks are read; the others stay listed, a tick
// away (TensorBoard reads every run of a logdir, and a 10,000-run logdir
// takes it hours).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>

#include "store/store.h"

namespace el::app {

struct LoadLimits {
  std::size_t runs = 200;               // more runs than this: pick runs to read
  std::uint64_t bytes = 2048ull << 20;  // more bytes than this, likewise
};

class RunLoading {
 public:
  // Decides for the files announced (or sized) since the last call. While the logdirs
  // stay within `limits` nothing changes (every run is wanted). Past them the
  // session turns selective, and every run nothing was read of yet, and that
  // the user did not pick, is marked not wanted.
  void decide(store::Store& store, const LoadLimits& limits);
  // The user picked `run`: it is read, and stays wanted.
  void pick(store::Store& store, std::string_view run);
  // The user unloaded `run`: it is listed again.
  void unpick(std::string_view run) { picked_.erase(std::string(run)); }
  // The memory budget is nearly spent (app/memory_budget.h): from now on the
  // session is selective as if past the limits, whatever their values, and
  // runs picked earlier that nothing was read of yet are held back too.
  void stop_new_runs(store::Store& store);
  bool selective() const { return selective_; }
  void clear() { *this = RunLoading(); }

 private:
  // What the last decide() saw: files announced, and their bytes (sizes can come later).
  std::size_t decided_files_ = 0;
  std::uint64_t decided_bytes_ = 0;
  std::unordered_set<std::string> picked_;
  // Every run nothing was read of, and that the user did not pick, is marked not wanted.
  void hold_unread_runs(store::Store& store) const;
  bool selective_ = false;
};

// How many runs are listed, wanted and fully read, and their bytes (state(), the status bar).
struct RunLoadCounts {
  std::size_t runs = 0, wanted = 0, read = 0;
  std::uint64_t bytes = 0, wanted_bytes = 0;
};
RunLoadCounts count_run_loads(const store::Store& store);

}  // namespace el::app
