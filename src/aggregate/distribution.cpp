#include "aggregate/distribution.h"

#include <algorithm>
#include <vector>

namespace el::aggregate {

double numpy_sum(const double* values, std::size_t n, std::size_t stride) {
  if (n < 8) {
    double total = 0;
    for (std::size_t i = 0; i < n; ++i) total += values[i * stride];
    return total;
  }
  if (n <= 128) {
    double acc[8];
    for (std::size_t j = 0; j < 8; ++j) acc[j] = values[j * stride];
    std::size_t i = 8;
    for (; i < n - n % 8; i += 8)
      for (std::size_t j = 0; j < 8; ++j) acc[j] += values[(i + j) * stride];
    double total = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
    for (; i < n; ++i) total += values[i * stride];
    return total;
  }
  std::size_t half = n / 2;
  half -= half % 8;
  return numpy_sum(values, half, stride) + numpy_sum(values + half * stride, n - half, stride);
}

// Rule (semantics doc §9): scale cumulative counts to 10000 (of numpy's total); locate each basis
// point with searchsorted(side=right) in the cumulative weights, skipping empty
// buckets; interpolate linearly inside the bucket, the left end clamped to the
// histogram's min (the first bucket starts at min), the right end to its max;
// basis points left over get the max.
std::array<double, 9> compress_histogram(std::span<const double> rows) {
  std::vector<double> scratch;
  return compress_histogram(rows, scratch);
}

std::array<double, 9> compress_histogram(std::span<const double> rows, std::vector<double>& weights) {
  std::array<double, 9> out{};
  const std::size_t k = rows.size() / 3;
  if (k == 0) return out;
  const double minmin = rows[0], maxmax = rows[(k - 1) * 3 + 1];
  double total = numpy_sum(rows.data() + 2, k, 3);
  if (total == 0) total = 1.0;
  weights.resize(k);
  double acc = 0;
  for (std::size_t i = 0; i < k; ++i) {
    acc += rows[i * 3 + 2] * kBasisPoints.back() / total;
    weights[i] = acc;
  }
  std::size_t bp = 0;
  while (bp < kBasisPoints.size()) {
    const double target = kBasisPoints[bp];
    std::size_t i =
        static_cast<std::size_t>(std::upper_bound(weights.begin(), weights.end(), target) - weights.begin());
    bool placed = false;
    for (; i < k; ++i) {
      const double cum = weights[i];
      const double prev = i > 0 ? weights[i - 1] : 0.0;
      if (cum == prev) continue;  // empty bucket: nothing to interpolate in
      const double lhs = (i == 0 || prev == 0) ? minmin : std::max(rows[(i - 1) * 3 + 1], minmin);
      const double rhs = std::min(rows[i * 3 + 1], maxmax);
      out[bp] = lhs + (target - prev) * (rhs - lhs) / (cum - prev);
      placed = true;
      break;
    }
    if (!placed) break;
    ++bp;
  }
  for (; bp < kBasisPoints.size(); ++bp) out[bp] = maxmax;
  return out;
}

}  // namespace el::aggregate
