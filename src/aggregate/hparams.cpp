// [SECTION] values
// [SECTION] decoding the plugin records
// [SECTION] building the table
// [SECTION] filtering and sorting
// [SECTION] CSV and JSON
#include "aggregate/hparams.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <regex>

#include "proto/plugins.pb.h"
#include "store/csv_writer.h"
#include "store/json_writer.h"

namespace el::aggregate {

// [SECTION] values -----------------------------------------------------------------
bool HparamValue::operator==(const HparamValue& o) const {
  if (type != o.type) return false;
  if (type == Type::kString) return text == o.text;
  return type == Type::kMissing || number == o.number;
}

std::string HparamValue::display() const {
  switch (type) {
    case Type::kMissing: return {};
    case Type::kBool: return number != 0 ? "true" : "false";
    case Type::kString: return text;
    case Type::kNumber: {
      std::string s;
      store::append_shortest_double(s, number);
      return s;
    }
  }
  return {};
}

bool hparam_value_less(const HparamValue& a, const HparamValue& b) {
  if (a.type != b.type) return a.type < b.type;
  if (a.type == HparamValue::Type::kString) return a.text < b.text;
  return a.number < b.number;
}

bool run_in_session(const std::string& session, const std::string& run) {
  if (session == ".") return true;
  return run == session || (run.size() > session.size() + 1 && run.compare(0, session.size(), session) == 0 &&
                            run[session.size()] == '/');
}

const Session* session_of_run(const HparamsTable& table, std::string_view run) {
  auto find = [&](std::string_view name) -> const Session* {
    auto it = std::lower_bound(table.sessions.begin(), table.sessions.end(), name,
                               [](const Session& s, std::string_view n) { return s.run < n; });
    return it != table.sessions.end() && it->run == name ? &*it : nullptr;
  };
  for (std::string_view at = run;;) {
    if (const Session* s = find(at)) return s;
    const std::size_t slash = at.rfind('/');
    if (slash == std::string_view::npos) break;
    at = at.substr(0, slash);
  }
  // One session directly under the run ("<run>/<name>", no deeper).
  const std::string folder = std::string(run) + '/';
  auto it = std::lower_bound(table.sessions.begin(), table.sessions.end(), folder,
                             [](const Session& s, const std::string& n) { return s.run < n; });
  const Session* only = nullptr;
  for (; it != table.sessions.end() && it->run.starts_with(folder); ++it) {
    if (it->run.find('/', folder.size()) != std::string::npos) continue;
    if (only) return find(".");  // several: none is the run's
    only = &*it;
  }
  if (only) return only;
  return find(".");
}

std::vector<std::string> unread_runs_of_sessions(const HparamsTable& table, const store::Store& store,
                                                 const std::vector<std::uint32_t>& rows) {
  std::vector<const Session*> chosen;
  for (std::uint32_t r : rows)
    if (r < table.sessions.size()) chosen.push_back(&table.sessions[r]);
  std::sort(chosen.begin(), chosen.end());
  std::vector<std::string> out;
  for (const auto& [name, run] : store.runs()) {
    if (run.wanted) continue;
    if (std::binary_search(chosen.begin(), chosen.end(), session_of_run(table, name))) out.push_back(name);
  }
  return out;
}

const char* session_status_name(SessionStatus s) {
  switch (s) {
    case SessionStatus::kSuccess: return "success";
    case SessionStatus::kFailure: return "failure";
    case SessionStatus::kRunning: return "running";
    default: return "unknown";
  }
}

// [SECTION] decoding the plugin records ----------------------------------------------
namespace {

void list_text(const pb::ListValue& list, std::string& out);

void struct_text(const pb::StructValue& v, std::string& out) {
  switch (v.kind_case()) {
    case pb::StructValue::kNumberValue: store::append_shortest_double(out, v.number_value()); break;
    case pb::StructValue::kStringValue: out += v.string_value(); break;
    case pb::StructValue::kBoolValue: out += v.bool_value() ? "true" : "false"; break;
    case pb::StructValue::kListValue: list_text(v.list_value(), out); break;
    case pb::StructValue::kStructValue: out += "{...}"; break;
    default: out += "null"; break;
  }
}

void list_text(const pb::ListValue& list, std::string& out) {
  out += '[';
  for (int i = 0; i < list.values_size(); ++i) {
    if (i) out += ", ";
    struct_text(list.values(i), out);
  }
  out += ']';
}

HparamValue to_value(const pb::StructValue& v) {
  HparamValue h;
  switch (v.kind_case()) {
    case pb::StructValue::kNumberValue:
      h.type = HparamValue::Type::kNumber;
      h.number = v.number_value();
      break;
    case pb::StructValue::kBoolValue:
      h.type = HparamValue::Type::kBool;
      h.number = v.bool_value() ? 1 : 0;
      break;
    case pb::StructValue::kStringValue:
      h.type = HparamValue::Type::kString;
      h.text = v.string_value();
      break;
    case pb::StructValue::kListValue:
    case pb::StructValue::kStructValue:
      h.type = HparamValue::Type::kString;
      struct_text(v, h.text);
      break;
    default: break;  // null: missing
  }
  return h;
}

// The plugin content of `tag` in `run`, decoded; false if absent or undecodable.
// A run not read yet answers from what the head of its first file held (store/hparams_peek.h).
bool plugin_data(const store::Run& run, std::string_view tag, pb::HParamsPluginData& out, bool& bad) {
  const std::string* content = nullptr;
  if (auto it = run.tags.find(tag); it != run.tags.end()) {
    if (it->second.kind != events::Kind::kHparams) return false;
    content = &it->second.metadata.plugin_content;
  } else if (auto p = run.peeked_hparams.find(tag); p != run.peeked_hparams.end()) {
    content = &p->second;
  } else {
    return false;
  }
  if (!out.ParseFromString(*content)) {
    bad = true;
    return false;
  }
  return true;
}

// Visible records of a scalar series: the restart rule, then last/min/max.
MetricValue metric_of(const store::Series& s) {
  MetricValue m;
  const auto vis = store::visible_indices(s.steps);
  if (vis.empty()) return m;
  m.present = true;
  m.points = static_cast<std::uint32_t>(vis.size());
  m.last = s.values[vis.back()];
  m.last_step = s.steps[vis.back()];
  m.min = m.max = std::nan("");
  for (std::uint32_t i : vis) {
    const double v = s.values[i];
    if (!std::isfinite(v)) continue;
    if (std::isnan(m.min) || v < m.min) m.min = v;
    if (std::isnan(m.max) || v > m.max) m.max = v;
  }
  return m;
}

const store::Run* find_run(const store::Store& store, const std::string& name) {
  auto it = store.runs().find(name);
  return it == store.runs().end() ? nullptr : &it->second;
}

}  // namespace

// [SECTION] building the table -------------------------------------------------------
HparamsTable build_hparams_table(const store::Store& store) {
  HparamsTable t;
  std::map<std::string, std::size_t> hparam_at;                          // name -> column
  std::map<std::pair<std::string, std::string>, std::size_t> metric_at;  // (group, tag) -> column
  auto hparam_column = [&](const std::string& name) -> HparamColumn& {
    auto [it, fresh] = hparam_at.emplace(name, t.hparams.size());
    if (fresh) t.hparams.emplace_back().name = name;
    return t.hparams[it->second];
  };
  auto metric_column = [&](const std::string& group, const std::string& tag) -> MetricColumn& {
    auto [it, fresh] = metric_at.emplace(std::make_pair(group, tag), t.metrics.size());
    if (fresh) {
      t.metrics.emplace_back().group = group;
      t.metrics.back().tag = tag;
    }
    return t.metrics[it->second];
  };
  pb::HParamsPluginData data;
  // Experiments first, in run order: their columns come first, in their order.
  for (const auto& [name, run] : store.runs()) {
    bool bad = false;
    if (plugin_data(run, kExperimentTag, data, bad) && data.has_experiment()) {
      ++t.experiments;
      for (const pb::HParamInfo& info : data.experiment().hparam_infos()) {
        HparamColumn& c = hparam_column(info.name());
        c.from_experiment = true;
        if (c.display_name.empty()) c.display_name = info.display_name();
        if (c.description.empty()) c.description = info.description();
        if (info.type() == pb::HPARAM_TYPE_FLOAT64) c.type = HparamType::kNumber;
        if (info.type() == pb::HPARAM_TYPE_BOOL) c.type = HparamType::kBool;
        if (info.has_domain_interval()) {
          const double lo = info.domain_interval().min_value(), hi = info.domain_interval().max_value();
          c.interval_min = c.has_interval ? std::min(c.interval_min, lo) : lo;
          c.interval_max = c.has_interval ? std::max(c.interval_max, hi) : hi;
          c.has_interval = true;
        }
        for (const pb::StructValue& v : info.domain_discrete().values()) c.values.push_back(to_value(v));
      }
      for (const pb::MetricInfo& info : data.experiment().metric_infos()) {
        MetricColumn& m = metric_column(info.name().group(), info.name().tag());
        m.from_experiment = true;
        if (m.display_name.empty()) m.display_name = info.display_name();
        if (m.description.empty()) m.description = info.description();
      }
    }
    if (bad) t.problems.push_back("run '" + name + "': " + std::string(kExperimentTag) + " is not decodable");
  }
  const bool inferred_metrics = t.metrics.empty();
  // Sessions, their hparam values, and (without any experiment metric) their scalar tags as metrics.
  std::vector<std::vector<std::pair<std::size_t, HparamValue>>> values;
  for (const auto& [name, run] : store.runs()) {
    bool bad = false;
    if (!plugin_data(run, kSessionStartTag, data, bad) || !data.has_session_start_info()) {
      if (bad)
        t.problems.push_back("run '" + name + "': " + std::string(kSessionStartTag) + " is not decodable");
      continue;
    }
    Session s;
    s.run = name;
    s.peeked = !run.tags.count(kSessionStartTag);
    const pb::SessionStartInfo& start = data.session_start_info();
    s.group_name = start.group_name();
    s.start_time = start.start_time_secs();
    auto& vals = values.emplace_back();
    for (const pb::HParamEntry& e : start.hparams()) {
      hparam_column(e.key());
      vals.emplace_back(hparam_at[e.key()], to_value(e.value()));
    }
    if (plugin_data(run, kSessionEndTag, data, bad) && data.has_session_end_info()) {
      const int st = data.session_end_info().status();
      s.status = st >= 0 && st <= 3 ? static_cast<SessionStatus>(st) : SessionStatus::kUnknown;
      s.end_time = data.session_end_info().end_time_secs();
    }
    if (inferred_metrics) {
      // The session's run and its sub-runs: a contiguous range of the sorted runs ("name" and
      // "name/..."; '0' follows '/'), so 10,000 sessions cost no more than their runs.
      const std::string& session = name;  // (clang 14 captures no structured binding)
      auto add_metrics = [&](const std::string& sub, const store::Run& sub_run) {
        const std::string group = sub == session ? "" : sub.substr(session == "." ? 0 : session.size() + 1);
        for (const auto& [tag, series] : sub_run.tags)
          if (series.kind == events::Kind::kScalars && tag.rfind("_hparams_/", 0) != 0)
            metric_column(group, tag);
      };
      if (name == ".") {
        for (const auto& [sub, sub_run] : store.runs()) add_metrics(sub, sub_run);
      } else {
        add_metrics(name, run);
        for (auto it = store.runs().lower_bound(name + "/"), end = store.runs().lower_bound(name + "0");
             it != end; ++it)
          add_metrics(it->first, it->second);
      }
    }
    t.sessions.push_back(std::move(s));
  }
  // Inferred metrics in (group, tag) order; experiment metrics keep the experiment's order.
  if (inferred_metrics)
    std::sort(t.metrics.begin(), t.metrics.end(), [](const MetricColumn& a, const MetricColumn& b) {
      return std::tie(a.group, a.tag) < std::tie(b.group, b.tag);
    });
  // Values per column; types and domains of columns no experiment describes.
  for (std::size_t i = 0; i < t.sessions.size(); ++i) {
    Session& s = t.sessions[i];
    s.hparams.assign(t.hparams.size(), {});
    for (auto& [col, v] : values[i]) s.hparams[col] = std::move(v);
    s.metrics.assign(t.metrics.size(), {});
    for (std::size_t m = 0; m < t.metrics.size(); ++m) {
      const MetricColumn& mc = t.metrics[m];
      const std::string run_name =
          mc.group.empty() ? s.run : (s.run == "." ? mc.group : s.run + "/" + mc.group);
      const store::Run* run = find_run(store, run_name);
      if (!run) continue;
      auto it = run->tags.find(mc.tag);
      if (it != run->tags.end() && it->second.kind == events::Kind::kScalars)
        s.metrics[m] = metric_of(it->second);
    }
  }
  for (std::size_t c = 0; c < t.hparams.size(); ++c) {
    HparamColumn& col = t.hparams[c];
    bool numbers = true, bools = true, any = false;
    for (const Session& s : t.sessions) {
      const HparamValue& v = s.hparams[c];
      if (v.type == HparamValue::Type::kMissing) continue;
      any = true;
      numbers &= v.type == HparamValue::Type::kNumber;
      bools &= v.type == HparamValue::Type::kBool;
      col.values.push_back(v);  // (sorted and made unique below: 10,000 distinct values stay cheap)
    }
    if (!col.from_experiment && any)
      col.type = numbers ? HparamType::kNumber : bools ? HparamType::kBool : HparamType::kString;
    std::sort(col.values.begin(), col.values.end(), hparam_value_less);
    col.values.erase(std::unique(col.values.begin(), col.values.end()), col.values.end());
  }
  return t;
}

// [SECTION] filtering and sorting ------------------------------------------------------
double metric_number(const MetricValue& m, MetricAggregate agg) {
  if (!m.present) return std::nan("");
  switch (agg) {
    case MetricAggregate::kMin: return m.min;
    case MetricAggregate::kMax: return m.max;
    default: return m.last;
  }
}

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool parse_double(std::string_view s, double& out) {
  s = trim(s);
  if (s.empty()) return false;
  const std::string copy(s);
  char* end = nullptr;
  out = std::strtod(copy.c_str(), &end);
  return end == copy.c_str() + copy.size() && !std::isnan(out);
}

}  // namespace

bool parse_number_filter(std::string_view text, double& lo, double& hi) {
  text = trim(text);
  double a = -INFINITY, b = INFINITY, x;
  if (text.empty()) {
  } else if (const std::size_t dots = text.find(".."); dots != std::string_view::npos) {
    const std::string_view l = trim(text.substr(0, dots)), r = trim(text.substr(dots + 2));
    if ((!l.empty() && !parse_double(l, a)) || (!r.empty() && !parse_double(r, b)) ||
        (l.empty() && r.empty()))
      return false;
  } else if (text.substr(0, 2) == ">=" && parse_double(text.substr(2), x)) {
    a = x;
  } else if (text.substr(0, 2) == "<=" && parse_double(text.substr(2), x)) {
    b = x;
  } else if (text[0] == '>' && parse_double(text.substr(1), x)) {
    a = std::nextafter(x, INFINITY);
  } else if (text[0] == '<' && parse_double(text.substr(1), x)) {
    b = std::nextafter(x, -INFINITY);
  } else if (parse_double(text, x)) {
    a = b = x;
  } else {
    return false;
  }
  lo = a;
  hi = b;
  return true;
}

std::string format_number_filter(double lo, double hi) {
  std::string out;
  if (lo == -INFINITY && hi == INFINITY) return out;
  if (lo == -INFINITY) {
    out = "<= ";
    store::append_shortest_double(out, hi);
  } else if (hi == INFINITY) {
    out = ">= ";
    store::append_shortest_double(out, lo);
  } else {
    store::append_shortest_double(out, lo);
    out += " .. ";
    store::append_shortest_double(out, hi);
  }
  return out;
}

namespace {

struct CompiledFilter {
  bool text = false, valid = true;
  std::regex re;
  double lo = -INFINITY, hi = INFINITY;
};

CompiledFilter compile(const ColumnFilter& f) {
  CompiledFilter c;
  c.lo = f.lo;
  c.hi = f.hi;
  if (!f.pattern.empty()) {
    try {
      c.re = std::regex(f.pattern, std::regex::ECMAScript);
      c.text = true;
    } catch (const std::regex_error&) {
      c.valid = false;
    }
  }
  return c;
}

bool passes(const CompiledFilter& f, bool present, bool numeric, double number, const std::string& text) {
  const bool ranged = f.lo != -INFINITY || f.hi != INFINITY;
  if (!f.text && !ranged) return true;
  if (!present) return false;
  if (f.text && !std::regex_search(text, f.re)) return false;
  if (ranged && numeric && !(number >= f.lo && number <= f.hi)) return false;
  return true;
}

}  // namespace

std::vector<std::uint32_t> query_sessions(const HparamsTable& t, const SessionQuery& q) {
  std::vector<CompiledFilter> hf, mf;
  for (std::size_t c = 0; c < t.hparams.size(); ++c)
    hf.push_back(c < q.hparam_filters.size() ? compile(q.hparam_filters[c]) : CompiledFilter{});
  for (std::size_t m = 0; m < t.metrics.size(); ++m)
    mf.push_back(m < q.metric_filters.size() ? compile(q.metric_filters[m]) : CompiledFilter{});
  std::vector<std::uint32_t> rows;
  for (std::uint32_t i = 0; i < t.sessions.size(); ++i) {
    const Session& s = t.sessions[i];
    if (!(q.status_mask & (1u << static_cast<unsigned>(s.status)))) continue;
    bool ok = true;
    for (std::size_t c = 0; ok && c < hf.size(); ++c) {
      const HparamValue& v = s.hparams[c];
      ok = passes(hf[c], v.type != HparamValue::Type::kMissing, v.type == HparamValue::Type::kNumber,
                  v.number, v.display());
    }
    for (std::size_t m = 0; ok && m < mf.size(); ++m) {
      const double x = metric_number(s.metrics[m], q.aggregate);
      std::string text;
      if (mf[m].text) store::append_shortest_double(text, x);
      ok = passes(mf[m], s.metrics[m].present, true, x, text);
    }
    if (ok) rows.push_back(i);
  }
  const int nh = static_cast<int>(t.hparams.size());
  auto missing = [&](const Session& s) {
    if (q.sort_column < 0) return false;
    if (q.sort_column < nh) return s.hparams[q.sort_column].type == HparamValue::Type::kMissing;
    return std::isnan(metric_number(s.metrics[q.sort_column - nh], q.aggregate));
  };
  auto less = [&](const Session& a, const Session& b) {  // both present
    if (q.sort_column < 0) return a.run < b.run;
    if (q.sort_column < nh) return hparam_value_less(a.hparams[q.sort_column], b.hparams[q.sort_column]);
    return metric_number(a.metrics[q.sort_column - nh], q.aggregate) <
           metric_number(b.metrics[q.sort_column - nh], q.aggregate);
  };
  std::stable_sort(rows.begin(), rows.end(), [&](std::uint32_t ia, std::uint32_t ib) {
    const Session &a = t.sessions[ia], &b = t.sessions[ib];
    const bool ma = missing(a), mb = missing(b);
    if (ma != mb) return mb;  // missing values last
    if (ma) return false;
    if (less(a, b)) return !q.descending;
    if (less(b, a)) return q.descending;
    return false;  // stable: run-name order
  });
  return rows;
}

// [SECTION] CSV and JSON -------------------------------------------------------------
std::string hparams_csv(const HparamsTable& t, const std::vector<std::uint32_t>& rows, MetricAggregate agg) {
  std::string out = "run,status";
  for (const HparamColumn& c : t.hparams) {
    out += ',';
    store::append_csv_field(out, c.name);
  }
  for (const MetricColumn& m : t.metrics) {
    out += ',';
    store::append_csv_field(out, m.label());
  }
  out += '\n';
  for (std::uint32_t r : rows) {
    const Session& s = t.sessions[r];
    store::append_csv_field(out, s.run);
    out += ',';
    out += session_status_name(s.status);
    for (const HparamValue& v : s.hparams) {
      out += ',';
      if (v.type == HparamValue::Type::kNumber)
        store::append_csv_number(out, v.number);
      else
        store::append_csv_field(out, v.display());
    }
    for (const MetricValue& m : s.metrics) {
      out += ',';
      if (m.present) store::append_csv_number(out, metric_number(m, agg));
    }
    out += '\n';
  }
  return out;
}

namespace {

void write_value(store::JsonWriter& j, const HparamValue& v) {
  switch (v.type) {
    case HparamValue::Type::kMissing: j.null(); break;
    case HparamValue::Type::kNumber: j.value(v.number); break;
    case HparamValue::Type::kBool: j.value(v.number != 0); break;
    case HparamValue::Type::kString: j.value(v.text); break;
  }
}

const char* type_name(HparamType t) {
  return t == HparamType::kNumber ? "number" : t == HparamType::kBool ? "bool" : "string";
}

}  // namespace

void write_hparams_json(store::JsonWriter& j, const HparamsTable& t, const std::vector<std::uint32_t>& rows) {
  j.begin_object().key("experiments").value(static_cast<std::uint64_t>(t.experiments));
  j.key("hparams").begin_array();
  for (const HparamColumn& c : t.hparams) {
    j.begin_object().key("name").value(c.name).key("type").value(type_name(c.type));
    if (!c.display_name.empty()) j.key("display_name").value(c.display_name);
    if (c.has_interval)
      j.key("interval").begin_array().value(c.interval_min).value(c.interval_max).end_array();
    j.key("values").begin_array();
    for (const HparamValue& v : c.values) write_value(j, v);
    j.end_array().key("from_experiment").value(c.from_experiment).end_object();
  }
  j.end_array().key("metrics").begin_array();
  for (const MetricColumn& m : t.metrics)
    j.begin_object()
        .key("group")
        .value(m.group)
        .key("tag")
        .value(m.tag)
        .key("from_experiment")
        .value(m.from_experiment)
        .end_object();
  j.end_array().key("sessions").begin_array();
  for (std::uint32_t r : rows) {
    const Session& s = t.sessions[r];
    j.begin_object().key("run").value(s.run).key("status").value(session_status_name(s.status));
    if (!s.group_name.empty()) j.key("group_name").value(s.group_name);
    if (s.peeked) j.key("not_read").value(true);  // hparams from its file's head (store/hparams_peek.h)
    j.key("hparams").begin_object();
    for (std::size_t c = 0; c < t.hparams.size(); ++c)
      if (s.hparams[c].type != HparamValue::Type::kMissing) {
        j.key(t.hparams[c].name);
        write_value(j, s.hparams[c]);
      }
    j.end_object().key("metrics").begin_array();
    for (std::size_t m = 0; m < t.metrics.size(); ++m) {
      const MetricValue& v = s.metrics[m];
      if (!v.present) continue;
      j.begin_object().key("group").value(t.metrics[m].group).key("tag").value(t.metrics[m].tag);
      j.key("last").value(v.last).key("min").value(v.min).key("max").value(v.max);
      j.key("step").value(v.last_step).key("points").value(static_cast<std::uint64_t>(v.points)).end_object();
    }
    j.end_array().end_object();
  }
  j.end_array().end_object();
}

std::string hparams_json(const HparamsTable& t, const std::vector<std::uint32_t>& rows) {
  store::JsonWriter j;
  write_hparams_json(j, t, rows);
  return j.take();
}

}  // namespace el::aggregate
