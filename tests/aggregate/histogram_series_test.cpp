// The dashboards' aggregation of a whole histogram series: restart view,
// common range, re-binned rows, percentiles, and the cache's pacing while a
// series grows. Expected values worked by hand.
#include "aggregate/histogram_series.h"

#include <gtest/gtest.h>

#include "proto/event.pb.h"
#include "record/record_writer.h"

namespace el::aggregate {
namespace {

// One TF2-style histogram event: rows of (left, right, count).
std::string hist_record(std::int64_t step, std::initializer_list<double> rows) {
  pb::Event e;
  e.set_step(step);
  e.set_wall_time(1000.0 + static_cast<double>(step));
  auto* v = e.mutable_summary()->add_value();
  v->set_tag("h");
  v->mutable_metadata()->mutable_plugin_data()->set_plugin_name("histograms");
  auto* t = v->mutable_tensor();
  t->set_dtype(pb::DT_DOUBLE);
  t->mutable_tensor_shape()->add_dim()->set_size(static_cast<std::int64_t>(rows.size() / 3));
  t->mutable_tensor_shape()->add_dim()->set_size(3);
  for (double d : rows) t->add_double_val(d);
  std::string out;
  record::append_record(out, e.SerializeAsString());
  return out;
}

void feed(store::Store& st, store::FileId id, const std::string& bytes) {
  st.feed(id, {reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()});
}

TEST(HistogramSeries, RebinsEveryShownRecordOverTheCommonRange) {
  store::Store st;
  const store::FileId id = st.add_file("run/events.out.tfevents.1", 0);
  feed(st, id, hist_record(1, {0, 1, 4, 1, 2, 4}));  // [0,2]: 8 values
  feed(st, id, hist_record(2, {-2, 0, 10}));         // [-2,0]: 10 values
  feed(st, id, hist_record(3, {}));                  // empty
  const store::Series& s = st.runs().at("run").tags.at("h");
  HistogramSeries a;
  ASSERT_TRUE(aggregate_histograms(s, 10, false, a));
  ASSERT_EQ(a.size(), 3u);
  EXPECT_EQ(a.steps, (std::vector<std::int64_t>{1, 2, 3}));
  EXPECT_EQ(a.walls[1], 1002.0);
  EXPECT_TRUE(a.has_range);
  EXPECT_EQ(a.left, -2.0);
  EXPECT_EQ(a.right, 2.0);
  // 10 bins of 0.4 over [-2, 2]. Record 1: [0,1] holds 4 -> 1.6 per 0.4 in
  // bins 5, 6, and bin 7 = [0.8,1.2] gets half from each bucket. (Bin 4 ends
  // at -2 + 4*0.4 + 0.4, a hair above 0, so it touches [0,1] by rounding.)
  const double* r1 = a.row(0);
  EXPECT_NEAR(r1[4], 0.0, 1e-12);
  EXPECT_DOUBLE_EQ(r1[5], 1.6);
  EXPECT_DOUBLE_EQ(r1[6], 1.6);
  EXPECT_DOUBLE_EQ(r1[7], 1.6);  // 0.8 from [0,1] and 0.8 from [1,2]
  EXPECT_DOUBLE_EQ(r1[9], 1.6);
  double total = 0;
  for (int b = 0; b < 10; ++b) total += a.row(1)[b];
  EXPECT_DOUBLE_EQ(total, 10.0);
  for (int b = 0; b < 10; ++b) EXPECT_EQ(a.row(2)[b], 0.0);
  EXPECT_DOUBLE_EQ(a.max_count, 2.0);  // record 2: 10 values over 5 bins
  // Percentiles: record 2 is one bucket [-2, 0]: the median is -1.
  EXPECT_DOUBLE_EQ(a.percentiles[1][4], -1.0);
  EXPECT_EQ(a.percentiles[2][4], 0.0);  // empty: zeros, as TensorBoard
  EXPECT_EQ(a.low, -2.0);               // ...but zeros of empty records are not data
  EXPECT_EQ(a.high, 2.0);
}

TEST(HistogramSeries, RestartHidesRecordsUnlessAllPointsAreAsked) {
  store::Store st;
  const store::FileId id = st.add_file("run/events.out.tfevents.1", 0);
  for (std::int64_t step : {1, 2, 3, 2}) feed(st, id, hist_record(step, {0, 1, double(step)}));
  const store::Series& s = st.runs().at("run").tags.at("h");
  HistogramSeries a;
  aggregate_histograms(s, 30, false, a);
  EXPECT_EQ(a.steps, (std::vector<std::int64_t>{1, 2}));
  EXPECT_DOUBLE_EQ(a.row(1)[0] + a.row(1)[29], 2.0 / 30 * 2);  // [0,1] spread over 30 bins: 2/30 each
  aggregate_histograms(s, 30, true, a);
  EXPECT_EQ(a.steps, (std::vector<std::int64_t>{1, 2, 3, 2}));
}

TEST(HistogramSeries, BinsAreClampedToTheSettingRange) {
  store::Store st;
  const store::FileId id = st.add_file("run/events.out.tfevents.1", 0);
  feed(st, id, hist_record(1, {0, 1, 1}));
  const store::Series& s = st.runs().at("run").tags.at("h");
  HistogramSeries a;
  aggregate_histograms(s, 3, false, a);
  EXPECT_EQ(a.bins, kMinHistogramBins);
  aggregate_histograms(s, 5000, false, a);
  EXPECT_EQ(a.bins, kMaxHistogramBins);
  EXPECT_EQ(a.counts.size(), 200u);
}

TEST(HistogramCache, GrowingSeriesIsRecomputedAtAPaceOptionsAtOnce) {
  store::Store st;
  const store::FileId id = st.add_file("run/events.out.tfevents.1", 0);
  feed(st, id, hist_record(1, {0, 1, 1}));
  HistogramCache cache;
  cache.sync(st);
  const store::Series& s = st.runs().at("run").tags.at("h");
  EXPECT_EQ(cache.get(s, 30, false, 10.0).size(), 1u);
  feed(st, id, hist_record(2, {0, 1, 1}));
  EXPECT_EQ(cache.get(s, 30, false, 10.1).size(), 1u);  // grew 0.1 s after: kept
  EXPECT_EQ(cache.get(s, 20, false, 10.1).size(), 2u);  // other bins: now
  feed(st, id, hist_record(3, {0, 1, 1}));
  EXPECT_EQ(cache.get(s, 20, false, 10.2).size(), 2u);
  EXPECT_EQ(cache.get(s, 20, false, 10.4).size(), 3u);  // a quarter second later
  st.clear();
  cache.sync(st);  // entries for the old series are gone (their pointers dangle)
  const store::FileId id2 = st.add_file("run/events.out.tfevents.2", 0);
  feed(st, id2, hist_record(5, {0, 2, 3}));
  EXPECT_EQ(cache.get(st.runs().at("run").tags.at("h"), 20, false, 10.5).steps.front(), 5);
}

}  // namespace
}  // namespace el::aggregate
