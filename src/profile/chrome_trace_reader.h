// Chrome trace event JSON into a Trace: PyTorch's kineto traces
// (<run>/<worker>.<time>.pt.trace.json[.gz]), TensorFlow's legacy
// trace.json.gz, and any trace a user drops; an object with "traceEvents" or
// a bare array of events, gzip or not.
//
// Bytes are pushed in slices of any size. Gzip is inflated as it comes; the
// events are read as their bytes arrive (profile/json_scan.h), each applied
// and dropped, so a trace of millions of events is never held whole (only
// the event being read, and the other top-level members).
//
// Phases (event counts are kept for every phase read):
//   X                a slice (ts, dur)
//   B / E            a slice when its E closes the latest open B on its track
//   i / I            an instant (scope "s": g, p or t)
//   C                a sample of each of its args' keys: a counter series
//   s / t / f        flow points ("id", "bp")
//   M                process_name, process_labels, process_sort_index, thread_name
// ts and dur are microseconds, read exactly from their text (trace_time.h);
// times are kept in ps after the first event's whole microsecond (Trace::base_us).
//
// Bad input: an event that is not valid JSON is named with its byte offset
// and skipped; a cut file keeps every event before the cut and says where it
// ends. Offsets count the JSON's bytes (after inflating).
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

#include "profile/trace.h"

namespace el::profile {

class ChromeTraceReader {
 public:
  ChromeTraceReader(std::string_view file, Trace& out);
  ~ChromeTraceReader();
  ChromeTraceReader(const ChromeTraceReader&) = delete;
  ChromeTraceReader& operator=(const ChromeTraceReader&) = delete;

  void push(std::span<const std::uint8_t> bytes);
  // The end of the file: B events never ended are closed at the trace's end,
  // and a cut is named.
  void finish();

  std::uint64_t events() const;      // events read so far
  std::uint64_t json_bytes() const;  // JSON bytes seen (after inflating)

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A whole file at once.
void read_chrome_trace(std::string_view file, std::span<const std::uint8_t> bytes, Trace& out);

}  // namespace el::profile
