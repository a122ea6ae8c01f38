#include "io/loader.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "io/threaded_ingest.h"
#include "store/run_paths.h"

namespace el::io {
// Loads PATHs into `store`: a directory is walked recursively and its files are
// named relative to it; a file is named by its base name, in a run of its own. Files are
// read in lexicographic path order, in 8 MiB pieces. Returns false on I/O errors.
bool list_event_files(const std::vector<std::string>& paths, std::vector<DiskFile>& files, const char* who) {
  namespace fs = std::filesystem;
  bool ok = true;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
           it != fs::recursive_directory_iterator(); it.increment(ec)) {
        // In a log directory only event files count (TensorBoard's rule); other
        // files (sprites, configs, *.profile-empty markers) are not read at all.
        if (it->is_regular_file(ec) && store::is_event_file_path(it->path().filename().string()))
          files.push_back({fs::relative(it->path(), p, ec).generic_string(), it->path().string(), {}});
      }
    } else if (fs::is_regular_file(p, ec)) {
      const std::string name = fs::path(p).filename().string();
      files.push_back({name, p, name});
    } else {
      std::fprintf(stderr, "%s: %s: no such file or directory\n", who, p.c_str());
      ok = false;
    }
  }
  std::sort(files.begin(), files.end());
  return ok;
}

std::vector<store::FileId> add_files(store::Store& store, const std::vector<DiskFile>& files,
                                     std::vector<std::string>* disk_paths) {
  namespace fs = std::filesystem;
  std::vector<store::FileId> ids;
  ids.reserve(files.size());
  for (const auto& [name, path, run] : files) {
    std::error_code ec;
    const store::FileId id = store.add_file(name, fs::file_size(path, ec), run);
    ids.push_back(id);
    if (disk_paths) {
      if (disk_paths->size() <= id) disk_paths->resize(id + 1);
      (*disk_paths)[id] = path;
    }
  }
  return ids;
}

bool load_paths(const std::vector<std::string>& paths, store::Store& store,
                std::vector<std::string>* disk_paths, unsigned threads) {
  std::vector<DiskFile> files;
  const bool listed = list_event_files(paths, files);
  const bool read = ingest_files(store, files, add_files(store, files, disk_paths), threads);
  return listed && read;
}

}  // namespace el::io
