// WAV decoding against tests/data/audio_facts.tsv (Python's own `wave`
// module, via tests/tools/audio_facts.py), hand-made WAVs of the other sample
// formats with values worked out here, bad input, and the waveform preview.
#include "events/audio_decode.h"

#include <gtest/gtest.h>

#include <cstring>
#include <map>

#include "events/blob_decoder.h"
#include "io/disk_blob_source.h"
#include "io/loader.h"
#include "store/sha256.h"
#include "store/store.h"
#include "support/test_files.h"

namespace el::events {
namespace {

TEST(AudioDecode, CorpusClipsMatchPythonsWaveModule) {
  auto rows = el::testing::read_tsv(el::testing::test_data_dir() + "/audio_facts.tsv");
  ASSERT_GE(rows.size(), 1u);
  for (const auto& r : rows) {
    SCOPED_TRACE(r[0] + " " + r[1] + " / " + r[2]);
    store::Store st;
    std::vector<std::string> disk_paths;
    ASSERT_TRUE(io::load_paths({el::testing::corpus_dir() + "/" + r[0]}, st, &disk_paths));
    io::DiskBlobSource blobs(st, disk_paths);
    const store::Series& s = st.runs().at(r[1]).tags.at(r[2]);
    const std::uint32_t i = store::visible_indices(s.steps).back();
    EXPECT_EQ(s.steps[i], std::stoll(r[3]));
    std::string record, error;
    ASSERT_TRUE(store::read_blob(st, blobs, s.blobs[i], record, error)) << error;
    std::vector<AudioClip> clips;
    double rate = 0;
    BlobDecoder dec;
    ASSERT_TRUE(
        dec.audio({reinterpret_cast<const std::uint8_t*>(record.data()), record.size()}, r[2], clips, rate));
    ASSERT_FALSE(clips.empty());
    DecodedAudio a;
    ASSERT_TRUE(decode_wav({reinterpret_cast<const std::uint8_t*>(clips[0].wav.data()), clips[0].wav.size()},
                           a, error))
        << error;
    EXPECT_EQ(a.sample_rate, std::stoul(r[4]));
    EXPECT_EQ(a.channels, std::stoi(r[5]));
    ASSERT_EQ(a.frames(), std::stoul(r[6]));
    EXPECT_EQ(a.samples.front(), std::strtof(r[7].c_str(), nullptr));
    EXPECT_EQ(a.samples[a.samples.size() / 2], std::strtof(r[8].c_str(), nullptr));
    EXPECT_EQ(a.samples.back(), std::strtof(r[9].c_str(), nullptr));
    EXPECT_EQ(store::sha256_hex({reinterpret_cast<const char*>(a.samples.data()), a.samples.size() * 4}),
              r[10]);
  }
}

// A WAV file: header for `format`/`bits`/`channels`, then `data` as is.
std::vector<std::uint8_t> wav(std::uint16_t format, std::uint16_t bits, std::uint16_t channels,
                              std::vector<std::uint8_t> data) {
  std::vector<std::uint8_t> out;
  auto put = [&](std::uint32_t v, int n) {
    for (int k = 0; k < n; ++k) out.push_back(static_cast<std::uint8_t>(v >> (8 * k)));
  };
  auto tag = [&](const char* t) { out.insert(out.end(), t, t + 4); };
  tag("RIFF");
  put(static_cast<std::uint32_t>(4 + 24 + 8 + data.size()), 4);
  tag("WAVE");
  tag("fmt ");
  put(16, 4);
  put(format, 2);
  put(channels, 2);
  put(16000, 4);
  put(16000u * channels * bits / 8, 4);
  put(channels * bits / 8u, 2);
  put(bits, 2);
  tag("data");
  put(static_cast<std::uint32_t>(data.size()), 4);
  out.insert(out.end(), data.begin(), data.end());
  return out;
}

TEST(AudioDecode, EverySampleFormat) {
  DecodedAudio a;
  std::string error;
  // 8-bit unsigned: 0 -> -1, 128 -> 0, 255 -> 127/128.
  ASSERT_TRUE(decode_wav(wav(1, 8, 1, {0, 128, 255}), a, error)) << error;
  EXPECT_EQ(a.samples, (std::vector<float>{-1.0f, 0.0f, 127.0f / 128.0f}));
  // 24-bit stereo: 0x400000 = 0.5, 0xC00000 = -0.5 (one frame, two channels).
  ASSERT_TRUE(decode_wav(wav(1, 24, 2, {0x00, 0x00, 0x40, 0x00, 0x00, 0xC0}), a, error)) << error;
  EXPECT_EQ(a.channels, 2);
  EXPECT_EQ(a.frames(), 1u);
  EXPECT_EQ(a.samples, (std::vector<float>{0.5f, -0.5f}));
  // 32-bit float: the bits themselves.
  const float f[2] = {0.25f, -0.75f};
  std::vector<std::uint8_t> raw(8);
  std::memcpy(raw.data(), f, 8);
  ASSERT_TRUE(decode_wav(wav(3, 32, 1, raw), a, error)) << error;
  EXPECT_EQ(a.samples, (std::vector<float>{0.25f, -0.75f}));
  EXPECT_DOUBLE_EQ(a.seconds(), 2.0 / 16000);
}

TEST(AudioDecode, BadInputSaysWhy) {
  DecodedAudio a;
  std::string error;
  const std::uint8_t junk[] = {'R', 'I', 'F', 'X'};
  EXPECT_FALSE(decode_wav(junk, a, error));
  EXPECT_EQ(error, "not a WAV file");
  EXPECT_FALSE(decode_wav(wav(2, 4, 1, {1, 2}), a, error));  // ADPCM
  EXPECT_EQ(error, "unsupported WAV: format 2, 4 bits, 1 channels");
  auto cut = wav(1, 16, 1, {1, 2, 3, 4});
  cut.resize(30);  // inside the fmt chunk
  EXPECT_FALSE(decode_wav(cut, a, error));
  EXPECT_EQ(error, "truncated WAV: short fmt chunk");
  // A data chunk whose size field overstates what follows: what is there plays.
  auto long_size = wav(1, 16, 1, {0x00, 0x40, 0x00, 0xC0});
  long_size[40] = 0xff;
  ASSERT_TRUE(decode_wav(long_size, a, error)) << error;
  EXPECT_EQ(a.samples, (std::vector<float>{0.5f, -0.5f}));
}

TEST(AudioDecode, WaveformKeepsEachSlicesExtremes) {
  DecodedAudio a;
  a.sample_rate = 10;
  a.channels = 1;
  a.samples = {0.1f, -0.9f, 0.3f, 0.2f, 0.8f, -0.1f};
  std::vector<float> lo, hi;
  waveform(a, 2, lo, hi);  // slices [0,3) and [3,6)
  EXPECT_EQ(lo, (std::vector<float>{-0.9f, -0.1f}));
  EXPECT_EQ(hi, (std::vector<float>{0.3f, 0.8f}));
  waveform(a, 12, lo, hi);  // more columns than frames: each shows its frame
  EXPECT_EQ(lo[0], 0.1f);
  EXPECT_EQ(hi[11], -0.1f);
}

}  // namespace
}  // namespace el::events
