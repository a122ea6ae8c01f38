// Histogram re-binning against tests/data/rebin_facts.tsv, which
// tests/tools/rebin_facts.py derives from the corpus on its own, and edge cases
// worked out by hand.
#include "aggregate/rebin.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <limits>
#include <map>

#include "aggregate/distribution.h"
#include "aggregate/histogram_series.h"
#include "io/loader.h"
#include "store/store.h"
#include "support/test_files.h"

namespace el::aggregate {
namespace {

std::vector<double> numbers(const std::string& csv) {
  std::vector<double> out;
  if (csv.empty()) return out;
  for (std::size_t at = 0; at <= csv.size();) {
    const std::size_t comma = std::min(csv.find(',', at), csv.size());
    out.push_back(std::strtod(csv.substr(at, comma - at).c_str(), nullptr));
    at = comma + 1;
  }
  return out;
}

// Equal bit for bit, NaN equal to NaN.
::testing::AssertionResult same(std::span<const double> got, std::span<const double> want) {
  if (got.size() != want.size())
    return ::testing::AssertionFailure() << "size " << got.size() << " != " << want.size();
  for (std::size_t i = 0; i < got.size(); ++i)
    if (!(got[i] == want[i] || (std::isnan(got[i]) && std::isnan(want[i]))))
      return ::testing::AssertionFailure() << "[" << i << "] " << got[i] << " != " << want[i];
  return ::testing::AssertionSuccess();
}

TEST(Rebin, CorpusHistogramsMatchTheIndependentScript) {
  auto rows = el::testing::read_tsv(el::testing::test_data_dir() + "/rebin_facts.tsv");
  ASSERT_GE(rows.size(), 40u);
  std::map<std::string, std::vector<std::vector<std::string>>> by_root;
  for (auto& r : rows) by_root[r[0]].push_back(r);
  for (const auto& [root, expected] : by_root) {
    store::Store st;
    ASSERT_TRUE(io::load_paths({el::testing::corpus_dir() + "/" + root}, st));
    for (const auto& r : expected) {
      SCOPED_TRACE(root + " " + r[1] + " / " + r[2]);
      const store::Series& s = st.runs().at(r[1]).tags.at(r[2]);
      const auto vis = store::visible_indices(s.steps);
      ASSERT_EQ(vis.size(), std::stoull(r[3]));
      std::vector<std::vector<double>> all(vis.size());
      std::vector<std::span<const double>> spans;
      for (std::size_t i = 0; i < vis.size(); ++i) {
        s.histogram(vis[i]).rows(all[i]);
        spans.emplace_back(all[i]);
      }
      const auto range = rebin_range(spans);
      ASSERT_TRUE(range.has_value());
      EXPECT_EQ(range->first, std::strtod(r[4].c_str(), nullptr));
      EXPECT_EQ(range->second, std::strtod(r[5].c_str(), nullptr));
      EXPECT_EQ(s.steps[vis.back()], std::stoll(r[6]));
      std::vector<double> counts;
      rebin(all.back(), range->first, range->second, kDefaultHistogramBins, counts);
      EXPECT_TRUE(same(counts, numbers(r[7])));
      const auto bps = compress_histogram(all.back());
      EXPECT_TRUE(same(bps, numbers(r[8])));
      // The dashboards' path: the whole series aggregated at once.
      HistogramSeries agg;
      ASSERT_TRUE(aggregate_histograms(s, kDefaultHistogramBins, false, agg));
      ASSERT_EQ(agg.size(), vis.size());
      EXPECT_EQ(agg.left, range->first);
      EXPECT_EQ(agg.right, range->second);
      EXPECT_EQ(agg.steps.back(), std::stoll(r[6]));
      EXPECT_TRUE(same({agg.row(agg.size() - 1), static_cast<std::size_t>(agg.bins)}, numbers(r[7])));
      EXPECT_TRUE(same(agg.percentiles.back(), numbers(r[8])));
      EXPECT_FALSE(aggregate_histograms(s, kDefaultHistogramBins, false, agg));  // same version: kept
    }
  }
}

// Edge cases, with expected values from rebin_facts.py --edges.
TEST(Rebin, EdgeCasesMatchTheIndependentScript) {
  auto rows = el::testing::read_tsv(el::testing::test_data_dir() + "/histogram_edge_facts.tsv");
  ASSERT_EQ(rows.size(), 11u);
  for (auto& r : rows) {
    r.resize(6);
    SCOPED_TRACE(r[0]);
    const std::vector<double> input = numbers(r[1]);
    const double left = std::strtod(r[2].c_str(), nullptr), right = std::strtod(r[3].c_str(), nullptr);
    const std::span<const double> one[] = {input};
    const auto range = rebin_range(one);
    ASSERT_EQ(range.has_value(), !input.empty());
    if (range) {
      EXPECT_EQ(range->first, left);
      EXPECT_EQ(range->second, right);
    }
    std::vector<double> counts;
    rebin(input, left, right, kDefaultHistogramBins, counts);
    EXPECT_TRUE(same(counts, numbers(r[4])));
    EXPECT_TRUE(same(compress_histogram(input), numbers(r[5])));
  }
}

TEST(Rebin, TwoBucketsIntoTwoBins) {
  // [0,1):5 and [1,3):10 over [0,3] in 2 bins of 1.5: bin 0 gets 5 + 10*0.5/2 = 7.5,
  // bin 1 gets 10*1.5/2 = 7.5.
  const std::vector<double> rows{0, 1, 5, 1, 3, 10};
  std::vector<double> c;
  rebin(rows, 0, 3, 2, c);
  EXPECT_EQ(c, (std::vector<double>{7.5, 7.5}));
}

TEST(Rebin, ZeroWidthBucketsGoWhollyIntoTheBinHoldingThem) {
  // A zero-width bucket at x=1 on the boundary of bins [0,1) and [1,2]: the
  // later bin holds it. At x=2 (the right end) the last bin, closed, holds it.
  std::vector<double> c;
  rebin(std::vector<double>{1, 1, 20}, 0, 2, 2, c);
  EXPECT_EQ(c, (std::vector<double>{0, 20}));
  rebin(std::vector<double>{2, 2, 4}, 0, 2, 2, c);
  EXPECT_EQ(c, (std::vector<double>{0, 4}));
  rebin(std::vector<double>{0.5, 0.5, 3}, 0, 2, 2, c);
  EXPECT_EQ(c, (std::vector<double>{3, 0}));
}

TEST(Rebin, AllValuesEqualWidenTheRange) {
  // One zero-width bucket at 5: the range becomes [5/1.1 - 1, 5*1.1 + 1].
  const std::vector<double> rows{5, 5, 7};
  const std::span<const double> one[] = {rows};
  const auto range = rebin_range(one);
  ASSERT_TRUE(range.has_value());
  EXPECT_DOUBLE_EQ(range->first, 5 / 1.1 - 1);
  EXPECT_DOUBLE_EQ(range->second, 6.5);
  std::vector<double> c;
  rebin(rows, range->first, range->second, 30, c);
  double total = 0;
  for (double x : c) total += x;
  EXPECT_EQ(total, 7);
}

TEST(Rebin, EmptyHistogramsHaveNoRangeAndZeroCounts) {
  const std::vector<double> empty;
  const std::span<const double> none[] = {empty, empty};
  EXPECT_FALSE(rebin_range(none).has_value());
  std::vector<double> c;
  rebin(empty, 0, 1, 4, c);
  EXPECT_EQ(c, (std::vector<double>{0, 0, 0, 0}));
}

TEST(Rebin, NonFiniteCountsStayInTheirBins) {
  std::vector<double> c;
  rebin(std::vector<double>{0, 1, std::numeric_limits<double>::infinity(), 1, 2, 2}, 0, 2, 2, c);
  EXPECT_TRUE(std::isinf(c[0]));
  EXPECT_EQ(c[1], 2);
}

}  // namespace
}  // namespace el::aggregate
