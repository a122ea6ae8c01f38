// The bytes of one event file -> records. Detects gzip/zlib compression from
// the first bytes and inflates transparently (streaming), then frames records
// with RecordReader.
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "record/record_reader.h"

namespace el::record {

enum class Compression : std::uint8_t { kUnknown, kNone, kGzip, kZlib };

class StreamReader {
 public:
  explicit StreamReader(RecordSink& sink);
  ~StreamReader();
  StreamReader(const StreamReader&) = delete;
  StreamReader& operator=(const StreamReader&) = delete;

  // The bytes fed next are the uncompressed file's from `offset` on, at a
  // record's start (RecordReader::start_at). Before the first feed.
  void start_at(std::uint64_t offset) {
    if (offset == 0) return;  // the file's start: its format is told from its first bytes
    compression_ = Compression::kNone;
    reader_.start_at(offset);
  }
  void feed(std::span<const std::uint8_t> bytes);
  void end_of_stream();

  Compression compression() const { return compression_; }
  std::uint64_t file_bytes() const { return file_bytes_; }  // raw bytes fed
  const RecordReader& records() const { return reader_; }

 private:
  struct Inflater;
  void start(std::span<const std::uint8_t> head);
  void inflate(std::span<const std::uint8_t> bytes);

  RecordSink& sink_;
  RecordReader reader_;
  Compression compression_ = Compression::kUnknown;
  std::vector<std::uint8_t> head_;  // first bytes, held until the format is known
  std::unique_ptr<Inflater> z_;
  std::uint64_t file_bytes_ = 0;
  bool z_failed_ = false;
};

}  // namespace el::record
