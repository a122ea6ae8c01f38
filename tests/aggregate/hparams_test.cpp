// The hparams table from hand-written sessions: values of every type, metrics
// inferred from sub-runs without an experiment, merged experiments, and the
// table's filters and sort order. (The corpus sessions are checked exactly by
// scripts/test against tests/tools/hparams_facts.py.)
#include "aggregate/hparams.h"

#include <gtest/gtest.h>

#include <cmath>

#include "proto/event.pb.h"
#include "proto/plugins.pb.h"
#include "record/record_writer.h"
#include "support/event_records.h"

namespace el::aggregate {
namespace {

void add_hparams_value(std::string& file, const char* tag, const pb::HParamsPluginData& data) {
  file += testing::hparams_record(tag, data);
}

void add_scalar(std::string& file, const char* tag, std::int64_t step, float value) {
  file += testing::scalar_record(tag, step, value, static_cast<double>(100 + step));
}

struct StartValue {
  const char* key;
  double number;
  const char* text;  // non-null: a string value
};

void add_session(std::string& file, std::initializer_list<StartValue> values, int status) {
  pb::HParamsPluginData start;
  for (const StartValue& sv : values) {
    auto* e = start.mutable_session_start_info()->add_hparams();
    e->set_key(sv.key);
    if (sv.text)
      e->mutable_value()->set_string_value(sv.text);
    else
      e->mutable_value()->set_number_value(sv.number);
  }
  add_hparams_value(file, "_hparams_/session_start_info", start);
  if (status) {
    pb::HParamsPluginData end;
    end.mutable_session_end_info()->set_status(static_cast<pb::HParamsSessionStatus>(status));
    add_hparams_value(file, "_hparams_/session_end_info", end);
  }
}

void feed(store::Store& store, const std::string& path, const std::string& file) {
  const store::FileId id = store.add_file(path, file.size());
  store.feed(id, {reinterpret_cast<const std::uint8_t*>(file.data()), file.size()});
  store.finish(id);
}

// Three sessions, no experiment. a: lr 0.1, opt "sgd", success; b: lr 0.01,
// opt "adam", failure; c: only opt "adam", no end record. Metrics live in the
// sessions' train/ and eval/ sub-runs.
void three_sessions(store::Store& store) {
  std::string a, at, ae, b, bt, c;
  add_session(a, {{"lr", 0.1, nullptr}, {"opt", 0, "sgd"}}, 1);
  add_scalar(at, "loss", 0, 2.0f);
  add_scalar(at, "loss", 1, 0.5f);
  add_scalar(at, "loss", 2, 1.0f);
  add_scalar(ae, "acc", 2, 0.75f);
  add_session(b, {{"lr", 0.01, nullptr}, {"opt", 0, "adam"}}, 2);
  add_scalar(bt, "loss", 0, 3.0f);
  add_scalar(bt, "loss", 5, 0.25f);
  add_scalar(bt, "loss", 3, 1.5f);  // a restart: hides step 5
  add_session(c, {{"opt", 0, "adam"}}, 0);
  feed(store, "a/events.out.tfevents.1.h", a);
  feed(store, "a/train/events.out.tfevents.1.h", at);
  feed(store, "a/eval/events.out.tfevents.1.h", ae);
  feed(store, "b/events.out.tfevents.1.h", b);
  feed(store, "b/train/events.out.tfevents.1.h", bt);
  feed(store, "c/events.out.tfevents.1.h", c);
}

TEST(Hparams, WithoutAnExperimentColumnsAndMetricsAreInferred) {
  store::Store store;
  three_sessions(store);
  const HparamsTable t = build_hparams_table(store);
  ASSERT_EQ(t.experiments, 0u);
  ASSERT_EQ(t.hparams.size(), 2u);
  EXPECT_EQ(t.hparams[0].name, "lr");
  EXPECT_EQ(t.hparams[0].type, HparamType::kNumber);
  ASSERT_EQ(t.hparams[0].values.size(), 2u);
  EXPECT_EQ(t.hparams[0].values[0].number, 0.01);
  EXPECT_EQ(t.hparams[1].name, "opt");
  EXPECT_EQ(t.hparams[1].type, HparamType::kString);
  ASSERT_EQ(t.hparams[1].values.size(), 2u);
  EXPECT_EQ(t.hparams[1].values[0].text, "adam");
  ASSERT_EQ(t.metrics.size(), 2u);  // sorted by (group, tag)
  EXPECT_EQ(t.metrics[0].label(), "eval/acc");
  EXPECT_EQ(t.metrics[1].label(), "train/loss");
  ASSERT_EQ(t.sessions.size(), 3u);
  const Session& a = t.sessions[0];
  EXPECT_EQ(a.run, "a");
  EXPECT_EQ(a.status, SessionStatus::kSuccess);
  EXPECT_EQ(a.metrics[0].last, 0.75);
  EXPECT_EQ(a.metrics[1].last, 1.0);
  EXPECT_EQ(a.metrics[1].min, 0.5);
  EXPECT_EQ(a.metrics[1].max, 2.0);
  EXPECT_EQ(a.metrics[1].points, 3u);
  const Session& b = t.sessions[1];
  EXPECT_EQ(b.status, SessionStatus::kFailure);
  EXPECT_FALSE(b.metrics[0].present);
  EXPECT_EQ(b.metrics[1].points, 2u);  // step 5 hidden by the restart at 3
  EXPECT_EQ(b.metrics[1].last, 1.5);
  EXPECT_EQ(b.metrics[1].min, 1.5);
  const Session& c = t.sessions[2];
  EXPECT_EQ(c.status, SessionStatus::kUnknown);
  EXPECT_EQ(c.hparams[0].type, HparamValue::Type::kMissing);
  EXPECT_EQ(c.hparams[1].text, "adam");
}

TEST(Hparams, FiltersAndSortKeepMissingValuesLast) {
  store::Store store;
  three_sessions(store);
  const HparamsTable t = build_hparams_table(store);
  SessionQuery q;
  q.sort_column = 0;  // lr ascending: b (0.01), a (0.1), then c (missing)
  EXPECT_EQ(query_sessions(t, q), (std::vector<std::uint32_t>{1, 0, 2}));
  q.descending = true;  // a, b, then c still last
  EXPECT_EQ(query_sessions(t, q), (std::vector<std::uint32_t>{0, 1, 2}));
  q.sort_column = 3;  // train/loss, min: b 1.5, a 0.5 descending
  q.aggregate = MetricAggregate::kMin;
  EXPECT_EQ(query_sessions(t, q), (std::vector<std::uint32_t>{1, 0, 2}));
  q = {};
  q.hparam_filters.resize(2);
  q.hparam_filters[1].pattern = "^ad";  // b and c
  EXPECT_EQ(query_sessions(t, q), (std::vector<std::uint32_t>{1, 2}));
  q.hparam_filters[0].lo = 0.005;  // and lr >= 0.005: c has no lr
  EXPECT_EQ(query_sessions(t, q), (std::vector<std::uint32_t>{1}));
  q.hparam_filters[1].pattern = "(";  // invalid: filters nothing
  EXPECT_EQ(query_sessions(t, q), (std::vector<std::uint32_t>{0, 1}));
  q = {};
  q.status_mask = 1u << static_cast<unsigned>(SessionStatus::kSuccess);
  EXPECT_EQ(query_sessions(t, q), (std::vector<std::uint32_t>{0}));
  q = {};
  q.metric_filters.resize(2);
  q.metric_filters[1].hi = 1.2;  // train/loss last <= 1.2: only a (1.0)
  EXPECT_EQ(query_sessions(t, q), (std::vector<std::uint32_t>{0}));
}

TEST(Hparams, ExperimentsMergeAndCsvHasEveryColumn) {
  store::Store store;
  std::string x, y;
  pb::HParamsPluginData exp;
  auto* info = exp.mutable_experiment()->add_hparam_infos();
  info->set_name("units");
  info->set_type(pb::HPARAM_TYPE_FLOAT64);
  info->mutable_domain_discrete()->add_values()->set_number_value(64);
  exp.mutable_experiment()->add_metric_infos()->mutable_name()->set_tag("loss");
  add_hparams_value(x, "_hparams_/experiment", exp);
  add_session(x, {{"units", 64, nullptr}}, 1);
  add_scalar(x, "loss", 1, 0.5f);
  add_scalar(x, "ignored", 1, 9.0f);  // not an experiment metric
  exp.mutable_experiment()
      ->mutable_hparam_infos(0)
      ->mutable_domain_discrete()
      ->mutable_values(0)
      ->set_number_value(128);
  auto* flag = exp.mutable_experiment()->add_hparam_infos();
  flag->set_name("fast, \"really\"");
  flag->set_type(pb::HPARAM_TYPE_BOOL);
  add_hparams_value(y, "_hparams_/experiment", exp);
  pb::HParamsPluginData start;
  auto* e = start.mutable_session_start_info()->add_hparams();
  e->set_key("units");
  e->mutable_value()->set_number_value(128);
  e = start.mutable_session_start_info()->add_hparams();
  e->set_key("fast, \"really\"");
  e->mutable_value()->set_bool_value(true);
  add_hparams_value(y, "_hparams_/session_start_info", start);
  feed(store, "x/events.out.tfevents.1.h", x);
  feed(store, "y/events.out.tfevents.1.h", y);
  const HparamsTable t = build_hparams_table(store);
  EXPECT_EQ(t.experiments, 2u);
  ASSERT_EQ(t.hparams.size(), 2u);
  ASSERT_EQ(t.hparams[0].values.size(), 2u);  // 64 and 128 from the two experiments
  EXPECT_EQ(t.hparams[0].values[1].number, 128);
  EXPECT_EQ(t.hparams[1].type, HparamType::kBool);
  ASSERT_EQ(t.metrics.size(), 1u);
  EXPECT_EQ(hparams_csv(t, {0, 1}, MetricAggregate::kLast),
            "run,status,units,\"fast, \"\"really\"\"\",loss\n"
            "x,success,64,,0.5\n"
            "y,unknown,128,true,\n");
}

TEST(Hparams, NumberFiltersParseEveryForm) {
  double lo = 0, hi = 0;
  ASSERT_TRUE(parse_number_filter(" 0.01 .. 0.1 ", lo, hi));
  EXPECT_EQ(lo, 0.01);
  EXPECT_EQ(hi, 0.1);
  ASSERT_TRUE(parse_number_filter(">=3", lo, hi));
  EXPECT_EQ(lo, 3);
  EXPECT_EQ(hi, INFINITY);
  ASSERT_TRUE(parse_number_filter("< 1e-3", lo, hi));
  EXPECT_EQ(lo, -INFINITY);
  EXPECT_EQ(hi, std::nextafter(1e-3, -INFINITY));
  ASSERT_TRUE(parse_number_filter("..5", lo, hi));
  EXPECT_EQ(hi, 5);
  ASSERT_TRUE(parse_number_filter("64", lo, hi));
  EXPECT_EQ(lo, 64);
  EXPECT_EQ(hi, 64);
  ASSERT_TRUE(parse_number_filter("", lo, hi));
  EXPECT_EQ(lo, -INFINITY);
  EXPECT_FALSE(parse_number_filter("abc", lo, hi));
  EXPECT_FALSE(parse_number_filter("1..x", lo, hi));
  EXPECT_FALSE(parse_number_filter("..", lo, hi));
  EXPECT_EQ(format_number_filter(0.5, 2), "0.5 .. 2");
  EXPECT_EQ(format_number_filter(-INFINITY, 2), "<= 2");
  EXPECT_EQ(format_number_filter(-INFINITY, INFINITY), "");
}

}  // namespace
}  // namespace el::aggregate
