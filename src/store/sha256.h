// SHA-256 (FIPS 180-4), for content fingerprints in exports: lets tools and
// tests check that an image or clip came out byte-identical without copying it.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace el::store {

class Sha256 {
 public:
  Sha256();
  void update(std::string_view bytes);
  std::array<std::uint8_t, 32> digest();  // finishes; call once

 private:
  void block(const std::uint8_t* p);
  std::array<std::uint32_t, 8> h_;
  std::uint8_t buf_[64];
  std::size_t buf_len_ = 0;
  std::uint64_t total_ = 0;
};

// Lower-case hex of SHA-256(bytes).
std::string sha256_hex(std::string_view bytes);

}  // namespace el::store
