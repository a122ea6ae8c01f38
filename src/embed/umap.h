// UMAP (McInnes, Healy and Melville 2018) of every point of an embedding, in
// epochs the caller runs between frames. As in the paper and umap-js (the
// library TensorBoard's projector uses):
//   - a fuzzy simplicial set from each point's nearest neighbours (a KnnGraph):
//     memberships exp(-(d - rho) / sigma), rho the distance to the nearest
//     neighbour and sigma found by bisection so they sum to log2(neighbours);
//     then the fuzzy union a + b - ab of both directions;
//   - a random start in [-10, 10] (umap-js's; not umap-learn's spectral one);
//   - stochastic gradient descent over the edges, each sampled in proportion
//     to its weight, with `negative_sample_rate` random points pushed away per
//     sample, on the curve 1 / (1 + a d^2b) fitted to `min_dist` and `spread`;
//     the learning rate falls linearly to 0 over the epochs.
//
// The same seed gives the same layout byte for byte, natively and in wasm (our
// own exp, log and pow and random numbers; every sum in a fixed order).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "embed/knn.h"
#include "embed/tsv.h"

namespace el::embed {

struct UmapOptions {
  int dims = 2;                     // 2 or 3
  std::size_t neighbours = 15;      // counting the point itself, as UMAP does
  double min_dist = 0.1;            // how tightly points may pack
  double spread = 1.0;              // the scale of the clusters
  int epochs = 0;                   // 0: umap-js's choice by size (500 .. 200)
  double negative_sample_rate = 5;  // points pushed away per edge sample
  double repulsion = 1.0;           // gamma: the weight of those pushes
  double learning_rate = 1.0;       // at the first epoch
  std::uint64_t seed = 1;
};

// umap-js's epochs for n points: 500 up to 2,500, 400 up to 5,000, 300 up to 7,500, then 200.
int default_umap_epochs(std::size_t n);

// a and b of 1 / (1 + a x^2b) fitted by least squares to 1 for x < min_dist and
// exp(-(x - min_dist) / spread) beyond, on 300 points of [0, 3 spread].
void fit_umap_curve(double min_dist, double spread, double& a, double& b);

class Umap {
 public:
  // Starts over on `points`' size; false with `error` for fewer than 4 points.
  [[nodiscard]] bool begin(const Matrix& points, const UmapOptions& options, std::string& error);
  // Neighbours per point prepare() needs (the point itself not counted).
  std::size_t neighbours_needed() const { return k_; }
  // The memberships of up to `rows` more points, from `graph` (k >= neighbours_needed()).
  // True once every point's are done (the fuzzy union and the start are then made).
  bool prepare(const KnnGraph& graph, std::size_t rows);
  bool prepared() const { return prepared_; }
  double prepared_share() const { return n_ ? static_cast<double>(next_row_) / n_ : 0; }
  // begin(), the neighbour graph and prepare() at once.
  [[nodiscard]] bool init(const Matrix& points, const UmapOptions& options, std::string& error,
                          KnnMethod knn = KnnMethod::kAuto);
  // Runs `epochs` whole epochs (finishing one run_for left half done first).
  void step(int epochs = 1);
  // Runs epochs for about `budget_ms`, cutting one between groups of edges when
  // the time is up; begins at most `max_epochs`. Returns the epochs finished.
  // The layout is the same as step()'s, whatever the cuts.
  int run_for(double budget_ms, int max_epochs);
  bool mid_epoch() const { return next_edge_ > 0; }
  int epoch() const { return epoch_; }
  int epochs() const { return epochs_; }
  bool finished() const { return epoch_ >= epochs_; }
  std::size_t edges() const { return head_.size(); }
  const std::vector<double>& coordinates() const { return y_; }
  std::size_t points() const { return n_; }
  int dims() const { return dims_; }
  const UmapOptions& options() const { return options_; }

 private:
  void finish_graph();
  void sample_edges(std::size_t count);

  UmapOptions options_;
  std::size_t n_ = 0, k_ = 0, next_row_ = 0;
  int dims_ = 2;
  bool prepared_ = false;
  double a_ = 0, b_ = 0;
  // Memberships while preparing: per point, its neighbours and weights.
  std::vector<std::uint32_t> near_;
  std::vector<double> weight_;
  // The fuzzy union as edges (both directions), in (head, tail) order.
  std::vector<std::uint32_t> head_, tail_;
  std::vector<double> epochs_per_sample_, next_sample_, next_negative_;
  std::vector<double> y_;
  std::uint64_t random_ = 0;
  int epoch_ = 0, epochs_ = 0;
  std::size_t next_edge_ = 0;
};

}  // namespace el::embed
