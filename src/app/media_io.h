// What the media cache needs from the platform: reading bytes of an event
// file (at once on the desktop, later in the page), playing audio, and
// holding textures (GL in the app, fakes in tests).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "events/audio_decode.h"
#include "record/stream_reader.h"
#include "store/store.h"

namespace el::app {

class MediaIo {
 public:
  virtual ~MediaIo() = default;
  // Read bytes [offset, offset + length) of the file's (decompressed) stream
  // and answer with MediaCache::arrived(ticket, ...), now or later.
  virtual void read_blob(std::uint64_t ticket, store::FileId file, std::uint64_t offset, std::size_t length,
                         record::Compression compression) = 0;
  // Play interleaved float samples from `from` seconds; false with `error` if it cannot.
  [[nodiscard]] virtual bool play_audio(const events::DecodedAudio& audio, double from, std::string& error) {
    error = "audio playback is not available here";
    return false;
  }
  virtual void stop_audio() {}
};

// Where decoded pixels go to be drawn: GL textures in the app
// (app/gl_textures), a fake in tests. Names are non-zero.
class TextureStore {
 public:
  virtual ~TextureStore() = default;
  // Uploads RGBA pixels into `name` (0: a new texture); returns the name.
  virtual std::uint32_t upload(std::uint32_t name, std::uint32_t width, std::uint32_t height,
                               const std::uint8_t* rgba) = 0;
  virtual void destroy(const std::vector<std::uint32_t>& names) = 0;
};

}  // namespace el::app
