#include "events/audio_decode.h"

#include <algorithm>
#include <cstring>

namespace el::events {
namespace {

std::uint32_t u32(const std::uint8_t* p) {
  return p[0] | (p[1] << 8) | (p[2] << 16) | (std::uint32_t{p[3]} << 24);
}
std::uint16_t u16(const std::uint8_t* p) { return static_cast<std::uint16_t>(p[0] | (p[1] << 8)); }

constexpr std::uint16_t kPcm = 1, kFloat = 3, kExtensible = 0xFFFE;

}  // namespace

bool decode_wav(std::span<const std::uint8_t> b, DecodedAudio& out, std::string& error) {
  out = DecodedAudio{};
  if (b.size() < 12 || std::memcmp(b.data(), "RIFF", 4) != 0 || std::memcmp(b.data() + 8, "WAVE", 4) != 0) {
    error = "not a WAV file";
    return false;
  }
  std::uint16_t format = 0, channels = 0, bits = 0, block = 0;
  std::uint32_t rate = 0;
  const std::uint8_t* data = nullptr;
  std::size_t data_size = 0;
  bool have_fmt = false;
  for (std::size_t at = 12; at + 8 <= b.size();) {
    const std::uint8_t* chunk = b.data() + at;
    const std::uint32_t size = u32(chunk + 4);
    const std::size_t body = at + 8, avail = b.size() - body;
    if (std::memcmp(chunk, "fmt ", 4) == 0) {
      if (size < 16 || avail < 16) {
        error = "truncated WAV: short fmt chunk";
        return false;
      }
      format = u16(chunk + 8);
      channels = u16(chunk + 10);
      rate = u32(chunk + 12);
      block = u16(chunk + 20);
      bits = u16(chunk + 22);
      if (format == kExtensible && size >= 40 && avail >= 40)
        format = u16(chunk + 8 + 24);  // SubFormat GUID's first two bytes
      have_fmt = true;
    } else if (std::memcmp(chunk, "data", 4) == 0) {
      data = chunk + 8;
      data_size =
          std::min<std::size_t>(size, avail);  // a writer that never patched the size: take what is there
      break;
    }
    at = body + size + (size & 1);  // chunks are padded to even sizes
  }
  if (!have_fmt || !data) {
    error = !have_fmt ? "truncated WAV: no fmt chunk" : "truncated WAV: no data chunk";
    return false;
  }
  const bool pcm = format == kPcm && (bits == 8 || bits == 16 || bits == 24 || bits == 32);
  const bool flt = format == kFloat && (bits == 32 || bits == 64);
  if ((!pcm && !flt) || channels == 0 || rate == 0 || block != channels * (bits / 8)) {
    error = "unsupported WAV: format " + std::to_string(format) + ", " + std::to_string(bits) + " bits, " +
            std::to_string(channels) + " channels";
    return false;
  }
  const std::size_t bytes_per = bits / 8, n = data_size / bytes_per / channels * channels;
  out.sample_rate = rate;
  out.channels = channels;
  out.bits = bits;
  out.samples.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint8_t* p = data + i * bytes_per;
    float v = 0;
    if (flt && bits == 32) {
      std::memcpy(&v, p, 4);
    } else if (flt) {
      double d;
      std::memcpy(&d, p, 8);
      v = static_cast<float>(d);
    } else if (bits == 8) {
      v = (static_cast<int>(p[0]) - 128) / 128.0f;
    } else if (bits == 16) {
      v = static_cast<std::int16_t>(u16(p)) / 32768.0f;
    } else if (bits == 24) {
      const std::int32_t s =
          static_cast<std::int32_t>((p[0] << 8) | (p[1] << 16) | (std::uint32_t{p[2]} << 24)) >> 8;
      v = static_cast<float>(s / 8388608.0);
    } else {
      v = static_cast<float>(static_cast<std::int32_t>(u32(p)) / 2147483648.0);
    }
    out.samples[i] = v;
  }
  return true;
}

void waveform(const DecodedAudio& audio, int columns, std::vector<float>& lows, std::vector<float>& highs) {
  const std::size_t cols = static_cast<std::size_t>(std::max(columns, 0));
  lows.assign(cols, 0.0f);
  highs.assign(cols, 0.0f);
  const std::size_t frames = audio.frames(), ch = static_cast<std::size_t>(audio.channels);
  if (frames == 0 || cols == 0) return;
  for (std::size_t c = 0; c < cols; ++c) {
    const std::size_t f0 = frames * c / cols, f1 = std::max(f0 + 1, frames * (c + 1) / cols);
    float lo = audio.samples[f0 * ch], hi = lo;
    for (std::size_t f = f0; f < std::min(f1, frames); ++f)
      for (std::size_t k = 0; k < ch; ++k) {
        lo = std::min(lo, audio.samples[f * ch + k]);
        hi = std::max(hi, audio.samples[f * ch + k]);
      }
    lows[c] = lo;
    highs[c] = hi;
  }
}

}  // namespace el::events
