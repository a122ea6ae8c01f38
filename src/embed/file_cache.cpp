#include "embed/file_cache.h"

#include <algorithm>

namespace el::embed {

void FileCache::add(const std::string& path, std::uint64_t size) {
  auto [it, added] = sizes_.emplace(path, size);
  if (added) {
    paths_.push_back(path);
    return;
  }
  if (it->second == size) return;
  it->second = size;
  drop(path);
}

std::uint64_t FileCache::size_of(const std::string& path) const {
  auto it = sizes_.find(path);
  return it == sizes_.end() ? 0 : it->second;
}

void FileCache::put(const FileRequest& request, std::string bytes) {
  errors_.erase(request);
  bytes_held_ += bytes.size();
  auto [it, added] = bytes_.emplace(request, std::move(bytes));
  if (!added) bytes_held_ -= it->second.size();  // an answer came twice: keep the first
}

void FileCache::fail(const FileRequest& request, std::string error) { errors_[request] = std::move(error); }

std::vector<FileRequest> FileCache::take_misses() {
  std::vector<FileRequest> out;
  out.swap(misses_);
  return out;
}

void FileCache::drop(const std::string& path) {
  for (auto* m : {&bytes_, &errors_}) {
    for (auto it = m->lower_bound(FileRequest{path, 0, 0, false});
         it != m->end() && it->first.path == path;) {
      if (m == &bytes_) bytes_held_ -= it->second.size();
      it = m->erase(it);
    }
  }
}

void FileCache::drop_ranges() {
  for (auto it = bytes_.begin(); it != bytes_.end();) {
    if (it->first.whole) {
      ++it;
      continue;
    }
    bytes_held_ -= it->second.size();
    it = bytes_.erase(it);
  }
}

void FileCache::clear() {
  paths_.clear();
  sizes_.clear();
  bytes_.clear();
  errors_.clear();
  misses_.clear();
  bytes_held_ = 0;
}

bool FileCache::answer(const FileRequest& r, std::string& out, std::string& error) {
  if (auto it = bytes_.find(r); it != bytes_.end()) {
    if (r.whole && it->second.size() >= kHandOverBytes) {
      bytes_held_ -= it->second.size();
      out = std::move(it->second);
      bytes_.erase(it);
    } else {
      out = it->second;
    }
    return true;
  }
  if (auto it = errors_.find(r); it != errors_.end()) {
    error = it->second;
    return false;
  }
  // A range inside a whole file that has arrived.
  if (!r.whole) {
    auto whole = bytes_.find(FileRequest{r.path, 0, size_of(r.path), true});
    if (whole != bytes_.end()) {
      if (r.offset > whole->second.size() || r.size > whole->second.size() - r.offset) {
        error = "the file ends before byte " + std::to_string(r.offset + r.size);
        return false;
      }
      out = whole->second.substr(r.offset, r.size);
      return true;
    }
  }
  if (std::find(misses_.begin(), misses_.end(), r) == misses_.end()) misses_.push_back(r);
  error = "not read yet";
  return false;
}

bool FileCache::read(const std::string& path, std::string& out, std::string& error) {
  if (!has(path)) {
    error = "no such file";
    return false;
  }
  return answer(FileRequest{path, 0, size_of(path), true}, out, error);
}

bool FileCache::read_range(const std::string& path, std::uint64_t offset, std::uint64_t size,
                           std::string& out, std::string& error) {
  if (!has(path)) {
    error = "no such file";
    return false;
  }
  return answer(FileRequest{path, offset, size, false}, out, error);
}

}  // namespace el::embed
