// The files pushed into the engine: path, size, how much arrived, a CRC-32 of
// the bytes seen (zlib's; lets tools and tests confirm every byte arrived
// intact), and what the record layer made of them.
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "record/problem.h"
#include "record/stream_reader.h"

namespace el::store {

using FileId = std::uint32_t;

struct FileStatus {
  std::string path;        // relative to what the user opened, '/' separators
  std::uint64_t size = 0;  // as announced by the source (0 if unknown)
  std::uint64_t bytes_read = 0;
  std::uint32_t crc32 = 0;  // zlib CRC-32 of bytes_read bytes (with set_checksums(true))
  std::uint64_t records = 0;
  bool finished = false;  // the source said no more bytes (for now)
  bool not_event_file = false;
  // How the bytes are stored; blob offsets count in the decompressed stream.
  record::Compression compression = record::Compression::kUnknown;
  std::vector<record::Problem> problems;
};

// Receives each complete record of a file, after framing and CRC checks.
class RecordConsumer {
 public:
  virtual ~RecordConsumer() = default;
  virtual void on_record(FileId file, std::uint64_t offset, std::span<const std::uint8_t> data) = 0;
};

class FileTable {
 public:
  explicit FileTable(RecordConsumer* consumer = nullptr);
  ~FileTable();
  FileTable(const FileTable&) = delete;
  FileTable& operator=(const FileTable&) = delete;

  FileId add(std::string path, std::uint64_t size);
  void feed(FileId id, std::span<const std::uint8_t> bytes);
  void finish(FileId id);
  // Forgets what was read of the file (its run was unloaded): bytes, records,
  // problems and the reader's state; it is read again from byte 0.
  void reset(FileId id);
  // The size became known after the file was announced (the page lists
  // thousands of files before it asks their sizes).
  void set_size(FileId id, std::uint64_t size);
  // Whole-file CRC-32s (FileStatus::crc32) cost a pass over every byte; they
  // are for tests that check the page's slicing, so off unless asked for.
  void set_checksums(bool on) { checksums_ = on; }
  bool checksums() const { return checksums_; }
  // A problem found above the record layer (an undecodable value, ...).
  void add_problem(FileId id, record::Problem problem);

  // Bytes framed elsewhere (store/decoded_chunk.h, on another thread): the
  // bookkeeping feed() and finish() do, without reading. `crc32` is the
  // running CRC-32 of the file so far.
  void account(FileId id, std::uint64_t bytes, std::uint32_t crc32, record::Compression compression);
  void count_records(FileId id, std::uint64_t n);
  void add_record_problem(FileId id, record::Problem problem);  // as the record layer reports one
  void mark_finished(FileId id);
  void clear();

  std::size_t size() const { return files_.size(); }
  const FileStatus& status(FileId id) const;
  std::uint64_t total_bytes_read() const { return total_bytes_read_; }
  std::uint64_t version() const { return version_; }  // changes whenever any status changes

 private:
  struct File;
  std::vector<std::unique_ptr<File>> files_;
  RecordConsumer* consumer_;
  std::uint64_t total_bytes_read_ = 0;
  std::uint64_t version_ = 0;
  bool checksums_ = false;
};

}  // namespace el::store
