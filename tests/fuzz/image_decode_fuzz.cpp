// libFuzzer target: arbitrary bytes through the image decoder (PNG, JPEG, GIF,
// BMP via stb_image). It must fail with a reason or give exactly
// width * height * 4 bytes within the pixel cap.
#include <cstdint>
#include <cstdlib>
#include <span>
#include <string>

#include "events/image_decode.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  el::events::DecodedImage img;
  std::string error;
  if (el::events::decode_image({data, size}, img, error)) {
    const std::uint64_t pixels = static_cast<std::uint64_t>(img.width) * img.height;
    if (pixels == 0 || pixels > el::events::kMaxImagePixels || img.rgba.size() != pixels * 4) std::abort();
  } else if (error.empty() || !img.rgba.empty()) {
    std::abort();
  }
  return 0;
}
