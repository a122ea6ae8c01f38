// embed::FileAccess over a folder on disk (CLI, desktop, tests): every file
// below it, by path relative to it. A single file opens as a folder of one.
#pragma once
#include <string>
#include <vector>

#include "embed/discovery.h"

namespace el::io {

class DiskFiles final : public embed::FileAccess {
 public:
  // Lists the files under `root` now; `error` is set if it cannot be read.
  explicit DiskFiles(std::string root);
  const std::string& error() const { return error_; }
  const std::vector<std::string>& paths() const override { return paths_; }
  [[nodiscard]] bool read(const std::string& path, std::string& out, std::string& error) override;
  [[nodiscard]] bool read_range(const std::string& path, std::uint64_t offset, std::uint64_t size,
                                std::string& out, std::string& error) override;

 private:
  std::string root_;
  std::vector<std::string> paths_;
  std::string error_;
};

}  // namespace el::io
