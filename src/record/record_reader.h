// TFRecord framing over arbitrary chunk boundaries.
//
// A record is: u64le length | u32le masked_crc32c(length bytes) | data[length] |
// u32le masked_crc32c(data). feed() accepts any split of the stream, emits every
// complete record with its offset, and keeps an unfinished tail until more bytes
// arrive (a file still being written is normal). A length is trusted only after
// its CRC matched and it is plausible; on a bad header the reader scans forward
// to the next valid one, so one corrupt record costs only that record.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

#include "record/problem.h"

namespace el::record {

class RecordSink {
 public:
  virtual ~RecordSink() = default;
  // `data` is valid only during the call.
  virtual void on_record(std::uint64_t offset, std::span<const std::uint8_t> data) = 0;
  virtual void on_problem(const Problem& problem) = 0;
};

// Whether the 12 bytes at `h` are a record header whose length CRC matches;
// `length` is set either way. (RecordReader also refuses a length past
// kMaxRecordLength; plausible_header checks both.)
bool length_crc_ok(const std::uint8_t* h, std::uint64_t& length);

class RecordReader {
 public:
  static constexpr std::size_t kHeaderSize = 12;
  static constexpr std::size_t kFooterSize = 4;
  // Longer lengths are treated as corrupt even when their CRC matches (1 GiB).
  static constexpr std::uint64_t kMaxRecordLength = std::uint64_t{1} << 30;
  // A file with no valid record in its first MiB is "not an event file";
  // below that, leading bytes are treated as garbage before the first record.
  static constexpr std::uint64_t kMaxLeadingGarbage = std::uint64_t{1} << 20;

  explicit RecordReader(RecordSink& sink) : sink_(sink) {}
  // A header this reader would trust: its CRC matches and its length is plausible.
  static bool plausible_header(const std::uint8_t* h, std::uint64_t& length) {
    return length_crc_ok(h, length) && length <= kMaxRecordLength;
  }

  // The bytes fed next start at stream offset `offset`, at a record's start,
  // after earlier records (a file read in record-aligned pieces, each by its
  // own reader: store::DecodePool). Before the first feed.
  void start_at(std::uint64_t offset) {
    consumed_ = offset;
    seen_record_ = offset > 0;
  }
  void feed(std::span<const std::uint8_t> bytes);
  // No more bytes will come: reports an unfinished record or scan as a problem.
  void end_of_stream();

  std::uint64_t bytes_fed() const { return consumed_ + tail_.size(); }
  // Bytes of an unfinished record waiting for the rest.
  std::uint64_t pending_bytes() const { return tail_.size(); }
  std::uint64_t records() const { return records_; }
  bool not_event_file() const { return dead_; }

 private:
  std::size_t parse(std::span<const std::uint8_t> d, std::uint64_t base);
  void close_scan(std::uint64_t end);
  void reject_file();

  RecordSink& sink_;
  std::vector<std::uint8_t> tail_;  // unfinished bytes: < 12, or a record with a valid header
  std::uint64_t consumed_ = 0;      // stream offset of tail_[0] (or of the next byte)
  std::uint64_t records_ = 0;
  std::vector<std::uint8_t> head_sample_;  // first bytes, to say what a foreign file is
  bool seen_record_ = false;
  bool dead_ = false;      // not an event file: ignore everything
  bool scanning_ = false;  // inside a corrupt region, looking for a header
  std::uint64_t scan_start_ = 0;
  bool scan_bad_length_ = false;  // the region began with a CRC-valid but absurd length
};

}  // namespace el::record
