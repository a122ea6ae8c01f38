// libFuzzer target: arbitrary bytes through the media decoders, the image
// decoder (PNG, JPEG, GIF, BMP via stb_image) and the WAV decoder. Each must
// fail with a reason, or give exactly the samples it says it has. The same
// bytes also go through BlobDecoder as a record read back for a card (the
// page hands whatever the file holds now).
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>
#include <vector>

#include "events/audio_decode.h"
#include "events/blob_decoder.h"
#include "events/image_decode.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string error;
  el::events::DecodedImage img;
  if (el::events::decode_image({data, size}, img, error)) {
    const std::uint64_t pixels = static_cast<std::uint64_t>(img.width) * img.height;
    if (pixels == 0 || pixels > el::events::kMaxImagePixels || img.rgba.size() != pixels * 4) std::abort();
  } else if (error.empty() || !img.rgba.empty()) {
    std::abort();
  }
  error.clear();
  el::events::DecodedAudio audio;
  if (el::events::decode_wav({data, size}, audio, error)) {
    if (audio.channels <= 0 || audio.sample_rate == 0 || audio.samples.size() % audio.channels != 0)
      std::abort();
    for (float s : audio.samples)
      if (s != s && audio.bits != 32 && audio.bits != 64) std::abort();  // only float WAVs may hold NaN
  } else if (error.empty()) {
    std::abort();
  }
  el::events::BlobDecoder blobs;
  std::vector<std::string> images;
  std::vector<el::events::AudioClip> clips;
  double rate = 0;
  for (const char* tag : {"images/rgb", "audio/tone", ""}) {
    images.clear();
    clips.clear();
    blobs.images({data, size}, tag, images);
    blobs.audio({data, size}, tag, clips, rate);
  }
  return 0;
}
