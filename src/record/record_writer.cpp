#include "record/record_writer.h"

#include <cstdint>
#include <cstring>

#include "record/crc32c.h"

namespace el::record {

void append_record(std::string& out, std::string_view data) {
  char head[12];
  const std::uint64_t length = data.size();
  std::memcpy(head, &length, 8);  // little-endian hosts only (x86-64, wasm)
  const std::uint32_t length_crc = masked_crc32c({reinterpret_cast<const std::uint8_t*>(head), 8});
  std::memcpy(head + 8, &length_crc, 4);
  const std::uint32_t data_crc =
      masked_crc32c({reinterpret_cast<const std::uint8_t*>(data.data()), data.size()});
  out.append(head, 12);
  out.append(data);
  out.append(reinterpret_cast<const char*>(&data_crc), 4);
}

}  // namespace el::record
