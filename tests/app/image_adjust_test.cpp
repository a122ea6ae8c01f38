// app/image_adjust: brightness then contrast, per channel, alpha untouched.
#include "app/image_adjust.h"

#include <gtest/gtest.h>

namespace el::app {
namespace {

TEST(ImageAdjust, BrightnessScalesThenContrastStretchesAroundMidGrey) {
  const std::vector<std::uint8_t> rgba = {0, 200, 255, 77, 10, 20, 30, 255};
  // Brightness 0.5: v/2 rounded half away from zero (255 -> 127.5 -> 128).
  EXPECT_EQ(adjusted_rgba(rgba, {0.5f, 1.0f}), (std::vector<std::uint8_t>{0, 100, 128, 77, 5, 10, 15, 255}));
  // Contrast 0: everything mid-grey (0.5 * 255 = 127.5 -> 128), alpha kept.
  EXPECT_EQ(adjusted_rgba(rgba, {1.0f, 0.0f}),
            (std::vector<std::uint8_t>{128, 128, 128, 77, 128, 128, 128, 255}));
  // Contrast 3: ((v / 255 - 0.5) * 3 + 0.5) * 255 = 3v - 255, clipped to 0..255.
  const std::vector<std::uint8_t> mid = {0, 100, 200, 77, 90, 95, 120, 255};
  EXPECT_EQ(adjusted_rgba(mid, {1.0f, 3.0f}), (std::vector<std::uint8_t>{0, 45, 255, 77, 15, 30, 105, 255}));
  EXPECT_EQ(adjusted_rgba(rgba, {}), rgba) << "1 and 1 leave the pixels as stored";
}

}  // namespace
}  // namespace el::app
