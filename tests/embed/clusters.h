// Test data with known structure for the layouts and the neighbour graph:
// Gaussian blobs around random centres, and how well a layout keeps them apart.
#pragma once
#include <algorithm>
#include <cstddef>
#include <map>
#include <random>
#include <vector>

#include "embed/tsv.h"

namespace el::embed::testing_data {

// `n` points in `clusters` blobs (unit spread) whose centres are N(0, spread^2)
// per coordinate, in `dims` dimensions; point i is in blob i % clusters (into
// `label` when given).
inline Matrix blobs(std::size_t n, std::size_t dims, int clusters, float spread, unsigned seed,
                    std::vector<int>* label = nullptr) {
  std::mt19937 gen(seed);
  std::normal_distribution<float> noise(0, 1);
  std::vector<float> centres(clusters * dims);
  for (float& c : centres) c = noise(gen) * spread;
  Matrix m;
  m.rows = n;
  m.dims = dims;
  if (label) label->resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const int l = static_cast<int>(i % clusters);
    if (label) (*label)[i] = l;
    for (std::size_t d = 0; d < dims; ++d) m.values.push_back(centres[l * dims + d] + noise(gen));
  }
  return m;
}

// Leave-one-out 10-nearest-neighbour vote on a layout (n x d): the share of
// points whose neighbours' most common label (the lowest on a tie) is their own.
inline double vote_accuracy(const std::vector<double>& y, int d, const std::vector<int>& label) {
  const std::size_t n = label.size();
  std::size_t right = 0;
  std::vector<std::pair<double, int>> near;
  for (std::size_t i = 0; i < n; ++i) {
    near.clear();
    for (std::size_t j = 0; j < n; ++j) {
      if (j == i) continue;
      double s = 0;
      for (int k = 0; k < d; ++k) s += (y[i * d + k] - y[j * d + k]) * (y[i * d + k] - y[j * d + k]);
      near.push_back({s, label[j]});
    }
    std::partial_sort(near.begin(), near.begin() + 10, near.end());
    std::map<int, int> votes;
    for (int k = 0; k < 10; ++k) ++votes[near[k].second];
    int best = -1, most = 0;
    for (const auto& [l, v] : votes)
      if (v > most) best = l, most = v;
    right += best == label[i];
  }
  return static_cast<double>(right) / static_cast<double>(n);
}

}  // namespace el::embed::testing_data
