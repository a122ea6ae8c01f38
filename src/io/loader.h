// Loading files and directories from disk into a Store (CLI, tests, benchmarks).
#pragma once
#include <string>
#include <vector>

#include "store/store.h"

namespace el::io {

// A directory is walked recursively for event files (names containing
// "tfevents", not *.profile-empty), named relative to it; a file given by name
// is always read, named by its base name, and is a run of its own named after
// the file (loose files never share a run "."). Files are announced in
// lexicographic path order and read in 8 MiB pieces, runs in parallel
// (io/threaded_ingest.h). Returns false if a path could not be read (the
// message names it on stderr).
struct DiskFile {
  std::string name;  // relative to what was opened ('/' separators)
  std::string path;  // where it is on disk
  std::string run;   // a file given by name: its own run (its name); else empty (the folder names it)
  bool operator<(const DiskFile& o) const { return name < o.name || (name == o.name && path < o.path); }
};
// The files load_paths() reads, in the order it reads them. Paths that do not
// exist are reported on stderr (prefixed with `who`) and make it return false.
[[nodiscard]] bool list_event_files(const std::vector<std::string>& paths, std::vector<DiskFile>& files,
                                    const char* who = "eventlens");

// Announces `files` to `store` (their sizes from disk), in order: their ids.
// If `disk_paths` is given, (*disk_paths)[id] is where each file is on disk.
std::vector<store::FileId> add_files(store::Store& store, const std::vector<DiskFile>& files,
                                     std::vector<std::string>* disk_paths = nullptr);

// If `disk_paths` is given, (*disk_paths)[file id] is where each file was read.
// `threads`: as io::ingest_files (0: one per core, runs decoded in parallel).
[[nodiscard]] bool load_paths(const std::vector<std::string>& paths, store::Store& store,
                              std::vector<std::string>* disk_paths = nullptr, unsigned threads = 0);

}  // namespace el::io
