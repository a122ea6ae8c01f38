#include "ui/run_columns.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace el::ui {

std::vector<RunColumn> resolve_run_columns(const std::vector<std::string>& keys,
                                           const aggregate::HparamsTable& t) {
  std::vector<RunColumn> out;
  for (const std::string& key : keys) {
    const std::string_view name = std::string_view(key).substr(2);
    if (key.starts_with("h:")) {
      for (std::size_t i = 0; i < t.hparams.size(); ++i)
        if (t.hparams[i].name == name) out.push_back({key, t.hparams[i].name, false, i});
    } else if (key.starts_with("m:")) {
      for (std::size_t i = 0; i < t.metrics.size(); ++i)
        if (t.metrics[i].label() == name) out.push_back({key, t.metrics[i].label(), true, i});
    }
  }
  return out;
}

std::string run_column_text(const aggregate::HparamsTable& t, const RunColumn& c, std::string_view run) {
  const aggregate::Session* s = aggregate::session_of_run(t, run);
  if (!s) return "";
  if (!c.metric) return s->hparams[c.index].display();
  const aggregate::MetricValue& m = s->metrics[c.index];
  if (!m.present) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", m.last);
  return buf;
}

void sort_runs_by_column(std::vector<const std::string*>& runs, const aggregate::HparamsTable& t,
                         const RunColumn& c, bool descending) {
  struct Keyed {
    const aggregate::Session* session;
    const std::string* run;
  };
  std::vector<Keyed> keyed;
  keyed.reserve(runs.size());
  for (const std::string* r : runs) keyed.push_back({aggregate::session_of_run(t, *r), r});
  auto missing = [&](const aggregate::Session* s) {
    if (!s) return true;
    if (!c.metric) return s->hparams[c.index].type == aggregate::HparamValue::Type::kMissing;
    return !s->metrics[c.index].present || std::isnan(s->metrics[c.index].last);
  };
  auto less = [&](const aggregate::Session* a, const aggregate::Session* b) {
    if (!c.metric) return aggregate::hparam_value_less(a->hparams[c.index], b->hparams[c.index]);
    return a->metrics[c.index].last < b->metrics[c.index].last;
  };
  std::stable_sort(keyed.begin(), keyed.end(), [&](const Keyed& a, const Keyed& b) {
    const bool ma = missing(a.session), mb = missing(b.session);
    if (ma || mb) return !ma && mb;
    return descending ? less(b.session, a.session) : less(a.session, b.session);
  });
  for (std::size_t i = 0; i < runs.size(); ++i) runs[i] = keyed[i].run;
}

}  // namespace el::ui
