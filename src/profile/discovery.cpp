#include "profile/discovery.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <string_view>

namespace el::profile {
namespace {

constexpr std::string_view kDir = "plugins/profile/", kXPlane = ".xplane.pb", kLegacy = ".trace.json.gz",
                           kPyTorch = ".pt.trace.json";

// <...>/plugins/profile/<session>/<file>: the run ("<run>/<session>") and the file's name.
bool in_profile_session(const std::string& path, std::string& run, std::string& name) {
  const std::size_t dir = path.rfind(kDir);
  if (dir == std::string::npos || (dir > 0 && path[dir - 1] != '/')) return false;
  const std::size_t session_at = dir + kDir.size();
  const std::size_t slash = path.find('/', session_at);
  if (slash == std::string::npos || path.find('/', slash + 1) != std::string::npos) return false;
  const std::string session = path.substr(session_at, slash - session_at);
  run = dir == 0 ? session : path.substr(0, dir - 1) + "/" + session;
  name = path.substr(slash + 1);
  return true;
}

std::string folder_of(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash);
}
std::string name_of(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool has_trace_in_name(std::string_view name) {
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower.find("trace") != std::string::npos;
}

}  // namespace

std::vector<ProfileFile> find_profiles(const std::vector<std::string>& paths) {
  std::vector<ProfileFile> out;
  std::set<std::string> xplane_hosts;  // "<run>\n<host>" of every xplane
  for (const std::string& path : paths) {
    std::string run, name;
    if (path.ends_with(kXPlane) && in_profile_session(path, run, name)) {
      name.resize(name.size() - kXPlane.size());
      xplane_hosts.insert(run + "\n" + name);
      out.push_back({path, run, name, ProfileFormat::kXPlane, {}});
    }
  }
  for (const std::string& path : paths) {
    std::string run, name;
    if (path.ends_with(kXPlane)) continue;
    if (path.ends_with(kLegacy) && in_profile_session(path, run, name)) {
      name.resize(name.size() - kLegacy.size());
      if (!xplane_hosts.count(run + "\n" + name))
        out.push_back({path, run, name, ProfileFormat::kChromeTrace, {}});
      continue;
    }
    const std::string file = name_of(path);
    std::string_view stem = file;
    if (stem.ends_with(".gz")) stem.remove_suffix(3);
    if (!stem.ends_with(".json")) continue;
    const std::string folder = folder_of(path);
    if (stem.ends_with(kPyTorch)) {
      // <worker>[.<digits>].pt.trace.json: the worker is the shortest prefix before an optional span.
      stem.remove_suffix(kPyTorch.size());
      std::string worker(stem), span;
      const std::size_t dot = worker.rfind('.');
      if (dot != std::string::npos && dot + 1 < worker.size() &&
          std::all_of(worker.begin() + static_cast<std::ptrdiff_t>(dot) + 1, worker.end(),
                      [](char c) { return c >= '0' && c <= '9'; })) {
        span = worker.substr(dot + 1);
        worker.resize(dot);
      }
      out.push_back({path, folder.empty() ? worker : folder, worker, ProfileFormat::kChromeTrace, span});
      continue;
    }
    if (!has_trace_in_name(stem) || path.find(kDir) != std::string::npos) continue;
    std::string host(stem.substr(0, stem.size() - 5));
    out.push_back({path, folder.empty() ? file : folder, host, ProfileFormat::kChromeTrace, {}});
  }
  std::sort(out.begin(), out.end(),
            [](const ProfileFile& a, const ProfileFile& b) { return a.path < b.path; });
  return out;
}

bool is_profile_file(std::string_view name) {
  if (name.ends_with(kXPlane)) return true;
  if (name.ends_with(".gz")) name.remove_suffix(3);
  return name.ends_with(".json") && has_trace_in_name(name);
}

}  // namespace el::profile
