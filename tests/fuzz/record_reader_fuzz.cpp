// libFuzzer target: arbitrary bytes through the streaming reader (framing,
// CRCs, resync, gzip detection), split at a point chosen by the input, then
// compared with an unsplit read.
#include <cstdint>
#include <cstdlib>
#include <span>
#include <vector>

#include "record/stream_reader.h"

namespace {
struct Sink final : el::record::RecordSink {
  std::vector<std::pair<std::uint64_t, std::size_t>> records;
  std::size_t problems = 0;
  void on_record(std::uint64_t offset, std::span<const std::uint8_t> data) override {
    records.emplace_back(offset, data.size());
  }
  void on_problem(const el::record::Problem&) override { ++problems; }
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Sink whole, split;
  {
    el::record::StreamReader r(whole);
    r.feed({data, size});
    r.end_of_stream();
  }
  {
    el::record::StreamReader r(split);
    const std::size_t step = size ? 1 + data[0] % 97 : 1;
    for (std::size_t at = 0; at < size; at += step) r.feed({data + at, std::min(step, size - at)});
    r.end_of_stream();
  }
  if (whole.records != split.records) std::abort();  // chunking must never change the records
  return 0;
}
