#include "store/run_paths.h"

namespace el::store {

bool is_event_file_path(std::string_view path) {
  const auto slash = path.rfind('/');
  const std::string_view base = slash == std::string_view::npos ? path : path.substr(slash + 1);
  if (base.find("tfevents") == std::string_view::npos) return false;
  constexpr std::string_view kProfileEmpty = ".profile-empty";
  return !(base.size() >= kProfileEmpty.size() &&
           base.substr(base.size() - kProfileEmpty.size()) == kProfileEmpty);
}

std::string run_name_for(std::string_view path) {
  const auto slash = path.rfind('/');
  if (slash == std::string_view::npos || slash == 0) return ".";
  return std::string(path.substr(0, slash));
}

}  // namespace el::store
