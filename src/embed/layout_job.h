// A t-SNE or UMAP layout of one embedding, worked on a slice at a time: first
// the neighbour graph (embed/knn.h), then each point's affinities or
// memberships, then iterations. The page calls run_for() once per frame with
// its budget; `eventlens project` and the tests run it to the end. A job can
// take the neighbour graph of an earlier job on the same points, so switching
// between t-SNE and UMAP, or changing a parameter that keeps the neighbours,
// does not search again.
#pragma once
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "embed/knn.h"
#include "embed/tsne.h"
#include "embed/umap.h"

namespace el::embed {

enum class LayoutMethod : std::uint8_t { kTsne, kUmap };

struct LayoutSettings {
  LayoutMethod method = LayoutMethod::kTsne;
  TsneOptions tsne;  // dims and seed come from here for t-SNE...
  UmapOptions umap;  // ... and from here for UMAP
  KnnMethod knn = KnnMethod::kAuto;
};

enum class LayoutPhase : std::uint8_t {
  kNeighbours,  // building the neighbour graph
  kAffinities,  // each point's affinities (t-SNE) or memberships (UMAP)
  kIterating,   // the layout exists and improves
};

class LayoutJob {
 public:
  // Starts on `points` (which must outlive the job). False with `error` when the method cannot run.
  [[nodiscard]] bool begin(const Matrix& points, const LayoutSettings& settings, std::string& error);
  // Takes the neighbour graph of an earlier job on the same points instead of
  // searching, when it is what the search would find: an exact graph with at
  // least as many neighbours, or an approximate one of the same k. Only before
  // any work; true if taken.
  bool adopt_graph(std::shared_ptr<const KnnGraph> graph);
  // Works for about `budget_ms`; iterations stop at `max_iterations` (0: t-SNE
  // runs on, UMAP to its epochs).
  void run_for(double budget_ms, int max_iterations);
  // Everything at once (the CLI and tests).
  void run_to(int max_iterations);

  LayoutPhase phase() const { return phase_; }
  double phase_progress() const;  // 0 .. 1 within the phase
  bool has_layout() const { return phase_ == LayoutPhase::kIterating; }
  bool finished(int max_iterations) const;  // no more iterations to run
  int iteration() const;
  int total_iterations() const;                    // UMAP's epochs; t-SNE: 0 (unbounded)
  double kl_divergence() const;                    // t-SNE only (0 for UMAP)
  const std::vector<double>& coordinates() const;  // points x dims, once has_layout()
  int dims() const;
  bool exact_neighbours() const { return exact_; }
  std::size_t neighbours() const { return k_; }
  const LayoutSettings& settings() const { return settings_; }
  // The options in effect (defaults filled in: perplexity, learning rate, epochs).
  const TsneOptions& tsne_options() const { return tsne_.options(); }
  const UmapOptions& umap_options() const { return umap_.options(); }
  // The neighbour graph, once built (for a later job).
  std::shared_ptr<const KnnGraph> graph() const { return graph_; }
  double neighbours_ms() const { return neighbours_ms_; }

 private:
  bool prepare(std::size_t rows);

  const Matrix* points_ = nullptr;
  LayoutSettings settings_;
  LayoutPhase phase_ = LayoutPhase::kNeighbours;
  std::size_t k_ = 0;
  bool exact_ = true;
  KnnBuilder builder_;
  std::shared_ptr<const KnnGraph> graph_;
  Tsne tsne_;
  Umap umap_;
  std::size_t rows_per_call_ = 4;
  double neighbours_ms_ = 0;
};

}  // namespace el::embed
