#include "embed/knn.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "embed/portable_math.h"

// [SECTION] index
//   distances
//   slices: begin, run_for, progress
//   exact: every pair
//   approximate: random-projection trees
//   approximate: neighbours of neighbours
//   the finished graph, recall

namespace el::embed {

// [SECTION] distances ------------------------------------------------------------------------------
float distance2(const float* a, const float* b, std::size_t dims) {
  // Four running sums (a compiler may keep them in one SIMD register: the same arithmetic).
  float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
  std::size_t c = 0;
  for (; c + 4 <= dims; c += 4) {
    const float t0 = a[c] - b[c], t1 = a[c + 1] - b[c + 1], t2 = a[c + 2] - b[c + 2],
                t3 = a[c + 3] - b[c + 3];
    s0 += t0 * t0;
    s1 += t1 * t1;
    s2 += t2 * t2;
    s3 += t3 * t3;
  }
  for (; c < dims; ++c) {
    const float t = a[c] - b[c];
    s0 += t * t;
  }
  return (s0 + s1) + (s2 + s3);
}

namespace {

// (d, i) before (e, j): nearer first, ties by index.
bool before(float d, std::uint32_t i, float e, std::uint32_t j) { return d < e || (d == e && i < j); }

// The exact k nearest of point `i` into `index`/`d2` (k slots), by a scan of every point.
void scan_row(const Matrix& m, std::size_t i, std::size_t k,
              std::vector<std::pair<float, std::uint32_t>>& all, std::uint32_t* index, float* d2) {
  all.clear();
  const float* a = m.row(i);
  for (std::size_t j = 0; j < m.rows; ++j)
    if (j != i) all.push_back({distance2(a, m.row(j), m.dims), static_cast<std::uint32_t>(j)});
  std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(k), all.end());
  for (std::size_t j = 0; j < k; ++j) {
    index[j] = all[j].second;
    d2[j] = all[j].first;
  }
}

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

// [SECTION] slices: begin, run_for, progress --------------------------------------------------------
void KnnBuilder::begin(const Matrix& points, const KnnOptions& options) {
  points_ = &points;
  options_ = options;
  n_ = points.rows;
  k_ = n_ ? std::min(options.k, n_ - 1) : 0;
  exact_ = options.method == KnnMethod::kExact ||
           (options.method == KnnMethod::kAuto && n_ <= kExactKnnLimit) || n_ < 4;
  if (options_.leaf_size == 0) options_.leaf_size = std::max<std::size_t>(64, 2 * k_);
  // Measured on 100,000 x 128 (eventlens bench --knn): recall 0.99 at k = 90 and at k = 15.
  if (options_.trees <= 0) options_.trees = k_ > 30 ? 6 : 8;
  next_row_ = 0;
  tree_ = 0;
  round_ = 0;
  changed_ = 0;
  tree_points_done_ = 0;
  random_ = options.seed;
  graph_ = {};
  graph_.points = n_;
  graph_.k = k_;
  graph_.exact = exact_;
  index_.clear();
  d2_.clear();
  filled_.clear();
  if (k_ == 0) {
    phase_ = Phase::kDone;
    return;
  }
  if (exact_) {
    graph_.index.resize(n_ * k_);
    graph_.distance2.resize(n_ * k_);
    phase_ = Phase::kExactRows;
    return;
  }
  index_.assign(n_ * k_, 0);
  d2_.assign(n_ * k_, 0);
  filled_.assign(n_, 0);
  fresh_.assign(n_ * k_, 0);
  order_.resize(n_);
  for (std::size_t i = 0; i < n_; ++i) order_[i] = static_cast<std::uint32_t>(i);
  ranges_.assign(1, {0, static_cast<std::uint32_t>(n_)});
  phase_ = Phase::kTrees;
}

bool KnnBuilder::run_for(double budget_ms) {
  const auto t0 = std::chrono::steady_clock::now();
  do {
    switch (phase_) {
      case Phase::kIdle:
      case Phase::kDone: return done();
      case Phase::kExactRows:
        exact_rows(std::max<std::size_t>(1, 2000000 / std::max<std::size_t>(1, n_ * points_->dims)));
        break;
      case Phase::kTrees: tree_slice(); break;
      case Phase::kRefine: refine_points(64); break;
    }
  } while (ms_since(t0) < budget_ms);
  return done();
}

double KnnBuilder::progress() const {
  switch (phase_) {
    case Phase::kIdle: return 0;
    case Phase::kDone: return 1;
    case Phase::kExactRows: return static_cast<double>(next_row_) / n_;
    case Phase::kTrees: return 0.5 * tree_points_done_ / (static_cast<double>(n_) * options_.trees);
    case Phase::kRefine:
      return 0.5 + 0.5 * (round_ * static_cast<double>(n_) + next_row_) /
                       (static_cast<double>(n_) * options_.rounds);
  }
  return 0;
}

// [SECTION] exact: every pair ---------------------------------------------------------------------
void KnnBuilder::exact_rows(std::size_t count) {
  std::vector<std::pair<float, std::uint32_t>> all;
  all.reserve(n_);
  const std::size_t end = std::min(n_, next_row_ + count);
  for (std::size_t i = next_row_; i < end; ++i)
    scan_row(*points_, i, k_, all, &graph_.index[i * k_], &graph_.distance2[i * k_]);
  next_row_ = end;
  if (next_row_ == n_) phase_ = Phase::kDone;
}

// Offers `from` at squared distance `d2` as a neighbour of `to`; true if it was taken.
bool KnnBuilder::offer(std::uint32_t to, std::uint32_t from, float d2) {
  const std::size_t k = k_;
  std::uint32_t* ix = &index_[to * k];
  float* d = &d2_[to * k];
  const std::uint32_t f = filled_[to];
  if (f == k && !before(d2, from, d[k - 1], ix[k - 1])) return false;
  // The first slot holding something farther than (d2, from).
  std::uint32_t lo = 0, hi = f;
  while (lo < hi) {
    const std::uint32_t mid = (lo + hi) / 2;
    if (before(d2, from, d[mid], ix[mid]))
      hi = mid;
    else
      lo = mid + 1;
  }
  // The same pair computes to the same distance both ways, so a repeat sits just before.
  if (lo > 0 && ix[lo - 1] == from && d[lo - 1] == d2) return false;
  const std::uint32_t last = f == k ? f - 1 : f;
  std::uint8_t* fresh = &fresh_[to * k];
  for (std::uint32_t p = last; p > lo; --p) {
    ix[p] = ix[p - 1];
    d[p] = d[p - 1];
    fresh[p] = fresh[p - 1];
  }
  ix[lo] = from;
  d[lo] = d2;
  fresh[lo] = 1;
  if (f < k) filled_[to] = f + 1;
  return true;
}

// [SECTION] approximate: random-projection trees ----------------------------------------------------
// One slice: the next range of the tree being built is split in two, or, small
// enough, becomes a leaf whose pairs are all compared.
void KnnBuilder::tree_slice() {
  const Matrix& m = *points_;
  const std::size_t dims = m.dims;
  const auto [b, e] = ranges_.back();
  ranges_.pop_back();
  const std::uint32_t size = e - b;
  if (size <= options_.leaf_size) {
    for (std::uint32_t x = b; x < e; ++x) {
      const std::uint32_t i = order_[x];
      for (std::uint32_t y = x + 1; y < e; ++y) {
        const std::uint32_t j = order_[y];
        const float d2 = distance2(m.row(i), m.row(j), dims);
        offer(i, j, d2);
        offer(j, i, d2);
      }
    }
    tree_points_done_ += size;
  } else {
    // The plane halfway between two random points of the range, normal to their difference.
    const std::uint32_t pa = b + next_below(random_, size);
    std::uint32_t pc = b + next_below(random_, size - 1);
    if (pc >= pa) ++pc;
    const float* xa = m.row(order_[pa]);
    const float* xc = m.row(order_[pc]);
    std::vector<float> normal(dims);
    float offset = 0;
    for (std::size_t c = 0; c < dims; ++c) {
      normal[c] = xa[c] - xc[c];
      offset += normal[c] * (xa[c] + xc[c]) * 0.5f;
    }
    // A stable split into the side below the plane, then the side above (points on it alternate).
    scratch_.clear();
    std::uint32_t below = b;
    bool tie_above = false;
    for (std::uint32_t x = b; x < e; ++x) {
      const float* p = m.row(order_[x]);
      float s = 0;
      for (std::size_t c = 0; c < dims; ++c) s += p[c] * normal[c];
      s -= offset;
      const bool above = s > 0 || (s == 0 && (tie_above = !tie_above));
      if (above)
        scratch_.push_back(order_[x]);
      else
        order_[below++] = order_[x];
    }
    std::copy(scratch_.begin(), scratch_.end(), order_.begin() + below);
    // All on one side (duplicates): halve the range as it stands.
    if (below == b || below == e) below = b + size / 2;
    ranges_.push_back({below, e});
    ranges_.push_back({b, below});
  }
  if (!ranges_.empty()) return;
  if (++tree_ < options_.trees) {
    ranges_.assign(1, {0, static_cast<std::uint32_t>(n_)});
    return;
  }
  order_ = {};
  scratch_ = {};
  stamp_.assign(n_, UINT32_MAX);
  next_row_ = 0;
  was_fresh_.swap(fresh_);
  fresh_.assign(n_ * k_, 0);
  phase_ = options_.rounds > 0 ? Phase::kRefine : Phase::kDone;
  if (phase_ == Phase::kDone) finish();
}

// [SECTION] approximate: neighbours of neighbours -----------------------------------------------------
// Each point is compared with its nearest neighbours' nearest neighbours it has
// not met, and each comparison is offered both ways. After the first round only
// pairs through a neighbour that arrived in the round before are compared (the
// rest were compared then).
void KnnBuilder::refine_points(std::size_t count) {
  const Matrix& m = *points_;
  const std::size_t k = k_;
  // How far to look: the nearest `near` neighbours of the nearest `near`: at
  // least k / 4 (measured: recall 0.99 at 100,000 x 128), and more for smaller
  // embeddings, up to about 50 million comparisons a round.
  const double budget = 5e7 / static_cast<double>(n_);
  std::size_t near = std::max<std::size_t>(10, k / 4);
  while (near < k && static_cast<double>((near + 1) * (near + 1)) <= budget) ++near;
  near = std::min(near, k);
  std::vector<std::uint32_t> mine;
  std::vector<std::uint8_t> mine_fresh;
  const std::size_t end = std::min(n_, next_row_ + count);
  for (std::size_t i = next_row_; i < end; ++i) {
    const std::uint32_t self = static_cast<std::uint32_t>(i);
    stamp_[i] = self;
    const std::uint32_t* ix = &index_[i * k];
    mine.assign(ix, ix + filled_[i]);
    mine_fresh.assign(&was_fresh_[i * k], &was_fresh_[i * k] + filled_[i]);
    for (std::uint32_t j : mine) stamp_[j] = self;
    const std::size_t first = std::min<std::size_t>(near, mine.size());
    for (std::size_t a = 0; a < first; ++a) {
      const std::uint32_t j = mine[a];
      const std::uint32_t* jx = &index_[static_cast<std::size_t>(j) * k];
      const std::uint8_t* j_fresh = &was_fresh_[static_cast<std::size_t>(j) * k];
      const std::size_t second = std::min<std::size_t>(near, filled_[j]);
      for (std::size_t b2 = 0; b2 < second; ++b2) {
        const std::uint32_t c = jx[b2];
        if (stamp_[c] == self || !(mine_fresh[a] || j_fresh[b2])) continue;
        stamp_[c] = self;
        const float d2 = distance2(m.row(i), m.row(c), m.dims);
        changed_ += offer(self, c, d2);
        changed_ += offer(c, self, d2);
      }
    }
  }
  next_row_ = end;
  if (next_row_ < n_) return;
  next_row_ = 0;
  std::fill(stamp_.begin(), stamp_.end(), UINT32_MAX);
  was_fresh_.swap(fresh_);
  std::fill(fresh_.begin(), fresh_.end(), 0);
  const bool settled = static_cast<double>(changed_) < options_.converged * static_cast<double>(n_ * k_);
  changed_ = 0;
  if (++round_ >= options_.rounds || settled) finish();
}

// [SECTION] the finished graph, recall ---------------------------------------------------------------
void KnnBuilder::finish() {
  // A point whose lists never filled (a tiny leaf, many equal points) gets an exact scan.
  std::vector<std::pair<float, std::uint32_t>> all;
  for (std::size_t i = 0; i < n_; ++i)
    if (filled_[i] < k_) {
      scan_row(*points_, i, k_, all, &index_[i * k_], &d2_[i * k_]);
      filled_[i] = static_cast<std::uint32_t>(k_);
    }
  graph_.index = std::move(index_);
  graph_.distance2 = std::move(d2_);
  index_ = {};
  d2_ = {};
  filled_ = {};
  fresh_ = {};
  was_fresh_ = {};
  stamp_ = {};
  phase_ = Phase::kDone;
}

KnnGraph KnnBuilder::take() { return std::move(graph_); }

KnnGraph exact_knn(const Matrix& points, std::size_t k) {
  KnnOptions o;
  o.k = k;
  o.method = KnnMethod::kExact;
  return build_knn(points, o);
}

KnnGraph build_knn(const Matrix& points, const KnnOptions& options) {
  KnnBuilder b;
  b.begin(points, options);
  while (!b.run_for(1e9)) {
  }
  return b.take();
}

double knn_recall(const Matrix& points, const KnnGraph& graph, std::size_t sample) {
  if (graph.k == 0 || points.rows == 0) return 1;
  sample = std::min(sample, points.rows);
  std::vector<std::pair<float, std::uint32_t>> all;
  std::vector<std::uint32_t> index(graph.k);
  std::vector<float> d2(graph.k);
  std::size_t found = 0;
  for (std::size_t s = 0; s < sample; ++s) {
    const std::size_t i = s * points.rows / sample;
    scan_row(points, i, graph.k, all, index.data(), d2.data());
    std::vector<std::uint32_t> got(graph.row(i), graph.row(i) + graph.k);
    std::sort(got.begin(), got.end());
    for (std::uint32_t j : index) found += std::binary_search(got.begin(), got.end(), j);
  }
  return static_cast<double>(found) / (static_cast<double>(sample) * graph.k);
}

}  // namespace el::embed
