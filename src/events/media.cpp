#include "events/media.h"

namespace el::events {
namespace {

bool starts(std::string_view b, std::string_view magic) { return b.substr(0, magic.size()) == magic; }
std::uint32_t be16(std::string_view b, std::size_t i) {
  return (std::uint32_t(std::uint8_t(b[i])) << 8) | std::uint8_t(b[i + 1]);
}
std::uint32_t le16(std::string_view b, std::size_t i) {
  return std::uint8_t(b[i]) | (std::uint32_t(std::uint8_t(b[i + 1])) << 8);
}
std::uint32_t be32(std::string_view b, std::size_t i) { return (be16(b, i) << 16) | be16(b, i + 2); }
std::uint32_t le32(std::string_view b, std::size_t i) { return le16(b, i) | (le16(b, i + 2) << 16); }

constexpr std::string_view kPng = "\x89PNG\r\n\x1a\n";

}  // namespace

const char* sniff_mime(std::string_view b) {
  if (starts(b, kPng)) return "image/png";
  if (starts(b, "\xff\xd8\xff")) return "image/jpeg";
  if (starts(b, "GIF87a") || starts(b, "GIF89a")) return "image/gif";
  if (starts(b, "RIFF") && b.size() >= 12 && b.substr(8, 4) == "WEBP") return "image/webp";
  if (starts(b, "RIFF") && b.size() >= 12 && b.substr(8, 4) == "WAVE") return "audio/wav";
  if (starts(b, "BM") && b.size() >= 26) return "image/bmp";
  return "application/octet-stream";
}

PixelSize sniff_image_size(std::string_view b) {
  if (starts(b, kPng) && b.size() >= 24 && b.substr(12, 4) == "IHDR") return {be32(b, 16), be32(b, 20)};
  if ((starts(b, "GIF87a") || starts(b, "GIF89a")) && b.size() >= 10) return {le16(b, 6), le16(b, 8)};
  if (starts(b, "BM") && b.size() >= 26) {
    const auto h = static_cast<std::int32_t>(le32(b, 22));  // negative: top-down rows
    return {le32(b, 18), static_cast<std::uint32_t>(h < 0 ? -static_cast<std::int64_t>(h) : h)};
  }
  if (starts(b, "\xff\xd8")) {
    // Walk the marker segments up to the first start-of-frame.
    std::size_t i = 2;
    while (i + 9 < b.size()) {
      if (std::uint8_t(b[i]) != 0xff) return {};
      const std::uint8_t m = std::uint8_t(b[i + 1]);
      if (m == 0xff) {  // fill byte
        ++i;
        continue;
      }
      const bool sof = m >= 0xc0 && m <= 0xcf && m != 0xc4 && m != 0xc8 && m != 0xcc;
      if (sof) return {be16(b, i + 7), be16(b, i + 5)};
      i += 2 + be16(b, i + 2);
    }
  }
  return {};
}

}  // namespace el::events
