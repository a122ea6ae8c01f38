#include "aggregate/run_groups.h"

#include <algorithm>
#include <cmath>
#include <map>
#ifdef __wasm_simd128__
#include <wasm_simd128.h>
#endif

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

// One step's reductions, as the core computes them, for a sink to keep.
struct StepStats {
  double step;
  std::uint32_t n;
  double mean, ss, min, max, median;  // ss: the sum of squared deviations; median NaN when not asked
};

double sample_std(const StepStats& p) { return p.n > 1 ? std::sqrt(p.ss / static_cast<double>(p.n - 1)) : 0; }

// Keeps every reduction as a GroupPoint (downloads, the CLI, tests).
struct PointSink {
  GroupAggregate& out;
  void reserve(std::size_t n) { out.points.reserve(n); }
  void add(const StepStats& s) {
    GroupPoint p;
    p.step = static_cast<std::int64_t>(s.step);
    p.n = s.n;
    p.mean = s.mean;
    p.std = sample_std(s);
    p.sem = s.n > 1 ? p.std / std::sqrt(static_cast<double>(s.n)) : 0;
    p.min = s.min;
    p.max = s.max;
    p.median = s.median;
    out.points.push_back(p);
  }
};

// Keeps what a chart draws, straight into its columns: sized once for every
// step, written by index, cut to the points kept at the end.
struct LineSink {
  GroupLineColumns& out;
  GroupCentre centre;
  GroupSpread spread;
  double *steps = nullptr, *mid = nullptr, *lower = nullptr, *upper = nullptr;
  std::uint32_t* n = nullptr;
  std::size_t kept = 0;
  void reserve(std::size_t size) {
    out.steps->resize(size);
    out.centre->resize(size);
    out.n->resize(size);
    out.lower->resize(spread == GroupSpread::kNone ? 0 : size);
    out.upper->resize(spread == GroupSpread::kNone ? 0 : size);
    steps = out.steps->data(), mid = out.centre->data(), n = out.n->data();
    lower = out.lower->data(), upper = out.upper->data();
  }
  void add(const StepStats& s) {
    const double c = centre == GroupCentre::kMedian ? s.median : s.mean;
    steps[kept] = s.step;
    n[kept] = s.n;
    mid[kept] = c;
    if (spread != GroupSpread::kNone) {
      double lo = s.min, hi = s.max;
      if (spread != GroupSpread::kMinMax) {
        const double sd = sample_std(s);
        const double d = spread == GroupSpread::kStd ? sd
                         : s.n > 1                   ? sd / std::sqrt(static_cast<double>(s.n))
                                                     : 0;
        lo = c - d, hi = c + d;
      }
      lower[kept] = lo;
      upper[kept] = hi;
    }
    ++kept;
  }
  void finish() {
    for (std::vector<double>* c : {out.steps, out.centre, out.lower, out.upper})
      c->resize(std::min(c->size(), kept));
    out.n->resize(kept);
  }
};

struct AlignedStats {
  double count, mean, ss, lo, hi;
};

// Point i of members whose values are v[0..k) (the scalar form of the lanes below).
AlignedStats aligned_stats(const double* const* v, std::size_t k, std::size_t i) {
  double sum = 0, count = 0, lo = INFINITY, hi = -INFINITY;
  for (std::size_t j = 0; j < k; ++j) {
    const double x = v[j][i];
    const bool finite = std::isfinite(x);
    sum = finite ? sum + x : sum;
    count += finite;
    lo = finite && x < lo ? x : lo;  // std::min and std::max, finite values only
    hi = finite && x > hi ? x : hi;
  }
  const double mean = count > 0 ? sum / count : 0;
  double ss = 0;
  for (std::size_t j = 0; j < k; ++j) {
    const double d = v[j][i] - mean;
    ss = std::isfinite(v[j][i]) ? ss + d * d : ss;
  }
  return {count, mean, ss, lo, hi};
}

// Every member logged the same steps: point i is each member's record i.
// Each point's sums stay in registers while the members' values stream past
// (no running sums in memory); in wasm two points go at once in SIMD lanes.
// Sums go in member order, as the general path adds them, and the lanes do
// exactly the scalar operations, so the results are the same bits.
template <class Sink>
void aggregate_aligned(const std::vector<MemberPoints>& members, std::span<const double> steps, bool median,
                       Sink& sink) {
  std::vector<const double*> values;
  for (const MemberPoints& m : members) values.push_back(m.values.data());
  const std::size_t k = values.size(), n = steps.size();
  const double* const* v = values.data();
  std::vector<double> xs;
  auto emit = [&](std::size_t i, double count, double mean, double ss, double lo, double hi) {
    if (count == 0) return;
    double med = NAN;
    if (median) {
      xs.clear();
      for (std::size_t j = 0; j < k; ++j)
        if (std::isfinite(v[j][i])) xs.push_back(v[j][i]);
      sort_few(xs);
      med = median_of_sorted(xs);
    }
    sink.add({steps[i], static_cast<std::uint32_t>(count), mean, ss, lo, hi, med});
  };
  sink.reserve(n);
  std::size_t i = 0;
#ifdef __wasm_simd128__
  const v128_t inf = wasm_f64x2_splat(INFINITY), ninf = wasm_f64x2_splat(-INFINITY);
  const v128_t one = wasm_f64x2_splat(1), zero = wasm_f64x2_splat(0);
  for (; i + 2 <= n; i += 2) {
    v128_t sum = zero, count = zero, lo = inf, hi = ninf;
    for (std::size_t j = 0; j < k; ++j) {
      const v128_t x = wasm_v128_load(v[j] + i);
      const v128_t finite = wasm_f64x2_lt(wasm_f64x2_abs(x), inf);  // false for NaN too
      sum = wasm_v128_bitselect(wasm_f64x2_add(sum, x), sum, finite);
      count = wasm_f64x2_add(count, wasm_v128_and(one, finite));
      lo = wasm_v128_bitselect(x, lo, wasm_v128_and(finite, wasm_f64x2_lt(x, lo)));
      hi = wasm_v128_bitselect(x, hi, wasm_v128_and(finite, wasm_f64x2_gt(x, hi)));
    }
    const v128_t mean = wasm_v128_bitselect(wasm_f64x2_div(sum, count), zero, wasm_f64x2_gt(count, zero));
    v128_t ss = zero;
    for (std::size_t j = 0; j < k; ++j) {
      const v128_t x = wasm_v128_load(v[j] + i);
      const v128_t finite = wasm_f64x2_lt(wasm_f64x2_abs(x), inf);
      const v128_t d = wasm_f64x2_sub(x, mean);
      ss = wasm_v128_bitselect(wasm_f64x2_add(ss, wasm_f64x2_mul(d, d)), ss, finite);
    }
    double c[2], m[2], q[2], l[2], h[2];
    wasm_v128_store(c, count);
    wasm_v128_store(m, mean);
    wasm_v128_store(q, ss);
    wasm_v128_store(l, lo);
    wasm_v128_store(h, hi);
    for (std::size_t lane = 0; lane < 2; ++lane) emit(i + lane, c[lane], m[lane], q[lane], l[lane], h[lane]);
  }
#endif
  for (; i < n; ++i) {
    const AlignedStats a = aligned_stats(v, k, i);
    emit(i, a.count, a.mean, a.ss, a.lo, a.hi);
  }
}

// The general case: the union of the members' steps, interpolating inside a
// member's range. Returns whether any value was interpolated.
template <class Sink>
bool aggregate_union(const std::vector<MemberPoints>& members, bool median, Sink& sink) {
  std::vector<double> steps;
  for (const MemberPoints& m : members) steps.insert(steps.end(), m.steps.begin(), m.steps.end());
  std::sort(steps.begin(), steps.end());
  steps.erase(std::unique(steps.begin(), steps.end()), steps.end());
  bool interpolated = false;
  // Each member walks the union once: `at` is its first step >= the current one.
  std::vector<std::size_t> at(members.size(), 0);
  std::vector<double> xs;
  xs.reserve(members.size());
  sink.reserve(steps.size());
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
        interpolated = true;
      }
      if (std::isfinite(x)) xs.push_back(x);
    }
    if (xs.empty()) continue;
    StepStats p{s, static_cast<std::uint32_t>(xs.size()), 0, 0, 0, 0, NAN};
    double sum = 0;
    for (double x : xs) sum += x;
    p.mean = sum / static_cast<double>(xs.size());
    for (double x : xs) p.ss += (x - p.mean) * (x - p.mean);
    p.min = *std::min_element(xs.begin(), xs.end());
    p.max = *std::max_element(xs.begin(), xs.end());
    if (median) {
      sort_few(xs);
      p.median = median_of_sorted(xs);
    }
    sink.add(p);
  }
  return interpolated;
}

// Whether every member logged the very same steps: O(1) for members known to
// step evenly from the same start, else compared.
bool same_steps(const std::vector<MemberPoints>& members) {
  if (members.empty()) return false;
  const MemberPoints& first = members.front();
  return std::all_of(members.begin(), members.end(), [&](const MemberPoints& m) {
    if (m.steps.size() != first.steps.size()) return false;
    if (m.steps.empty()) return true;
    if (m.stride == first.stride && m.steps.front() == first.steps.front()) return true;  // (NaN != NaN)
    return std::equal(m.steps.begin(), m.steps.end(), first.steps.begin());
  });
}

template <class Sink>
void aggregate_into(const std::vector<MemberPoints>& members, bool median, Sink& sink, bool& interpolated,
                    bool& aligned) {
  interpolated = false;
  aligned = same_steps(members);
  // When they all logged the same steps (a sweep's seeds usually do), the
  // union is the first one's steps, with no sort and no interpolation.
  if (aligned)
    aggregate_aligned(members, members.front().steps, median, sink);
  else
    interpolated = aggregate_union(members, median, sink);
}

}  // namespace

GroupAggregate aggregate_members(const std::vector<MemberPoints>& members, bool median) {
  GroupAggregate out;
  aggregate_members(members, median, out);
  return out;
}

void aggregate_members(const std::vector<MemberPoints>& members, bool median, GroupAggregate& out) {
  out.points.clear();
  PointSink sink{out};
  aggregate_into(members, median, sink, out.interpolated, out.aligned);
}

void aggregate_line(const std::vector<MemberPoints>& members, GroupCentre centre, GroupSpread spread,
                    GroupLineColumns& out) {
  LineSink sink{out, centre, spread};
  sink.reserve(0);  // (no steps when there are no members)
  aggregate_into(members, centre == GroupCentre::kMedian, sink, out.interpolated, out.aligned);
  sink.finish();
}

}  // namespace el::aggregate
