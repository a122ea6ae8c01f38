// Image decoding against tests/data/image_facts.tsv, which
// tests/tools/image_facts.py derives with its own PNG decoder: for the last
// shown image of every corpus image tag (TF2 tensors, PyTorch and
// tensorboardX legacy images, Lightning; gray, RGB, RGBA, palette), the
// size, three pixels and the sha256 of all RGBA bytes. Plus bad input.
#include "events/image_decode.h"

#include <gtest/gtest.h>

#include <map>

#include "events/blob_decoder.h"
#include "events/media_encode.h"
#include "io/disk_blob_source.h"
#include "io/loader.h"
#include "store/sha256.h"
#include "store/store.h"
#include "support/test_files.h"

namespace el::events {
namespace {

std::string pixel(const DecodedImage& img, std::uint32_t x, std::uint32_t y) {
  const std::size_t o = (static_cast<std::size_t>(y) * img.width + x) * 4;
  return std::to_string(img.rgba[o]) + "," + std::to_string(img.rgba[o + 1]) + "," +
         std::to_string(img.rgba[o + 2]) + "," + std::to_string(img.rgba[o + 3]);
}

TEST(ImageDecode, CorpusImagesMatchTheIndependentDecoder) {
  auto rows = el::testing::read_tsv(el::testing::test_data_dir() + "/image_facts.tsv");
  ASSERT_GE(rows.size(), 20u);
  std::map<std::string, std::vector<std::vector<std::string>>> by_root;
  for (auto& r : rows) by_root[r[0]].push_back(r);
  for (const auto& [root, expected] : by_root) {
    store::Store st;
    std::vector<std::string> disk_paths;
    ASSERT_TRUE(io::load_paths({el::testing::corpus_dir() + "/" + root}, st, &disk_paths));
    io::DiskBlobSource blobs(st, disk_paths);
    for (const auto& r : expected) {
      SCOPED_TRACE(root + " " + r[1] + " / " + r[2]);
      const store::Series& s = st.runs().at(r[1]).tags.at(r[2]);
      const auto vis = store::visible_indices(s.steps);
      ASSERT_FALSE(vis.empty());
      const std::uint32_t i = vis.back();
      EXPECT_EQ(s.steps[i], std::stoll(r[3]));
      std::string record, error;
      ASSERT_TRUE(store::read_blob(st, blobs, s.blobs[i], record, error)) << error;
      std::vector<std::string> images;
      BlobDecoder dec;
      ASSERT_TRUE(
          dec.images({reinterpret_cast<const std::uint8_t*>(record.data()), record.size()}, r[2], images));
      ASSERT_FALSE(images.empty());
      DecodedImage img;
      ASSERT_TRUE(decode_image({reinterpret_cast<const std::uint8_t*>(images[0].data()), images[0].size()},
                               img, error))
          << error;
      ASSERT_EQ(img.width, std::stoul(r[5]));
      ASSERT_EQ(img.height, std::stoul(r[6]));
      EXPECT_EQ(pixel(img, 0, 0), r[7]);
      EXPECT_EQ(pixel(img, img.width / 2, img.height / 2), r[8]);
      EXPECT_EQ(pixel(img, img.width - 1, img.height - 1), r[9]);
      EXPECT_EQ(store::sha256_hex({reinterpret_cast<const char*>(img.rgba.data()), img.rgba.size()}), r[10]);
    }
  }
}

TEST(ImageDecode, OurOwnPngRoundTrips) {
  // encode_png (the demo's writer) and back: every RGBA byte survives.
  std::vector<std::uint8_t> rgba(5 * 3 * 4);
  for (std::size_t k = 0; k < rgba.size(); ++k) rgba[k] = static_cast<std::uint8_t>(k * 37 + 11);
  const std::string png = encode_png(5, 3, 4, rgba);
  DecodedImage img;
  std::string error;
  ASSERT_TRUE(decode_image({reinterpret_cast<const std::uint8_t*>(png.data()), png.size()}, img, error))
      << error;
  EXPECT_EQ(img.width, 5u);
  EXPECT_EQ(img.height, 3u);
  EXPECT_EQ(img.source_channels, 4);
  EXPECT_EQ(img.rgba, rgba);
}

TEST(ImageDecode, BadInputSaysWhy) {
  DecodedImage img;
  std::string error;
  EXPECT_FALSE(decode_image({}, img, error));
  EXPECT_EQ(error, "no image bytes");
  const std::string text = "hello, not an image";
  EXPECT_FALSE(decode_image({reinterpret_cast<const std::uint8_t*>(text.data()), text.size()}, img, error));
  EXPECT_EQ(error, "not an image (PNG, JPEG, GIF or BMP)");
  // A PNG cut after its header: recognised, then corrupt.
  std::vector<std::uint8_t> rgba(16 * 16 * 4, 200);
  const std::string png = encode_png(16, 16, 4, rgba);
  EXPECT_FALSE(decode_image({reinterpret_cast<const std::uint8_t*>(png.data()), 40}, img, error));
  EXPECT_EQ(error.rfind("corrupt image: ", 0), 0u) << error;
  EXPECT_TRUE(img.rgba.empty());
  // A 1x1 PNG whose IDAT claims a gigabyte (the fuzzer's find): refused
  // before anything is allocated for it.
  std::string lying = png.substr(0, 33);  // signature + IHDR
  lying += std::string("\x40\x00\x00\x00IDAT", 8) + "xx";
  EXPECT_FALSE(decode_image({reinterpret_cast<const std::uint8_t*>(lying.data()), lying.size()}, img, error));
  EXPECT_EQ(error, "corrupt image: a PNG chunk runs past the end of the data");
}

}  // namespace
}  // namespace el::events
