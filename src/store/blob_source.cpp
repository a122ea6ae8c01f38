#include "store/blob_source.h"

#include <cstring>

#include "record/crc32c.h"

namespace el::store {

bool read_blob(const Store& store, BlobSource& source, const BlobRef& ref, std::string& data,
               std::string& error) {
  const std::string& path = store.files().status(ref.file).path;
  std::string framed;
  if (!source.read(ref.file, ref.offset, framed_length(ref), framed, error)) {
    error = path + " at offset " + std::to_string(ref.offset) + ": " + error;
    return false;
  }
  return unframe_blob(store, ref, framed, data, error);
}

bool unframe_blob(const Store& store, const BlobRef& ref, std::string_view framed, std::string& data,
                  std::string& error) {
  const std::string where = store.files().status(ref.file).path + " at offset " + std::to_string(ref.offset);
  if (framed.size() != framed_length(ref)) {
    error = where + ": the file is shorter than when it was read";
    return false;
  }
  auto u8 = reinterpret_cast<const std::uint8_t*>(framed.data());
  std::uint64_t length;
  std::uint32_t length_crc, data_crc;
  std::memcpy(&length, u8, 8);
  std::memcpy(&length_crc, u8 + 8, 4);
  std::memcpy(&data_crc, u8 + 12 + ref.length, 4);
  if (length != ref.length || length_crc != record::masked_crc32c({u8, 8}) ||
      data_crc != record::masked_crc32c({u8 + 12, ref.length})) {
    error = where + ": the record changed since it was read (CRC mismatch)";
    return false;
  }
  data.assign(framed.substr(12, ref.length));
  return true;
}

}  // namespace el::store
