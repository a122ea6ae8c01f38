// Runs grouped across seeds, and one scalar tag's aggregate over a group's
// members: per step, how many members have a value (n), their mean, sample
// standard deviation (ddof = 1, as pandas and tensorboard-reducer; 0 when
// n = 1), standard error, min, max and median (the mean of the middle two
// when n is even, as NumPy).
//
// Steps: the union of the members' steps. A member that logged a step gives
// its value; one that did not, but logged steps on both sides of it, gives
// the straight-line interpolation between them (and the aggregate says it
// interpolated); outside its first and last step a member gives nothing, so a
// shorter run does not drag the mean, it only lowers n.
#pragma once
#include <cmath>
#include <cstdint>
#include <regex>
#include <span>
#include <string>
#include <vector>

namespace el::aggregate {

struct RunGroup {
  std::string name;               // the captured groups joined by "/" (the whole match if none)
  std::vector<std::string> runs;  // in the order given
};

// Groups `runs` by `pattern` (searched, not anchored). Runs it does not match
// are left out. Groups are in the order of their first run.
std::vector<RunGroup> group_runs(const std::vector<std::string>& runs, const std::regex& pattern);

// One member's points: steps strictly increasing (the restart rule applied),
// as doubles (exact to 2^53, as charts hold them), values already smoothed if
// the caller smooths.
struct MemberPoints {
  std::span<const double> steps;
  std::span<const double> values;
  // steps[i] = steps[0] + i·stride exactly, when the caller knows it (else
  // NaN): members alike in this are known to share their steps unread.
  double stride = NAN;
};

struct GroupPoint {
  std::int64_t step = 0;
  std::uint32_t n = 0;
  double mean = 0, std = 0, sem = 0, min = 0, max = 0, median = 0;
};

struct GroupAggregate {
  std::vector<GroupPoint> points;
  bool interpolated = false;  // some member's value at some step was interpolated
  bool aligned = false;       // every member logged the very same steps (point i is each member's record i)
};

// Non-finite values are left out of their step (n counts finite values only).
// Without `median` the median is left NaN (it is the one reduction that
// needs each step's values in order: charts ask for it only when they draw it).
GroupAggregate aggregate_members(const std::vector<MemberPoints>& members, bool median = true);
// The same into `out`, whose points keep their capacity: a chart that
// recomputes a group's line reuses the memory it already has (fresh memory
// costs a page fault per 4 KiB on first touch, more than the arithmetic).
void aggregate_members(const std::vector<MemberPoints>& members, bool median, GroupAggregate& out);

// What a chart draws of a group, written straight into its columns (no
// per-point record): per point the step, n, the centre line (mean or median)
// and, unless the spread is kNone, the band's edges (centre ± std or ± the
// standard error, or min and max). The columns are the caller's vectors,
// cleared first (they keep their capacity).
enum class GroupCentre { kMean, kMedian };
enum class GroupSpread { kNone, kStd, kSem, kMinMax };
struct GroupLineColumns {
  std::vector<double>*steps, *centre, *lower, *upper;  // lower/upper left empty with kNone
  std::vector<std::uint32_t>* n;
  bool interpolated = false, aligned = false;  // as GroupAggregate's
};
void aggregate_line(const std::vector<MemberPoints>& members, GroupCentre centre, GroupSpread spread,
                    GroupLineColumns& out);

}  // namespace el::aggregate
