// t-SNE (van der Maaten and Hinton; Barnes-Hut gradients, van der Maaten
// 2014) of every point of an embedding, in steps: the caller runs a few
// iterations per frame and draws the layout as it improves. Input affinities
// come from each point's 3 x perplexity nearest neighbours (a KnnGraph: exact
// or approximate, embed/knn.h), with the Gaussian's width found by bisection
// to the perplexity; the repulsion is summed over a 2-D quadtree or 3-D octree
// with opening angle theta.
//
// Barnes-Hut was kept over FIt-SNE's FFT interpolation: at the sizes a page
// holds (up to ~10^5 points) its step is the cheaper of the two to run in one
// thread, needs no FFT library, and its cost does not depend on how far the
// layout has spread (the grid of an interpolation grows with it).
//
// The same seed gives the same layout byte for byte, natively and in wasm:
// the arithmetic is IEEE doubles with +, -, *, / and sqrt only (exp is our
// own, below), and the order of every sum is fixed.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "embed/knn.h"
#include "embed/portable_math.h"
#include "embed/tsv.h"

namespace el::embed {

struct TsneOptions {
  int dims = 2;                       // 2 or 3
  double perplexity = 0;              // 0: TensorBoard's max(5, ceil(sqrt(n) / 4))
  double learning_rate = 0;           // 0: max(200, n / 12) (Belkina et al. 2019)
  int exaggeration_iterations = 250;  // early exaggeration lasts this long...
  double exaggeration = 12;           // ... at this factor
  double theta = 0.8;                 // Barnes-Hut opening angle (0: exact repulsion)
  std::uint64_t seed = 1;
};

// TensorBoard's default perplexity for n points.
double default_perplexity(std::size_t n);

struct TsneTree;  // the Barnes-Hut tree of a step in progress (tsne.cpp)

class Tsne {
 public:
  Tsne();
  ~Tsne();
  // Starts over on `points`' size; false with `error` for fewer than 4 points.
  [[nodiscard]] bool begin(const Matrix& points, const TsneOptions& options, std::string& error);
  // How many neighbours per point prepare() needs: 3 x perplexity.
  std::size_t neighbours_needed() const { return k_; }
  // The affinities of up to `rows` more points, from `graph` (of the same
  // points, with k >= neighbours_needed()), so the caller can spread the
  // bisections over frames. True once every point's are done and step() can run.
  bool prepare(const KnnGraph& graph, std::size_t rows);
  bool prepared() const { return prepared_; }
  double prepared_share() const { return n_ ? static_cast<double>(next_row_) / n_ : 0; }
  // begin(), the neighbour graph (`knn`: exact up to kExactKnnLimit points by
  // default) and prepare() of every point at once.
  [[nodiscard]] bool init(const Matrix& points, const TsneOptions& options, std::string& error,
                          KnnMethod knn = KnnMethod::kAuto);
  // Runs `iterations` gradient steps (finishing one left half done by run_for first).
  void step(int iterations = 1);
  // Runs gradient work for about `budget_ms`, cutting a step between groups of
  // points when the time is up (a step of 100,000 points takes longer than a
  // frame); at most `max_steps` steps are begun. Returns the steps finished.
  // The layout is the same as step()'s, whatever the cuts.
  int run_for(double budget_ms, int max_steps);
  bool mid_step() const { return tree_ != nullptr; }
  int iteration() const { return iteration_; }
  // KL(P || Q) at the last step (Q from the Barnes-Hut normalisation; P without exaggeration).
  double kl_divergence() const { return kl_; }  // (measured every 10th step and on the last of a call)
  // n x dims.
  const std::vector<double>& coordinates() const { return y_; }
  std::size_t points() const { return n_; }
  int dims() const { return dims_; }
  const TsneOptions& options() const { return options_; }

 private:
  void begin_step();
  void repel_some(std::size_t count);
  void finish_step(bool measure);

  void finish_affinities();

  TsneOptions options_;
  std::size_t k_ = 0, next_row_ = 0;
  bool prepared_ = false;
  std::vector<std::vector<std::pair<std::uint32_t, double>>> cond_;  // p_j|i while preparing
  std::size_t n_ = 0;
  int dims_ = 2;
  // Symmetric affinities, row by row (CSR): p_ij for j in cols_[rows_[i] .. rows_[i+1]).
  std::vector<std::size_t> rows_;
  std::vector<std::uint32_t> cols_;
  std::vector<double> p_;
  std::vector<double> y_, update_, gains_;
  int iteration_ = 0;
  double kl_ = 0;
  // The step in progress: its tree, the repulsion so far, and the next point to repel.
  std::unique_ptr<TsneTree> tree_;
  std::vector<double> rep_, grad_;
  double z_ = 0;
  std::size_t next_repel_ = 0;
};

}  // namespace el::embed
