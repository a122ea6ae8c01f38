// What the images and audio dashboards ask of the app: the decoded form of
// one sample of one kept record, read lazily from its file and cached under a
// memory cap. The dashboards only draw; reading (asynchronous in the page),
// decoding and GL textures belong to the implementation in src/app.
#pragma once
#include <cstdint>
#include <string>

#include "events/audio_decode.h"
#include "events/mesh.h"
#include "events/pr_curve.h"
#include "store/store.h"

namespace el::ui {

// A texture the app uploaded (a GL texture name; 0: none). The UI hands it to
// ImGui as an ImTextureID; below the UI it is only a number.
using TextureHandle = std::uint32_t;

enum class MediaState : std::uint8_t {
  kLoading,  // being read or decoded: draw a placeholder
  kReady,
  kError,  // unreadable or undecodable: draw a broken tile with `error`
};

// CSS-filter style pixel adjustment: brightness multiplies, then contrast
// stretches around mid-grey (1 and 1 leave the image as stored).
struct ImageAdjust {
  float brightness = 1.0f;  // 0 .. 2
  float contrast = 1.0f;    // 0 .. 5
  bool operator==(const ImageAdjust&) const = default;
};

struct ImageView {
  MediaState state = MediaState::kLoading;
  TextureHandle texture = 0;  // the adjusted pixels, nearest-filtered when magnified
  std::uint32_t width = 0, height = 0;
  const std::uint8_t* rgba = nullptr;    // width * height * 4 bytes as decoded (not adjusted)
  const std::string* encoded = nullptr;  // the image as stored in the event file
  const char* mime = "";
  std::string error;
};

struct AudioView {
  MediaState state = MediaState::kLoading;
  const events::DecodedAudio* audio = nullptr;
  const std::string* encoded = nullptr;  // the clip as stored
  const char* mime = "";
  std::string label;  // the clip's markdown label, may be empty
  std::string error;
};

struct PrCurveView {
  MediaState state = MediaState::kLoading;
  const events::PrCurve* curve = nullptr;
  std::string error;
};

// The payload of one graph record: a GraphDef, MetaGraphDef, RunMetadata or
// Keras JSON, as the record's tag says (graph::source_for).
struct GraphBytesView {
  MediaState state = MediaState::kLoading;
  const std::string* bytes = nullptr;
  std::string error;
};

// One part (vertices, faces or colours) of one record of a mesh, decoded.
struct MeshPartView {
  MediaState state = MediaState::kLoading;
  const events::MeshTensor* part = nullptr;
  double decode_ms = 0;  // checking and decoding the record when it arrived
  std::string error;
};

// The one clip that is playing or paused (the app plays one at a time).
struct Playback {
  const store::Series* series = nullptr;
  std::size_t record = 0;
  std::uint32_t sample = 0;
  bool playing = false;
  double position = 0;  // seconds into the clip
  std::string error;    // why playback could not start (no audio device...)
};

class MediaProvider {
 public:
  virtual ~MediaProvider() = default;
  // Sample `sample` of record `record` of an images series. Asking is what
  // starts reading: call it only for visible cards.
  virtual ImageView image(const store::Series& s, std::size_t record, std::uint32_t sample,
                          const ImageAdjust& adjust) = 0;
  virtual AudioView audio(const store::Series& s, std::size_t record, std::uint32_t sample) = 0;
  // The precision-recall curve of record `record` of a pr_curves series.
  virtual PrCurveView pr_curve(const store::Series& s, std::size_t record) = 0;
  // The graph bytes of record `record` of a graphs series.
  virtual GraphBytesView graph(const store::Series& s, std::size_t record) = 0;
  // Record `record` of one part of a mesh (the series' metadata says which part).
  virtual MeshPartView mesh_part(const store::Series& s, std::size_t record) = 0;
  // Reads (and, time permitting, decodes) a record a card will likely show
  // next, so stepping through a series does not wait for the file.
  virtual void prefetch(const store::Series& s, std::size_t record, std::uint32_t sample) = 0;
  // Plays the clip from `from` seconds (it must be ready), or pauses it.
  virtual void play(const store::Series& s, std::size_t record, std::uint32_t sample, double from) = 0;
  virtual void pause() = 0;
  virtual Playback playback() const = 0;
};

}  // namespace el::ui
