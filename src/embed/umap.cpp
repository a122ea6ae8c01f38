#include "embed/umap.h"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "embed/portable_math.h"

// [SECTION] index
//   defaults and the curve
//   the fuzzy simplicial set
//   epochs of gradient descent

namespace el::embed {

// [SECTION] defaults and the curve ---------------------------------------------------------------
int default_umap_epochs(std::size_t n) { return n <= 2500 ? 500 : n <= 5000 ? 400 : n <= 7500 ? 300 : 200; }

void fit_umap_curve(double min_dist, double spread, double& a, double& b) {
  // Levenberg-Marquardt on the two parameters, from a = b = 1.
  constexpr int kSamples = 300;
  double x[kSamples], y[kSamples], lnx[kSamples];
  for (int i = 0; i < kSamples; ++i) {
    x[i] = 3 * spread * i / (kSamples - 1);
    y[i] = x[i] < min_dist ? 1 : portable_exp(-(x[i] - min_dist) / spread);
    lnx[i] = x[i] > 0 ? portable_log(x[i]) : 0;
  }
  auto cost = [&](double pa, double pb) {
    double c = 0;
    for (int i = 0; i < kSamples; ++i) {
      const double u = x[i] > 0 ? portable_exp(2 * pb * lnx[i]) : 0;
      const double r = 1 / (1 + pa * u) - y[i];
      c += r * r;
    }
    return c;
  };
  a = 1;
  b = 1;
  double lambda = 1e-3, current = cost(a, b);
  for (int it = 0; it < 200; ++it) {
    double jtj[3] = {0, 0, 0}, jtr[2] = {0, 0};  // [aa, ab, bb]
    for (int i = 0; i < kSamples; ++i) {
      if (x[i] <= 0) continue;
      const double u = portable_exp(2 * b * lnx[i]), f = 1 / (1 + a * u);
      const double da = -u * f * f, db = -a * u * 2 * lnx[i] * f * f, r = f - y[i];
      jtj[0] += da * da;
      jtj[1] += da * db;
      jtj[2] += db * db;
      jtr[0] += da * r;
      jtr[1] += db * r;
    }
    bool improved = false;
    for (int tries = 0; tries < 20 && !improved; ++tries) {
      const double m00 = jtj[0] * (1 + lambda), m11 = jtj[2] * (1 + lambda), m01 = jtj[1];
      const double det = m00 * m11 - m01 * m01;
      if (det == 0) break;
      const double step_a = -(m11 * jtr[0] - m01 * jtr[1]) / det;
      const double step_b = -(m00 * jtr[1] - m01 * jtr[0]) / det;
      const double next = cost(a + step_a, b + step_b);
      if (next < current && a + step_a > 0 && b + step_b > 0) {
        a += step_a;
        b += step_b;
        improved = std::fabs(current - next) > 1e-14 * current;
        current = next;
        lambda = std::max(lambda / 10, 1e-12);
        if (!improved) return;  // converged
      } else {
        lambda *= 10;
      }
    }
    if (!improved) return;
  }
}

// [SECTION] the fuzzy simplicial set ---------------------------------------------------------------
bool Umap::begin(const Matrix& points, const UmapOptions& options, std::string& error) {
  options_ = options;
  n_ = points.rows;
  dims_ = options.dims == 3 ? 3 : 2;
  prepared_ = false;
  next_row_ = 0;
  epoch_ = 0;
  next_edge_ = 0;
  y_.clear();
  head_.clear();
  tail_.clear();
  if (n_ < 4) {
    error = "UMAP needs at least 4 points";
    return false;
  }
  options_.neighbours = std::clamp<std::size_t>(options.neighbours, 2, n_);
  k_ = options_.neighbours - 1;
  epochs_ = options.epochs > 0 ? options.epochs : default_umap_epochs(n_);
  options_.epochs = epochs_;
  fit_umap_curve(options_.min_dist, options_.spread, a_, b_);
  near_.assign(n_ * k_, 0);
  weight_.assign(n_ * k_, 0);
  return true;
}

bool Umap::init(const Matrix& points, const UmapOptions& options, std::string& error, KnnMethod knn) {
  if (!begin(points, options, error)) return false;
  KnnOptions o;
  o.k = k_;
  o.method = knn;
  prepare(build_knn(points, o), n_);
  return true;
}

bool Umap::prepare(const KnnGraph& graph, std::size_t rows) {
  if (prepared_ || graph.points != n_ || graph.k < k_) return prepared_;
  const double target = portable_log(static_cast<double>(options_.neighbours)) / portable_log(2.0);
  std::vector<double> d(k_);
  const std::size_t end = std::min(n_, next_row_ + rows);
  for (std::size_t i = next_row_; i < end; ++i) {
    const float* d2 = graph.row_distance2(i);
    double rho = 0, mean = 0;
    for (std::size_t j = 0; j < k_; ++j) {
      d[j] = std::sqrt(static_cast<double>(d2[j]));
      mean += d[j];
      if (rho == 0 && d[j] > 0) rho = d[j];  // the nearest distinct neighbour
    }
    mean /= static_cast<double>(k_);
    // sigma: the memberships sum to log2(neighbours), by bisection (64 halvings at most).
    double lo = 0, hi = INFINITY, sigma = 1;
    for (int it = 0; it < 64; ++it) {
      double sum = 0;
      for (std::size_t j = 0; j < k_; ++j) {
        const double over = d[j] - rho;
        sum += over > 0 ? portable_exp(-over / sigma) : 1;
      }
      if (std::fabs(sum - target) < 1e-5) break;
      if (sum > target) {
        hi = sigma;
        sigma = (lo + hi) / 2;
      } else {
        lo = sigma;
        sigma = hi == INFINITY ? sigma * 2 : (lo + hi) / 2;
      }
    }
    sigma = std::max(sigma, 1e-3 * mean);
    for (std::size_t j = 0; j < k_; ++j) {
      const double over = d[j] - rho;
      near_[i * k_ + j] = graph.row(i)[j];
      weight_[i * k_ + j] = over <= 0 || sigma == 0 ? 1 : portable_exp(-over / sigma);
    }
  }
  next_row_ = end;
  if (next_row_ == n_) finish_graph();
  return prepared_;
}

void Umap::finish_graph() {
  // The fuzzy union w_ij + w_ji - w_ij w_ji, as edges in (head, tail) order.
  struct Entry {
    std::uint32_t head, tail;
    double weight;
  };
  std::vector<Entry> all;
  all.reserve(2 * n_ * k_);
  for (std::size_t i = 0; i < n_; ++i)
    for (std::size_t j = 0; j < k_; ++j) {
      const std::uint32_t t = near_[i * k_ + j];
      const double w = weight_[i * k_ + j];
      all.push_back({static_cast<std::uint32_t>(i), t, w});
      all.push_back({t, static_cast<std::uint32_t>(i), w});
    }
  near_ = {};
  weight_ = {};
  std::sort(all.begin(), all.end(), [](const Entry& x, const Entry& y) {
    return x.head != y.head ? x.head < y.head : x.tail != y.tail ? x.tail < y.tail : x.weight < y.weight;
  });
  std::vector<double> weights;
  for (std::size_t e = 0; e < all.size();) {
    std::size_t f = e;
    while (f < all.size() && all[f].head == all[e].head && all[f].tail == all[e].tail) ++f;
    // One or two memberships (i's of j and j's of i); the sort put the smaller first.
    const double w =
        f - e == 1 ? all[e].weight : all[e].weight + all[e + 1].weight - all[e].weight * all[e + 1].weight;
    head_.push_back(all[e].head);
    tail_.push_back(all[e].tail);
    weights.push_back(w);
    e = f;
  }
  // Edges too weak to be sampled once in all the epochs are dropped (as umap-learn does).
  double max_w = 0;
  for (double w : weights) max_w = std::max(max_w, w);
  std::size_t kept = 0;
  epochs_per_sample_.clear();
  for (std::size_t e = 0; e < weights.size(); ++e) {
    if (weights[e] < max_w / epochs_) continue;
    head_[kept] = head_[e];
    tail_[kept] = tail_[e];
    epochs_per_sample_.push_back(max_w / weights[e]);
    ++kept;
  }
  head_.resize(kept);
  tail_.resize(kept);
  next_sample_ = epochs_per_sample_;
  next_negative_.resize(kept);
  for (std::size_t e = 0; e < kept; ++e)
    next_negative_[e] = epochs_per_sample_[e] / options_.negative_sample_rate;
  // The random start, uniform in [-10, 10).
  random_ = options_.seed;
  y_.resize(n_ * dims_);
  for (double& v : y_) v = next_unit(random_) * 20 - 10;
  random_ ^= 0x5deece66dull;  // the negative samples' own sequence
  prepared_ = true;
}

// [SECTION] epochs of gradient descent ----------------------------------------------------------
namespace {
double clip(double v) { return v > 4 ? 4 : v < -4 ? -4 : v; }
}  // namespace

// The next `count` edges of the current epoch, in edge order (so an epoch cut
// anywhere gives the same layout); ends the epoch after the last edge.
void Umap::sample_edges(std::size_t count) {
  const int d = dims_;
  const double n = epoch_;
  const double alpha = options_.learning_rate * (1 - n / epochs_);
  const double a = a_, b = b_, gamma = options_.repulsion;
  const double per_negative_rate = options_.negative_sample_rate;
  const std::size_t end = std::min(head_.size(), next_edge_ + count);
  for (std::size_t e = next_edge_; e < end; ++e) {
    if (next_sample_[e] > n) continue;
    const std::uint32_t i = head_[e], j = tail_[e];
    double* current = &y_[static_cast<std::size_t>(i) * d];
    double* other = &y_[static_cast<std::size_t>(j) * d];
    double d2 = 0;
    for (int c = 0; c < d; ++c) d2 += (current[c] - other[c]) * (current[c] - other[c]);
    double coeff = 0;
    if (d2 > 0) {
      const double pb = portable_pow_coarse(d2, b);  // d2^(b - 1) = pb / d2
      coeff = -2 * a * b * (pb / d2) / (a * pb + 1);
    }
    for (int c = 0; c < d; ++c) {
      const double g = clip(coeff * (current[c] - other[c]));
      current[c] += g * alpha;
      other[c] -= g * alpha;
    }
    next_sample_[e] += epochs_per_sample_[e];
    const double per_negative = epochs_per_sample_[e] / per_negative_rate;
    const int negatives = static_cast<int>((n - next_negative_[e]) / per_negative);
    for (int s = 0; s < negatives; ++s) {
      const std::uint32_t k = next_below(random_, static_cast<std::uint32_t>(n_));
      if (k == i) continue;
      const double* far = &y_[static_cast<std::size_t>(k) * d];
      double f2 = 0;
      for (int c = 0; c < d; ++c) f2 += (current[c] - far[c]) * (current[c] - far[c]);
      double push = 0;
      if (f2 > 0) push = 2 * gamma * b / ((0.001 + f2) * (a * portable_pow_coarse(f2, b) + 1));
      for (int c = 0; c < d; ++c) current[c] += (push > 0 ? clip(push * (current[c] - far[c])) : 4) * alpha;
    }
    next_negative_[e] += negatives * per_negative;
  }
  next_edge_ = end;
  if (next_edge_ == head_.size()) {
    next_edge_ = 0;
    ++epoch_;
  }
}

void Umap::step(int epochs) {
  if (!prepared_) return;
  if (next_edge_ > 0) sample_edges(head_.size());
  for (int i = 0; i < epochs && !finished(); ++i) sample_edges(head_.size());
}

int Umap::run_for(double budget_ms, int max_epochs) {
  if (!prepared_) return 0;
  const auto t0 = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  };
  constexpr std::size_t kGroup = 4096;  // edges between looks at the clock
  int done = 0;
  while (!finished()) {
    if (next_edge_ == 0 && done >= max_epochs) break;
    const int before = epoch_;
    sample_edges(kGroup);
    if (epoch_ != before) ++done;
    if (elapsed() >= budget_ms) break;
  }
  return done;
}

}  // namespace el::embed
