#include "store/hparams_peek.h"

#include <algorithm>

#include "store/store.h"

namespace el::store {

std::vector<PeekedTag> peek_hparams(std::string_view path, std::span<const std::uint8_t> head) {
  // A store of its own reads the head as the real one would (framing,
  // compression, each tag's first metadata); it is never finished, so a record
  // cut by the end of `head` is simply not there.
  Store scratch;
  const FileId file = scratch.add_file(std::string(path), head.size(), "peek");
  scratch.feed(file, head);
  std::vector<PeekedTag> found;
  for (const auto& [name, run] : scratch.runs())
    for (const auto& [tag, series] : run.tags)
      if (series.kind == events::Kind::kHparams) found.push_back({tag, series.metadata.plugin_content});
  return found;
}

int first_written(const std::vector<std::string_view>& paths) {
  auto base = [](std::string_view p) {
    const auto slash = p.find_last_of('/');
    return slash == std::string_view::npos ? p : p.substr(slash + 1);
  };
  int best = -1;
  for (std::size_t i = 0; i < paths.size(); ++i)
    if (best < 0 || base(paths[i]) < base(paths[static_cast<std::size_t>(best)])) best = static_cast<int>(i);
  return best;
}

}  // namespace el::store
