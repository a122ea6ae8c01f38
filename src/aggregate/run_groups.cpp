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

GroupAggregate aggregate_members(const std::vector<MemberPoints>& members) {
  GroupAggregate out;
  std::vector<std::int64_t> steps;
  for (const MemberPoints& m : members) steps.insert(steps.end(), m.steps.begin(), m.steps.end());
  std::sort(steps.begin(), steps.end());
  steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
  // Each member walks the union once: `at` is its first step >= the current one.
  std::vector<std::size_t> at(members.size(), 0);
  std::vector<double> xs;
  out.points.reserve(steps.size());
  for (std::int64_t s : steps) {
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
        const double s0 = static_cast<double>(m.steps[i - 1]), s1 = static_cast<double>(m.steps[i]);
        const double v0 = m.values[i - 1], v1 = m.values[i];
        x = (v1 - v0) / (s1 - s0) * (static_cast<double>(s) - s0) + v0;
        out.interpolated = true;
      }
      if (std::isfinite(x)) xs.push_back(x);
    }
    if (xs.empty()) continue;
    GroupPoint p;
    p.step = s;
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
    std::sort(xs.begin(), xs.end());
    p.min = xs.front();
    p.max = xs.back();
    const std::size_t h = xs.size() / 2;
    p.median = xs.size() % 2 ? xs[h] : (xs[h - 1] + xs[h]) / 2;
    out.points.push_back(p);
  }
  return out;
}

}  // namespace el::aggregate
