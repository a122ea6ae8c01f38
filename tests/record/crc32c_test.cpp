#include "record/crc32c.h"

#include <gtest/gtest.h>

#include <random>
#include <string_view>
#include <vector>

namespace el::record {
namespace {

std::span<const std::uint8_t> bytes(std::string_view s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

// Bit-at-a-time reference, written from the definition (reflected 0x1EDC6F41).
std::uint32_t reference_crc32c(std::span<const std::uint8_t> d) {
  std::uint32_t c = 0xffffffffu;
  for (std::uint8_t b : d) {
    c ^= b;
    for (int i = 0; i < 8; ++i) c = (c >> 1) ^ ((c & 1u) ? 0x82f63b78u : 0u);
  }
  return ~c;
}

TEST(Crc32c, MatchesStandardCheckValue) {
  EXPECT_EQ(crc32c(bytes("123456789")), 0xE3069283u);
  EXPECT_EQ(crc32c(bytes("")), 0u);
}

TEST(Crc32c, Rfc3720Vectors) {
  std::vector<std::uint8_t> zeros(32, 0x00), ones(32, 0xff), inc(32);
  for (int i = 0; i < 32; ++i) inc[i] = static_cast<std::uint8_t>(i);
  EXPECT_EQ(crc32c(zeros), 0x8A9136AAu);
  EXPECT_EQ(crc32c(ones), 0x62A8AB43u);
  EXPECT_EQ(crc32c(inc), 0x46DD794Eu);
}

TEST(Crc32c, MaskedCrcOfTfRecordTestData) {
  EXPECT_EQ(mask_crc(crc32c(bytes("\x1a\x11"
                                  "CRC test, one two"))),
            0x5794d08au);
}

TEST(Crc32c, AgreesWithBitwiseReferenceAtEveryLengthAndAlignment) {
  std::mt19937 rng(7);
  std::vector<std::uint8_t> buf(300);
  for (auto& b : buf) b = static_cast<std::uint8_t>(rng());
  for (std::size_t start = 0; start < 9; ++start)
    for (std::size_t len = 0; len + start <= buf.size(); len += 7)
      ASSERT_EQ(crc32c({buf.data() + start, len}), reference_crc32c({buf.data() + start, len}))
          << "start " << start << " len " << len;
}

TEST(Crc32c, ContinuesAcrossPieces) {
  std::string_view s = "The quick brown fox jumps over the lazy dog";
  std::uint32_t whole = crc32c(bytes(s));
  std::uint32_t split = crc32c(bytes(s.substr(10)), crc32c(bytes(s.substr(0, 10))));
  EXPECT_EQ(whole, split);
  EXPECT_EQ(whole, 0x22620404u);
}

}  // namespace
}  // namespace el::record
