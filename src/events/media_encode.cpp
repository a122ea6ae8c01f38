#include "events/media_encode.h"

#include <zlib.h>

#include <vector>

namespace el::events {
namespace {

void put_be32(std::string& out, std::uint32_t v) {
  for (int s = 24; s >= 0; s -= 8) out += static_cast<char>((v >> s) & 0xff);
}
void put_le(std::string& out, std::uint32_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

// A PNG chunk: length, type, data, CRC-32 over type and data.
void chunk(std::string& out, const char* type, const std::string& data) {
  put_be32(out, static_cast<std::uint32_t>(data.size()));
  const std::string body = std::string(type, 4) + data;
  out += body;
  put_be32(out, static_cast<std::uint32_t>(
                    crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()))));
}

}  // namespace

std::string encode_png(std::uint32_t width, std::uint32_t height, int channels,
                       std::span<const std::uint8_t> pixels) {
  // Each row is prefixed with filter type 0 (none).
  const std::size_t row = std::size_t{width} * channels;
  std::vector<std::uint8_t> raw;
  raw.reserve((row + 1) * height);
  for (std::uint32_t y = 0; y < height; ++y) {
    raw.push_back(0);
    raw.insert(raw.end(), pixels.begin() + y * row, pixels.begin() + (y + 1) * row);
  }
  uLongf packed_size = compressBound(static_cast<uLong>(raw.size()));
  std::string packed(packed_size, '\0');
  compress2(reinterpret_cast<Bytef*>(packed.data()), &packed_size, raw.data(), static_cast<uLong>(raw.size()),
            6);
  packed.resize(packed_size);

  std::string ihdr;
  put_be32(ihdr, width);
  put_be32(ihdr, height);
  ihdr += static_cast<char>(8);                      // bit depth
  ihdr += static_cast<char>(channels == 4 ? 6 : 2);  // colour type: RGBA or RGB
  ihdr += std::string(3, '\0');                      // deflate, adaptive filters, no interlace
  std::string png = "\x89PNG\r\n\x1a\n";
  chunk(png, "IHDR", ihdr);
  chunk(png, "IDAT", packed);
  chunk(png, "IEND", "");
  return png;
}

std::string encode_wav(std::uint32_t sample_rate, std::span<const std::int16_t> samples) {
  const auto data_bytes = static_cast<std::uint32_t>(samples.size() * 2);
  std::string w = "RIFF";
  put_le(w, 36 + data_bytes, 4);
  w += "WAVEfmt ";
  put_le(w, 16, 4);  // fmt chunk size
  put_le(w, 1, 2);   // PCM
  put_le(w, 1, 2);   // mono
  put_le(w, sample_rate, 4);
  put_le(w, sample_rate * 2, 4);  // byte rate
  put_le(w, 2, 2);                // block align
  put_le(w, 16, 2);               // bits per sample
  w += "data";
  put_le(w, data_bytes, 4);
  for (std::int16_t s : samples) put_le(w, static_cast<std::uint16_t>(s), 2);
  return w;
}

}  // namespace el::events
