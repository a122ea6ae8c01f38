// Image textures in GL for the media cache: mipmapped, so a large image
// shrunk into a card stays smooth, and nearest-filtered when magnified, so
// zoomed-in pixels stay crisp squares.
#pragma once
#include "app/media_cache.h"

namespace el::app {

class GlTextures final : public TextureStore {
 public:
  std::uint32_t upload(std::uint32_t name, std::uint32_t width, std::uint32_t height,
                       const std::uint8_t* rgba) override;
  void destroy(const std::vector<std::uint32_t>& names) override;
};

}  // namespace el::app
