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
  kEmptyFile,        // 0 bytes (often a writer that has not flushed yet): nothing to read
  kMemoryBudget,     // reading stopped where it was, the memory budget full: the rest is not read
};

// How much a problem matters to someone reading the logs, most first: data
// that could not be read at all, data skipped inside a file, and notices
// (a tail still being written, an empty file).
enum class ProblemSeverity : std::uint8_t { kError, kDamage, kNotice };

struct Problem {
  ProblemKind kind = ProblemKind::kBadHeader;
  std::uint64_t offset = 0;  // where it starts, in the (decompressed) stream
  std::uint64_t length = 0;  // bytes affected
  std::string message;       // one line for people; does not repeat the file name
};

const char* problem_kind_name(ProblemKind kind);
// In words for people ("truncated tail"), for the status bar's badge.
const char* problem_kind_words(ProblemKind kind);
ProblemSeverity problem_severity(ProblemKind kind);

}  // namespace el::record
