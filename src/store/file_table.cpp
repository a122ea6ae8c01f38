#include "store/file_table.h"

#include <zlib.h>

#include <algorithm>

namespace el::store {

namespace {
// A file that grew after it was finished (live reload): what looked like a
// truncated tail was a record still being written, and it is no longer empty.
void forget_end_problems(FileStatus& status) {
  std::erase_if(status.problems, [](const record::Problem& p) {
    return p.kind == record::ProblemKind::kTruncatedTail || p.kind == record::ProblemKind::kEmptyFile;
  });
}
}  // namespace

struct FileTable::File final : record::RecordSink {
  File(FileTable& table, FileId id) : table(table), id(id), reader(*this) {}
  void on_record(std::uint64_t offset, std::span<const std::uint8_t> data) override {
    ++status.records;
    if (table.consumer_) table.consumer_->on_record(id, offset, data);
  }
  void on_problem(const record::Problem& p) override {
    if (p.kind == record::ProblemKind::kNotEventFile) status.not_event_file = true;
    status.problems.push_back(p);
  }
  FileTable& table;
  FileId id;
  FileStatus status;
  record::StreamReader reader;
};

FileTable::FileTable(RecordConsumer* consumer) : consumer_(consumer) {}
FileTable::~FileTable() = default;

const FileStatus& FileTable::status(FileId id) const { return files_[id]->status; }

FileId FileTable::add(std::string path, std::uint64_t size) {
  auto id = static_cast<FileId>(files_.size());
  files_.push_back(std::make_unique<File>(*this, id));
  files_.back()->status.path = std::move(path);
  files_.back()->status.size = size;
  ++version_;
  return id;
}

void FileTable::feed(FileId id, std::span<const std::uint8_t> bytes) {
  if (id >= files_.size() || bytes.empty()) return;
  File& f = *files_[id];
  if (f.status.finished) {  // it grew: reading resumes where it stopped
    f.status.finished = false;
    forget_end_problems(f.status);
  }
  // zlib's crc32 takes a uInt length: feed it in pieces below 4 GiB.
  for (std::size_t at = 0; checksums_ && at < bytes.size(); at += (1u << 30)) {
    std::size_t n = std::min<std::size_t>(bytes.size() - at, 1u << 30);
    f.status.crc32 =
        static_cast<std::uint32_t>(crc32(f.status.crc32, bytes.data() + at, static_cast<uInt>(n)));
  }
  f.status.bytes_read += bytes.size();
  total_bytes_read_ += bytes.size();
  f.reader.feed(bytes);
  f.status.compression = f.reader.compression();
  ++version_;
}

void FileTable::finish(FileId id) {
  if (id >= files_.size() || files_[id]->status.finished) return;
  File& f = *files_[id];
  f.status.finished = true;
  // A file that could not be opened at all (Store::add_unreadable) was never
  // read: it is not also "empty".
  const bool unreadable =
      std::any_of(f.status.problems.begin(), f.status.problems.end(),
                  [](const record::Problem& p) { return p.kind == record::ProblemKind::kUnreadable; });
  if (!unreadable) f.reader.end_of_stream();
  f.status.compression = f.reader.compression();
  ++version_;
}

void FileTable::reset(FileId id) {
  if (id >= files_.size()) return;
  auto fresh = std::make_unique<File>(*this, id);
  fresh->status.path = std::move(files_[id]->status.path);
  fresh->status.size = files_[id]->status.size;
  total_bytes_read_ -= files_[id]->status.bytes_read;
  files_[id] = std::move(fresh);
  ++version_;
}

void FileTable::set_size(FileId id, std::uint64_t size) {
  if (id >= files_.size()) return;
  files_[id]->status.size = size;
  ++version_;
}

void FileTable::add_problem(FileId id, record::Problem problem) {
  if (id >= files_.size()) return;
  files_[id]->status.problems.push_back(std::move(problem));
  ++version_;
}

void FileTable::account(FileId id, std::uint64_t bytes, std::uint32_t crc32,
                        record::Compression compression) {
  if (id >= files_.size()) return;
  FileStatus& s = files_[id]->status;
  if (s.finished && bytes > 0) {
    s.finished = false;
    forget_end_problems(s);
  }
  if (checksums_) s.crc32 = crc32;
  s.bytes_read += bytes;
  total_bytes_read_ += bytes;
  s.compression = compression;
  ++version_;
}

void FileTable::count_records(FileId id, std::uint64_t n) {
  if (id < files_.size()) files_[id]->status.records += n;
}

void FileTable::add_record_problem(FileId id, record::Problem problem) {
  if (id >= files_.size()) return;
  files_[id]->on_problem(problem);
  ++version_;
}

void FileTable::mark_finished(FileId id) {
  if (id >= files_.size()) return;
  files_[id]->status.finished = true;
  ++version_;
}

void FileTable::clear() {
  files_.clear();
  total_bytes_read_ = 0;
  ++version_;
}

}  // namespace el::store
