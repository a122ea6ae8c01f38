// events/media: MIME types and image sizes sniffed from headers built byte by
// byte here.
#include "events/media.h"

#include <gtest/gtest.h>

#include <string>

namespace el {
namespace {

TEST(Media, SniffsTypesAndSizes) {
  std::string png = "\x89PNG\r\n\x1a\n";
  png += std::string("\0\0\0\x0dIHDR", 8);
  png += std::string("\0\0\x01\x2c\0\0\0\x64", 8);  // 300 x 100
  EXPECT_STREQ(events::sniff_mime(png), "image/png");
  EXPECT_EQ(events::sniff_image_size(png).width, 300u);
  EXPECT_EQ(events::sniff_image_size(png).height, 100u);

  std::string gif = std::string("GIF89a\x40\x01\xf0\x00", 10);  // 320 x 240
  EXPECT_STREQ(events::sniff_mime(gif), "image/gif");
  EXPECT_EQ(events::sniff_image_size(gif).width, 320u);
  EXPECT_EQ(events::sniff_image_size(gif).height, 240u);

  // JPEG: SOI, an APP0 segment of length 16, then SOF0 with height 480, width 640.
  std::string jpg = std::string("\xff\xd8\xff\xe0\x00\x10", 6) + std::string(14, 'j') +
                    std::string("\xff\xc0\x00\x11\x08\x01\xe0\x02\x80\x03", 10);
  EXPECT_STREQ(events::sniff_mime(jpg), "image/jpeg");
  EXPECT_EQ(events::sniff_image_size(jpg).width, 640u);
  EXPECT_EQ(events::sniff_image_size(jpg).height, 480u);

  EXPECT_STREQ(events::sniff_mime(std::string("RIFF\0\0\0\0WAVEfmt ", 16)), "audio/wav");
  EXPECT_STREQ(events::sniff_mime("hello"), "application/octet-stream");
  EXPECT_EQ(events::sniff_image_size("\xff\xd8").width, 0u);
}

}  // namespace
}  // namespace el
