// A run group's line on a scalar chart, prepared as a chart draws any line:
// the group's aggregate of one tag over its shown members (aggregate/
// run_groups), as a PreparedSeries for the centre line (mean or median) and
// two for the band, with n per point for the tooltip. Kept per (group, tag)
// until a member's data or a setting it depends on changes; while data grows
// it is recomputed at most twice a second. Plain C++ (no ImGui).
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "aggregate/run_groups.h"
#include "ui/series_cache.h"
#include "ui/settings.h"

namespace el::ui {

struct GroupSeries {
  PreparedSeries centre, lower, upper;  // lower/upper: values only (at centre's x), empty without a band
  std::vector<std::uint32_t> counts;    // n of each centre point
  bool interpolated = false;            // some member's value at some step was interpolated
  bool aligned = false;                 // every member logged the same steps
  // The centre's wall times are left for later frames on the step axis (only
  // the tooltip's relative time reads them there): centre.walls is empty
  // until fill_group_walls. Any other axis computes them at once.
  bool walls_pending = false;
  std::vector<const PreparedSeries*> member_series;  // what it was built from
  std::size_t members = 0;
  std::uint64_t settings_key = 0, data_key = 0;
  double built_at = -1, used_at = -1;
};

class GroupSeriesCache {
 public:
  // The group line of `id` (the group and tag) over `members`, each prepared
  // with the settings' smoothing; `now` (seconds) paces recomputation.
  const GroupSeries& get(const std::string& id, std::span<const PreparedSeries* const> members,
                         const Settings& s, double now);
  // Drops everything when the store was cleared.
  void sync(std::uint64_t store_generation);
  // Drops the lines no chart asked for in the last `idle` seconds (groups of
  // an older regex, cards scrolled away long ago): each holds its points
  // three times over. Call once a frame, after drawing.
  void evict(double now, double idle = 10);
  // Computes the wall times of up to `lines` lines that left them for later;
  // returns whether some are still pending (ask for another frame). Call once
  // a frame, after drawing.
  bool fill_walls(std::size_t lines);
  std::size_t size() const { return entries_.size(); }
  // Aggregates computed so far (each build is one group's line of one tag).
  std::uint64_t builds() const { return builds_; }

 private:
  struct Spare {  // an entry no chart drew this frame
    std::uint64_t data_key, settings_key;
    double used_at;
    std::string id;
  };
  GroupSeries take_spare(std::uint64_t data_key, std::uint64_t settings_key, double now);

  std::unordered_map<std::string, GroupSeries> entries_;
  std::vector<Spare> spares_;  // oldest last
  double spares_at_ = -1;      // the frame they were listed in
  std::uint64_t generation_ = ~0ull;
  std::uint64_t builds_ = 0;  // makes each build's version unique (charts re-decimate on change)
};

// Every reduction of `g`'s members per step, the median included (downloads).
aggregate::GroupAggregate full_aggregate(const GroupSeries& g, const Settings& s);

// Fills `g` from the members (exposed for tests); the wall times too unless
// the x axis is steps (then they are pending: fill_group_walls).
void build_group_series(std::span<const PreparedSeries* const> members, const Settings& s, GroupSeries& g);
// The centre's wall times of `g`, from its members.
void fill_group_walls(GroupSeries& g);

}  // namespace el::ui
