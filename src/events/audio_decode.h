// WAV audio from summaries decoded to float samples in [-1, 1], and a
// waveform preview. PCM of 8 (unsigned), 16, 24 and 32 bits and IEEE float
// of 32 and 64 bits, plain or WAVE_FORMAT_EXTENSIBLE, any channel count.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace el::events {

struct DecodedAudio {
  std::uint32_t sample_rate = 0;
  int channels = 0;
  int bits = 0;                // per sample, as stored
  std::vector<float> samples;  // interleaved by channel
  std::size_t frames() const { return channels ? samples.size() / static_cast<std::size_t>(channels) : 0; }
  double seconds() const { return sample_rate ? static_cast<double>(frames()) / sample_rate : 0.0; }
};

// False with `error` set ("not a WAV file", "unsupported WAV: ...",
// "truncated WAV: ...") when the bytes cannot be played.
[[nodiscard]] bool decode_wav(std::span<const std::uint8_t> bytes, DecodedAudio& out, std::string& error);

// The lowest and highest sample (over all channels) in each of `columns`
// equal slices of the clip: what a waveform preview draws.
void waveform(const DecodedAudio& audio, int columns, std::vector<float>& lows, std::vector<float>& highs);

}  // namespace el::events
