// SHA-256 against the FIPS 180-2 example digests.
#include "store/sha256.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace el
