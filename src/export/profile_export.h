// `eventlens export --kind profile`: per profile file under a folder, its
// run, events per phase and category, slices per process, span and the 20
// names with the most total time (times in integer picoseconds).
#pragma once
#include <string>

#include "embed/discovery.h"  // FileAccess
#include "profile/discovery.h"
#include "profile/trace.h"

namespace el::exporting {

// Reads one profile file (an xplane or a Chrome trace, gzip or not) into
// `trace`. False, with `error`, when the file cannot be read at all; what it
// holds that cannot be understood goes to trace.problems.
bool read_profile(embed::FileAccess& files, const profile::ProfileFile& f, profile::Trace& trace,
                  std::string& error);

// {"profiles":[{"file","run","host","format","base_us","phases":{ph:n},"categories":{cat:n},
//   "slices","processes":{name:n},"begin_ps","end_ps","top":[{"name","count","total_ps"}]}],
//  "problems":[...]}. Times are ps after base_us (a Chrome trace's first
// event's whole microsecond; 0 for xplane). `problems` counts the files that
// could not be read whole.
std::string export_profiles_json(embed::FileAccess& files, int& problems);

}  // namespace el::exporting
