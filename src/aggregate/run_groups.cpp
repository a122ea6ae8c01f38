#include "aggregate/run_groups.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace el::aggregate {

std::vector<RunGroup> group_runs(const std::vector<std::string>& runs, const std::regex& pattern) {
  std::vector<RunGroup> out;
  std::map<std::string, std::size_t> index;
  for (const std::string& run : runs) {
    std::smatch m;
    if (!std::regex_search(run, m, pattern)) continue;
    std::string key;
    if (m.size() <= 1) {
      key = m.str(0);
    } else {
      for (std::size_t i = 1; i < m.size(); ++i) key += (i > 1 ? "/" : "") + m.str(i);
    }
    auto [it, added] = index.try_emplace(key, out.size());
    if (added) out.push_back({key, {}});
    out[it->second].runs.push_back(run);
  }
  return out;
}

namespace {

// The values of one step in order (insertion sort: a group holds a handful of runs).
void sort_few(std::vector<double>& xs) {
  if (xs.size() > 32) {
    std::sort(xs.begin(), xs.end());
    return;
  }
  for (std::size_t a = 1; a < xs.size(); ++a) {
    const double v = xs[a];
    std::size_t b = a;
    for (; b > 0 && xs[b - 1] > v; --b) xs[b] = xs[b - 1];
    xs[b] = v;
  }
}

double median_of_sorted(const std::vector<double>& xs) {
  const std::size_t h = xs.size() / 2;
  return xs.size() % 2 ? xs[h] : (xs[h - 1] + xs[h]) / 2;
}

// Every member logged the same steps: point i is each member's record i. The
// reductions run member by member over whole columns (sums in member order,
// as the general path adds them, so the results are the same bits).
void aggregate_aligned(const std::vector<MemberPoints>& members, std::span<const double> steps, bool median,
                       GroupAggregate& out) {
  const std::size_t n = steps.size();
  std::vector<double> sum(n, 0), ss(n, 0), lo(n, INFINITY), hi(n, -INFINITY);
  std::vector<std::uint32_t> count(n, 0);
  for (const MemberPoints& m : members)
    for (std::size_t i = 0; i < n; ++i) {
      const double v = m.values[i];
      if (!std::isfinite(v)) continue;
      sum[i] += v;
      ++count[i];
      lo[i] = std::min(lo[i], v);
      hi[i] = std::max(hi[i], v);
    }
  for (std::size_t i = 0; i < n; ++i) sum[i] = count[i] ? sum[i] / count[i] : 0;  // now the mean
  for (const MemberPoints& m : members)
    for (std::size_t i = 0; i < n; ++i) {
      const double v = m.values[i];
      if (std::isfinite(v)) ss[i] += (v - sum[i]) * (v - sum[i]);
    }
  std::vector<double> xs;
  out.points.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (!count[i]) continue;
    GroupPoint p;
    p.step = static_cast<std::int64_t>(steps[i]);
    p.n = count[i];
    p.mean = sum[i];
    if (count[i] > 1) {
      p.std = std::sqrt(ss[i] / static_cast<double>(count[i] - 1));
      p.sem = p.std / std::sqrt(static_cast<double>(count[i]));
    }
    p.min = lo[i];
    p.max = hi[i];
    p.median = NAN;
    if (median) {
      xs.clear();
      for (const MemberPoints& m : members)
        if (std::isfinite(m.values[i])) xs.push_back(m.values[i]);
      sort_few(xs);
      p.median = median_of_sorted(xs);
    }
    out.points.push_back(p);
  }
}

}  // namespace

GroupAggregate aggregate_members(const std::vector<MemberPoints>& members, bool median) {
  GroupAggregate out;
  // The union of the members' steps; when they all logged the same steps (a
  // sweep's seeds usually do), that is the first one's, with no sort.
  std::vector<double> steps;
  const bool same = std::all_of(members.begin(), members.end(), [&](const MemberPoints& m) {
    return std::equal(m.steps.begin(), m.steps.end(), members.front().steps.begin(),
                      members.front().steps.end());
  });
  if (!members.empty() && same) {
    out.aligned = true;
    aggregate_aligned(members, members.front().steps, median, out);
    return out;
  }
  for (const MemberPoints& m : members) steps.insert(steps.end(), m.steps.begin(), m.steps.end());
  std::sort(steps.begin(), steps.end());
  steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
  // Each member walks the union once: `at` is its first step >= the current one.
  std::vector<std::size_t> at(members.size(), 0);
  std::vector<double> xs;
  xs.reserve(members.size());
  out.points.reserve(steps.size());
  for (const double s : steps) {
    xs.clear();
    for (std::size_t k = 0; k < members.size(); ++k) {
      const MemberPoints& m = members[k];
      std::size_t& i = at[k];
      while (i < m.steps.size() && m.steps[i] < s) ++i;
      if (i >= m.steps.size()) continue;  // past its last step
      double x;
      if (m.steps[i] == s) {
        x = m.values[i];
      } else if (i == 0) {
        continue;  // before its first step
      } else {
        // Between steps i-1 and i: the straight line (NumPy's interp formula).
        const double s0 = m.steps[i - 1], s1 = m.steps[i];
        const double v0 = m.values[i - 1], v1 = m.values[i];
        x = (v1 - v0) / (s1 - s0) * (s - s0) + v0;
        out.interpolated = true;
      }
      if (std::isfinite(x)) xs.push_back(x);
    }
    if (xs.empty()) continue;
    GroupPoint p;
    p.step = static_cast<std::int64_t>(s);
    p.n = static_cast<std::uint32_t>(xs.size());
    double sum = 0;
    for (double x : xs) sum += x;
    p.mean = sum / static_cast<double>(xs.size());
    if (xs.size() > 1) {
      double ss = 0;
      for (double x : xs) ss += (x - p.mean) * (x - p.mean);
      p.std = std::sqrt(ss / static_cast<double>(xs.size() - 1));
      p.sem = p.std / std::sqrt(static_cast<double>(xs.size()));
    }
    p.min = *std::min_element(xs.begin(), xs.end());
    p.max = *std::max_element(xs.begin(), xs.end());
    p.median = NAN;
    if (median) {
      sort_few(xs);
      p.median = median_of_sorted(xs);
    }
    out.points.push_back(p);
  }
  return out;
}

}  // namespace el::aggregate
