// Runs from paths (TensorBoard's rule): a directory holding a file whose
// basename contains "tfevents" is a run, named by its path relative to the
// opened root with '/' separators, "." for the root itself.
#pragma once
#include <string>
#include <string_view>

namespace el::store {

// True if the file at `path` is an event file whose records make data
// (names containing "tfevents", except TF's "*.profile-empty" markers).
bool is_event_file_path(std::string_view path);

// The run of the file at `path` (relative to the opened root).
std::string run_name_for(std::string_view path);

}  // namespace el::store
