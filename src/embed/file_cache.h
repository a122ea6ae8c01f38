// embed::FileAccess over files whose bytes arrive later (the page reads them
// through JavaScript, asynchronously). It answers from what has arrived and
// notes every read it could not answer: the caller fetches those, puts them
// here, and runs discovery or loading again, until nothing is missing. The
// same code serves every platform; on disk the fetch is immediate.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "embed/discovery.h"

namespace el::embed {

struct FileRequest {
  std::string path;
  std::uint64_t offset = 0, size = 0;  // whole: the file's size as announced
  bool whole = true;
  bool operator<(const FileRequest& o) const {
    return std::tie(path, offset, size, whole) < std::tie(o.path, o.offset, o.size, o.whole);
  }
  bool operator==(const FileRequest& o) const = default;
};

class FileCache final : public FileAccess {
 public:
  // Whole files at least this large are handed over by the first read (moved,
  // not copied) and forgotten: tensor files are parsed once, and a second copy
  // of 100 MB of text would double the peak memory. A later read asks again.
  static constexpr std::uint64_t kHandOverBytes = 8u << 20;

  // A file that exists (its bytes are read on request). Adding a known path
  // again with another size forgets the bytes held for it (it changed).
  void add(const std::string& path, std::uint64_t size);
  bool has(const std::string& path) const { return sizes_.count(path) != 0; }
  std::uint64_t size_of(const std::string& path) const;

  // The answer to a request: its bytes, or why it could not be read.
  void put(const FileRequest& request, std::string bytes);
  void fail(const FileRequest& request, std::string error);
  // Reads asked for and not answered since the last take_misses(), each once.
  std::vector<FileRequest> take_misses();
  bool has_misses() const { return !misses_.empty(); }
  // Forgets the bytes held for `path` (large tensor files, once parsed).
  void drop(const std::string& path);
  // Forgets every range read (checkpoint data, once parsed); whole files stay.
  void drop_ranges();
  std::uint64_t bytes_held() const { return bytes_held_; }
  void clear();

  const std::vector<std::string>& paths() const override { return paths_; }
  [[nodiscard]] bool read(const std::string& path, std::string& out, std::string& error) override;
  [[nodiscard]] bool read_range(const std::string& path, std::uint64_t offset, std::uint64_t size,
                                std::string& out, std::string& error) override;

 private:
  // Answers `r` from what is held; false (and a miss noted) when it is not.
  bool answer(const FileRequest& r, std::string& out, std::string& error);

  std::vector<std::string> paths_;  // in the order added
  std::map<std::string, std::uint64_t> sizes_;
  std::map<FileRequest, std::string> bytes_, errors_;
  std::vector<FileRequest> misses_;
  std::uint64_t bytes_held_ = 0;
};

}  // namespace el::embed
