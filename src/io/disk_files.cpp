#include "io/disk_files.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace el::io {

namespace fs = std::filesystem;

DiskFiles::DiskFiles(std::string root) : root_(std::move(root)) {
  std::error_code ec;
  if (fs::is_regular_file(root_, ec)) {
    paths_.push_back(fs::path(root_).filename().string());
    root_ = fs::path(root_).parent_path().string();
    return;
  }
  for (fs::recursive_directory_iterator it(root_, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) paths_.push_back(fs::relative(it->path(), root_, ec).generic_string());
  }
  if (ec) error_ = root_ + ": " + ec.message();
  std::sort(paths_.begin(), paths_.end());
}

bool DiskFiles::read(const std::string& path, std::string& out, std::string& error) {
  std::ifstream in(fs::path(root_) / path, std::ios::binary);
  if (!in) {
    error = path + ": cannot open it";
    return false;
  }
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) {
    error = path + ": cannot read it";
    return false;
  }
  return true;
}

bool DiskFiles::read_range(const std::string& path, std::uint64_t offset, std::uint64_t size,
                           std::string& out, std::string& error) {
  std::ifstream in(fs::path(root_) / path, std::ios::binary);
  if (!in) {
    error = path + ": cannot open it";
    return false;
  }
  in.seekg(static_cast<std::streamoff>(offset));
  out.resize(size);
  in.read(out.data(), static_cast<std::streamsize>(size));
  if (static_cast<std::uint64_t>(in.gcount()) != size) {
    error = path + ": ends before byte " + std::to_string(offset + size);
    return false;
  }
  return true;
}

}  // namespace el::io
