#include "ui/run_grouping.h"

#include <map>
#include <regex>
#include <string_view>

#include "ui/palette.h"

namespace el::ui {

bool RunGrouping::stale(const store::Store& store, const Settings& s,
                        const aggregate::HparamsTable* hparams) const {
  if (store.generation() != generation_ || s.group_regex != regex_ || s.group_hparam != hparam_) return true;
  if (s.group_regex.empty() && s.group_hparam.empty()) return false;
  // Runs with data (a run's files are listed before any is read).
  std::size_t runs = 0;
  for (const auto& [name, run] : store.runs()) runs += !run.tags.empty();
  if (runs != runs_) return true;
  // Grouping by an hparam follows the table (rebuilt while sessions load).
  return s.group_regex.empty() && !s.group_hparam.empty() &&
         (hparams != hparams_ || (hparams && hparams->sessions.size() != hparam_sessions_));
}

void RunGrouping::regroup(const store::Store& store, const Settings& s,
                          const aggregate::HparamsTable* hparams) {
  generation_ = store.generation();
  regex_ = s.group_regex;
  hparam_ = s.group_hparam;
  hparams_ = hparams;
  hparam_sessions_ = hparams ? hparams->sessions.size() : 0;
  groups_.clear();
  where_.clear();
  problem_.clear();
  by_.clear();
  ++key_;
  std::vector<std::string> runs;
  for (const auto& [name, run] : store.runs())
    if (!run.tags.empty()) runs.push_back(name);
  runs_ = runs.size();
  std::vector<aggregate::RunGroup> made;
  if (!s.group_regex.empty()) {
    by_ = "regex " + s.group_regex;
    try {
      made = aggregate::group_runs(runs, std::regex(s.group_regex, std::regex::ECMAScript));
    } catch (const std::regex_error&) {
      problem_ = "The grouping regex is not valid.";
      return;
    }
    if (made.empty()) problem_ = "No run matches the grouping regex.";
  } else if (!s.group_hparam.empty()) {
    by_ = "hparam " + s.group_hparam;
    int column = -1;
    if (hparams)
      for (std::size_t c = 0; c < hparams->hparams.size(); ++c)
        if (hparams->hparams[c].name == s.group_hparam) column = static_cast<int>(c);
    if (column < 0) {
      problem_ = "No session logs the hparam " + s.group_hparam + ".";
      return;
    }
    // A run joins the group of the session it belongs to (its own, or the
    // session folder it is under: "S/eval" is session S's).
    std::map<std::string, std::size_t> index;
    for (const std::string& run : runs) {
      const aggregate::Session* session = aggregate::session_of_run(*hparams, run);
      if (!session) continue;
      const aggregate::HparamValue& v = session->hparams[static_cast<std::size_t>(column)];
      if (v.type == aggregate::HparamValue::Type::kMissing) continue;  // its session did not log it: no group
      const std::string name = s.group_hparam + "=" + v.display();
      auto [it, added] = index.try_emplace(name, made.size());
      if (added) made.push_back({name, {}});
      made[it->second].runs.push_back(run);
    }
    if (made.empty()) problem_ = "No run belongs to a session with that hparam.";
  }
  groups_.reserve(made.size());
  for (aggregate::RunGroup& g : made) {
    Group out;
    out.name = std::move(g.name);
    out.runs = std::move(g.runs);
    groups_.push_back(std::move(out));
  }
  for (std::size_t gi = 0; gi < groups_.size(); ++gi)
    for (std::size_t m = 0; m < groups_[gi].runs.size(); ++m)
      where_[groups_[gi].runs[m]] = {static_cast<int>(gi), static_cast<int>(m)};
}

int RunGrouping::group_of(const std::string& run) const {
  auto it = where_.find(run);
  return it == where_.end() ? -1 : it->second.first;
}

int RunGrouping::member_of(const std::string& run) const {
  auto it = where_.find(run);
  return it == where_.end() ? -1 : it->second.second;
}

std::uint32_t RunGrouping::member_rgb(const std::string& run, std::uint32_t own) const {
  auto it = where_.find(run);
  if (it == where_.end()) return own;
  return family_color(groups_[static_cast<std::size_t>(it->second.first)].rgb, it->second.second);
}

}  // namespace el::ui
