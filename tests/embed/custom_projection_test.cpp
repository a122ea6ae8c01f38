// embed/custom_projection: axes between label centroids, worked by hand.
#include "embed/custom_projection.h"

#include <gtest/gtest.h>

#include <cmath>

namespace el::embed {
namespace {

TEST(CustomProjection, AxesRunBetweenTheCentroidsOfMatchingLabels) {
  Matrix m;
  m.rows = 4;
  m.dims = 3;
  m.values = {0, 0, 0,   // king
              2, 0, 0,   // queen
              0, 4, 0,   // small
              0, 0, 6};  // Big
  const std::vector<std::string> labels = {"king", "queen", "small", "Big"};
  CustomProjection p;
  std::string error;
  ASSERT_TRUE(custom_projection(m, labels, {"king", "queen"}, {"small", "big"}, false, p, error)) << error;
  // x axis: (2,0,0) - (0,0,0) -> (1,0,0); y axis: (0,0,6) - (0,4,0) -> (0,-4,6)/sqrt(52).
  EXPECT_FLOAT_EQ(p.xy[2], 2.0f) << "queen's x";
  EXPECT_FLOAT_EQ(p.xy[5], -16.0f / std::sqrt(52.0f)) << "small's y";
  EXPECT_FLOAT_EQ(p.xy[7], 36.0f / std::sqrt(52.0f)) << "Big's y (case-insensitive match)";
  EXPECT_EQ(p.matches[3], 1u);

  ASSERT_TRUE(custom_projection(m, labels, {"^k", "^q"}, {"^s", "g$"}, true, p, error)) << error;
  EXPECT_EQ(p.matches[3], 2u) << "'g$' ends king and Big";
  EXPECT_EQ(p.matches[0], 1u);
}

TEST(CustomProjection, ProblemsAreSaid) {
  Matrix m;
  m.rows = 2;
  m.dims = 1;
  m.values = {1, 1};
  const std::vector<std::string> labels = {"a", "b"};
  CustomProjection p;
  std::string error;
  EXPECT_FALSE(custom_projection(m, labels, {"a", "zzz"}, {"a", "b"}, false, p, error));
  EXPECT_EQ(error, "no label matches 'zzz'");
  EXPECT_FALSE(custom_projection(m, labels, {"a", "b"}, {"a", "b"}, false, p, error));
  EXPECT_EQ(error, "'a' and 'b' have the same centroid: the axis has no direction");
  EXPECT_FALSE(custom_projection(m, labels, {"(", "b"}, {"a", "b"}, true, p, error));
  EXPECT_EQ(error, "'(' is not a valid regular expression");
}

}  // namespace
}  // namespace el::embed
