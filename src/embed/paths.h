// '/'-separated paths under what was opened, as the projector's files name
// each other (relative to the file that names them).
#pragma once
#include <string>
#include <string_view>

namespace el::embed {

// "a/b/../c" -> "a/c"; nothing goes above the root.
std::string normalize_path(std::string_view path);
// The folder part of a path ("" for a file at the root).
std::string folder_of(std::string_view path);
// The last part of a path.
std::string file_name(std::string_view path);

}  // namespace el::embed
