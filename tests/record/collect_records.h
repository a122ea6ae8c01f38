// Reading a byte stream through StreamReader in pieces, keeping each record's
// offset and a checksum of its data, and every problem (record reader tests).
#pragma once
#include <cstdint>
#include <span>
#include <utility>
#include <vector>

#include "record/crc32c.h"
#include "record/stream_reader.h"

namespace el::record {

struct Collect final : RecordSink {
  std::vector<std::pair<std::uint64_t, std::uint32_t>> records;  // offset, crc of data
  std::vector<Problem> problems;
  void on_record(std::uint64_t offset, std::span<const std::uint8_t> data) override {
    records.emplace_back(offset, crc32c(data) ^ static_cast<std::uint32_t>(data.size()));
  }
  void on_problem(const Problem& p) override { problems.push_back(p); }
};

inline Collect read_in_pieces(const std::vector<std::uint8_t>& bytes, const std::vector<std::size_t>& cuts) {
  Collect c;
  StreamReader r(c);
  std::size_t at = 0;
  for (std::size_t cut : cuts) {
    r.feed({bytes.data() + at, cut - at});
    at = cut;
  }
  r.feed({bytes.data() + at, bytes.size() - at});
  r.end_of_stream();
  return c;
}
inline Collect read_whole(const std::vector<std::uint8_t>& bytes) { return read_in_pieces(bytes, {}); }

}  // namespace el::record
