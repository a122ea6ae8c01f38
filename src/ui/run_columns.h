// The runs panel's optional columns: hparams and final metric values beside
// each run (its session's: aggregate::session_of_run), and the run order they
// give. Keys are "h:<hparam name>" and "m:<metric label>" (Settings::
// run_columns). Plain C++ (no ImGui).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "aggregate/hparams.h"

namespace el::ui {

struct RunColumn {
  std::string key;    // as in the settings
  std::string label;  // the header: the hparam's or metric's name
  bool metric = false;
  std::size_t index = 0;  // into the table's hparams or metrics
};

// The columns of `keys` the table has (others are left out until it has them).
std::vector<RunColumn> resolve_run_columns(const std::vector<std::string>& keys,
                                           const aggregate::HparamsTable& t);
// A run's value in a column: the hparam as logged, or the metric's last value; "" when missing.
std::string run_column_text(const aggregate::HparamsTable& t, const RunColumn& c, std::string_view run);
// Orders `runs` by a column (numbers by value, text by bytes); runs without a
// value come last in either direction; ties keep name order.
void sort_runs_by_column(std::vector<const std::string*>& runs, const aggregate::HparamsTable& t,
                         const RunColumn& c, bool descending);

}  // namespace el::ui
