#include "record/record_reader.h"

#include <algorithm>
#include <cstring>
#include <string>

#include "record/crc32c.h"

namespace el::record {
namespace {

std::uint64_t load_u64(const std::uint8_t* p) {
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}
std::uint32_t load_u32(const std::uint8_t* p) {
  std::uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

// A short human description of bytes that are not a TFRecord stream.
std::string describe_foreign(std::span<const std::uint8_t> b) {
  auto starts = [&](const char* magic) {
    std::size_t n = std::strlen(magic);
    return b.size() >= n && std::memcmp(b.data(), magic, n) == 0;
  };
  if (starts("\x89PNG")) return "it is a PNG image";
  if (starts("version https://git-lfs")) return "it is a Git LFS pointer (the real file was not downloaded)";
  if (starts("PK\x03\x04")) return "it is a ZIP archive";
  if (starts("\xff\xd8\xff")) return "it is a JPEG image";
  if (starts("GIF8")) return "it is a GIF image";
  bool text = !b.empty() && std::all_of(b.begin(), b.end(), [](std::uint8_t c) {
    return c == '\n' || c == '\r' || c == '\t' || (c >= 0x20 && c != 0x7f);
  });
  if (text) return "it looks like text";
  return "its first bytes are not a TFRecord header";
}

}  // namespace

bool length_crc_ok(const std::uint8_t* h, std::uint64_t& length) {
  length = load_u64(h);
  return masked_crc32c({h, 8}) == load_u32(h + 8);
}

const char* problem_kind_name(ProblemKind kind) {
  switch (kind) {
    case ProblemKind::kNotEventFile: return "not_event_file";
    case ProblemKind::kBadHeader: return "bad_header";
    case ProblemKind::kBadDataCrc: return "bad_data_crc";
    case ProblemKind::kTruncatedTail: return "truncated_tail";
    case ProblemKind::kDecompressError: return "decompress_error";
    case ProblemKind::kBadEvent: return "bad_event";
    case ProblemKind::kUnreadable: return "unreadable";
    case ProblemKind::kEmptyFile: return "empty_file";
    case ProblemKind::kMemoryBudget: return "memory_budget";
  }
  return "unknown";
}

const char* problem_kind_words(ProblemKind kind) {
  switch (kind) {
    case ProblemKind::kNotEventFile: return "not an event file";
    case ProblemKind::kBadHeader: return "corrupt record";
    case ProblemKind::kBadDataCrc: return "record failed its checksum";
    case ProblemKind::kTruncatedTail: return "truncated tail";
    case ProblemKind::kDecompressError: return "corrupt compression";
    case ProblemKind::kBadEvent: return "undecodable event";
    case ProblemKind::kUnreadable: return "unreadable";
    case ProblemKind::kEmptyFile: return "empty file";
    case ProblemKind::kMemoryBudget: return "not read: memory budget full";
  }
  return "problem";
}

ProblemSeverity problem_severity(ProblemKind kind) {
  switch (kind) {
    case ProblemKind::kNotEventFile:
    case ProblemKind::kDecompressError:
    case ProblemKind::kUnreadable: return ProblemSeverity::kError;
    case ProblemKind::kBadHeader:
    case ProblemKind::kBadDataCrc:
    case ProblemKind::kBadEvent:
    case ProblemKind::kMemoryBudget: return ProblemSeverity::kDamage;
    case ProblemKind::kTruncatedTail:
    case ProblemKind::kEmptyFile: return ProblemSeverity::kNotice;
  }
  return ProblemSeverity::kError;
}

void RecordReader::reject_file() {
  dead_ = true;
  scanning_ = false;
  sink_.on_problem(
      {ProblemKind::kNotEventFile, 0, bytes_fed(), "not an event file: " + describe_foreign(head_sample_)});
}

void RecordReader::close_scan(std::uint64_t end) {
  if (!scanning_) return;
  scanning_ = false;
  std::uint64_t skipped = end - scan_start_;
  std::string what = scan_start_ == 0   ? std::string("unreadable bytes at the start of the file")
                     : scan_bad_length_ ? "implausible record length at offset " + std::to_string(scan_start_)
                                        : "bad length CRC at offset " + std::to_string(scan_start_);
  sink_.on_problem({ProblemKind::kBadHeader, scan_start_, skipped,
                    what + "; skipped " + std::to_string(skipped) + " bytes"});
}

// Consumes whole records (and, while scanning, corrupt bytes) from `d`, whose
// first byte is at stream offset `base`. Returns how many bytes were consumed;
// the rest is an unfinished record or fewer than kHeaderSize bytes.
std::size_t RecordReader::parse(std::span<const std::uint8_t> d, std::uint64_t base) {
  std::size_t pos = 0;
  const std::size_t n = d.size();
  while (n - pos >= kHeaderSize) {
    const std::uint8_t* h = d.data() + pos;
    std::uint64_t len;
    const bool crc_ok = length_crc_ok(h, len);
    if (!crc_ok || len > kMaxRecordLength) {
      if (!seen_record_ && base + pos >= kMaxLeadingGarbage) {
        reject_file();
        return n;
      }
      if (!scanning_) {
        scanning_ = true;
        scan_start_ = base + pos;
        scan_bad_length_ = crc_ok;
      }
      ++pos;
      continue;
    }
    close_scan(base + pos);
    const std::uint64_t total = kHeaderSize + len + kFooterSize;
    if (n - pos < total) break;
    std::span<const std::uint8_t> data(h + kHeaderSize, static_cast<std::size_t>(len));
    if (masked_crc32c(data) == load_u32(h + kHeaderSize + len)) {
      ++records_;
      sink_.on_record(base + pos, data);
    } else {
      sink_.on_problem({ProblemKind::kBadDataCrc, base + pos, total,
                        "bad data CRC in the record at offset " + std::to_string(base + pos) + " (" +
                            std::to_string(len) + " bytes); record skipped"});
    }
    seen_record_ = true;
    pos += static_cast<std::size_t>(total);
  }
  return pos;
}

void RecordReader::feed(std::span<const std::uint8_t> in) {
  if (head_sample_.size() < 64) {
    head_sample_.insert(head_sample_.end(), in.begin(),
                        in.begin() + std::min<std::size_t>(in.size(), 64 - head_sample_.size()));
  }
  while (!in.empty() && !dead_) {
    if (tail_.empty()) {  // fast path: parse straight from the caller's bytes
      std::size_t c = parse(in, consumed_);
      consumed_ += c;
      if (!dead_) tail_.assign(in.begin() + c, in.end());
      return;
    }
    if (tail_.size() < kHeaderSize) {
      // Join the short tail with enough new bytes to test every header
      // position that starts inside the tail.
      const std::size_t old = tail_.size();
      const std::size_t k = std::min(in.size(), kHeaderSize - 1);
      tail_.insert(tail_.end(), in.begin(), in.begin() + k);
      std::size_t c = parse(tail_, consumed_);
      if (dead_) return;
      consumed_ += c;
      if (c >= old) {  // past the old tail: continue on the caller's bytes
        in = in.subspan(c - old);
        tail_.clear();
      } else {
        tail_.erase(tail_.begin(), tail_.begin() + c);
        in = in.subspan(k);
      }
      continue;
    }
    // The tail holds a record whose header is valid: complete it.
    const std::uint64_t total = kHeaderSize + load_u64(tail_.data()) + kFooterSize;
    const std::size_t k = static_cast<std::size_t>(std::min<std::uint64_t>(total - tail_.size(), in.size()));
    tail_.insert(tail_.end(), in.begin(), in.begin() + k);
    in = in.subspan(k);
    if (tail_.size() < total) return;
    consumed_ += parse(tail_, consumed_);
    tail_.clear();
  }
  if (dead_) consumed_ += in.size();
}

void RecordReader::end_of_stream() {
  if (dead_) return;
  if (bytes_fed() == 0) {  // reported, but not dead: a live file may still grow
    sink_.on_problem({ProblemKind::kEmptyFile, 0, 0, "empty file (0 bytes): nothing to read yet"});
    return;
  }
  const std::uint64_t end = consumed_ + tail_.size();
  if (scanning_) {
    // Corrupt to the end. With no valid record anywhere, the file is foreign.
    if (!seen_record_ && scan_start_ == 0) {
      reject_file();
      return;
    }
    close_scan(end);
    return;
  }
  if (tail_.empty()) return;
  if (!seen_record_ && consumed_ == 0 && tail_.size() < kHeaderSize) {
    reject_file();  // shorter than one record header
    return;
  }
  sink_.on_problem({ProblemKind::kTruncatedTail, consumed_, tail_.size(),
                    "truncated record at offset " + std::to_string(consumed_) + " (" +
                        std::to_string(tail_.size()) + " bytes; the file may still be being written)"});
}

}  // namespace el::record
