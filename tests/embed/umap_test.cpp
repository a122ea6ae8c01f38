// embed/umap: the curve umap-learn fits for its defaults, layouts that keep
// known clusters apart, the same layout for the same seed however the epochs
// are cut, and umap-js's epoch counts.
#include "embed/umap.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "embed/clusters.h"

namespace el::embed {
namespace {

TEST(Umap, FitsUmapLearnsCurveForItsDefaults) {
  // umap-learn's find_ab_params(spread=1, min_dist=0.1) gives a = 1.5769, b = 0.8951
  // (scipy's curve_fit on the same 300 points).
  double a = 0, b = 0;
  fit_umap_curve(0.1, 1.0, a, b);
  EXPECT_NEAR(a, 1.5769, 1e-3);
  EXPECT_NEAR(b, 0.8951, 1e-3);
  // min_dist 0.5: the curve is flatter near 0. A shrinking grid search over (a, b) of the
  // same squared error, in plain Python, ends at a = 0.58303, b = 1.33417.
  fit_umap_curve(0.5, 1.0, a, b);
  EXPECT_NEAR(a, 0.58303, 1e-3);
  EXPECT_NEAR(b, 1.33417, 1e-3);
}

TEST(Umap, UmapJsEpochCounts) {
  EXPECT_EQ(default_umap_epochs(2500), 500);
  EXPECT_EQ(default_umap_epochs(2501), 400);
  EXPECT_EQ(default_umap_epochs(7500), 300);
  EXPECT_EQ(default_umap_epochs(100000), 200);
}

TEST(Umap, TenClustersIn50DimensionsStaySeparable) {
  std::vector<int> label;
  const Matrix m = testing_data::blobs(1000, 50, 10, 10, 7, &label);
  Umap u;
  std::string error;
  UmapOptions o;
  o.seed = 3;
  ASSERT_TRUE(u.init(m, o, error)) << error;
  EXPECT_EQ(u.epochs(), 500);
  EXPECT_GT(u.edges(), 1000u * 14);  // at least each point's 14 neighbours
  u.step(1000);                      // stops at the last epoch
  EXPECT_EQ(u.epoch(), 500);
  EXPECT_TRUE(u.finished());
  for (double v : u.coordinates()) ASSERT_TRUE(std::isfinite(v));
  EXPECT_GE(testing_data::vote_accuracy(u.coordinates(), 2, label), 0.95);
}

TEST(Umap, TheSameSeedGivesTheSameLayoutHoweverTheEpochsAreCut) {
  std::vector<int> label;
  const Matrix m = testing_data::blobs(400, 12, 4, 10, 5, &label);
  UmapOptions o;
  o.seed = 9;
  o.epochs = 60;
  std::string error;
  Umap whole, cut, other;
  ASSERT_TRUE(whole.init(m, o, error));
  ASSERT_TRUE(cut.init(m, o, error));
  whole.step(60);
  int calls = 0, finished = 0;
  while (!cut.finished()) {
    finished += cut.run_for(0, 1000);
    ++calls;
  }
  EXPECT_EQ(finished, 60);
  EXPECT_GT(calls, 60);  // some epochs were cut (4096 edges per look at the clock)
  EXPECT_EQ(std::memcmp(whole.coordinates().data(), cut.coordinates().data(), whole.coordinates().size() * 8),
            0);
  o.seed = 10;
  ASSERT_TRUE(other.init(m, o, error));
  other.step(60);
  EXPECT_NE(
      std::memcmp(whole.coordinates().data(), other.coordinates().data(), whole.coordinates().size() * 8), 0);
  // Three dimensions.
  Umap three;
  o.dims = 3;
  ASSERT_TRUE(three.init(m, o, error));
  three.step(60);
  EXPECT_EQ(three.coordinates().size(), 1200u);
  EXPECT_GE(testing_data::vote_accuracy(three.coordinates(), 3, label), 0.95);
}

TEST(Umap, TooFewPointsIsAnError) {
  Matrix m;
  m.rows = 3;
  m.dims = 1;
  m.values = {0, 1, 2};
  Umap u;
  std::string error;
  EXPECT_FALSE(u.init(m, {}, error));
  EXPECT_EQ(error, "UMAP needs at least 4 points");
}

}  // namespace
}  // namespace el::embed
