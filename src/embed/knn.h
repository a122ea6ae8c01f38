// The k-nearest-neighbour graph of every point of an embedding (euclidean),
// the input of t-SNE and UMAP: exact by scanning every pair for small
// embeddings, approximate for large ones. Built in slices, so the page can
// spread the work over frames; the graph is the same however it is sliced.
//
// The approximate graph: a forest of random-projection trees (each splits the
// points by the plane halfway between two of them until a leaf holds at most
// `leaf_size`), every pair within a leaf compared; then rounds that compare
// each point with its near neighbours' near neighbours (the neighbour of a
// neighbour is likely a neighbour: NN-descent's idea). Its recall is measured
// against a brute-force scan of sampled points (knn_recall).
//
// Deterministic on every platform: float distances summed in a fixed order,
// our own random numbers and our own partition.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "embed/tsv.h"

namespace el::embed {

struct KnnGraph {
  std::size_t points = 0, k = 0;
  bool exact = true;  // an exact graph's first j columns are the exact j-neighbour graph
  // points x k, each row nearest first (ties by index); never the point itself.
  std::vector<std::uint32_t> index;
  std::vector<float> distance2;  // squared euclidean distances, alongside
  const std::uint32_t* row(std::size_t i) const { return index.data() + i * k; }
  const float* row_distance2(std::size_t i) const { return distance2.data() + i * k; }
};

enum class KnnMethod : std::uint8_t {
  kAuto,         // exact up to kExactKnnLimit points, approximate beyond
  kExact,        // every pair: n^2 distances
  kApproximate,  // trees, then neighbours of neighbours
};
constexpr std::size_t kExactKnnLimit = 5000;

struct KnnOptions {
  std::size_t k = 15;  // capped at points - 1
  KnnMethod method = KnnMethod::kAuto;
  std::uint64_t seed = 1;
  int trees = 0;              // random-projection trees (0: by k and the size)
  std::size_t leaf_size = 0;  // (0: max(64, 2k))
  int rounds = 5;             // neighbour-of-neighbour rounds at most...
  double converged = 0.002;   // ... ending early once a round changes fewer than this share of the slots
};

// Squared euclidean distance of two rows, in a fixed order of sums.
float distance2(const float* a, const float* b, std::size_t dims);

class KnnBuilder {
 public:
  // Starts over on `points` (which must outlive the builder's work).
  void begin(const Matrix& points, const KnnOptions& options);
  // Works for about `budget_ms` (at least one slice); true once the graph is done.
  bool run_for(double budget_ms);
  bool done() const { return phase_ == Phase::kDone; }
  bool exact() const { return exact_; }
  double progress() const;  // 0 .. 1
  // The finished graph (moved out; done() stays true).
  KnnGraph take();

 private:
  enum class Phase : std::uint8_t { kIdle, kExactRows, kTrees, kRefine, kDone };
  void exact_rows(std::size_t count);
  void tree_slice();
  void refine_points(std::size_t count);
  bool offer(std::uint32_t to, std::uint32_t from, float d2);
  void finish();

  const Matrix* points_ = nullptr;
  KnnOptions options_;
  std::size_t n_ = 0, k_ = 0;
  bool exact_ = true;
  Phase phase_ = Phase::kIdle;
  std::size_t next_row_ = 0;
  // The neighbour lists while building: per point k slots, nearest first, filled_ in use.
  std::vector<std::uint32_t> index_;
  std::vector<float> d2_;
  std::vector<std::uint32_t> filled_;
  // Per slot: the neighbour arrived in this round (fresh_) or the one before (was_fresh_).
  std::vector<std::uint8_t> fresh_, was_fresh_;
  // Trees: the points of the tree being built, and the ranges still to split.
  int tree_ = 0;
  std::uint64_t random_ = 0;
  std::vector<std::uint32_t> order_, scratch_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> ranges_;
  std::size_t tree_points_done_ = 0;  // points in leaves so far, over all trees (progress)
  // Refinement: the round, and per point the last point it was compared from.
  int round_ = 0;
  std::size_t changed_ = 0;  // slots changed in this round
  std::vector<std::uint32_t> stamp_;
  KnnGraph graph_;
};

// The exact graph at once.
KnnGraph exact_knn(const Matrix& points, std::size_t k);
// Any graph at once.
KnnGraph build_knn(const Matrix& points, const KnnOptions& options);

// The share of true k nearest neighbours that `graph` found, over `sample`
// points spread evenly through the embedding (each checked by a full scan).
double knn_recall(const Matrix& points, const KnnGraph& graph, std::size_t sample);

}  // namespace el::embed
