// What can go wrong reading one event file: errors are values, reported with
// their byte offset, never thrown.
#pragma once
#include <cstdint>
#include <string>

namespace el::record {

enum class ProblemKind : std::uint8_t {
  kNotEventFile,     // does not start with a TFRecord header (PNG, LFS pointer, text...)
  kBadHeader,        // length CRC mismatch or absurd length: skipped to the next valid header
  kBadDataCrc,       // header fine but data CRC mismatch: that record dropped
  kTruncatedTail,    // the data ends inside a record (normal while a file is being written)
  kDecompressError,  // corrupt gzip/zlib stream: the rest of the file is unreadable
  kBadEvent,         // a record whose bytes are not a valid Event protobuf
  kUnreadable,       // the bytes could not be fetched (HTTP error, network, CORS, permissions)
};

struct Problem {
  ProblemKind kind = ProblemKind::kBadHeader;
  std::uint64_t offset = 0;  // where it starts, in the (decompressed) stream
  std::uint64_t length = 0;  // bytes affected
  std::string message;       // one line for people; does not repeat the file name
};

const char* problem_kind_name(ProblemKind kind);

}  // namespace el::record
