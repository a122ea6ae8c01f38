#include "app/audio_playback.h"

#include <algorithm>

namespace el::app {

void AudioPlayback::tick(double now) {
  now_ = now;
  if (!view_.playing) return;
  view_.position = now_ - started_at_;
  if (view_.position >= duration_) {  // played to the end
    view_.playing = false;
    view_.position = 0;
  }
}

void AudioPlayback::play(const events::DecodedAudio& clip, const store::Series& series, std::size_t record,
                         std::uint32_t sample, double from) {
  if (view_.playing) io_.stop_audio();
  view_ = {};
  view_.series = &series;
  view_.record = record;
  view_.sample = sample;
  duration_ = clip.seconds();
  from = std::clamp(from, 0.0, std::max(0.0, duration_));
  if (from >= duration_ - 1e-3) from = 0;  // at the end: start over
  std::string error;
  if (!io_.play_audio(clip, from, error)) {
    view_.error = error;
    return;
  }
  view_.playing = true;
  view_.position = from;
  started_at_ = now_ - from;
}

void AudioPlayback::pause() {
  if (!view_.playing) return;
  io_.stop_audio();
  view_.playing = false;
  view_.position = std::clamp(now_ - started_at_, 0.0, duration_);
}

void AudioPlayback::reset() {
  if (view_.playing) io_.stop_audio();
  view_ = {};
  started_at_ = duration_ = 0;
}

}  // namespace el::app
