// Images from summaries decoded to 8-bit RGBA, the same natively and in the
// page (Debian's stb_image): PNG (every bit depth, palette, gray, alpha,
// tRNS; 16-bit samples keep their high byte), JPEG (baseline and
// progressive), GIF (the first frame) and BMP. Anything else, a corrupt file
// or an image beyond kMaxImagePixels is an error that says why.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace el::events {

inline constexpr std::uint64_t kMaxImagePixels = 32ull << 20;  // 128 MiB of RGBA

struct DecodedImage {
  std::uint32_t width = 0, height = 0;
  int source_channels = 0;         // 1 gray, 2 gray + alpha, 3 RGB, 4 RGBA
  std::vector<std::uint8_t> rgba;  // width * height * 4 bytes, rows top to bottom
};

// Decodes `bytes` into `out`; false with `error` set ("not an image", "corrupt
// image: ...", "too large: W x H") when it cannot.
[[nodiscard]] bool decode_image(std::span<const std::uint8_t> bytes, DecodedImage& out, std::string& error);

}  // namespace el::events
