// The runs panel's hparam and metric columns: which session a run belongs
// to, the text shown, and the order a column gives (missing values last).
#include "ui/run_columns.h"

#include <gtest/gtest.h>

namespace el::ui {
namespace {

aggregate::HparamsTable table() {
  aggregate::HparamsTable t;
  t.hparams.resize(1);
  t.hparams[0].name = "lr";
  t.metrics.resize(1);
  t.metrics[0].group = "eval";
  t.metrics[0].tag = "acc";
  auto add = [&](const std::string& run, aggregate::HparamValue lr, bool has_acc, double acc) {
    aggregate::Session s;
    s.run = run;
    s.hparams.push_back(lr);
    aggregate::MetricValue m;
    m.present = has_acc;
    m.last = acc;
    s.metrics.push_back(m);
    t.sessions.push_back(s);
  };
  using T = aggregate::HparamValue::Type;
  // Sorted by run name, as build_hparams_table leaves them.
  add("a", {T::kNumber, 0.1, ""}, true, 0.5);
  add("b", {T::kNumber, 0.01, ""}, true, 0.75);
  add("c", {T::kMissing, 0, ""}, false, 0);
  add("d", {T::kNumber, 1, ""}, true, 0.25);
  return t;
}

TEST(RunColumns, ASubRunTakesItsSessionsValues) {
  const aggregate::HparamsTable t = table();
  const std::vector<RunColumn> cols = resolve_run_columns({"h:lr", "m:eval/acc", "h:momentum"}, t);
  ASSERT_EQ(cols.size(), 2u);  // no session logs momentum
  EXPECT_EQ(cols[1].label, "eval/acc");
  EXPECT_EQ(run_column_text(t, cols[0], "b"), "0.01");
  EXPECT_EQ(run_column_text(t, cols[0], "b/eval"), "0.01");  // session b's sub-run
  EXPECT_EQ(run_column_text(t, cols[1], "a/eval/deeper"), "0.5");
  EXPECT_EQ(run_column_text(t, cols[1], "c"), "");         // no metric
  EXPECT_EQ(run_column_text(t, cols[0], "e"), "");         // no session
  EXPECT_EQ(aggregate::session_of_run(t, "ab"), nullptr);  // "a" is not a folder of "ab"
}

TEST(RunColumns, ARunWithOneSessionUnderItTakesThatSession) {
  aggregate::HparamsTable t;
  for (const char* run : {"lr_0.1/1700000000.5", "lr_0.2/1700000001.5", "lr_0.2/1700000002.5", "x/y/z"}) {
    aggregate::Session s;
    s.run = run;
    t.sessions.push_back(s);
  }
  // PyTorch's add_hparams: the session is "<run>/<time>", the run's scalars are in "<run>".
  ASSERT_NE(aggregate::session_of_run(t, "lr_0.1"), nullptr);
  EXPECT_EQ(aggregate::session_of_run(t, "lr_0.1")->run, "lr_0.1/1700000000.5");
  EXPECT_EQ(aggregate::session_of_run(t, "lr_0.2"), nullptr);  // two under it: neither
  EXPECT_EQ(aggregate::session_of_run(t, "x"), nullptr);       // only deeper
}

TEST(RunColumns, SortedByValueWithMissingLastEitherWay) {
  const aggregate::HparamsTable t = table();
  const std::vector<RunColumn> cols = resolve_run_columns({"h:lr", "m:eval/acc"}, t);
  const std::string a = "a", b = "b", c = "c", d = "d", e = "e";
  std::vector<const std::string*> runs{&e, &d, &c, &b, &a};
  sort_runs_by_column(runs, t, cols[0], false);  // lr: 0.01 (b), 0.1 (a), 1 (d); c and e have none
  EXPECT_EQ((std::vector<std::string>{*runs[0], *runs[1], *runs[2], *runs[3], *runs[4]}),
            (std::vector<std::string>{"b", "a", "d", "e", "c"}));
  sort_runs_by_column(runs, t, cols[1], true);  // acc descending: 0.75 (b), 0.5 (a), 0.25 (d)
  EXPECT_EQ((std::vector<std::string>{*runs[0], *runs[1], *runs[2], *runs[3], *runs[4]}),
            (std::vector<std::string>{"b", "a", "d", "e", "c"}));
  sort_runs_by_column(runs, t, cols[1], false);
  EXPECT_EQ((std::vector<std::string>{*runs[0], *runs[1], *runs[2]}),
            (std::vector<std::string>{"d", "a", "b"}));
}

}  // namespace
}  // namespace el::ui
