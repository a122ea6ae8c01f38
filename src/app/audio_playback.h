// The one audio clip that plays or is paused. The platform plays the samples
// (MediaIo::play_audio); this keeps where it is, from the frame clock, so the
// card's position bar moves and playback ends by itself at the clip's end.
#pragma once
#include <string>

#include "app/media_io.h"
#include "ui/media_provider.h"

namespace el::app {

class AudioPlayback {
 public:
  explicit AudioPlayback(MediaIo& io) : io_(io) {}
  // The frame's clock: moves the position, and stops at the end.
  void tick(double now);
  // Plays `clip` (sample `sample` of record `record` of `series`) from `from` seconds; at the very end it
  // starts over. A clip already playing stops first. If the platform cannot play, view().error says why.
  void play(const events::DecodedAudio& clip, const store::Series& series, std::size_t record,
            std::uint32_t sample, double from);
  void pause();
  // Stops and forgets the clip (the store was cleared).
  void reset();
  bool playing() const { return view_.playing; }
  const ui::Playback& view() const { return view_; }

 private:
  MediaIo& io_;
  ui::Playback view_;
  double now_ = 0;
  double started_at_ = 0;  // now_ when position 0 would have played
  double duration_ = 0;
};

}  // namespace el::app
