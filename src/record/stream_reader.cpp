#include "record/stream_reader.h"

#include <zlib.h>

#include <string>

namespace el::record {

struct StreamReader::Inflater {
  z_stream zs{};
  std::vector<std::uint8_t> out = std::vector<std::uint8_t>(256 * 1024);
  Inflater() { inflateInit2(&zs, 15 + 32); }  // +32: accept gzip and zlib headers
  ~Inflater() { inflateEnd(&zs); }
};

StreamReader::StreamReader(RecordSink& sink) : sink_(sink), reader_(sink) {}
StreamReader::~StreamReader() = default;

// Decides the format from the first 12 bytes. A plain TFRecord header wins:
// some record lengths happen to look like a zlib header.
void StreamReader::start(std::span<const std::uint8_t> h) {
  std::uint64_t length;
  if (length_crc_ok(h.data(), length)) {
    compression_ = Compression::kNone;
  } else if (h[0] == 0x1f && h[1] == 0x8b) {
    compression_ = Compression::kGzip;
  } else if ((h[0] & 0x0f) == 8 && ((h[0] << 8) | h[1]) % 31 == 0) {
    compression_ = Compression::kZlib;
  } else {
    compression_ = Compression::kNone;  // RecordReader reports "not an event file"
  }
  if (compression_ != Compression::kNone) z_ = std::make_unique<Inflater>();
}

void StreamReader::feed(std::span<const std::uint8_t> bytes) {
  file_bytes_ += bytes.size();
  if (compression_ == Compression::kUnknown) {
    head_.insert(head_.end(), bytes.begin(), bytes.end());
    if (head_.size() < RecordReader::kHeaderSize) return;
    start(head_);
    std::vector<std::uint8_t> head = std::move(head_);
    head_.clear();
    bytes = head;
    if (z_)
      inflate(bytes);
    else
      reader_.feed(bytes);
    return;
  }
  if (z_)
    inflate(bytes);
  else
    reader_.feed(bytes);
}

void StreamReader::inflate(std::span<const std::uint8_t> bytes) {
  if (z_failed_) return;
  z_stream& zs = z_->zs;
  zs.next_in = const_cast<Bytef*>(bytes.data());
  zs.avail_in = static_cast<uInt>(bytes.size());
  while (zs.avail_in > 0) {
    zs.next_out = z_->out.data();
    zs.avail_out = static_cast<uInt>(z_->out.size());
    int rc = ::inflate(&zs, Z_NO_FLUSH);
    std::size_t produced = z_->out.size() - zs.avail_out;
    if (produced) reader_.feed({z_->out.data(), produced});
    if (rc == Z_STREAM_END) {
      inflateReset(&zs);  // concatenated gzip members continue the stream
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      z_failed_ = true;
      std::uint64_t at = file_bytes_ - zs.avail_in;
      sink_.on_problem({ProblemKind::kDecompressError, at, zs.avail_in,
                        std::string("corrupt compressed data near file offset ") + std::to_string(at) +
                            (zs.msg ? std::string(" (") + zs.msg + ")" : std::string()) +
                            "; the rest of the file is skipped"});
      return;
    } else if (produced == 0 && rc == Z_BUF_ERROR) {
      break;
    }
  }
}

void StreamReader::end_of_stream() {
  if (compression_ == Compression::kUnknown && !head_.empty()) {
    compression_ = Compression::kNone;
    reader_.feed(head_);
    head_.clear();
  }
  reader_.end_of_stream();
}

}  // namespace el::record
