#include "app/run_loading.h"

namespace el::app {
namespace {

bool nothing_read(const store::Store& store, const store::Run& run) {
  for (store::FileId f : run.files)
    if (store.files().status(f).bytes_read > 0) return false;
  return true;
}

}  // namespace

void RunLoading::decide(store::Store& store, const LoadLimits& limits) {
  if (store.files().size() == decided_files_ && store.announced_bytes() == decided_bytes_) return;
  decided_files_ = store.files().size();
  decided_bytes_ = store.announced_bytes();
  if (!selective_) {
    if (store.runs().size() <= limits.runs && store.announced_bytes() <= limits.bytes) return;
    selective_ = true;
  }
  hold_unread_runs(store);
}

void RunLoading::stop_new_runs(store::Store& store) {
  selective_ = true;
  // Picked before memory got short, not started yet: held back too (the user picks them again).
  std::erase_if(picked_, [&store](const std::string& name) {
    auto it = store.runs().find(name);
    return it != store.runs().end() && nothing_read(store, it->second);
  });
  hold_unread_runs(store);
}

void RunLoading::hold_unread_runs(store::Store& store) const {
  for (const auto& [name, run] : store.runs())
    if (run.wanted && !picked_.count(name) && nothing_read(store, run)) store.set_wanted(name, false);
}

void RunLoading::pick(store::Store& store, std::string_view run) {
  if (store.set_wanted(run, true)) picked_.emplace(run);
}

RunLoadCounts count_run_loads(const store::Store& store) {
  RunLoadCounts c;
  for (const auto& [name, run] : store.runs()) {
    ++c.runs;
    c.bytes += run.announced_bytes;
    if (!run.wanted) continue;
    ++c.wanted;
    c.wanted_bytes += run.announced_bytes;
    bool all = true;
    for (store::FileId f : run.files) all = all && store.files().status(f).finished;
    c.read += all;
  }
  return c;
}

}  // namespace el::app
