// Which files of a logdir are profiles, and the run each belongs to.
// - TensorFlow, Keras and JAX: <logdir>/[<run>/]plugins/profile/<session>/<host>.xplane.pb,
//   shown as the run "<run>/<session>" (or "<session>" at the top level). The
//   legacy <host>.trace.json.gz beside it is read only when there is no xplane.
// - PyTorch (torch.profiler.tensorboard_trace_handler):
//   <run>/<worker>[.<span>].pt.trace.json[.gz], grouped as torch-tb-profiler did:
//   the run is the folder, the worker and span come from the name.
// - Any other Chrome trace: a *.json or *.json.gz file with "trace" in its name;
//   its run is its folder (the file's name at the top level).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace el::profile {

enum class ProfileFormat { kXPlane, kChromeTrace };

struct ProfileFile {
  std::string path;  // as given
  std::string run;   // "<run>/<session>", a PyTorch trace's folder
  std::string host;  // xplane: the file's name without its suffix; PyTorch: the worker
  ProfileFormat format = ProfileFormat::kXPlane;
  std::string span;  // PyTorch: the number after the worker ("1623143089861"), if any
};

// The profiles among `paths` ('/'-separated, relative to the logdir), in
// path order.
std::vector<ProfileFile> find_profiles(const std::vector<std::string>& paths);

// Whether a file's name can be a profile (what a platform announces besides
// event files): *.xplane.pb, and *.json / *.json.gz with "trace" in the name.
bool is_profile_file(std::string_view name);

}  // namespace el::profile
