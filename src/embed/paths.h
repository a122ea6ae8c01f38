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
// Whether a file named `name` can belong to an embedding (a projector config, a
// `checkpoint` file, a checkpoint's index or data, a TSV, a sprite sheet, a
// bookmark file, raw tensor bytes, a Keras .h5): the files a folder walk
// hands to the Projector besides the event files. The page's folder walk
// (web/js/sources.js, isEmbeddingFile) applies the same rule.
bool is_embedding_file(std::string_view name);

}  // namespace el::embed
