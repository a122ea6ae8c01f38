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

std::size_t Trace::memory_bytes() const {
  std::size_t n = slices.capacity() * sizeof(Slice) + instants.capacity() * sizeof(Instant) +
                  counters.capacity() * sizeof(CounterSample) + flows.capacity() * sizeof(FlowPoint) +
                  tracks.capacity() * sizeof(Track) + processes.capacity() * sizeof(Process) +
                  args.memory_bytes();
  for (const std::string& s : strings_) n += sizeof(std::string) + s.capacity() + 32;  // + its map entry
  return n;
}

void Trace::shrink() {
  slices.shrink_to_fit();
  instants.shrink_to_fit();
  counters.shrink_to_fit();
  flows.shrink_to_fit();
  args.shrink();
}

}  // namespace el::profile
