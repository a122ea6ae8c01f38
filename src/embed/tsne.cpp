#include "embed/tsne.h"

#include <algorithm>
#include <chrono>
#include <cmath>

// [SECTION] index
//   defaults
//   input affinities
//   the Barnes-Hut tree
//   gradient steps

namespace el::embed {

// [SECTION] defaults -------------------------------------------------------------------------------
double default_perplexity(std::size_t n) {
  return std::max(5.0, std::ceil(std::sqrt(static_cast<double>(n)) / 4));
}

namespace {

// [SECTION] input affinities ---------------------------------------------------------------------
// The Gaussian over one point's neighbours (squared distances `d`, ascending)
// whose perplexity is `perplexity`, by bisection on its precision beta.
void conditional_p(const std::vector<double>& d, double perplexity, std::vector<double>& p) {
  const std::size_t k = d.size();
  p.assign(k, 0);
  double beta = 1, lo = 0, hi = INFINITY;
  const double d0 = d.empty() ? 0 : d[0];
  for (int it = 0; it < 200; ++it) {
    double sum = 0, mean = 0;
    for (std::size_t j = 0; j < k; ++j) {
      p[j] = portable_exp(-beta * (d[j] - d0));
      sum += p[j];
    }
    for (std::size_t j = 0; j < k; ++j) mean += p[j] * (d[j] - d0);
    mean /= sum;
    // The perplexity e^H, H = ln(sum) + beta * mean, compared without a log.
    const double perp = sum * portable_exp(beta * mean);
    if (std::fabs(perp / perplexity - 1) < 1e-5) break;
    if (perp > perplexity) {  // too flat: narrow it
      lo = beta;
      beta = hi == INFINITY ? beta * 2 : (beta + hi) / 2;
    } else {
      hi = beta;
      beta = (beta + lo) / 2;
    }
  }
  double sum = 0;
  for (double v : p) sum += v;
  for (double& v : p) v /= sum;
}

}  // namespace

bool Tsne::begin(const Matrix& points, const TsneOptions& options, std::string& error) {
  options_ = options;
  n_ = points.rows;
  dims_ = options.dims == 3 ? 3 : 2;
  iteration_ = 0;
  kl_ = 0;
  next_row_ = 0;
  prepared_ = false;
  y_.clear();
  if (n_ < 4) {
    error = "t-SNE needs at least 4 points";
    return false;
  }
  double perplexity = options.perplexity > 0 ? options.perplexity : default_perplexity(n_);
  perplexity = std::min(perplexity, (n_ - 1) / 3.0);
  options_.perplexity = perplexity;
  if (options_.learning_rate <= 0) options_.learning_rate = std::max(200.0, n_ / 12.0);
  k_ = std::min<std::size_t>(n_ - 1, static_cast<std::size_t>(3 * perplexity));
  cond_.assign(n_, {});
  return true;
}

bool Tsne::init(const Matrix& points, const TsneOptions& options, std::string& error, KnnMethod knn) {
  if (!begin(points, options, error)) return false;
  KnnOptions o;
  o.k = k_;
  o.method = knn;
  prepare(build_knn(points, o), n_);
  return true;
}

bool Tsne::prepare(const KnnGraph& graph, std::size_t rows) {
  if (prepared_ || graph.points != n_ || graph.k < k_) return prepared_;
  std::vector<double> d(k_), p;
  const std::size_t end = std::min(n_, next_row_ + rows);
  for (std::size_t i = next_row_; i < end; ++i) {
    const float* d2 = graph.row_distance2(i);
    const std::uint32_t* index = graph.row(i);
    for (std::size_t j = 0; j < k_; ++j) d[j] = d2[j];
    conditional_p(d, options_.perplexity, p);
    cond_[i].resize(k_);
    for (std::size_t j = 0; j < k_; ++j) cond_[i][j] = {index[j], p[j]};
  }
  next_row_ = end;
  if (next_row_ == n_) finish_affinities();
  return prepared_;
}

void Tsne::finish_affinities() {
  // Symmetrise: p_ij = (p_j|i + p_i|j) / 2n, as a sparse matrix in row order.
  std::vector<std::vector<std::pair<std::uint32_t, double>>> sym(n_);
  for (std::size_t i = 0; i < n_; ++i)
    for (const auto& [j, v] : cond_[i]) {
      sym[i].push_back({j, v});
      sym[j].push_back({static_cast<std::uint32_t>(i), v});
    }
  cond_.clear();
  cond_.shrink_to_fit();
  rows_.assign(n_ + 1, 0);
  cols_.clear();
  p_.clear();
  for (std::size_t i = 0; i < n_; ++i) {
    auto& r = sym[i];
    std::sort(r.begin(), r.end());
    for (std::size_t a = 0; a < r.size();) {
      std::size_t b = a;
      double v = 0;
      while (b < r.size() && r[b].first == r[a].first) v += r[b++].second;
      cols_.push_back(r[a].first);
      p_.push_back(v / (2.0 * static_cast<double>(n_)));
      a = b;
    }
    rows_[i + 1] = cols_.size();
  }
  // A tiny random start (uniform, so no transcendental function is involved).
  std::uint64_t state = options_.seed;
  y_.resize(n_ * dims_);
  for (double& v : y_) v = (static_cast<double>(next_random(state) >> 11) * 0x1p-53 * 2 - 1) * 1e-4;
  update_.assign(y_.size(), 0);
  gains_.assign(y_.size(), 1);
  prepared_ = true;
}

// [SECTION] the Barnes-Hut tree -------------------------------------------------------------------
namespace {

struct Cell {
  double centre[3] = {0, 0, 0};
  double half = 0;             // half the cell's side
  double sum[3] = {0, 0, 0};   // of the points inside...
  double mass[3] = {0, 0, 0};  // ... and their centre of mass, sum / count (once the tree is built)
  std::uint32_t count = 0;
  std::int32_t first_child = -1;  // 2^dims children from here; -1: a leaf
  std::int32_t point = -1;        // a leaf's one point (-1: empty, or several at the depth limit)
};

class Tree {
 public:
  Tree(const std::vector<double>& y, std::size_t n, int dims) : y_(y), dims_(dims) {
    double lo[3] = {INFINITY, INFINITY, INFINITY}, hi[3] = {-INFINITY, -INFINITY, -INFINITY};
    for (std::size_t i = 0; i < n; ++i)
      for (int c = 0; c < dims; ++c) {
        lo[c] = std::min(lo[c], y[i * dims + c]);
        hi[c] = std::max(hi[c], y[i * dims + c]);
      }
    Cell root;
    for (int c = 0; c < dims; ++c) {
      root.centre[c] = (lo[c] + hi[c]) / 2;
      root.half = std::max(root.half, (hi[c] - lo[c]) / 2);
    }
    root.half = root.half * 1.000001 + 1e-12;
    cells_.reserve(n * 2 + 1);
    cells_.push_back(root);
    for (std::size_t i = 0; i < n; ++i) insert(static_cast<std::int32_t>(i));
    for (Cell& c : cells_)
      if (c.count)
        for (int k = 0; k < dims; ++k) c.mass[k] = c.sum[k] / c.count;
  }

  // Sum over cells far enough away of q * count (into z) and q^2 * count * (y_i - com) (into f).
  void repel(std::size_t i, double theta2, double* f, double& z) const {
    const double* yi = &y_[i * dims_];
    std::int32_t stack[64 * 8];
    int top = 0;
    stack[top++] = 0;
    while (top) {
      const Cell& c = cells_[stack[--top]];
      if (!c.count || (c.first_child < 0 && c.point == static_cast<std::int32_t>(i))) continue;
      double diff[3], d2 = 0;
      for (int k = 0; k < dims_; ++k) {
        diff[k] = yi[k] - c.mass[k];
        d2 += diff[k] * diff[k];
      }
      if (c.first_child < 0 || 4 * c.half * c.half < theta2 * d2) {
        const double q = 1 / (1 + d2), m = c.count * q;
        z += m;
        for (int k = 0; k < dims_; ++k) f[k] += m * q * diff[k];
      } else {
        for (int k = (1 << dims_) - 1; k >= 0; --k)
          if (cells_[c.first_child + k].count) stack[top++] = c.first_child + k;
      }
    }
  }

 private:
  int child_index(const Cell& c, const double* p) const {
    int idx = 0;
    for (int k = 0; k < dims_; ++k)
      if (p[k] >= c.centre[k]) idx |= 1 << k;
    return idx;
  }
  void split(std::int32_t at) {
    const std::int32_t first = static_cast<std::int32_t>(cells_.size());
    for (int k = 0; k < (1 << dims_); ++k) {
      Cell ch;
      ch.half = cells_[at].half / 2;
      for (int c = 0; c < dims_; ++c)
        ch.centre[c] = cells_[at].centre[c] + ((k >> c) & 1 ? ch.half : -ch.half);
      cells_.push_back(ch);
    }
    cells_[at].first_child = first;
  }
  void insert(std::int32_t i) {
    const double* p = &y_[static_cast<std::size_t>(i) * dims_];
    std::int32_t at = 0;
    for (int depth = 0;; ++depth) {
      Cell& c = cells_[at];
      for (int k = 0; k < dims_; ++k) c.sum[k] += p[k];
      ++c.count;
      if (c.first_child < 0) {
        if (c.count == 1) {
          c.point = i;
          return;
        }
        if (depth >= 48) {  // identical points: several in one leaf
          c.point = -1;
          return;
        }
        // Move the point already here one level down, then go on with `i`.
        const std::int32_t old = c.point;
        c.point = -1;
        split(at);
        Cell& again = cells_[at];
        const double* q = &y_[static_cast<std::size_t>(old) * dims_];
        Cell& ch = cells_[again.first_child + child_index(again, q)];
        for (int k = 0; k < dims_; ++k) ch.sum[k] += q[k];
        ch.count = 1;
        ch.point = old;
      }
      at = cells_[at].first_child + child_index(cells_[at], p);
    }
  }

  const std::vector<double>& y_;
  int dims_;
  std::vector<Cell> cells_;
};

}  // namespace

// [SECTION] gradient steps -----------------------------------------------------------------------
struct TsneTree : Tree {
  using Tree::Tree;
};

Tsne::Tsne() = default;
Tsne::~Tsne() = default;

void Tsne::begin_step() {
  tree_ = std::make_unique<TsneTree>(y_, n_, dims_);
  rep_.assign(y_.size(), 0);
  z_ = 0;
  next_repel_ = 0;
}

// The repulsion on the next `count` points, in point order (so Z sums alike however a step is cut).
void Tsne::repel_some(std::size_t count) {
  const double theta2 = options_.theta * options_.theta;
  const std::size_t end = std::min(n_, next_repel_ + count);
  for (std::size_t i = next_repel_; i < end; ++i) tree_->repel(i, theta2, &rep_[i * dims_], z_);
  next_repel_ = end;
}

void Tsne::finish_step(bool measure) {
  const int d = dims_;
  const bool early = iteration_ < options_.exaggeration_iterations;
  const double exaggeration = early ? options_.exaggeration : 1.0;
  const double z = z_;
  grad_.resize(y_.size());
  // Attraction along the affinities; the KL divergence (a log per affinity) when asked.
  double kl = 0;
  for (std::size_t i = 0; i < n_; ++i) {
    double attr[3] = {0, 0, 0};
    for (std::size_t e = rows_[i]; e < rows_[i + 1]; ++e) {
      const std::size_t j = cols_[e];
      double diff[3], d2 = 0;
      for (int k = 0; k < d; ++k) {
        diff[k] = y_[i * d + k] - y_[j * d + k];
        d2 += diff[k] * diff[k];
      }
      const double q = 1 / (1 + d2);
      for (int k = 0; k < d; ++k) attr[k] += p_[e] * q * diff[k];
      if (measure) kl += p_[e] * std::log(p_[e] / (q / z));  // shown only: never feeds the layout
    }
    for (int k = 0; k < d; ++k) grad_[i * d + k] = 4 * (exaggeration * attr[k] - rep_[i * d + k] / z);
  }
  if (measure) kl_ = kl;
  // Momentum and per-coordinate gains (Jacobs 1988), as in the reference implementation.
  const double momentum = early ? 0.5 : 0.8;
  for (std::size_t c = 0; c < y_.size(); ++c) {
    const bool same = (grad_[c] > 0) == (update_[c] > 0);
    gains_[c] = same ? std::max(0.01, gains_[c] * 0.8) : gains_[c] + 0.2;
    update_[c] = momentum * update_[c] - options_.learning_rate * gains_[c] * grad_[c];
    y_[c] += update_[c];
  }
  // Centre the layout.
  for (int k = 0; k < d; ++k) {
    double mean = 0;
    for (std::size_t i = 0; i < n_; ++i) mean += y_[i * d + k];
    mean /= static_cast<double>(n_);
    for (std::size_t i = 0; i < n_; ++i) y_[i * d + k] -= mean;
  }
  tree_.reset();
  ++iteration_;
}

void Tsne::step(int iterations) {
  if (!prepared_) return;
  if (tree_) {  // a step run_for() left half done
    repel_some(n_);
    finish_step(true);
  }
  for (int it = 0; it < iterations; ++it) {
    begin_step();
    repel_some(n_);
    // The KL divergence every 10th step and on the last one asked for.
    finish_step((iteration_ + 1) % 10 == 0 || it + 1 == iterations);
  }
}

int Tsne::run_for(double budget_ms, int max_steps) {
  if (!prepared_) return 0;
  const auto t0 = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  };
  constexpr std::size_t kGroup = 512;  // points repelled between looks at the clock
  int done = 0;
  for (;;) {
    if (!tree_) {
      if (done >= max_steps) break;
      begin_step();
    }
    while (next_repel_ < n_) {
      repel_some(kGroup);
      if (elapsed() >= budget_ms) return done;  // (the attraction and the move: the next call)
    }
    finish_step((iteration_ + 1) % 10 == 0);
    ++done;
    if (elapsed() >= budget_ms) break;
  }
  return done;
}

}  // namespace el::embed
