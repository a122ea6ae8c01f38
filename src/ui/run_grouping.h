// The run groups the settings ask for (group_regex, else group_hparam), kept
// until the runs or those settings change: which group each run is in, its
// place among the members, and the colours — a group takes its first
// member's colour, and its members lighter and darker shades of it, so a
// group reads as one family on every dashboard. Plain C++ (no ImGui).
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "aggregate/hparams.h"
#include "aggregate/run_groups.h"
#include "store/store.h"
#include "ui/settings.h"

namespace el::ui {

class RunGrouping {
 public:
  // Regroups when the store's runs, the grouping settings or the hparams
  // table changed. `base_rgb` gives a run's own colour (before grouping).
  template <typename BaseRgb>
  void update(const store::Store& store, const Settings& s, const aggregate::HparamsTable* hparams,
              BaseRgb base_rgb) {
    if (!stale(store, s, hparams)) return;
    regroup(store, s, hparams);
    for (Group& g : groups_) g.rgb = g.runs.empty() ? 0 : base_rgb(g.runs.front());
  }
  // Groups are in use (a valid regex or a known hparam, and some run matched it).
  bool active() const { return !groups_.empty(); }
  // Why the settings gave no groups ("" when they ask for none or give some).
  const std::string& problem() const { return problem_; }
  // What the runs are grouped by, in words ("regex (.*)/seed_\d+", "hparam lr").
  const std::string& by() const { return by_; }

  struct Group : aggregate::RunGroup {
    std::uint32_t rgb = 0;  // the family's base colour
  };
  const std::vector<Group>& groups() const { return groups_; }
  // The group of a run (-1: in none) and its index among the members.
  int group_of(const std::string& run) const;
  int member_of(const std::string& run) const;
  // The run's colour while grouped (its family's shade), or `own` when in no group.
  std::uint32_t member_rgb(const std::string& run, std::uint32_t own) const;
  // Changes whenever the groups change.
  std::uint64_t key() const { return key_; }

 private:
  bool stale(const store::Store& store, const Settings& s, const aggregate::HparamsTable* hparams) const;
  void regroup(const store::Store& store, const Settings& s, const aggregate::HparamsTable* hparams);

  std::vector<Group> groups_;
  std::unordered_map<std::string, std::pair<int, int>> where_;  // run -> (group, member)
  std::string problem_, by_;
  // What the groups were made from.
  std::uint64_t generation_ = ~0ull;
  std::size_t runs_ = ~std::size_t{0};  // with data
  std::string regex_, hparam_;
  const aggregate::HparamsTable* hparams_ = nullptr;
  std::size_t hparam_sessions_ = 0;
  std::uint64_t key_ = 0;
};

}  // namespace el::ui
