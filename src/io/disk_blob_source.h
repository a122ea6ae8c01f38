// BlobSource over files on disk (CLI and tests). Plain files are read at the
// offset; a compressed file is inflated once and kept until another compressed
// file is asked for (exports walk one file's blobs together).
#pragma once
#include <string>
#include <vector>

#include "store/blob_source.h"

namespace el::io {

class DiskBlobSource final : public store::BlobSource {
 public:
  DiskBlobSource(const store::Store& store, std::vector<std::string> disk_paths)
      : store_(store), paths_(std::move(disk_paths)) {}
  [[nodiscard]] bool read(store::FileId file, std::uint64_t offset, std::size_t length, std::string& out,
                          std::string& error) override;

 private:
  const store::Store& store_;
  std::vector<std::string> paths_;
  store::FileId inflated_file_ = ~store::FileId{0};
  std::string inflated_;
};

}  // namespace el::io
