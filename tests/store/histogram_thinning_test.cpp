// Thinning histograms under memory pressure (Store::set_histogram_keep):
// TensorBoard's reservoir keeps `keep` records spread over everything read,
// always the newest, each record's buckets staying with its step; scalars are
// never thinned. Record i of these files has counts {i, 2i} (legacy protos)
// or {i + 0.5} (a [k,3] tensor), so a record read back names its step.
#include <gtest/gtest.h>

#include "proto/event.pb.h"
#include "record/record_writer.h"
#include "store/store.h"

namespace el::store {
namespace {

// Steps [from, to) of a legacy histogram "legacy", a tensor histogram "tensor"
// and a scalar "loss", one event each per step.
std::string records(int from, int to) {
  std::string file, bytes;
  pb::Event e;
  for (int i = from; i < to; ++i) {
    e.Clear();
    e.set_step(i);
    e.set_wall_time(1000 + i);
    auto* h = e.mutable_summary()->add_value();
    h->set_tag("legacy");
    auto* histo = h->mutable_histo();
    histo->set_min(-1);
    histo->set_max(1);
    histo->add_bucket_limit(0);
    histo->add_bucket_limit(1);
    histo->add_bucket(i);
    histo->add_bucket(2.0 * i);
    auto* t = e.mutable_summary()->add_value();
    t->set_tag("tensor");
    t->mutable_metadata()->mutable_plugin_data()->set_plugin_name("histograms");
    auto* tensor = t->mutable_tensor();
    tensor->set_dtype(pb::DT_DOUBLE);
    tensor->mutable_tensor_shape()->add_dim()->set_size(1);
    tensor->mutable_tensor_shape()->add_dim()->set_size(3);
    for (double x : {-3.0, 3.0, i + 0.5}) tensor->add_double_val(x);
    auto* s = e.mutable_summary()->add_value();
    s->set_tag("loss");
    s->set_simple_value(static_cast<float>(i));
    e.SerializeToString(&bytes);
    record::append_record(file, bytes);
  }
  return file;
}

void feed(Store& store, FileId id, const std::string& bytes) {
  store.feed(id, {reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()});
}

const Series& tag(const Store& store, const char* name) { return store.runs().at("run").tags.at(name); }

// Every kept record still carries its own step's values, in step order.
void expect_records_intact(const Series& legacy, const Series& tensor) {
  ASSERT_EQ(legacy.size(), tensor.size());
  for (std::size_t j = 0; j < legacy.size(); ++j) {
    const double step = static_cast<double>(legacy.steps[j]);
    if (j > 0) {
      ASSERT_LT(legacy.steps[j - 1], legacy.steps[j]);
    }
    ASSERT_EQ(legacy.wall_times[j], 1000 + step);
    const HistogramView h = legacy.histogram(j);
    ASSERT_EQ(h.size(), 2u);
    ASSERT_EQ(h.count(0), step);
    ASSERT_EQ(h.count(1), 2 * step);
    const HistogramView t = tensor.histogram(j);
    ASSERT_EQ(t.size(), 1u);
    ASSERT_EQ(t.count(0), step + 0.5);
    ASSERT_EQ(t.left(0), -3.0);
    ASSERT_EQ(t.right(0), 3.0);
  }
}

std::vector<std::int64_t> steps_of(const Series& s) { return s.steps; }

TEST(HistogramThinning, KeepsTheReservoirSpreadOverEverythingReadAndTheNewest) {
  Store store;
  const std::string first = records(0, 2000), second = records(2000, 4000);
  const FileId id = store.add_file("run/events.out.tfevents.1.host", first.size() + second.size());
  feed(store, id, first);
  ASSERT_EQ(tag(store, "legacy").size(), 2000u);  // nothing is thinned until asked
  EXPECT_EQ(tag(store, "legacy").records_seen(), 2000u);

  store.set_histogram_keep(500);
  EXPECT_EQ(tag(store, "legacy").size(), 500u);
  EXPECT_EQ(tag(store, "legacy").records_seen(), 2000u);
  EXPECT_EQ(store.histogram_records_dropped(), 2u * 1500);
  EXPECT_EQ(tag(store, "legacy").steps.back(), 1999);
  expect_records_intact(tag(store, "legacy"), tag(store, "tensor"));

  feed(store, id, second);
  store.finish(id);
  const Series& legacy = tag(store, "legacy");
  EXPECT_EQ(legacy.size(), 500u);
  EXPECT_EQ(legacy.records_seen(), 4000u);
  EXPECT_EQ(store.histogram_records_dropped(), 2u * 3500);
  EXPECT_EQ(legacy.steps.back(), 3999);
  expect_records_intact(legacy, tag(store, "tensor"));
  // Uniform over all 4000: 125 expected per quarter (standard deviation about 10).
  int quarter[4] = {};
  for (std::int64_t s : legacy.steps) ++quarter[s / 1000];
  for (int q : quarter) {
    EXPECT_GT(q, 80);
    EXPECT_LT(q, 170);
  }
  // Scalars stay exact.
  const Series& loss = tag(store, "loss");
  ASSERT_EQ(loss.size(), 4000u);
  for (std::size_t i = 0; i < loss.size(); ++i) ASSERT_EQ(loss.values[i], static_cast<double>(i));
}

TEST(HistogramThinning, TurningItOnLateKeepsWhatStreamingFromTheStartKeeps) {
  const std::string first = records(0, 1200), second = records(1200, 3000);
  Store late, early;
  const FileId a = late.add_file("run/events.out.tfevents.1.host", 0);
  const FileId b = early.add_file("run/events.out.tfevents.1.host", 0);
  early.set_histogram_keep(300);
  feed(early, b, first);
  feed(late, a, first);
  late.set_histogram_keep(300);
  feed(early, b, second);
  feed(late, a, second);
  EXPECT_EQ(tag(early, "legacy").size(), 300u);
  EXPECT_EQ(tag(early, "legacy").records_seen(), 3000u);
  EXPECT_EQ(steps_of(tag(late, "legacy")), steps_of(tag(early, "legacy")));
  EXPECT_EQ(steps_of(tag(late, "tensor")), steps_of(tag(early, "tensor")));
  expect_records_intact(tag(late, "legacy"), tag(late, "tensor"));
}

TEST(HistogramThinning, KeepingOneKeepsTheNewest) {
  Store store;
  const std::string bytes = records(0, 10);
  const FileId id = store.add_file("run/events.out.tfevents.1.host", bytes.size());
  store.set_histogram_keep(1);
  feed(store, id, bytes);
  EXPECT_EQ(steps_of(tag(store, "legacy")), (std::vector<std::int64_t>{9}));
  EXPECT_EQ(tag(store, "legacy").histogram(0).count(1), 18.0);
  EXPECT_EQ(tag(store, "legacy").records_seen(), 10u);
}

TEST(HistogramThinning, OnlyEverLowersAndUnloadingForgetsTheDroppedCount) {
  Store store;
  const std::string bytes = records(0, 1000);
  const FileId id = store.add_file("run/events.out.tfevents.1.host", bytes.size());
  feed(store, id, bytes);
  store.set_histogram_keep(400);
  store.set_histogram_keep(600);  // raising it cannot bring records back: ignored
  EXPECT_EQ(store.histogram_keep(), 400u);
  EXPECT_EQ(tag(store, "legacy").size(), 400u);
  store.set_histogram_keep(100);
  EXPECT_EQ(tag(store, "legacy").size(), 100u);
  EXPECT_EQ(tag(store, "legacy").records_seen(), 1000u);
  EXPECT_EQ(tag(store, "legacy").steps.back(), 999);
  expect_records_intact(tag(store, "legacy"), tag(store, "tensor"));
  EXPECT_EQ(store.histogram_records_dropped(), 2u * 900);
  // The columns hold the kept records' values only, not the dropped ones'.
  EXPECT_EQ(tag(store, "legacy").counts.size(), 200u);
  // ... and the memory of the dropped ones is given back (room is kept for a seventh more).
  EXPECT_LE(tag(store, "legacy").counts.capacity(), 200u + 200 / 7 + 64);
  store.unload_run("run");
  EXPECT_EQ(store.histogram_records_dropped(), 0u);
}

}  // namespace
}  // namespace el::store
