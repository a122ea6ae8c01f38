// embed/knn: the exact graph by hand, the approximate graph's recall on
// clustered data, the same graph however the work is sliced, and points that
// all coincide.
#include "embed/knn.h"

#include <gtest/gtest.h>

#include "embed/clusters.h"

namespace el::embed {
namespace {

Matrix line(std::vector<float> xs) {
  Matrix m;
  m.rows = xs.size();
  m.dims = 1;
  m.values = std::move(xs);
  return m;
}

TEST(Knn, ExactGraphOfPointsOnALine) {
  // 0, 1, 3, 7, 15: each point's two nearest, by hand (squared distances).
  const KnnGraph g = exact_knn(line({0, 1, 3, 7, 15}), 2);
  ASSERT_EQ(g.points, 5u);
  ASSERT_EQ(g.k, 2u);
  const std::vector<std::uint32_t> want_index{1, 2, 0, 2, 1, 0, 2, 1, 3, 2};
  const std::vector<float> want_d2{1, 9, 1, 4, 4, 9, 16, 36, 64, 144};
  EXPECT_EQ(g.index, want_index);
  EXPECT_EQ(g.distance2, want_d2);
  EXPECT_EQ(knn_recall(line({0, 1, 3, 7, 15}), g, 5), 1.0);
}

TEST(Knn, TiesGoToTheLowerIndexAndKIsCappedAtTheOtherPoints) {
  // Point 1 is 1 from both 0 and 2.
  const KnnGraph g = exact_knn(line({0, 1, 2}), 5);
  ASSERT_EQ(g.k, 2u);
  EXPECT_EQ(g.row(1)[0], 0u);
  EXPECT_EQ(g.row(1)[1], 2u);
}

TEST(Knn, ApproximateGraphFindsNearlyAllTrueNeighbours) {
  const Matrix m = testing_data::blobs(3000, 20, 10, 8, 4);
  KnnOptions o;
  o.k = 15;
  o.method = KnnMethod::kApproximate;
  const KnnGraph g = build_knn(m, o);
  ASSERT_EQ(g.points, 3000u);
  ASSERT_EQ(g.k, 15u);
  for (std::size_t i = 0; i < g.points; ++i) {
    const std::uint32_t* r = g.row(i);
    const float* d = g.row_distance2(i);
    for (std::size_t j = 0; j < g.k; ++j) {
      ASSERT_NE(r[j], i);
      ASSERT_FLOAT_EQ(d[j], distance2(m.row(i), m.row(r[j]), m.dims));
      if (j) {
        ASSERT_LE(d[j - 1], d[j]);
      }
    }
  }
  // Recall against a full scan of every point.
  EXPECT_GE(knn_recall(m, g, 3000), 0.95);
  // The same at k = 90.
  o.k = 90;
  EXPECT_GE(knn_recall(m, build_knn(m, o), 300), 0.95);
}

TEST(Knn, SlicedWorkGivesTheSameGraphAndTheSeedChoosesTheTrees) {
  const Matrix m = testing_data::blobs(2000, 8, 5, 8, 6);
  KnnOptions o;
  o.k = 10;
  o.method = KnnMethod::kApproximate;
  o.rounds = 0;  // the trees alone, so the seed shows
  const KnnGraph whole = build_knn(m, o);
  KnnBuilder sliced;
  sliced.begin(m, o);
  int calls = 0;
  double last = -1;
  while (!sliced.run_for(0)) {
    EXPECT_GE(sliced.progress(), last);
    last = sliced.progress();
    ++calls;
  }
  EXPECT_GT(calls, 20);
  const KnnGraph cut = sliced.take();
  EXPECT_EQ(whole.index, cut.index);
  EXPECT_EQ(whole.distance2, cut.distance2);
  o.seed = 2;
  EXPECT_NE(build_knn(m, o).index, whole.index);
}

TEST(Knn, CoincidentPointsStillGetKNeighbours) {
  const Matrix m = line(std::vector<float>(500, 3.0f));
  KnnOptions o;
  o.k = 7;
  o.method = KnnMethod::kApproximate;
  const KnnGraph g = build_knn(m, o);
  for (std::size_t i = 0; i < g.points; ++i)
    for (std::size_t j = 0; j < g.k; ++j) {
      ASSERT_NE(g.row(i)[j], i);
      ASSERT_EQ(g.row_distance2(i)[j], 0.0f);
    }
}

TEST(Knn, AutoIsExactForSmallEmbeddings) {
  KnnBuilder b;
  KnnOptions o;
  const Matrix small = testing_data::blobs(kExactKnnLimit, 2, 2, 8, 1),
               large = testing_data::blobs(kExactKnnLimit + 1, 2, 2, 8, 1);
  b.begin(small, o);
  EXPECT_TRUE(b.exact());
  b.begin(large, o);
  EXPECT_FALSE(b.exact());
}

}  // namespace
}  // namespace el::embed
