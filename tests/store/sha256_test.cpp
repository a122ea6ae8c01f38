// SHA-256 against the FIPS 180-2 example digests, and media sniffing against
// headers built byte by byte here.
#include "store/sha256.h"

#include <gtest/gtest.h>

#include "events/media.h"

namespace el {
namespace {

TEST(Sha256, FipsExamples) {
  EXPECT_EQ(store::sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(store::sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(store::sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  // One million 'a', fed in uneven pieces to cross block boundaries.
  store::Sha256 s;
  const std::string piece(997, 'a');
  std::size_t fed = 0;
  while (fed + piece.size() <= 1000000) {
    s.update(piece);
    fed += piece.size();
  }
  s.update(std::string(1000000 - fed, 'a'));
  auto d = s.digest();
  EXPECT_EQ(d[0], 0xcd);
  EXPECT_EQ(d[1], 0xc7);
  EXPECT_EQ(d[31], 0xd0);  // cdc76e5c...c7112cd0
}

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
