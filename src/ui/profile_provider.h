// What the Profile dashboard asks of the app: which profiles the opened files
// hold, and the one being looked at, read, parsed and indexed. Reading
// (asynchronous in the page) and parsing belong to app/profile_loader; the
// dashboard only draws.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "profile/discovery.h"
#include "profile/timeline.h"
#include "profile/trace.h"
#include "profile/trace_marks.h"

namespace el::ui {

enum class ProfileState : std::uint8_t {
  kNone,     // nothing asked for
  kLoading,  // being read, or parsed
  kReady,
  kError,  // `error` says why (the file and the problem)
};

struct LoadedProfile {
  ProfileState state = ProfileState::kNone;
  std::string path;  // the profile file
  profile::Trace trace;
  std::unique_ptr<profile::Timeline> timeline;    // kReady
  std::unique_ptr<profile::TraceMarks> marks;     // kReady: instants, counters and flows indexed
  std::string error;                              // kError
  std::uint64_t bytes_total = 0, bytes_done = 0;  // kLoading: progress (read, then parsed)
  double load_ms = 0;            // from asking for it to indexed (waiting for reads included)
  double parse_ms = 0;           // of which parsing
  double index_ms = 0;           // and indexing
  double wait_ms = 0;            // and waiting for the file's bytes with nothing left to parse
  std::uint64_t generation = 0;  // changes whenever another profile is loaded
};

class ProfileProvider {
 public:
  virtual ~ProfileProvider() = default;
  // Every profile among the announced files.
  virtual const std::vector<profile::ProfileFile>& profiles() const = 0;
  // Starts loading `path` (forgetting the one before) unless it is the one loaded or loading.
  virtual const LoadedProfile& load(const std::string& path) = 0;
  virtual const LoadedProfile& loaded() const = 0;
};

}  // namespace el::ui
