// Nearest neighbours of one point in the embedding's own space (not the
// projection), by cosine or euclidean distance, over every point: a linear
// scan keeping the k best (100,000 x 128 is about 13 million multiply-adds).
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "embed/tsv.h"

namespace el::embed {

enum class Distance : std::uint8_t { kCosine, kEuclidean };

struct Neighbor {
  std::uint32_t index = 0;
  float distance = 0;  // cosine: 1 - cos(angle), 0 .. 2; euclidean: the length of the difference
};

// Each point's length, computed once per embedding for cosine distances.
std::vector<float> row_norms(const Matrix& m);

// The `k` points nearest to `point` (itself excluded), nearest first; ties by
// index. `norms` (from row_norms) is needed for kCosine. Zero-length points
// are at distance 1 from everything by cosine.
std::vector<Neighbor> nearest(const Matrix& m, std::size_t point, std::size_t k, Distance distance,
                              const std::vector<float>& norms);

}  // namespace el::embed
