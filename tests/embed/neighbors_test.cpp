// embed/neighbors: a hand-worked case, and the corpus's TF1 embedding against
// a brute-force double-precision computation written here.
#include "embed/neighbors.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "embed/discovery.h"
#include "io/disk_files.h"
#include "support/test_files.h"

namespace el::embed {
namespace {

TEST(Neighbors, CosineAndEuclideanOnFourPoints) {
  Matrix m;
  m.rows = 4;
  m.dims = 2;
  m.values = {1, 0, 0, 3, 2, 0.1f, -1, 0};
  const auto norms = row_norms(m);
  EXPECT_FLOAT_EQ(norms[1], 3.0f);
  const auto cos = nearest(m, 0, 3, Distance::kCosine, norms);
  ASSERT_EQ(cos.size(), 3u);
  EXPECT_EQ(cos[0].index, 2u) << "(2, 0.1) points almost the same way";
  EXPECT_EQ(cos[1].index, 1u);
  EXPECT_FLOAT_EQ(cos[1].distance, 1.0f) << "at a right angle";
  EXPECT_EQ(cos[2].index, 3u);
  EXPECT_FLOAT_EQ(cos[2].distance, 2.0f) << "opposite";
  const auto euc = nearest(m, 0, 2, Distance::kEuclidean, norms);
  ASSERT_EQ(euc.size(), 2u);
  EXPECT_EQ(euc[0].index, 2u);
  EXPECT_NEAR(euc[0].distance, std::sqrt(1.01f), 1e-6);
  EXPECT_EQ(euc[1].index, 3u) << "distance 2 beats sqrt(10)";
  EXPECT_TRUE(nearest(m, 9, 2, Distance::kEuclidean, norms).empty());
}

TEST(Neighbors, TheTf1EmbeddingAgreesWithBruteForce) {
  io::DiskFiles files(testing::corpus_dir() + "/projector/tf1-saver-checkpoint");
  const Discovery d = discover_embeddings(files);
  ASSERT_FALSE(d.embeddings.empty());
  Matrix m;
  std::string error;
  ASSERT_TRUE(load_points(files, d.embeddings[0], m, error)) << error;
  ASSERT_EQ(m.rows, 10000u);
  const auto norms = row_norms(m);
  for (const Distance kind : {Distance::kCosine, Distance::kEuclidean}) {
    for (const std::size_t q : {0u, 4321u, 9999u}) {
      std::vector<std::pair<double, std::uint32_t>> all;
      for (std::size_t i = 0; i < m.rows; ++i) {
        if (i == q) continue;
        double dot = 0, qq = 0, xx = 0, diff = 0;
        for (std::size_t j = 0; j < m.dims; ++j) {
          const double a = m.row(q)[j], b = m.row(i)[j];
          dot += a * b;
          qq += a * a;
          xx += b * b;
          diff += (a - b) * (a - b);
        }
        all.emplace_back(kind == Distance::kCosine ? 1 - dot / std::sqrt(qq * xx) : std::sqrt(diff),
                         static_cast<std::uint32_t>(i));
      }
      std::sort(all.begin(), all.end());
      const auto got = nearest(m, q, 10, kind, norms);
      ASSERT_EQ(got.size(), 10u);
      for (std::size_t r = 0; r < 10; ++r) {
        EXPECT_EQ(got[r].index, all[r].second) << "query " << q << ", rank " << r;
        EXPECT_NEAR(got[r].distance, all[r].first, 1e-4);
      }
    }
  }
}

}  // namespace
}  // namespace el::embed
