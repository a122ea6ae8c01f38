// A profile as a timeline: processes (a host, a GPU) holding tracks (a
// thread, a CUDA stream), each holding slices with a start and a duration in
// integer picoseconds (exact for PyTorch's fractional microseconds and for
// xplane's ps offsets alike). Names are interned: a million slices of a
// hundred kernels hold a hundred strings. Readers (xplane_reader, later the
// Chrome trace JSON reader) fill it; the summary and the Profile dashboard
// read it. Plain C++, no UI.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace el::profile {

struct Process {
  std::string name;  // "/host:CPU", "/device:GPU:0", or a trace's process_name
  std::int64_t pid = 0;
};

struct Track {
  std::uint32_t process = 0;  // index into Trace::processes
  std::int64_t tid = 0;
  std::string name;  // "python", "Stream #35(MemcpyH2D)"
};

struct Slice {
  std::int64_t start_ps = 0, duration_ps = 0;
  std::uint32_t name = 0;       // interned
  std::uint32_t track = 0;      // index into Trace::tracks
  std::uint32_t long_name = 0;  // interned full name when `name` is a display name (else 0: none)
  std::uint32_t category = 0;   // interned (0: none)
};

class Trace {
 public:
  Trace();
  // Interns `s`: the same text always gets the same id; id 0 is "".
  std::uint32_t intern(std::string_view s);
  const std::string& text(std::uint32_t id) const { return strings_[id]; }
  std::size_t string_count() const { return strings_.size(); }

  std::vector<Process> processes;
  std::vector<Track> tracks;
  std::vector<Slice> slices;          // in the order read
  std::vector<std::string> problems;  // what could not be read, with where

 private:
  std::vector<std::string> strings_;
  std::unordered_map<std::string, std::uint32_t> ids_;
};

}  // namespace el::profile
