// Hand-written protobuf wire bytes for parser tests: encodings a serializer
// would not choose (unpacked repeated fields, interleaved fields, fields out of
// order) are part of what the parsers must accept.
#pragma once
#include <cstdint>
#include <cstring>
#include <span>
#include <string>

namespace el::testing {

class Wire {
 public:
  Wire& varint(std::uint64_t field, std::uint64_t v) { return key(field, 0).raw_varint(v); }
  Wire& fixed64(std::uint64_t field, double d) {
    key(field, 1);
    char b[8];
    std::memcpy(b, &d, 8);
    bytes_.append(b, 8);
    return *this;
  }
  Wire& fixed32(std::uint64_t field, float f) {
    key(field, 5);
    char b[4];
    std::memcpy(b, &f, 4);
    bytes_.append(b, 4);
    return *this;
  }
  Wire& len(std::uint64_t field, const std::string& payload) {
    key(field, 2).raw_varint(payload.size());
    bytes_ += payload;
    return *this;
  }
  Wire& len(std::uint64_t field, const Wire& message) { return len(field, message.str()); }
  Wire& raw(const std::string& b) {
    bytes_ += b;
    return *this;
  }
  const std::string& str() const { return bytes_; }
  std::span<const std::uint8_t> span() const {
    return {reinterpret_cast<const std::uint8_t*>(bytes_.data()), bytes_.size()};
  }
  static std::string doubles(std::initializer_list<double> ds) {
    std::string s;
    for (double d : ds) s.append(reinterpret_cast<const char*>(&d), 8);
    return s;
  }

 private:
  Wire& key(std::uint64_t field, int wire_type) { return raw_varint(field << 3 | wire_type); }
  Wire& raw_varint(std::uint64_t v) {
    do {
      bytes_ += static_cast<char>((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
      v >>= 7;
    } while (v);
    return *this;
  }
  std::string bytes_;
};

}  // namespace el::testing
