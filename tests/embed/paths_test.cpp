// embed/paths: paths under the opened folder, as projector files name each other.
#include "embed/paths.h"

#include <gtest/gtest.h>

namespace el::embed {
namespace {

TEST(Paths, NormalizeAndParts) {
  EXPECT_EQ(normalize_path("a/./b/../c//d"), "a/c/d");
  EXPECT_EQ(normalize_path("../x"), "x") << "nothing above the root";
  EXPECT_EQ(folder_of("a/b/c.tsv"), "a/b");
  EXPECT_EQ(folder_of("c.tsv"), "");
  EXPECT_EQ(file_name("a/b/c.tsv"), "c.tsv");
}

}  // namespace
}  // namespace el::embed
