#include "profile/trace.h"

namespace el::profile {

Trace::Trace() { intern(""); }

std::uint32_t Trace::intern(std::string_view s) {
  auto it = ids_.find(s);
  if (it != ids_.end()) return it->second;
  const auto id = static_cast<std::uint32_t>(strings_.size());
  strings_.emplace_back(s);
  ids_.emplace(std::string_view(strings_.back()), id);
  return id;
}

std::uint32_t Trace::add_args(std::string_view json) {
  args_text_.append(json);
  args_end_.push_back(args_text_.size());
  return static_cast<std::uint32_t>(args_end_.size() - 1);
}

std::size_t Trace::memory_bytes() const {
  std::size_t n = slices.capacity() * sizeof(Slice) + instants.capacity() * sizeof(Instant) +
                  counters.capacity() * sizeof(CounterSample) + flows.capacity() * sizeof(FlowPoint) +
                  tracks.capacity() * sizeof(Track) + processes.capacity() * sizeof(Process) +
                  args_text_.capacity() + args_end_.capacity() * sizeof(std::uint64_t);
  for (const std::string& s : strings_) n += sizeof(std::string) + s.capacity() + 32;  // + its map entry
  return n;
}

std::string_view Trace::args_json(std::uint32_t id) const {
  if (id == 0 || id >= args_end_.size()) return {};
  return std::string_view(args_text_).substr(args_end_[id - 1], args_end_[id] - args_end_[id - 1]);
}

}  // namespace el::profile
