#include "record/crc32c.h"

#include <array>
#include <cstring>

#if (defined(__x86_64__) || defined(_M_X64)) && !defined(__EMSCRIPTEN__)
#include <nmmintrin.h>
#define EL_HAVE_SSE42_PATH 1
#endif

namespace el::record {
namespace {

constexpr std::uint32_t kPolyReflected = 0x82f63b78u;  // Castagnoli, bit-reversed

// kTables[k][b] = CRC of byte b followed by k zero bytes; tables 1..7 let the
// loop fold 8 input bytes per step (slicing-by-8).
constexpr std::array<std::array<std::uint32_t, 256>, 8> make_tables() {
  std::array<std::array<std::uint32_t, 256>, 8> t{};
  for (std::uint32_t b = 0; b < 256; ++b) {
    std::uint32_t c = b;
    for (int i = 0; i < 8; ++i) c = (c >> 1) ^ ((c & 1u) ? kPolyReflected : 0u);
    t[0][b] = c;
  }
  for (int k = 1; k < 8; ++k)
    for (std::uint32_t b = 0; b < 256; ++b) t[k][b] = (t[k - 1][b] >> 8) ^ t[0][t[k - 1][b] & 0xffu];
  return t;
}
constexpr auto kTables = make_tables();

std::uint32_t crc32c_portable(const std::uint8_t* p, std::size_t n, std::uint32_t crc) {
  crc = ~crc;
  while (n >= 8) {
    std::uint32_t lo, hi;
    std::memcpy(&lo, p, 4);  // little-endian load (wasm and x86 are little-endian)
    std::memcpy(&hi, p + 4, 4);
    lo ^= crc;
    crc = kTables[7][lo & 0xff] ^ kTables[6][(lo >> 8) & 0xff] ^ kTables[5][(lo >> 16) & 0xff] ^
          kTables[4][lo >> 24] ^ kTables[3][hi & 0xff] ^ kTables[2][(hi >> 8) & 0xff] ^
          kTables[1][(hi >> 16) & 0xff] ^ kTables[0][hi >> 24];
    p += 8;
    n -= 8;
  }
  while (n--) crc = (crc >> 8) ^ kTables[0][(crc ^ *p++) & 0xff];
  return ~crc;
}

#ifdef EL_HAVE_SSE42_PATH
__attribute__((target("sse4.2"))) std::uint32_t crc32c_sse42(const std::uint8_t* p, std::size_t n,
                                                             std::uint32_t crc) {
  std::uint64_t c = ~crc;
  while (n >= 8) {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    c = _mm_crc32_u64(c, v);
    p += 8;
    n -= 8;
  }
  auto c32 = static_cast<std::uint32_t>(c);
  while (n--) c32 = _mm_crc32_u8(c32, *p++);
  return ~c32;
}
const bool kHasSse42 = __builtin_cpu_supports("sse4.2");
#endif

}  // namespace

std::uint32_t crc32c(std::span<const std::uint8_t> data, std::uint32_t crc) {
#ifdef EL_HAVE_SSE42_PATH
  if (kHasSse42) return crc32c_sse42(data.data(), data.size(), crc);
#endif
  return crc32c_portable(data.data(), data.size(), crc);
}

const char* crc32c_implementation() {
#ifdef EL_HAVE_SSE42_PATH
  if (kHasSse42) return "sse4.2";
#endif
  return "slicing-by-8";
}

}  // namespace el::record
