// The media cache behind the images and audio dashboards, with the
// platform's reads and the GPU faked: nothing is read until a card asks,
// reads are (file, offset, length) of the record, the decoded pixels equal
// tests/data/image_facts.tsv (tests/tools/image_facts.py, an independent
// PNG decoder), samples of one record share one read, memory stays under
// the cap while stepping through a series, and bad bytes become an error
// that names the file, offset and problem.
#include "app/media_cache.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "cli/commands.h"
#include "events/image_decode.h"
#include "events/media_encode.h"
#include "io/disk_blob_source.h"
#include "io/loader.h"
#include "proto/event.pb.h"
#include "record/record_writer.h"
#include "support/test_files.h"

namespace el::app {
namespace {

// Reads are queued; the test answers them from disk, possibly spoiled.
class FakeIo final : public MediaIo {
 public:
  struct Request {
    std::uint64_t ticket;
    store::FileId file;
    std::uint64_t offset;
    std::size_t length;
  };
  void read_blob(std::uint64_t ticket, store::FileId file, std::uint64_t offset, std::size_t length,
                 record::Compression) override {
    requests.push_back({ticket, file, offset, length});
  }
  bool play_audio(const events::DecodedAudio& audio, double from, std::string&) override {
    played_from = from;
    played_frames = audio.frames();
    return true;
  }
  void stop_audio() override { ++stops; }

  // Answers every queued read from `disk` (flipping byte `spoil` if >= 0, or
  // failing with `fail` if not empty).
  void answer(MediaCache& cache, io::DiskBlobSource& disk, long spoil = -1, const std::string& fail = "") {
    auto pending = std::move(requests);
    requests.clear();
    for (const Request& r : pending) {
      std::string bytes, error = fail;
      if (fail.empty()) {
        EXPECT_TRUE(disk.read(r.file, r.offset, r.length, bytes, error)) << error;
      }
      if (spoil >= 0 && static_cast<std::size_t>(spoil) < bytes.size()) bytes[spoil] ^= 0x40;
      cache.arrived(r.ticket, bytes, error);
    }
  }

  std::vector<Request> requests;
  double played_from = -1;
  std::size_t played_frames = 0;
  int stops = 0;
};

class FakeTextures final : public TextureStore {
 public:
  std::uint32_t upload(std::uint32_t name, std::uint32_t width, std::uint32_t height,
                       const std::uint8_t* rgba) override {
    if (!name) name = next++;
    live.insert(name);
    last_size = {width, height};
    last_first_pixel = rgba[0];
    return name;
  }
  void destroy(const std::vector<std::uint32_t>& names) override {
    for (auto n : names) EXPECT_EQ(live.erase(n), 1u) << "texture " << n << " destroyed twice";
  }
  std::set<std::uint32_t> live;
  std::uint32_t next = 1;
  std::pair<std::uint32_t, std::uint32_t> last_size;
  std::uint8_t last_first_pixel = 0;
};

struct Loaded {
  store::Store store;
  std::vector<std::string> disk_paths;
};

void load(const std::string& path, Loaded& out) {
  ASSERT_TRUE(io::load_paths({path}, out.store, &out.disk_paths));
}

std::string pixel(const ui::ImageView& v, std::uint32_t x, std::uint32_t y) {
  const std::uint8_t* p = v.rgba + (static_cast<std::size_t>(y) * v.width + x) * 4;
  return std::to_string(p[0]) + "," + std::to_string(p[1]) + "," + std::to_string(p[2]) + "," +
         std::to_string(p[3]);
}

// One frame asking for an image: begin, ask, end (reads go out at the end).
ui::ImageView frame_image(MediaCache& cache, const store::Series& s, std::size_t record, std::uint32_t sample,
                          double now = 0, ui::ImageAdjust adjust = {}) {
  cache.begin_frame(now, 1000.0);
  ui::ImageView v = cache.image(s, record, sample, adjust);
  cache.end_frame();
  return v;
}

TEST(MediaCache, ReadsOnlyWhenAskedAndDecodesToTheIndependentFacts) {
  Loaded d;
  load(el::testing::corpus_dir() + "/pytorch-small", d);
  io::DiskBlobSource disk(d.store, d.disk_paths);
  FakeIo io;
  FakeTextures tex;
  MediaCache cache(io, tex);
  cache.set_store(&d.store);
  int compared = 0;
  for (const auto& r : el::testing::read_tsv(el::testing::test_data_dir() + "/image_facts.tsv")) {
    if (r[0] != "pytorch-small") continue;
    SCOPED_TRACE(r[1] + " / " + r[2]);
    const store::Series& s = d.store.runs().at(r[1]).tags.at(r[2]);
    const std::uint32_t last = store::visible_indices(s.steps).back();
    ASSERT_EQ(s.steps[last], std::stoll(r[3]));
    cache.begin_frame(0, 1000);
    ui::ImageView v = cache.image(s, last, 0, {});
    EXPECT_EQ(v.state, ui::MediaState::kLoading);
    EXPECT_TRUE(io.requests.empty()) << "reads go out after the frame";
    cache.end_frame();
    ASSERT_EQ(io.requests.size(), 1u);
    EXPECT_EQ(io.requests[0].file, s.blobs[last].file);
    EXPECT_EQ(io.requests[0].offset, s.blobs[last].offset);
    EXPECT_EQ(io.requests[0].length, s.blobs[last].length + 16u) << "length, two CRCs and the data";
    io.answer(cache, disk);
    v = frame_image(cache, s, last, 0);
    ASSERT_EQ(v.state, ui::MediaState::kReady) << v.error;
    EXPECT_EQ(v.width, std::stoul(r[5]));
    EXPECT_EQ(v.height, std::stoul(r[6]));
    EXPECT_EQ(pixel(v, 0, 0), r[7]);
    EXPECT_EQ(pixel(v, v.width / 2, v.height / 2), r[8]);
    EXPECT_EQ(pixel(v, v.width - 1, v.height - 1), r[9]);
    EXPECT_STREQ(v.mime, "image/png");
    EXPECT_TRUE(tex.live.count(v.texture));
    EXPECT_TRUE(io.requests.empty()) << "a cached image is not read again";
    ++compared;
  }
  EXPECT_EQ(compared, 6);
}

TEST(MediaCache, BrightnessAndContrastReuploadTheAdjustedPixels) {
  Loaded d;
  load(el::testing::corpus_dir() + "/pytorch-small", d);
  io::DiskBlobSource disk(d.store, d.disk_paths);
  FakeIo io;
  FakeTextures tex;
  MediaCache cache(io, tex);
  cache.set_store(&d.store);
  const store::Series& s = d.store.runs().at("train").tags.at("images/rgb");
  const std::uint32_t last = store::visible_indices(s.steps).back();
  frame_image(cache, s, last, 0);
  io.answer(cache, disk);
  ui::ImageView v = frame_image(cache, s, last, 0);
  ASSERT_EQ(v.state, ui::MediaState::kReady);
  EXPECT_EQ(tex.last_first_pixel, 30) << "image_facts: top-left red is 30";
  // Brightness 2: 30/255*2 = 0.2353 -> 60; then contrast 3 about 0.5:
  // (0.2353 - 0.5) * 3 + 0.5 = -0.294 -> 0.
  v = frame_image(cache, s, last, 0, 0, {2.0f, 1.0f});
  EXPECT_EQ(tex.last_first_pixel, 60);
  v = frame_image(cache, s, last, 0, 0, {2.0f, 3.0f});
  EXPECT_EQ(tex.last_first_pixel, 0);
  EXPECT_EQ(pixel(v, 0, 0), "30,97,186,255") << "hover shows the pixels as stored";
  EXPECT_EQ(tex.live.size(), 1u) << "the same texture is re-filled";
}

class MediaCacheDemo : public ::testing::Test {
 protected:
  void SetUp() override {
    // One folder per test: ctest runs the tests in parallel processes.
    dir_ = ::testing::TempDir() + "/eventlens-media-cache-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name() + "-" + std::to_string(::getpid());
    std::filesystem::remove_all(dir_);
    ASSERT_EQ(cli::cmd_demo({dir_}), 0);
    load(dir_, d_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string dir_;
  Loaded d_;
};

TEST_F(MediaCacheDemo, SamplesOfOneRecordShareOneRead) {
  io::DiskBlobSource disk(d_.store, d_.disk_paths);
  FakeIo io;
  FakeTextures tex;
  MediaCache cache(io, tex);
  cache.set_store(&d_.store);
  const store::Series& s = d_.store.runs().at("train").tags.at("samples/augmented");
  ASSERT_EQ(s.samples[0], 3u);
  cache.begin_frame(0, 1000);
  for (std::uint32_t k = 0; k < 4; ++k) cache.image(s, 0, k, {});
  cache.end_frame();
  ASSERT_EQ(io.requests.size(), 1u);
  io.answer(cache, disk);
  cache.begin_frame(0, 1000);
  for (std::uint32_t k = 0; k < 3; ++k) {
    const ui::ImageView v = cache.image(s, 0, k, {});
    ASSERT_EQ(v.state, ui::MediaState::kReady) << k << ": " << v.error;
    EXPECT_EQ(v.width, 64u);
  }
  const ui::ImageView extra = cache.image(s, 0, 3, {});
  EXPECT_EQ(extra.state, ui::MediaState::kError);
  EXPECT_NE(extra.error.find("fewer samples"), std::string::npos) << extra.error;
  cache.end_frame();
  EXPECT_TRUE(io.requests.empty());
}

TEST_F(MediaCacheDemo, MeshPartsAreDecodedAsTheirPartWhetherAskedOrPrefetched) {
  io::DiskBlobSource disk(d_.store, d_.disk_paths);
  FakeIo io;
  FakeTextures tex;
  MediaCache cache(io, tex);
  cache.set_store(&d_.store);
  const auto& tags = d_.store.runs().at("train").tags;
  const store::Series& vertices = tags.at("mesh/torus_VERTEX");
  const store::Series& faces = tags.at("mesh/torus_FACE");
  // Record 1's faces are prefetched (as the arrow keys' neighbours are), record 0's asked for.
  cache.begin_frame(0, 1000);
  EXPECT_EQ(cache.mesh_part(vertices, 0).state, ui::MediaState::kLoading);
  cache.prefetch(faces, 1, 0);
  cache.end_frame();
  ASSERT_EQ(io.requests.size(), 2u);
  io.answer(cache, disk);
  cache.begin_frame(0, 1000);
  const ui::MeshPartView v = cache.mesh_part(vertices, 0), f = cache.mesh_part(faces, 1);
  cache.end_frame();
  ASSERT_EQ(v.state, ui::MediaState::kReady) << v.error;
  ASSERT_EQ(f.state, ui::MediaState::kReady) << f.error;
  // The demo's torus: 2 samples of 48 x 20 vertices, two triangles per grid cell; vertex 0 at (1.38, 0, 0).
  EXPECT_EQ(v.part->content, events::MeshContent::kVertex);
  EXPECT_EQ(v.part->batch, 2);
  EXPECT_EQ(v.part->rows, 960);
  EXPECT_FLOAT_EQ(v.part->xyz[0], 1.38f);
  EXPECT_EQ(f.part->content, events::MeshContent::kFace);
  EXPECT_EQ(f.part->rows, 1920);
  EXPECT_EQ(std::vector<std::uint32_t>(f.part->indices.begin(), f.part->indices.begin() + 6),
            (std::vector<std::uint32_t>{0, 20, 21, 0, 21, 1}));
  EXPECT_TRUE(io.requests.empty());
}

TEST_F(MediaCacheDemo, SteppingThroughASeriesStaysUnderTheCap) {
  io::DiskBlobSource disk(d_.store, d_.disk_paths);
  FakeIo io;
  FakeTextures tex;
  // Room for about four 64x64 images (16 KiB of RGBA, 21.3 KiB of texture, the PNG).
  const std::size_t cap = 4 * (64 * 64 * 4 * 7 / 3 + 13000);
  MediaCache cache(io, tex, cap);
  cache.set_store(&d_.store);
  const store::Series& s = d_.store.runs().at("train").tags.at("samples/input");
  ASSERT_GE(s.size(), 10u);
  for (std::size_t i = 0; i < s.size(); ++i) {
    frame_image(cache, s, i, 0);
    io.answer(cache, disk);
    const ui::ImageView v = frame_image(cache, s, i, 0);
    ASSERT_EQ(v.state, ui::MediaState::kReady) << i;
    const MediaStats st = cache.stats();
    ASSERT_LE(st.bytes, cap) << "step " << i;
    ASSERT_EQ(tex.live.size(), st.textures) << "evicted textures are destroyed after the frame";
  }
  const MediaStats st = cache.stats();
  EXPECT_LE(st.peak_bytes, cap);
  EXPECT_GT(st.evictions, s.size() - 6);
  EXPECT_EQ(st.reads, s.size());
  // Going back to the first step reads it again (it was evicted), and shows it.
  frame_image(cache, s, 0, 0);
  EXPECT_EQ(io.requests.size(), 1u);
}

TEST_F(MediaCacheDemo, BadBytesBecomeErrorsThatSayWhere) {
  io::DiskBlobSource disk(d_.store, d_.disk_paths);
  FakeIo io;
  FakeTextures tex;
  MediaCache cache(io, tex);
  cache.set_store(&d_.store);
  const store::Series& s = d_.store.runs().at("train").tags.at("samples/input");
  const std::string where =
      d_.store.files().status(s.blobs[1].file).path + " at offset " + std::to_string(s.blobs[1].offset);
  frame_image(cache, s, 1, 0);
  io.answer(cache, disk, 40);  // a byte of the data: the data CRC fails
  ui::ImageView v = frame_image(cache, s, 1, 0);
  ASSERT_EQ(v.state, ui::MediaState::kError);
  EXPECT_EQ(v.error, where + ": the record changed since it was read (CRC mismatch)");
  frame_image(cache, s, 2, 0);
  io.answer(cache, disk, -1, "the file went away");
  v = frame_image(cache, s, 2, 0);
  ASSERT_EQ(v.state, ui::MediaState::kError);
  EXPECT_EQ(v.error, d_.store.files().status(s.blobs[2].file).path + " at offset " +
                         std::to_string(s.blobs[2].offset) + ": the file went away");
  EXPECT_TRUE(tex.live.empty());
}

TEST_F(MediaCacheDemo, AudioDecodesAndPlaysFromWhereItWasPaused) {
  io::DiskBlobSource disk(d_.store, d_.disk_paths);
  FakeIo io;
  FakeTextures tex;
  MediaCache cache(io, tex);
  cache.set_store(&d_.store);
  const store::Series& s = d_.store.runs().at("train").tags.at("audio/tone");
  cache.begin_frame(10, 1000);
  EXPECT_EQ(cache.audio(s, 0, 0).state, ui::MediaState::kLoading);
  cache.end_frame();
  io.answer(cache, disk);
  cache.begin_frame(10, 1000);
  const ui::AudioView a = cache.audio(s, 0, 0);
  ASSERT_EQ(a.state, ui::MediaState::kReady) << a.error;
  // The demo's chirp: half a second at 8 kHz, mono, labelled with its step.
  EXPECT_EQ(a.audio->sample_rate, 8000u);
  EXPECT_EQ(a.audio->frames(), 4000u);
  EXPECT_EQ(a.label, "**step " + std::to_string(s.steps[0]) + "**: a rising tone");
  cache.play(s, 0, 0, 0.125);
  cache.end_frame();
  EXPECT_EQ(io.played_from, 0.125);
  EXPECT_EQ(io.played_frames, 4000u);
  cache.begin_frame(10.25, 1000);
  EXPECT_TRUE(cache.playback().playing);
  EXPECT_DOUBLE_EQ(cache.playback().position, 0.375);
  cache.pause();
  EXPECT_FALSE(cache.playback().playing);
  EXPECT_EQ(io.stops, 1);
  cache.end_frame();
  cache.begin_frame(11, 1000);
  cache.play(s, 0, 0, cache.playback().position);
  EXPECT_EQ(io.played_from, 0.375);
  cache.end_frame();
  cache.begin_frame(11.2, 1000);  // 0.375 + 0.2 > 0.5: played to the end
  EXPECT_FALSE(cache.playback().playing);
  EXPECT_EQ(cache.playback().position, 0.0);
  cache.end_frame();
}

TEST(MediaCache, ACorruptImageIsAnErrorWithTheDecodersReasonAndTheNextStepStillShows) {
  // An event file of our own: step 1's PNG is damaged inside, step 2's is fine.
  const std::string dir = ::testing::TempDir() + "/eventlens-media-corrupt-" + std::to_string(::getpid());
  std::filesystem::create_directories(dir + "/run");
  const std::vector<std::uint8_t> rgba = {255, 0, 0,   255,
                                          0,   0, 255, 128};  // 2 x 1: red, half-transparent blue
  std::string good = events::encode_png(2, 1, 4, rgba), bad = good;
  for (std::size_t i = 40; i < bad.size() - 12; ++i) bad[i] = static_cast<char>(0xA5 ^ i);  // inside IDAT
  std::string file, bytes;
  pb::Event e;
  e.set_file_version("brain.Event:2");
  e.SerializeToString(&bytes);
  record::append_record(file, bytes);
  for (int step : {1, 2}) {
    e.Clear();
    e.set_step(step);
    e.set_wall_time(1e9 + step);
    auto* v = e.mutable_summary()->add_value();
    v->set_tag("picture");
    v->mutable_image()->set_width(2);
    v->mutable_image()->set_height(1);
    v->mutable_image()->set_encoded_image_string(step == 1 ? bad : good);
    e.SerializeToString(&bytes);
    record::append_record(file, bytes);
  }
  {
    std::ofstream out(dir + "/run/events.out.tfevents.1.test", std::ios::binary);
    out.write(file.data(), static_cast<std::streamsize>(file.size()));
  }
  Loaded d;
  load(dir, d);
  io::DiskBlobSource disk(d.store, d.disk_paths);
  FakeIo io;
  FakeTextures tex;
  MediaCache cache(io, tex);
  cache.set_store(&d.store);
  const store::Series& s = d.store.runs().at("run").tags.at("picture");
  ASSERT_EQ(s.size(), 2u);
  events::DecodedImage expect_fail;
  std::string expected_error;
  ASSERT_FALSE(events::decode_image({reinterpret_cast<const std::uint8_t*>(bad.data()), bad.size()},
                                    expect_fail, expected_error));
  frame_image(cache, s, 0, 0);
  frame_image(cache, s, 1, 0);
  io.answer(cache, disk);
  const ui::ImageView broken = frame_image(cache, s, 0, 0);
  EXPECT_EQ(broken.state, ui::MediaState::kError);
  EXPECT_EQ(broken.error, expected_error);
  EXPECT_NE(broken.encoded, nullptr);
  EXPECT_EQ(*broken.encoded, bad) << "the bytes as stored can still be downloaded";
  const ui::ImageView fine = frame_image(cache, s, 1, 0);
  ASSERT_EQ(fine.state, ui::MediaState::kReady) << fine.error;
  EXPECT_EQ(pixel(fine, 0, 0), "255,0,0,255");
  EXPECT_EQ(pixel(fine, 1, 0), "0,0,255,128");
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace el::app
