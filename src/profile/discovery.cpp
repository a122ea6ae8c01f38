#include "profile/discovery.h"

#include <algorithm>
#include <string_view>

namespace el::profile {

std::vector<ProfileFile> find_profiles(const std::vector<std::string>& paths) {
  constexpr std::string_view kDir = "plugins/profile/", kXPlane = ".xplane.pb";
  std::vector<ProfileFile> out;
  for (const std::string& path : paths) {
    if (!path.ends_with(kXPlane)) continue;
    // .../plugins/profile/<session>/<host>.xplane.pb, the folder at the start or after a '/'.
    const std::size_t dir = path.rfind(kDir);
    if (dir == std::string::npos || (dir > 0 && path[dir - 1] != '/')) continue;
    const std::size_t session_at = dir + kDir.size();
    const std::size_t slash = path.find('/', session_at);
    if (slash == std::string::npos || path.find('/', slash + 1) != std::string::npos) continue;
    const std::string session = path.substr(session_at, slash - session_at);
    const std::string run = dir == 0 ? std::string() : path.substr(0, dir - 1);
    std::string host = path.substr(slash + 1);
    host.resize(host.size() - kXPlane.size());
    out.push_back({path, run.empty() ? session : run + "/" + session, host, ProfileFormat::kXPlane});
  }
  std::sort(out.begin(), out.end(),
            [](const ProfileFile& a, const ProfileFile& b) { return a.path < b.path; });
  return out;
}

}  // namespace el::profile
