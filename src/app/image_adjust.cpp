#include "app/image_adjust.h"

#include <algorithm>
#include <cmath>

namespace el::app {

std::vector<std::uint8_t> adjusted_rgba(const std::vector<std::uint8_t>& rgba,
                                        const ui::ImageAdjust& adjust) {
  // One lookup per channel value: 256 float evaluations instead of one per pixel.
  std::uint8_t lut[256];
  for (int v = 0; v < 256; ++v) {
    const float b = static_cast<float>(v) / 255.0f * adjust.brightness;
    const float c = (b - 0.5f) * adjust.contrast + 0.5f;
    lut[v] = static_cast<std::uint8_t>(std::lround(std::clamp(c, 0.0f, 1.0f) * 255.0f));
  }
  std::vector<std::uint8_t> out = rgba;
  for (std::size_t i = 0; i + 3 < out.size(); i += 4) {
    out[i] = lut[out[i]];
    out[i + 1] = lut[out[i + 1]];
    out[i + 2] = lut[out[i + 2]];
  }
  return out;
}

}  // namespace el::app
