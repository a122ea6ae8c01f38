// CRC-32C (Castagnoli), as TFRecord framing uses it.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>

namespace el::record {

// CRC-32C of `data`, continuing from `crc` (0 to start). Uses SSE4.2 when the
// CPU has it (native x86-64), else slicing-by-16 tables (wasm and others).
std::uint32_t crc32c(std::span<const std::uint8_t> data, std::uint32_t crc = 0);

// TFRecord stores CRCs "masked" so that a CRC of data containing CRCs stays
// well distributed: rotate right by 15 and add a constant (32-bit wrap).
constexpr std::uint32_t mask_crc(std::uint32_t crc) { return ((crc >> 15) | (crc << 17)) + 0xa282ead8u; }

inline std::uint32_t masked_crc32c(std::span<const std::uint8_t> data) { return mask_crc(crc32c(data)); }

// Which implementation crc32c() uses on this machine ("sse4.2" or "slicing-by-16").
const char* crc32c_implementation();

}  // namespace el::record
