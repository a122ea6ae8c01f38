// embed/pca: PCA of every corpus embedding equals NumPy's SVD
// (tests/tools/pca_facts.py -> tests/data/pca_facts.tsv) to 1e-4, with and
// without sphereizing; a hand-worked case for the projection.
#include "embed/pca.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <sstream>

#include "embed/discovery.h"
#include "io/disk_files.h"
#include "support/test_files.h"

namespace el::embed {
namespace {

std::vector<double> numbers(const std::string& csv) {
  std::vector<double> v;
  std::stringstream ss(csv);
  std::string x;
  while (std::getline(ss, x, ',')) v.push_back(std::stod(x));
  return v;
}

TEST(Pca, PointsOnALineHaveOneComponentAndKnownCoordinates) {
  Matrix m;
  m.rows = 3;
  m.dims = 2;
  m.values = {0, 0, 2, 2, 4, 4};
  Pca p;
  std::string error;
  ASSERT_TRUE(compute_pca(m, {}, p, error)) << error;
  ASSERT_EQ(p.components, 2u);
  EXPECT_NEAR(p.shares()[0], 1.0, 1e-12);
  EXPECT_NEAR(p.variance[0], 8.0, 1e-12) << "squared distances along the line: (8 + 0 + 8) / (3 - 1)";
  EXPECT_NEAR(p.axes[0], std::sqrt(0.5), 1e-12);
  EXPECT_NEAR(p.axes[1], std::sqrt(0.5), 1e-12);
  const std::size_t first[] = {0};
  const std::vector<float> xy = project(m, p, first);
  ASSERT_EQ(xy.size(), 3u);
  EXPECT_NEAR(xy[0], -2 * std::sqrt(2.0), 1e-6);
  EXPECT_NEAR(xy[1], 0, 1e-6);
  EXPECT_NEAR(xy[2], 2 * std::sqrt(2.0), 1e-6);
  m.rows = 1;
  m.values.resize(2);
  EXPECT_FALSE(compute_pca(m, {}, p, error));
  EXPECT_EQ(error, "PCA needs at least two points");
}

TEST(Pca, EveryCorpusEmbeddingEqualsNumPysSvd) {
  const auto facts = testing::read_tsv(testing::test_data_dir() + "/pca_facts.tsv");
  ASSERT_EQ(facts.size(), 28u) << "14 embeddings, sphereized and not";
  std::map<std::string, Matrix> loaded;  // case + name -> points
  for (const auto& f : facts) {
    ASSERT_EQ(f.size(), 8u);
    SCOPED_TRACE(f[0] + " " + f[1] + " sphereize=" + f[2]);
    const std::string key = f[0] + "\n" + f[1];
    if (!loaded.count(key)) {
      io::DiskFiles files(testing::corpus_dir() + "/" + f[0]);
      const Discovery d = discover_embeddings(files);
      const Embedding* e = nullptr;
      for (const Embedding& x : d.embeddings)
        if (x.name == f[1]) e = &x;
      ASSERT_NE(e, nullptr);
      std::string error;
      ASSERT_TRUE(load_points(files, *e, loaded[key], error)) << error;
    }
    Pca p;
    std::string error;
    ASSERT_TRUE(compute_pca(loaded[key], {f[2] == "1", 10}, p, error)) << error;
    ASSERT_EQ(std::to_string(p.components), f[3]);
    const std::vector<double> shares = numbers(f[4]), got = p.shares();
    for (std::size_t k = 0; k < shares.size(); ++k) EXPECT_NEAR(got[k], shares[k], 1e-4) << "share " << k;
    for (std::size_t c = 0; c < 3; ++c) {
      const std::vector<double> want = numbers(f[5 + c]);
      ASSERT_EQ(want.size(), p.dims);
      for (std::size_t d = 0; d < p.dims; ++d)
        EXPECT_NEAR(p.axes[c * p.dims + d], want[d], 1e-4) << "component " << c + 1 << ", dim " << d;
    }
  }
}

}  // namespace
}  // namespace el::embed
