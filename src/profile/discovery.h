// Which files of a logdir are profiles, and the run each belongs to.
// TensorFlow, Keras and JAX: <logdir>/[<run>/]plugins/profile/<session>/<host>.xplane.pb,
// shown as the run "<run>/<session>" (or "<session>" at the top level).
#pragma once
#include <string>
#include <vector>

namespace el::profile {

enum class ProfileFormat { kXPlane };

struct ProfileFile {
  std::string path;  // as given
  std::string run;   // "<run>/<session>"
  std::string host;  // the file's name without its suffix
  ProfileFormat format = ProfileFormat::kXPlane;
};

// The profiles among `paths` ('/'-separated, relative to the logdir), in
// path order.
std::vector<ProfileFile> find_profiles(const std::vector<std::string>& paths);

}  // namespace el::profile
