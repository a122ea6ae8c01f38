#include "aggregate/distribution.h"

#include <gtest/gtest.h>

namespace el::aggregate {
namespace {

// Expected values worked by hand from the rule in the semantics doc §9.
TEST(Distribution, EmptyHistogramGivesZeros) {
  auto bps = compress_histogram({});
  for (double v : bps) EXPECT_EQ(v, 0.0);
}

TEST(Distribution, OneBucketInterpolatesAcrossItsRange) {
  // One bucket [0, 10] with 4 counts: weights = [10000]; bp b sits at b/10000 of the range.
  const double rows[] = {0, 10, 4};
  auto bps = compress_histogram(rows);
  EXPECT_DOUBLE_EQ(bps[0], 0.0);
  EXPECT_DOUBLE_EQ(bps[1], 0.668);
  EXPECT_DOUBLE_EQ(bps[4], 5.0);
  EXPECT_DOUBLE_EQ(bps[7], 9.332);
  EXPECT_DOUBLE_EQ(bps[8], 10.0);
}

TEST(Distribution, TwoBucketsSplitAtTheBoundary) {
  // [0,1]:1 and [1,3]:3 -> weights [2500, 10000].
  // bp 0 -> first bucket, lhs=min=0: 0. bp 668 -> 0 + 668/2500 = 0.2672.
  // bp 5000 -> second bucket: lhs = 1, rhs = 3: 1 + (5000-2500)*2/7500 = 1.666...
  // bp 10000: searchsorted(right) passes the end -> max = 3.
  const double rows[] = {0, 1, 1, 1, 3, 3};
  auto bps = compress_histogram(rows);
  EXPECT_DOUBLE_EQ(bps[0], 0.0);
  EXPECT_DOUBLE_EQ(bps[1], 0.2672);
  EXPECT_DOUBLE_EQ(bps[3], 1.0 + (3085.0 - 2500.0) * 2.0 / 7500.0);
  EXPECT_DOUBLE_EQ(bps[4], 1.0 + 2500.0 * 2.0 / 7500.0);
  EXPECT_DOUBLE_EQ(bps[8], 3.0);
}

TEST(Distribution, EmptyBucketsAreSkipped) {
  // [0,1]:0, [1,2]:2, [2,3]:0 -> weights [0, 10000, 10000]; bp 0 lands in bucket 0
  // (searchsorted right of 0 is 1) -> bucket 1 with prev 0: lhs = min = 0, rhs = 2.
  const double rows[] = {0, 1, 0, 1, 2, 2, 2, 3, 0};
  auto bps = compress_histogram(rows);
  EXPECT_DOUBLE_EQ(bps[0], 0.0);
  EXPECT_DOUBLE_EQ(bps[4], 1.0);
  EXPECT_DOUBLE_EQ(bps[8], 3.0);
}

// numpy's pairwise total differs from a running sum for long fractional
// inputs; it must equal the reference formula (8 interleaved sums per block of
// 128, halves at multiples of 8) worked here by hand for a small case.
TEST(Distribution, NumpySumIsPairwise) {
  std::vector<double> v(20);
  for (std::size_t i = 0; i < v.size(); ++i) v[i] = 0.1 * static_cast<double>(i + 1);
  double acc[8];
  for (int j = 0; j < 8; ++j) acc[j] = v[j] + v[8 + j];
  double want = ((acc[0] + acc[1]) + (acc[2] + acc[3])) + ((acc[4] + acc[5]) + (acc[6] + acc[7]));
  for (std::size_t i = 16; i < 20; ++i) want += v[i];
  EXPECT_EQ(numpy_sum(v.data(), v.size()), want);
  const double three[] = {1.5, 2.25, 4.0};
  EXPECT_EQ(numpy_sum(three, 3), 7.75);
}

}  // namespace
}  // namespace el::aggregate
