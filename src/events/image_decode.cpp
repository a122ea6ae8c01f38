#include "events/image_decode.h"

#include <cstring>

// stb_image, from Debian's libstb-dev, compiled here once with only the
// formats summaries carry and no file I/O. It is third-party code: its
// warnings are not ours.
#define STBI_NO_STDIO
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_ONLY_GIF
#define STBI_ONLY_BMP
#define STBI_MAX_DIMENSIONS (1 << 16)
#define STB_IMAGE_IMPLEMENTATION
#ifdef __EMSCRIPTEN__
// The page has one thread; a thread_local would make wasm-ld demand the
// atomics feature once bulk memory is on (see CMakeLists.txt).
#define STBI_NO_THREAD_LOCALS
#endif
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Weverything"
#elif defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wall"
#pragma GCC diagnostic ignored "-Wextra"
#pragma GCC diagnostic ignored "-Wconversion"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#endif
#include <stb/stb_image.h>
#if defined(__clang__)
#pragma clang diagnostic pop
#elif defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

namespace el::events {
namespace {

// stb_image sizes its PNG data buffer from the chunk lengths a file claims, so
// 70 bytes claiming a 1 GiB IDAT made it allocate 2 GiB (found by the fuzzer).
// A wasm heap never shrinks: chunks that run past the end are refused first.
bool png_chunks_fit(std::span<const std::uint8_t> b) {
  static constexpr std::uint8_t kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  if (b.size() < 8 || std::memcmp(b.data(), kSignature, 8) != 0) return true;  // not a PNG
  for (std::size_t at = 8; at + 8 <= b.size();) {
    const std::uint64_t length =
        (std::uint64_t{b[at]} << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3];
    if (length + 12 > b.size() - at) return false;
    if (std::memcmp(b.data() + at + 4, "IEND", 4) == 0) break;
    at += 12 + length;
  }
  return true;
}

}  // namespace

bool decode_image(std::span<const std::uint8_t> bytes, DecodedImage& out, std::string& error) {
  out = DecodedImage{};
  if (bytes.empty() || bytes.size() > 0x7fffffffu) {
    error = bytes.empty() ? "no image bytes" : "image too large to decode";
    return false;
  }
  if (!png_chunks_fit(bytes)) {
    error = "corrupt image: a PNG chunk runs past the end of the data";
    return false;
  }
  const auto* data = reinterpret_cast<const stbi_uc*>(bytes.data());
  const int len = static_cast<int>(bytes.size());
  int w = 0, h = 0, channels = 0;
  if (!stbi_info_from_memory(data, len, &w, &h, &channels)) {
    const char* why = stbi_failure_reason();
    error = why && std::strcmp(why, "unknown image type") != 0 ? std::string("corrupt image: ") + why
                                                               : "not an image (PNG, JPEG, GIF or BMP)";
    return false;
  }
  if (w <= 0 || h <= 0 || static_cast<std::uint64_t>(w) * static_cast<std::uint64_t>(h) > kMaxImagePixels) {
    error = "too large: " + std::to_string(w) + " x " + std::to_string(h) + " pixels";
    return false;
  }
  stbi_uc* pixels = stbi_load_from_memory(data, len, &w, &h, &channels, 4);
  if (!pixels) {
    const char* why = stbi_failure_reason();
    error = std::string("corrupt image: ") + (why ? why : "unknown reason");
    return false;
  }
  out.width = static_cast<std::uint32_t>(w);
  out.height = static_cast<std::uint32_t>(h);
  out.source_channels = channels;
  out.rgba.assign(pixels, pixels + static_cast<std::size_t>(w) * static_cast<std::size_t>(h) * 4);
  stbi_image_free(pixels);
  return true;
}

}  // namespace el::events
