// The chart cache: appended records extend it (with the EMA continued exactly
// as a full recomputation), a restart rebuilds it, and settings changes apply.
#include "ui/series_cache.h"

#include <gtest/gtest.h>

#include "aggregate/smoothing.h"
#include "store/store.h"
#include "support/event_records.h"

namespace el::ui {
namespace {

// A "loss" record at `step`, written at 1000 + step seconds.
std::string scalar_record(std::int64_t step, double value) {
  return testing::scalar_record("loss", step, static_cast<float>(value), 1000.0 + static_cast<double>(step));
}

void feed(store::Store& st, store::FileId id, const std::string& bytes) {
  st.feed(id, {reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()});
}

TEST(SeriesCache, AppendsContinueTheSmoothingExactly) {
  store::Store st;
  const store::FileId id = st.add_file("run/events.out.tfevents.1", 0);
  std::string part1, part2;
  for (int s = 0; s < 50; ++s) part1 += scalar_record(s, 1.0 / (s + 1));
  for (int s = 50; s < 120; ++s) part2 += scalar_record(s, 1.0 / (s + 1) + (s % 3) * 0.01);
  feed(st, id, part1);
  SeriesCache cache;
  cache.sync(st);
  const store::Series& series = st.runs().at("run").tags.at("loss");
  const PreparedSeries* p = &cache.get(series, false, 0.6, 0);
  ASSERT_EQ(p->values.size(), 50u);
  feed(st, id, part2);
  p = &cache.get(series, false, 0.6, 0);
  ASSERT_EQ(p->values.size(), 120u);
  std::vector<double> whole;
  aggregate::smooth(p->values, 0.6, whole);
  for (std::size_t i = 0; i < whole.size(); ++i) EXPECT_DOUBLE_EQ(p->smooth_values()[i], whole[i]) << i;
  EXPECT_EQ(p->steps.back(), 119);
  EXPECT_EQ(p->first_wall, 1000.0);
}

TEST(SeriesCache, ARestartRebuildsAndSettingsApply) {
  store::Store st;
  const store::FileId id = st.add_file("run/events.out.tfevents.1", 0);
  std::string bytes;
  for (int s = 0; s < 10; ++s) bytes += scalar_record(s, s);
  feed(st, id, bytes);
  SeriesCache cache;
  cache.sync(st);
  const store::Series& series = st.runs().at("run").tags.at("loss");
  EXPECT_EQ(cache.get(series, false, 0.0, 0).values.size(), 10u);
  // The job restarts at step 5: steps 5..9 of the first attempt are hidden.
  std::string restart;
  for (int s = 5; s < 8; ++s) restart += scalar_record(s, 100 + s);
  feed(st, id, restart);
  const PreparedSeries& p = cache.get(series, false, 0.0, 0);
  ASSERT_EQ(p.values.size(), 8u);  // 0..4, then 5..7 of the restart
  EXPECT_EQ(p.values[5], 105.0);
  EXPECT_EQ(cache.get(series, true, 0.0, 0).values.size(), 13u);  // every record
  // Clearing the store drops everything (series pointers may be reused).
  st.clear();
  cache.sync(st);
  EXPECT_EQ(cache.size(), 0u);
}

TEST(SeriesCache, KnowsWhenStepsAreEvenlySpaced) {
  store::Store st;
  const store::FileId id = st.add_file("run/events.out.tfevents.1", 0);
  SeriesCache cache;
  cache.sync(st);
  feed(st, id, scalar_record(10, 1));
  const store::Series& series = st.runs().at("run").tags.at("loss");
  EXPECT_EQ(cache.get(series, false, 0.0, 0).step_stride, 0.0);  // one step: trivially regular
  std::string more;
  for (int s = 15; s <= 40; s += 5) more += scalar_record(s, s);  // 10, 15, ..., 40
  feed(st, id, more);
  EXPECT_EQ(cache.get(series, false, 0.0, 0).step_stride, 5.0);
  feed(st, id, scalar_record(47, 1));  // 40 -> 47 breaks the interval, for good
  EXPECT_TRUE(std::isnan(cache.get(series, false, 0.0, 0).step_stride));
  feed(st, id, scalar_record(52, 1));
  EXPECT_TRUE(std::isnan(cache.get(series, false, 0.0, 0).step_stride));
  // A restart to step 20 rebuilds: 10, 15, 20 are evenly spaced again.
  feed(st, id, scalar_record(20, 1));
  const PreparedSeries& p = cache.get(series, false, 0.0, 0);
  ASSERT_EQ(p.steps.size(), 3u);
  EXPECT_EQ(p.step_stride, 5.0);
}

}  // namespace
}  // namespace el::ui
