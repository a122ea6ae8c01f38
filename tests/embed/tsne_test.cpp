// embed/tsne: layouts that keep known clusters apart, a KL divergence that
// falls once the early exaggeration ends, the same layout for the same seed.
#include "embed/tsne.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "embed/clusters.h"

namespace el::embed {
namespace {

double knn_accuracy(const Tsne& t, const std::vector<int>& label) {
  return testing_data::vote_accuracy(t.coordinates(), t.dims(), label);
}

TEST(Tsne, TensorBoardsDefaultPerplexity) {
  EXPECT_EQ(default_perplexity(100), 5);      // ceil(10 / 4) = 3, at least 5
  EXPECT_EQ(default_perplexity(10000), 25);   // ceil(100 / 4)
  EXPECT_EQ(default_perplexity(100000), 80);  // ceil(316.2 / 4)
}

TEST(Tsne, TenClustersIn50DimensionsStaySeparableAndTheKlFalls) {
  std::vector<int> label;
  const Matrix m = testing_data::blobs(1000, 50, 10, 10, 7, &label);
  Tsne t;
  std::string error;
  TsneOptions o;
  o.seed = 42;
  ASSERT_TRUE(t.init(m, o, error)) << error;
  t.step(o.exaggeration_iterations);
  std::vector<double> kl;
  for (int i = 0; i < 5; ++i) {
    t.step(50);
    kl.push_back(t.kl_divergence());
  }
  EXPECT_EQ(t.iteration(), 500);
  for (std::size_t i = 1; i < kl.size(); ++i) EXPECT_LE(kl[i], kl[i - 1]) << "step " << i;
  EXPECT_GT(kl.back(), 0);
  EXPECT_GE(knn_accuracy(t, label), 0.95);
}

TEST(Tsne, TheSameSeedGivesTheSameLayoutAndAnotherSeedAnother) {
  std::vector<int> label;
  const Matrix m = testing_data::blobs(300, 20, 5, 10, 3, &label);
  auto run = [&](std::uint64_t seed, int dims) {
    Tsne t;
    std::string error;
    TsneOptions o;
    o.seed = seed;
    o.dims = dims;
    EXPECT_TRUE(t.init(m, o, error));
    t.step(120);
    return t.coordinates();
  };
  const auto a = run(5, 2), b = run(5, 2), c = run(6, 2);
  ASSERT_EQ(a.size(), 600u);
  EXPECT_EQ(std::memcmp(a.data(), b.data(), a.size() * sizeof(double)), 0);
  EXPECT_NE(std::memcmp(a.data(), c.data(), a.size() * sizeof(double)), 0);
  // Preparing a few rows at a time (as the page does between frames) changes nothing.
  Tsne slow;
  std::string error;
  TsneOptions o;
  o.seed = 5;
  ASSERT_TRUE(slow.begin(m, o, error));
  const KnnGraph graph = exact_knn(m, slow.neighbours_needed());
  int calls = 0;
  while (!slow.prepare(graph, 37)) ++calls;
  EXPECT_EQ(calls, 8);  // 300 rows: 8 calls of 37, the 9th ends it
  EXPECT_EQ(slow.prepared_share(), 1.0);
  slow.step(120);
  EXPECT_EQ(std::memcmp(a.data(), slow.coordinates().data(), a.size() * sizeof(double)), 0);
  const auto three = run(5, 3);
  EXPECT_EQ(three.size(), 900u);
  for (double v : three) EXPECT_TRUE(std::isfinite(v));
}

TEST(Tsne, StepsCutBetweenFramesGiveTheSameLayout) {
  std::vector<int> label;
  const Matrix m = testing_data::blobs(1300, 10, 4, 10, 9, &label);
  TsneOptions o;
  o.seed = 11;
  std::string error;
  Tsne whole, cut;
  ASSERT_TRUE(whole.init(m, o, error));
  ASSERT_TRUE(cut.init(m, o, error));
  whole.step(30);
  // A zero budget: each call repels one group of 512 points, so every step is cut in three,
  // and a fourth call attracts and moves the points.
  int calls = 0, finished = 0;
  while (cut.iteration() < 30) {
    finished += cut.run_for(0, 30 - cut.iteration());
    ++calls;
  }
  EXPECT_EQ(finished, 30);
  EXPECT_EQ(calls, 120);
  EXPECT_FALSE(cut.mid_step());
  EXPECT_EQ(std::memcmp(whole.coordinates().data(), cut.coordinates().data(), whole.coordinates().size() * 8),
            0);
  // No step is begun beyond the limit.
  EXPECT_EQ(cut.run_for(1000, 0), 0);
  EXPECT_EQ(cut.iteration(), 30);
}

TEST(Tsne, TooFewPointsIsAnError) {
  Matrix m;
  m.rows = 3;
  m.dims = 2;
  m.values = {0, 0, 1, 1, 2, 2};
  Tsne t;
  std::string error;
  EXPECT_FALSE(t.init(m, {}, error));
  EXPECT_EQ(error, "t-SNE needs at least 4 points");
}

}  // namespace
}  // namespace el::embed
