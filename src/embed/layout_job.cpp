#include "embed/layout_job.h"

#include <chrono>

namespace el::embed {

namespace {
double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}
}  // namespace

bool LayoutJob::begin(const Matrix& points, const LayoutSettings& settings, std::string& error) {
  points_ = &points;
  settings_ = settings;
  phase_ = LayoutPhase::kNeighbours;
  rows_per_call_ = 4;
  neighbours_ms_ = 0;
  graph_.reset();
  const bool tsne = settings.method == LayoutMethod::kTsne;
  if (tsne ? !tsne_.begin(points, settings.tsne, error) : !umap_.begin(points, settings.umap, error))
    return false;
  k_ = tsne ? tsne_.neighbours_needed() : umap_.neighbours_needed();
  // The graph's seed is fixed (not the layout's), so a graph depends only on the points and k.
  KnnOptions o;
  o.k = k_;
  o.method = settings.knn;
  builder_.begin(points, o);
  exact_ = builder_.exact();
  return true;
}

bool LayoutJob::adopt_graph(std::shared_ptr<const KnnGraph> graph) {
  // An exact graph serves any smaller k; an approximate one only its own k
  // (a prefix of it is not what a search for fewer would find).
  if (!points_ || phase_ != LayoutPhase::kNeighbours || builder_.progress() > 0 || !graph ||
      graph->points != points_->rows ||
      !(graph->exact ? exact_ && graph->k >= k_ : !exact_ && graph->k == k_))
    return false;
  graph_ = std::move(graph);
  builder_ = {};
  phase_ = LayoutPhase::kAffinities;
  return true;
}

double LayoutJob::phase_progress() const {
  const bool tsne = settings_.method == LayoutMethod::kTsne;
  switch (phase_) {
    case LayoutPhase::kNeighbours: return builder_.progress();
    case LayoutPhase::kAffinities: return tsne ? tsne_.prepared_share() : umap_.prepared_share();
    case LayoutPhase::kIterating:
      return total_iterations() ? static_cast<double>(iteration()) / total_iterations() : 0;
  }
  return 0;
}

bool LayoutJob::prepare(std::size_t rows) {
  return settings_.method == LayoutMethod::kTsne ? tsne_.prepare(*graph_, rows)
                                                 : umap_.prepare(*graph_, rows);
}

void LayoutJob::run_for(double budget_ms, int max_iterations) {
  if (!points_) return;
  const auto t0 = std::chrono::steady_clock::now();
  if (phase_ == LayoutPhase::kNeighbours) {
    if (!builder_.run_for(budget_ms)) {
      neighbours_ms_ += ms_since(t0);
      return;
    }
    neighbours_ms_ += ms_since(t0);
    graph_ = std::make_shared<const KnnGraph>(builder_.take());
    builder_ = {};
    phase_ = LayoutPhase::kAffinities;
  }
  if (phase_ == LayoutPhase::kAffinities) {
    // Rows per call grow or shrink so that one call takes about a millisecond.
    while (ms_since(t0) < budget_ms) {
      const auto c0 = std::chrono::steady_clock::now();
      if (prepare(rows_per_call_)) {
        phase_ = LayoutPhase::kIterating;
        break;
      }
      const double took = ms_since(c0);
      if (took < 0.5) rows_per_call_ *= 2;
      if (took > 2 && rows_per_call_ > 1) rows_per_call_ /= 2;
    }
    if (phase_ != LayoutPhase::kIterating) return;
  }
  if (finished(max_iterations)) return;
  const double left = budget_ms - ms_since(t0);
  if (left <= 0) return;
  if (settings_.method == LayoutMethod::kTsne) {
    tsne_.run_for(left, max_iterations > 0 ? max_iterations - tsne_.iteration() : 1 << 30);
  } else {
    const int cap = max_iterations > 0 ? std::min(max_iterations, umap_.epochs()) : umap_.epochs();
    umap_.run_for(left, cap - umap_.epoch());
  }
}

void LayoutJob::run_to(int max_iterations) {
  while (!has_layout()) run_for(1e9, max_iterations);
  if (settings_.method == LayoutMethod::kTsne)
    tsne_.step(max_iterations - tsne_.iteration());
  else
    umap_.step((max_iterations > 0 ? std::min(max_iterations, umap_.epochs()) : umap_.epochs()) -
               umap_.epoch());
}

bool LayoutJob::finished(int max_iterations) const {
  if (!has_layout()) return false;
  if (settings_.method == LayoutMethod::kTsne)
    return max_iterations > 0 && tsne_.iteration() >= max_iterations && !tsne_.mid_step();
  return umap_.finished() || (max_iterations > 0 && umap_.epoch() >= max_iterations && !umap_.mid_epoch());
}

int LayoutJob::iteration() const {
  return settings_.method == LayoutMethod::kTsne ? tsne_.iteration() : umap_.epoch();
}

int LayoutJob::total_iterations() const {
  return settings_.method == LayoutMethod::kTsne ? 0 : umap_.epochs();
}

double LayoutJob::kl_divergence() const {
  return settings_.method == LayoutMethod::kTsne ? tsne_.kl_divergence() : 0;
}

const std::vector<double>& LayoutJob::coordinates() const {
  return settings_.method == LayoutMethod::kTsne ? tsne_.coordinates() : umap_.coordinates();
}

int LayoutJob::dims() const { return settings_.method == LayoutMethod::kTsne ? tsne_.dims() : umap_.dims(); }

}  // namespace el::embed
