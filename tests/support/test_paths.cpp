// Where the engine tests find their data. The paths are fixed at configure time
// in this one file only, so the other test files compile to the same objects in
// any checkout (and ccache shares them between clones).
#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "support/test_files.h"

namespace el::testing {

std::string corpus_dir() {
  if (const char* env = std::getenv("EVENTLENS_CORPUS")) return env;
  return EL_CORPUS_DIR;
}

std::string test_data_dir() { return EL_TEST_DATA_DIR; }

std::vector<std::string> corpus_roots() {
  std::vector<std::string> roots;
  for (const auto& e : std::filesystem::directory_iterator(corpus_dir()))
    if (e.is_directory()) roots.push_back(e.path().string());
  std::sort(roots.begin(), roots.end());
  return roots;
}

}  // namespace el::testing
