#include "io/disk_blob_source.h"

#include <zlib.h>

#include <fstream>
#include <iterator>

namespace el::io {
namespace {

// Inflates a gzip (possibly multi-member) or zlib file into `out`.
bool inflate_file(const std::string& path, std::string& out, std::string& error) {
  std::ifstream in(path, std::ios::binary);
  std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in && !in.eof()) {
    error = "cannot read";
    return false;
  }
  out.clear();
  z_stream z{};
  if (inflateInit2(&z, 15 + 32) != Z_OK) {  // +32: detect gzip or zlib
    error = "zlib init failed";
    return false;
  }
  z.next_in = reinterpret_cast<Bytef*>(raw.data());
  z.avail_in = static_cast<uInt>(raw.size());
  char buf[1 << 16];
  int rc = Z_OK;
  while (rc != Z_STREAM_END || z.avail_in > 0) {
    if (rc == Z_STREAM_END) inflateReset(&z);  // next gzip member
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    out.append(buf, sizeof buf - z.avail_out);
    if (rc != Z_OK && rc != Z_STREAM_END) break;
    if (rc == Z_OK && z.avail_in == 0 && z.avail_out != 0) break;  // truncated: keep what came out
  }
  inflateEnd(&z);
  return true;
}

}  // namespace

bool DiskBlobSource::read(store::FileId file, std::uint64_t offset, std::size_t length, std::string& out,
                          std::string& error) {
  if (file >= paths_.size() || paths_[file].empty()) {
    error = "file not available";
    return false;
  }
  const auto compression = store_.files().status(file).compression;
  if (compression == record::Compression::kGzip || compression == record::Compression::kZlib) {
    if (inflated_file_ != file) {
      if (!inflate_file(paths_[file], inflated_, error)) return false;
      inflated_file_ = file;
    }
    if (offset > inflated_.size()) {
      out.clear();
      return true;
    }
    out.assign(inflated_, offset, length);
    return true;
  }
  std::ifstream in(paths_[file], std::ios::binary);
  if (!in) {
    error = "cannot open";
    return false;
  }
  in.seekg(static_cast<std::streamoff>(offset));
  out.resize(length);
  in.read(out.data(), static_cast<std::streamsize>(length));
  out.resize(static_cast<std::size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  return true;
}

}  // namespace el::io
