// The hyperparameter table of the HParams dashboard and `eventlens export
// --kind hparams`: one session per run holding `_hparams_/session_start_info`,
// its hparam values, status, and the metrics found in its run and sub-runs.
//
// TensorBoard's hparams plugin (backend_context.py) takes one experiment
// record; PyTorch's add_hparams writes one per session, each listing only its
// own values, so TensorBoard shows a partial domain. Here every experiment
// record is merged (hparams by name, metrics by (group, tag)), and hparams or
// metrics no experiment names are inferred from the sessions, as TensorBoard
// does when there is no experiment at all. A metric (group, tag) of session S
// is the scalar `tag` of run S (group "") or of run "S/group".
#pragma once
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "store/json_writer.h"
#include "store/store.h"

namespace el::aggregate {

inline constexpr std::string_view kExperimentTag = "_hparams_/experiment";
inline constexpr std::string_view kSessionStartTag = "_hparams_/session_start_info";
inline constexpr std::string_view kSessionEndTag = "_hparams_/session_end_info";

// A google.protobuf.Value as logged: lists and structs are kept as text.
struct HparamValue {
  enum class Type : std::uint8_t { kMissing, kNumber, kString, kBool };
  Type type = Type::kMissing;
  double number = 0;  // kNumber; kBool as 0 / 1
  std::string text;   // kString
  bool operator==(const HparamValue& o) const;
  // Numbers in their shortest round-trip form; bools "true" / "false"; missing "".
  std::string display() const;
};
bool hparam_value_less(const HparamValue& a, const HparamValue& b);  // missing < bool < number < string

enum class HparamType : std::uint8_t { kNumber, kString, kBool };

struct HparamColumn {
  std::string name, display_name, description;
  HparamType type = HparamType::kString;
  // Discrete domain (sorted), or an interval when the experiment gives one.
  std::vector<HparamValue> values;
  bool has_interval = false;
  double interval_min = 0, interval_max = 0;
  bool from_experiment = false;
};

struct MetricColumn {
  std::string group, tag, display_name, description;
  bool from_experiment = false;
  // "tag" or "group/tag": what the table header shows.
  std::string label() const { return group.empty() ? tag : group + "/" + tag; }
};

// A metric of one session over the scalar's visible records (restart rule).
struct MetricValue {
  bool present = false;
  double last = 0, min = 0, max = 0;  // min / max over finite values (NaN if none)
  std::int64_t last_step = 0;
  std::uint32_t points = 0;
};

enum class SessionStatus : std::uint8_t { kUnknown = 0, kSuccess = 1, kFailure = 2, kRunning = 3 };
const char* session_status_name(SessionStatus s);
// `run` is the session's own run or one of its sub-runs ("." holds every run).
bool run_in_session(const std::string& session,
                    const std::string& run);  // "unknown", "success", "failure", "running"

struct Session {
  std::string run;                   // the run holding session_start_info
  std::string group_name;            // as logged (often empty)
  std::vector<HparamValue> hparams;  // one per HparamsTable::hparams column
  std::vector<MetricValue> metrics;  // one per HparamsTable::metrics column
  SessionStatus status = SessionStatus::kUnknown;
  double start_time = 0, end_time = 0;  // seconds; 0 when not logged
  // Its run is not read: the hparams come from the head of its first file
  // (store/hparams_peek.h), and it has no metrics yet.
  bool peeked = false;
};

struct HparamsTable {
  std::vector<HparamColumn> hparams;
  std::vector<MetricColumn> metrics;
  std::vector<Session> sessions;      // sorted by run name
  std::size_t experiments = 0;        // experiment records merged
  std::vector<std::string> problems;  // records whose content could not be decoded
};

HparamsTable build_hparams_table(const store::Store& store);

// The session a run belongs to: the run's own, else the deepest session
// folder above it ("s1/eval" is session s1's), else the one session just
// under it (PyTorch's add_hparams logs the session in "<run>/<time>", beside
// the run's own scalars), else "." when that session exists; null when none.
// Sessions must be sorted by run name (as built).
const Session* session_of_run(const HparamsTable& table, std::string_view run);

// The listed runs that belong to the sessions `rows` (session_of_run), not
// read yet and so to be read to show them: each session's own run, its
// sub-runs, and a PyTorch session's parent. Sorted by name.
std::vector<std::string> unread_runs_of_sessions(const HparamsTable& table, const store::Store& store,
                                                 const std::vector<std::uint32_t>& rows);

// [SECTION] filtering and sorting (the dashboard's table, the page's tests)

enum class MetricAggregate : std::uint8_t { kLast, kMin, kMax };
double metric_number(const MetricValue& m, MetricAggregate agg);  // NaN when absent

// A column filter: a regular expression over the shown text (strings and
// bools), or a closed range over numbers. Missing values pass only an empty filter.
struct ColumnFilter {
  std::string pattern;  // ECMAScript regex; empty: no text filter
  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
  bool active() const {
    return !pattern.empty() || lo != -std::numeric_limits<double>::infinity() ||
           hi != std::numeric_limits<double>::infinity();
  }
};

// A number filter as typed in the table: "" (none), "a..b", ">= a", "> a",
// "<= b", "< b", or one number (equal). Strict bounds become the next double.
// Returns false (and leaves lo/hi alone) if the text is none of these.
[[nodiscard]] bool parse_number_filter(std::string_view text, double& lo, double& hi);
// The same range written back ("a..b", ">= a", "<= b", "" for none).
std::string format_number_filter(double lo, double hi);

struct SessionQuery {
  std::vector<ColumnFilter> hparam_filters;  // one per hparam column (may be shorter: no filter)
  std::vector<ColumnFilter> metric_filters;  // one per metric column
  unsigned status_mask = 0xF;                // bit (1 << SessionStatus)
  MetricAggregate aggregate = MetricAggregate::kLast;
  // Sort key: column index into hparams then metrics (hparams.size() + m); -1: run name.
  int sort_column = -1;
  bool descending = false;
};

// Indices into table.sessions passing every filter, in sort order (missing
// values last in either direction; ties by run name). An invalid regex
// filters nothing (the UI shows it in red).
std::vector<std::uint32_t> query_sessions(const HparamsTable& table, const SessionQuery& q);

// CSV (header: run, status, each hparam, each metric) and JSON of the given sessions.
std::string hparams_csv(const HparamsTable& table, const std::vector<std::uint32_t>& rows,
                        MetricAggregate agg);
std::string hparams_json(const HparamsTable& table, const std::vector<std::uint32_t>& rows);
void write_hparams_json(store::JsonWriter& j, const HparamsTable& table,
                        const std::vector<std::uint32_t>& rows);

}  // namespace el::aggregate
