// Shell: the hparams of runs not read yet, from the head of each one's first
// file (store/hparams_peek.h), so that runs can be picked by their hparams on
// the HParams dashboard in a logdir past the load limits.
#include <algorithm>
#include <string>

#include "app/shell.h"

namespace el::app {

void Shell::peek_unread_hparams() {
  if (peeks_waiting_.empty()) {  // a new round
    peeks_asked_ = peeks_done_ = peek_failures_ = 0;
    peek_failure_.clear();
  }
  std::vector<std::string_view> paths;
  for (const auto& [name, run] : store_.runs()) {
    if (run.wanted || run.hparams_peeked || run.files.empty()) continue;
    paths.clear();
    for (store::FileId f : run.files) paths.push_back(store_.files().status(f).path);
    const store::FileId first = run.files[static_cast<std::size_t>(store::first_written(paths))];
    if (peeks_waiting_.count(first)) continue;
    const std::uint64_t size = store_.files().status(first).size;
    const std::uint64_t bytes = size ? std::min(size, store::kHparamsPeekBytes) : store::kHparamsPeekBytes;
    peeks_waiting_.insert(first);
    ++peeks_asked_;
    if (!platform_.peek_file(first, bytes)) peek_done(first, {});
  }
  force_render_ = true;
}

void Shell::peek_arrived(store::FileId file, std::span<const std::uint8_t> head) {
  if (!peeks_waiting_.count(file)) return;  // asked before the logdir was closed
  peek_done(file, store::peek_hparams(store_.files().status(file).path, head));
}

void Shell::peek_failed(store::FileId file, const std::string& why) {
  if (!peeks_waiting_.count(file)) return;
  // The run is taken to have no hparams; the dashboard says how many heads could not be read, and the first
  // reason.
  if (peek_failures_++ == 0) peek_failure_ = store_.files().status(file).path + ": " + why;
  peek_done(file, {});
}

void Shell::peek_done(store::FileId file, std::vector<store::PeekedTag> tags) {
  peeks_waiting_.erase(file);
  ++peeks_done_;
  if (const store::Run* run = store_.run_of(file)) store_.set_peeked_hparams(run->name, std::move(tags));
  // Drawn as loading is (app/frame_pacer.h), not on every answer; the last one shows at once.
  if (peeks_waiting_.empty()) force_render_ = true;
}

}  // namespace el::app
