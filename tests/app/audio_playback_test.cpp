// app/audio_playback: one clip at a time, its position from the frame clock,
// paused where it was, started over at the end, and the platform's refusal shown.
#include "app/audio_playback.h"

#include <gtest/gtest.h>

namespace el::app {
namespace {

class FakeSpeaker final : public MediaIo {
 public:
  void read_blob(std::uint64_t, store::FileId, std::uint64_t, std::size_t, record::Compression) override {}
  bool play_audio(const events::DecodedAudio&, double from, std::string& error) override {
    if (refuse) {
      error = "no audio device";
      return false;
    }
    starts.push_back(from);
    return true;
  }
  void stop_audio() override { ++stops; }
  bool refuse = false;
  std::vector<double> starts;
  int stops = 0;
};

events::DecodedAudio two_second_clip() {
  events::DecodedAudio clip;
  clip.sample_rate = 8;
  clip.channels = 1;
  clip.samples.assign(16, 0.0f);  // 16 frames at 8 Hz
  return clip;
}

TEST(AudioPlayback, PositionFollowsTheClockPausesAndEnds) {
  FakeSpeaker io;
  AudioPlayback p(io);
  store::Series s;
  const events::DecodedAudio clip = two_second_clip();
  p.tick(10.0);
  p.play(clip, s, 3, 1, 0.5);
  ASSERT_TRUE(p.playing());
  EXPECT_EQ(io.starts, std::vector<double>{0.5});
  EXPECT_EQ(p.view().record, 3u);
  EXPECT_EQ(p.view().sample, 1u);
  p.tick(10.75);
  EXPECT_DOUBLE_EQ(p.view().position, 1.25);
  p.pause();
  EXPECT_FALSE(p.playing());
  EXPECT_EQ(io.stops, 1);
  EXPECT_DOUBLE_EQ(p.view().position, 1.25);
  p.tick(20.0);
  EXPECT_DOUBLE_EQ(p.view().position, 1.25) << "paused: the position stays";
  p.play(clip, s, 3, 1, p.view().position);
  EXPECT_EQ(io.starts.back(), 1.25);
  p.tick(20.75);  // 1.25 + 0.75 = 2: the end
  EXPECT_FALSE(p.playing());
  EXPECT_EQ(p.view().position, 0.0);
  p.play(clip, s, 3, 1, 2.0);
  EXPECT_EQ(io.starts.back(), 0.0) << "asked to play from the end: it starts over";
  p.reset();
  EXPECT_FALSE(p.playing());
  EXPECT_EQ(io.stops, 2) << "reset stops what plays";
  EXPECT_EQ(p.view().series, nullptr);
}

TEST(AudioPlayback, ARefusalIsShownAndNothingPlays) {
  FakeSpeaker io;
  io.refuse = true;
  AudioPlayback p(io);
  store::Series s;
  p.play(two_second_clip(), s, 0, 0, 0);
  EXPECT_FALSE(p.playing());
  EXPECT_EQ(p.view().error, "no audio device");
}

}  // namespace
}  // namespace el::app
