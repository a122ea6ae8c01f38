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
// steps go in blocks small enough for the block's running sums to stay in
// the L1 cache, and each member's values are read in one run, which
// vectorises (wasm SIMD: two doubles at a time). Sums go in member order, as
// the general path adds them, so the results are the same bits.
void aggregate_aligned(const std::vector<MemberPoints>& members, std::span<const double> steps, bool median,
                       GroupAggregate& out) {
  constexpr std::size_t kBlock = 512;
  double sum[kBlock], ss[kBlock], lo[kBlock], hi[kBlock];
  std::uint32_t count[kBlock];
  std::vector<double> xs;
  const std::size_t n = steps.size();
  out.points.reserve(n);
  for (std::size_t from = 0; from < n; from += kBlock) {
    const std::size_t w = std::min(kBlock, n - from);
    std::fill_n(sum, w, 0.0);
    std::fill_n(ss, w, 0.0);
    std::fill_n(lo, w, INFINITY);
    std::fill_n(hi, w, -INFINITY);
    std::fill_n(count, w, 0u);
    for (const MemberPoints& m : members) {
      const double* v = m.values.data() + from;
      for (std::size_t i = 0; i < w; ++i) {  // branch-free selects: the loop vectorises
        const double x = v[i];
        const bool finite = std::isfinite(x);
        sum[i] = finite ? sum[i] + x : sum[i];
        count[i] += finite;
        lo[i] = finite && x < lo[i] ? x : lo[i];  // std::min and std::max, finite values only
        hi[i] = finite && x > hi[i] ? x : hi[i];
      }
    }
    for (std::size_t i = 0; i < w; ++i) sum[i] = count[i] ? sum[i] / count[i] : 0;  // now the mean
    for (const MemberPoints& m : members) {
      const double* v = m.values.data() + from;
      for (std::size_t i = 0; i < w; ++i) {
        const double d = v[i] - sum[i];
        ss[i] = std::isfinite(v[i]) ? ss[i] + d * d : ss[i];
      }
    }
    for (std::size_t i = 0; i < w; ++i) {
      if (!count[i]) continue;
      GroupPoint p;
      p.step = static_cast<std::int64_t>(steps[from + i]);
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
          if (std::isfinite(m.values[from + i])) xs.push_back(m.values[from + i]);
        sort_few(xs);
        p.median = median_of_sorted(xs);
      }
      out.points.push_back(p);
    }
  }
}

}  // namespace

GroupAggregate aggregate_members(const std::vector<MemberPoints>& members, bool median) {
  GroupAggregate out;
  aggregate_members(members, median, out);
  return out;
}

void aggregate_members(const std::vector<MemberPoints>& members, bool median, GroupAggregate& out) {
  out.points.clear();
  out.interpolated = out.aligned = false;
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
    return;
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
}

}  // namespace el::aggregate
