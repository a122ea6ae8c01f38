// `eventlens export --kind profile`: per profile file under a folder, its
// run, slices per process, span and the 20 names with the most total time
// (times in integer picoseconds).
#pragma once
#include <string>

#include "embed/discovery.h"  // FileAccess

namespace el::exporting {

// {"profiles":[{"file","run","host","slices","processes":{name:n},"begin_ps","end_ps",
//   "top":[{"name","count","total_ps"}]}],"problems":[...]}. `problems` counts
// the files that could not be read whole.
std::string export_profiles_json(embed::FileAccess& files, int& problems);

}  // namespace el::exporting
