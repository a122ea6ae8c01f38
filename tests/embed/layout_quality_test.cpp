// The quality tests of t-SNE and UMAP on data with known structure: a
// mixture of 10 Gaussian clusters in 50 dimensions, 5,000 points, a fixed seed.
//   - t-SNE (Barnes-Hut, 1,000 iterations) keeps at least 0.9 of the
//     10-nearest-neighbour preservation of a brute-force reference: t-SNE
//     written out here with exact gradients (every pair) and the library's exp;
//   - its KL divergence falls at every measure after the early exaggeration;
//   - a 10-nearest-neighbour vote on the 2-D layout finds the cluster of >= 95%
//     of the points, for t-SNE and for UMAP.
// Seconds of work in a release build, minutes under the sanitizers, so these
// run in the native release build only (el_quality_tests; scripts/test).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>

#include "embed/clusters.h"
#include "embed/knn.h"
#include "embed/tsne.h"
#include "embed/umap.h"

namespace el::embed {
namespace {

constexpr std::size_t kPoints = 5000, kDims = 50;
constexpr int kClusters = 10;

// Cluster centres N(0, 4^2) per coordinate, points N(centre, 1): clusters
// ~28 apart against a spread of ~7 within each.
Matrix mixture(std::vector<int>& label) {
  std::mt19937 gen(2024);
  std::normal_distribution<double> noise(0, 1);
  std::vector<double> centres(kClusters * kDims);
  for (double& c : centres) c = noise(gen) * 4;
  Matrix m;
  m.rows = kPoints;
  m.dims = kDims;
  label.resize(kPoints);
  for (std::size_t i = 0; i < kPoints; ++i) {
    label[i] = static_cast<int>(i % kClusters);
    for (std::size_t d = 0; d < kDims; ++d)
      m.values.push_back(static_cast<float>(centres[label[i] * kDims + d] + noise(gen)));
  }
  return m;
}

// Each point's k nearest others in `x` (n x d doubles), by brute force.
std::vector<std::vector<std::uint32_t>> nearest(const std::vector<double>& x, std::size_t n, std::size_t d,
                                                std::size_t k) {
  std::vector<std::vector<std::uint32_t>> out(n);
  std::vector<std::pair<double, std::uint32_t>> all(n);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      double s = 0;
      for (std::size_t c = 0; c < d; ++c) s += (x[i * d + c] - x[j * d + c]) * (x[i * d + c] - x[j * d + c]);
      all[j] = {j == i ? INFINITY : s, static_cast<std::uint32_t>(j)};
    }
    std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(k), all.end());
    for (std::size_t j = 0; j < k; ++j) out[i].push_back(all[j].second);
  }
  return out;
}

// The share of each point's 10 nearest in the data that are among its 10 nearest in the layout.
double preservation(const std::vector<std::vector<std::uint32_t>>& data_nn, const std::vector<double>& y,
                    int dims) {
  const auto layout_nn = nearest(y, data_nn.size(), static_cast<std::size_t>(dims), 10);
  std::size_t kept = 0;
  for (std::size_t i = 0; i < data_nn.size(); ++i)
    for (std::uint32_t j : data_nn[i])
      kept += std::find(layout_nn[i].begin(), layout_nn[i].end(), j) != layout_nn[i].end();
  return static_cast<double>(kept) / (10.0 * data_nn.size());
}

// The sum over every point j of q_ij = 1 / (1 + |y_i - y_j|^2), and of q^2 (y_i - y_j) into `f`.
// A function of its own, so the compiler vectorises this loop (and not the one around it).
[[gnu::noinline]] float repulsion_row(const float* xs, const float* ys, std::size_t n, float xi, float yi,
                                      float* f) {
  float fx = 0, fy = 0, z = 0;
  for (std::size_t j = 0; j < n; ++j) {
    const float dx = xi - xs[j], dy = yi - ys[j];
    const float q = 1.0f / (1.0f + dx * dx + dy * dy);
    z += q;
    fx += q * q * dx;
    fy += q * q * dy;
  }
  f[0] = fx;
  f[1] = fy;
  return z;
}

// t-SNE with exact gradients: the input affinities from each point's 3 x
// perplexity nearest (bisection with std::exp), the repulsion summed over every
// pair; the same schedule as embed/tsne (exaggeration 12 for 250 iterations,
// momentum 0.5 then 0.8, gains, learning rate max(200, n / 12)).
std::vector<double> brute_force_tsne(const Matrix& m, double perplexity, int iterations, std::uint64_t seed) {
  const std::size_t n = m.rows, k = static_cast<std::size_t>(3 * perplexity);
  std::vector<double> x(m.values.begin(), m.values.end());
  const auto nn = nearest(x, n, m.dims, k);
  std::vector<std::map<std::uint32_t, double>> p(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<double> d(k), w(k);
    for (std::size_t j = 0; j < k; ++j) {
      double s = 0;
      for (std::size_t c = 0; c < m.dims; ++c)
        s += (x[i * m.dims + c] - x[nn[i][j] * m.dims + c]) * (x[i * m.dims + c] - x[nn[i][j] * m.dims + c]);
      d[j] = s;
    }
    double lo = 0, hi = INFINITY, beta = 1;
    for (int it = 0; it < 200; ++it) {
      double sum = 0, h = 0;
      for (std::size_t j = 0; j < k; ++j) sum += w[j] = std::exp(-beta * (d[j] - d[0]));
      for (std::size_t j = 0; j < k; ++j) h += w[j] / sum * beta * (d[j] - d[0]);
      h += std::log(sum);
      if (std::fabs(std::exp(h) - perplexity) < 1e-5 * perplexity) break;
      if (std::exp(h) > perplexity) {
        lo = beta;
        beta = hi == INFINITY ? beta * 2 : (beta + hi) / 2;
      } else {
        hi = beta;
        beta = (beta + lo) / 2;
      }
    }
    double sum = 0;
    for (double v : w) sum += v;
    for (std::size_t j = 0; j < k; ++j) {
      p[i][nn[i][j]] += w[j] / sum / (2.0 * n);
      p[nn[i][j]][static_cast<std::uint32_t>(i)] += w[j] / sum / (2.0 * n);
    }
  }
  // As rows of (column, p_ij) for the attraction loop.
  std::vector<std::size_t> row_start(n + 1, 0);
  std::vector<std::pair<std::uint32_t, double>> entries;
  for (std::size_t i = 0; i < n; ++i) {
    entries.insert(entries.end(), p[i].begin(), p[i].end());
    row_start[i + 1] = entries.size();
  }
  std::mt19937_64 gen(seed);
  std::uniform_real_distribution<double> start(-1e-4, 1e-4);
  std::vector<double> y(n * 2), update(n * 2, 0), gains(n * 2, 1), grad(n * 2), rep(n * 2);
  std::vector<float> ys(n * 2);
  for (double& v : y) v = start(gen);
  const double rate = std::max(200.0, n / 12.0);
  for (int it = 0; it < iterations; ++it) {
    const double exaggeration = it < 250 ? 12 : 1, momentum = it < 250 ? 0.5 : 0.8;
    // The repulsion over every pair, in floats, row by row (a loop the compiler
    // vectorises: this file is built with reassociation allowed).
    for (std::size_t i = 0; i < n; ++i) {
      ys[i] = static_cast<float>(y[2 * i]);
      ys[n + i] = static_cast<float>(y[2 * i + 1]);
    }
    double z = 0;
    for (std::size_t i = 0; i < n; ++i) {
      float f[2];
      z += repulsion_row(ys.data(), ys.data() + n, n, ys[i], ys[n + i], f) - 1;  // less its own q = 1
      rep[2 * i] = f[0];
      rep[2 * i + 1] = f[1];
    }
    for (std::size_t i = 0; i < n; ++i) {
      double ax = 0, ay = 0;
      for (std::size_t e = row_start[i]; e < row_start[i + 1]; ++e) {
        const auto [j, pij] = entries[e];
        const double dx = y[2 * i] - y[2 * j], dy = y[2 * i + 1] - y[2 * j + 1];
        const double q = 1 / (1 + dx * dx + dy * dy);
        ax += pij * q * dx;
        ay += pij * q * dy;
      }
      grad[2 * i] = 4 * (exaggeration * ax - rep[2 * i] / z);
      grad[2 * i + 1] = 4 * (exaggeration * ay - rep[2 * i + 1] / z);
    }
    for (std::size_t c = 0; c < y.size(); ++c) {
      gains[c] = (grad[c] > 0) == (update[c] > 0) ? std::max(0.01, gains[c] * 0.8) : gains[c] + 0.2;
      update[c] = momentum * update[c] - rate * gains[c] * grad[c];
      y[c] += update[c];
    }
  }
  return y;
}

class LayoutQuality : public testing::Test {
 protected:
  static void SetUpTestSuite() {
    data_ = new Matrix(mixture(labels_));
    std::vector<double> x(data_->values.begin(), data_->values.end());
    data_nn_ = nearest(x, kPoints, kDims, 10);
  }
  static void TearDownTestSuite() { delete data_; }
  static Matrix* data_;
  static std::vector<int> labels_;
  static std::vector<std::vector<std::uint32_t>> data_nn_;
};
Matrix* LayoutQuality::data_ = nullptr;
std::vector<int> LayoutQuality::labels_;
std::vector<std::vector<std::uint32_t>> LayoutQuality::data_nn_;

TEST_F(LayoutQuality, TsneKeepsNeighboursLikeTheBruteForceReferenceAndTheKlFalls) {
  Tsne t;
  std::string error;
  TsneOptions o;
  o.seed = 5;
  ASSERT_TRUE(t.init(*data_, o, error)) << error;
  EXPECT_EQ(t.options().perplexity, 18);  // max(5, ceil(sqrt(5000) / 4)) = ceil(17.68)
  t.step(o.exaggeration_iterations + 10);
  std::vector<double> kl{t.kl_divergence()};
  while (t.iteration() < 1000) {
    t.step(50);
    kl.push_back(t.kl_divergence());
  }
  for (std::size_t i = 1; i < kl.size(); ++i) EXPECT_LE(kl[i], kl[i - 1]) << "at iteration " << 260 + 50 * i;
  const double ours = preservation(data_nn_, t.coordinates(), 2);
  const double reference = preservation(data_nn_, brute_force_tsne(*data_, 18, 1000, 5), 2);
  std::printf(
      "10-NN preservation: Barnes-Hut t-SNE %.4f, brute-force t-SNE %.4f (ratio %.3f); KL %.4f -> %.4f\n",
      ours, reference, ours / reference, kl.front(), kl.back());
  EXPECT_GE(ours, 0.9 * reference);
  EXPECT_GE(testing_data::vote_accuracy(t.coordinates(), 2, labels_), 0.95);
}

TEST_F(LayoutQuality, UmapSeparatesTheClustersAsWell) {
  Umap u;
  std::string error;
  UmapOptions o;
  o.seed = 5;
  ASSERT_TRUE(u.init(*data_, o, error)) << error;
  EXPECT_EQ(u.epochs(), 400);  // umap-js: 400 for 2,501 .. 5,000 points
  u.step(u.epochs());
  const double accuracy = testing_data::vote_accuracy(u.coordinates(), 2, labels_);
  std::printf("UMAP: 10-NN vote %.4f, 10-NN preservation %.4f\n", accuracy,
              preservation(data_nn_, u.coordinates(), 2));
  EXPECT_GE(accuracy, 0.95);
}

TEST_F(LayoutQuality, ApproximateNeighboursGiveTheSameQuality) {
  // Forcing the approximate graph on the same data: its recall, and t-SNE and UMAP on it.
  KnnOptions k;
  k.k = 54;
  k.method = KnnMethod::kApproximate;
  const KnnGraph g = build_knn(*data_, k);
  const double recall = knn_recall(*data_, g, 500);
  std::printf("approximate 54-NN graph of 5000 x 50: recall %.4f\n", recall);
  EXPECT_GE(recall, 0.95);
  Tsne t;
  std::string error;
  TsneOptions o;
  o.seed = 5;
  ASSERT_TRUE(t.init(*data_, o, error, KnnMethod::kApproximate));
  t.step(1000);
  EXPECT_GE(testing_data::vote_accuracy(t.coordinates(), 2, labels_), 0.95);
  Umap u;
  ASSERT_TRUE(u.init(*data_, {}, error, KnnMethod::kApproximate));
  u.step(u.epochs());
  EXPECT_GE(testing_data::vote_accuracy(u.coordinates(), 2, labels_), 0.95);
}

}  // namespace
}  // namespace el::embed
