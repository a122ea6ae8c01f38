// Tiny encoders (demo logdir, chart PNG export): PNG (8-bit RGB or RGBA, no interlace) and
// WAV (16-bit PCM mono). Enough to make real files browsers decode.
#pragma once
#include <cstdint>
#include <span>
#include <string>

namespace el::events {

// `pixels` holds height rows of width * channels bytes (channels 3 or 4).
std::string encode_png(std::uint32_t width, std::uint32_t height, int channels,
                       std::span<const std::uint8_t> pixels);
std::string encode_wav(std::uint32_t sample_rate, std::span<const std::int16_t> samples);

}  // namespace el::events
