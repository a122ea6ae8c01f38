// A run's hyperparameters without reading the run. A logdir past the load
// limits lists thousands of runs unread (app/run_loading.h); to pick runs by
// their hparams, the first bytes of each unread run's first event file are
// decoded and only the hparams plugin's tags kept. Writers put them there:
// TensorFlow's hp.hparams() and PyTorch's add_hparams log session_start_info
// (and the experiment) before any training step.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace el::store {

// How much of a file's head is read: the file_version event and the hparams
// records take a few KB (a graph logged before them can push them past this).
// 10,000 unread runs cost 640 MB of reads.
inline constexpr std::uint64_t kHparamsPeekBytes = 64 * 1024;

struct PeekedTag {
  std::string tag;             // "_hparams_/session_start_info", "_hparams_/experiment", ...
  std::string plugin_content;  // the summary metadata's plugin content (an HParamsPluginData)
};

// The hparams plugin's tags among the records that `head` (the first bytes of
// the event file `path`, compressed or not) holds whole, sorted by tag, each
// with its first metadata (as the store keeps it). A record cut by the end of
// `head` is not read.
std::vector<PeekedTag> peek_hparams(std::string_view path, std::span<const std::uint8_t> head);

// The first file of a run as written: the event file whose name sorts first
// (names carry their creation time), among `paths`; -1 if there are none.
int first_written(const std::vector<std::string_view>& paths);

}  // namespace el::store
