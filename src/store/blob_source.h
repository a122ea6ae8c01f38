// Reading kept records back. The store holds (file, offset, length) for heavy
// values; whoever owns the bytes (disk in the CLI, File objects in the page)
// implements BlobSource, and read_blob() re-checks the framing before the
// record is decoded again.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "store/store.h"

namespace el::store {

class BlobSource {
 public:
  virtual ~BlobSource() = default;
  // Bytes [offset, offset + length) of the file's (decompressed) stream into
  // `out`. On failure returns false and says why in `error`.
  [[nodiscard]] virtual bool read(FileId file, std::uint64_t offset, std::size_t length, std::string& out,
                                  std::string& error) = 0;
};

// The data bytes of the record `ref` points at, with its length and both CRCs
// checked again (the file may have changed since it was read). On failure the
// message names the file and offset.
[[nodiscard]] bool read_blob(const Store& store, BlobSource& source, const BlobRef& ref, std::string& data,
                             std::string& error);

// The bytes to read for `ref`: the record with its length, both CRCs and data.
inline std::size_t framed_length(const BlobRef& ref) { return std::size_t{ref.length} + 16; }
// The same checks on `framed` (bytes read asynchronously, e.g. by the page):
// the data bytes into `data`, or false with `error` naming file and offset.
[[nodiscard]] bool unframe_blob(const Store& store, const BlobRef& ref, std::string_view framed,
                                std::string& data, std::string& error);

}  // namespace el::store
