// Distributions: TensorBoard's compressed histogram (plugins/distribution/
// compressor.py), the value at nine basis points of the cumulative count.
#pragma once
#include <array>
#include <cstddef>
#include <span>
#include <vector>

namespace el::aggregate {

// Basis points (of 10000): the normal CDF at -inf, -1.5σ, -1σ, -0.5σ, 0, +0.5σ, +1σ, +1.5σ, +inf.
inline constexpr std::array<double, 9> kBasisPoints = {0, 668, 1587, 3085, 5000, 6915, 8413, 9332, 10000};

// rows: (left, right, count) triples in ascending order. An empty histogram
// gives zeros, as TensorBoard does.
std::array<double, 9> compress_histogram(std::span<const double> rows);
// The same, with the cumulative weights kept in `scratch` (no allocation once warm).
std::array<double, 9> compress_histogram(std::span<const double> rows, std::vector<double>& scratch);

// numpy's float64 sum of values `stride` apart (pairwise: eight running sums
// inside blocks of 128, halves above that). TensorBoard totals the counts with
// it, and a plain running sum can differ from it in the last bit.
double numpy_sum(const double* values, std::size_t n, std::size_t stride = 1);

}  // namespace el::aggregate
