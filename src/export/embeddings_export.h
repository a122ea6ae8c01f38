// `eventlens export --kind embeddings`: every embedding under a folder with its
// run, name, step, source, shape, the SHA-256 of its float32 points
// (little-endian, row-major) and its metadata columns and rows, plus the
// problems of what could not be read. Stable JSON: tests and tools rely on it.
#pragma once
#include <string>

#include "embed/discovery.h"

namespace el::exporting {

// `problems` counts what could not be read (discovery problems and failed loads).
std::string export_embeddings_json(embed::FileAccess& files, int& problems);

const char* tensor_source_name(embed::TensorSource s);

}  // namespace el::exporting
