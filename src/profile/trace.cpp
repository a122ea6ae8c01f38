#include "profile/trace.h"

namespace el::profile {

Trace::Trace() { intern(""); }

std::uint32_t Trace::intern(std::string_view s) {
  auto it = ids_.find(std::string(s));
  if (it != ids_.end()) return it->second;
  const auto id = static_cast<std::uint32_t>(strings_.size());
  strings_.emplace_back(s);
  ids_.emplace(strings_.back(), id);
  return id;
}

}  // namespace el::profile
