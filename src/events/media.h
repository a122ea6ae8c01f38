// What an encoded image or clip is, from its first bytes (the file type's magic
// numbers), and an image's pixel size from its header where the format keeps
// it there. No decoding: the browser or the desktop decoder does that.
#pragma once
#include <cstdint>
#include <string_view>

namespace el::events {

// "image/png", "image/jpeg", "image/gif", "image/webp", "image/bmp",
// "audio/wav", or "application/octet-stream".
const char* sniff_mime(std::string_view bytes);

struct PixelSize {
  std::uint32_t width = 0, height = 0;
};
// From the PNG IHDR, GIF screen descriptor, BMP header or first JPEG SOF
// marker; {0, 0} when the header does not say.
PixelSize sniff_image_size(std::string_view bytes);

}  // namespace el::events
