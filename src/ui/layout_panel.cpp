#include "ui/layout_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

#include "ui/widgets.h"

namespace el::ui {

namespace {

constexpr double kBudgetMs = 8;  // of each frame (the rest draws it; more runs between frames)

bool is_tsne(const Settings& s) { return s.projector_method == 1; }

std::string settings_key(const Settings& s) {
  char key[200];
  if (is_tsne(s))
    std::snprintf(key, sizeof key, "tsne/%d/%d/%g/%g/%d", s.projector_tsne_dims, s.projector_seed,
                  s.projector_perplexity, s.projector_learning_rate, s.projector_exaggeration);
  else
    std::snprintf(key, sizeof key, "umap/%d/%d/%d/%g/%d", s.projector_tsne_dims, s.projector_seed,
                  s.projector_umap_neighbours, s.projector_umap_min_dist, s.projector_umap_epochs);
  return key;
}

embed::LayoutSettings layout_settings(const Settings& s) {
  embed::LayoutSettings l;
  l.method = is_tsne(s) ? embed::LayoutMethod::kTsne : embed::LayoutMethod::kUmap;
  l.tsne.dims = l.umap.dims = s.projector_tsne_dims;
  l.tsne.seed = l.umap.seed = static_cast<std::uint64_t>(s.projector_seed);
  l.tsne.perplexity = s.projector_perplexity;
  l.tsne.learning_rate = s.projector_learning_rate;
  l.tsne.exaggeration_iterations = s.projector_exaggeration;
  l.umap.neighbours = static_cast<std::size_t>(s.projector_umap_neighbours);
  l.umap.min_dist = s.projector_umap_min_dist;
  l.umap.epochs = s.projector_umap_epochs;
  return l;
}

const char* phase_name(embed::LayoutPhase p) {
  switch (p) {
    case embed::LayoutPhase::kNeighbours: return "neighbours";
    case embed::LayoutPhase::kAffinities: return "affinities";
    case embed::LayoutPhase::kIterating: return "iterating";
  }
  return "";
}

}  // namespace

void LayoutPanel::update(const UiContext& ctx, std::uint64_t generation, const embed::Matrix& points) {
  const Settings& s = *ctx.settings;
  if (generation != generation_) {  // another embedding: its layouts start afresh
    kept_.clear();
    current_ = nullptr;
    generation_ = generation;
  }
  const std::string key = settings_key(s);
  if (!current_ || current_->key != key) {
    current_ = nullptr;
    error_.clear();
    for (std::size_t i = 0; i < kept_.size(); ++i)
      if (kept_[i]->key == key) {
        std::rotate(kept_.begin(), kept_.begin() + static_cast<std::ptrdiff_t>(i),
                    kept_.begin() + static_cast<std::ptrdiff_t>(i) + 1);
        current_ = kept_.front().get();
      }
    if (!current_) {
      auto entry = std::make_unique<Entry>();
      entry->key = key;
      entry->job = std::make_unique<embed::LayoutJob>();
      if (!entry->job->begin(points, layout_settings(s), error_)) {
        entry->job.reset();
      } else {
        // A neighbour graph built already, if one is what this layout would search for.
        bool adopted = entry->job->adopt_graph(std::move(spare_graph_));
        for (const auto& k : kept_)
          if (!adopted && k->job) adopted = entry->job->adopt_graph(k->job->graph());
      }
      spare_graph_.reset();
      kept_.insert(kept_.begin(), std::move(entry));
      if (kept_.size() > kKept) kept_.pop_back();
      current_ = kept_.front().get();
    }
  }
  max_iterations_ = is_tsne(s) ? s.projector_iterations : 0;
  const bool was_running = running_;
  running_ = false;
  embed::LayoutJob* job = current_->job.get();
  if (job) {
    const bool iterating = job->has_layout();
    if (!iterating || (!current_->paused && !job->finished(max_iterations_))) {
      job->run_for(kBudgetMs, max_iterations_);
    }
    // The app carries on between frames (work()), and draws the progress as its
    // frame pacer allows: no frame is asked for here.
    running_ = !job->has_layout() || (!current_->paused && !job->finished(max_iterations_));
  }
  // The sidebar was drawn before this: once more, so it says "Done." (or offers Pause) at once.
  if (running_ != was_running && ctx.wants_frame) *ctx.wants_frame = true;
  // What state() says.
  info_ = {};
  info_.method = is_tsne(s) ? "tsne" : "umap";
  info_.error = error_;
  if (job) {
    info_.phase = phase_name(job->phase());
    info_.progress = job->phase_progress();
    info_.iteration = job->has_layout() ? job->iteration() : -1;
    info_.total = is_tsne(s) ? max_iterations_ : job->total_iterations();
    info_.kl = job->kl_divergence();
    info_.running = running_;
    info_.paused = current_->paused;
    info_.exact_neighbours = job->exact_neighbours();
    info_.neighbours = job->neighbours();
    info_.neighbours_ms = job->neighbours_ms();
  }
  info_.controls = controls_;
}

bool LayoutPanel::work(double budget_ms) {
  embed::LayoutJob* job = current_ ? current_->job.get() : nullptr;
  if (!job || !running_ || current_->paused || (job->has_layout() && job->finished(max_iterations_)))
    return false;
  job->run_for(budget_ms, max_iterations_);
  return true;
}

std::string LayoutPanel::version() const {
  const embed::LayoutJob* j = job();
  if (!j || !j->has_layout()) return "none";
  return current_->key + "/" + std::to_string(j->iteration()) + "/" + std::to_string(generation_);
}

void LayoutPanel::draw_settings(const UiContext& ctx) {
  Settings& s = *ctx.settings;
  const embed::LayoutJob* j = job();
  controls_.clear();
  auto note = [&](const char* name) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    controls_.push_back({name, a.x, a.y, b.x - a.x, b.y - a.y});
  };
  const bool tsne = is_tsne(s);
  bool three = s.projector_tsne_dims == 3;
  if (ImGui::Checkbox("3-D##layout", &three)) s.projector_tsne_dims = three ? 3 : 2;
  tooltip("Lay the points out in three dimensions (drag to orbit) or two.");
  if (tsne) {
    ImGui::SetNextItemWidth(-110);
    float perplexity = static_cast<float>(s.projector_perplexity > 0 ? s.projector_perplexity
                                          : j                        ? j->tsne_options().perplexity
                                                                     : 5);
    if (ImGui::InputFloat("Perplexity", &perplexity, 1, 10, "%.0f", ImGuiInputTextFlags_EnterReturnsTrue))
      s.projector_perplexity = std::clamp(static_cast<double>(perplexity), 1.0, 1000.0);
    tooltip(
        "About how many neighbours each point keeps close (TensorBoard's default: max(5, sqrt(n) / 4)). "
        "Enter applies it and starts over.");
    ImGui::SetNextItemWidth(-110);
    float rate = static_cast<float>(s.projector_learning_rate > 0 ? s.projector_learning_rate
                                    : j                           ? j->tsne_options().learning_rate
                                                                  : 200);
    if (ImGui::InputFloat("Learning rate", &rate, 10, 100, "%.0f", ImGuiInputTextFlags_EnterReturnsTrue))
      s.projector_learning_rate = std::clamp(static_cast<double>(rate), 1.0, 1e6);
    tooltip("The step size of the layout (default: max(200, n / 12)). Enter applies it and starts over.");
    ImGui::SetNextItemWidth(-110);
    int exaggeration = s.projector_exaggeration;
    if (ImGui::InputInt("Exaggeration", &exaggeration, 50, 250, ImGuiInputTextFlags_EnterReturnsTrue))
      s.projector_exaggeration = std::clamp(exaggeration, 0, 100000);
    tooltip(
        "For this many first iterations the attraction between neighbours is 12 times stronger, so clusters "
        "form before they spread out (default: 250; 0: none). Enter applies it and starts over.");
  } else {
    ImGui::SetNextItemWidth(-110);
    ImGui::InputInt("Neighbours", &s.projector_umap_neighbours, 1, 5, ImGuiInputTextFlags_EnterReturnsTrue);
    s.projector_umap_neighbours = std::clamp(s.projector_umap_neighbours, 2, 200);
    tooltip(
        "How many nearest points (counting itself) shape each point's neighbourhood: fewer keeps fine "
        "detail, more the overall shape (UMAP's default: 15). Enter applies it and starts over.");
    ImGui::SetNextItemWidth(-110);
    float min_dist = static_cast<float>(s.projector_umap_min_dist);
    if (ImGui::InputFloat("Min distance", &min_dist, 0.05f, 0.1f, "%.2f",
                          ImGuiInputTextFlags_EnterReturnsTrue))
      s.projector_umap_min_dist = std::clamp(static_cast<double>(min_dist), 0.0, 10.0);
    tooltip("How tightly points may pack together: 0 gives dense clumps (UMAP's default: 0.1).");
    ImGui::SetNextItemWidth(-110);
    int epochs = s.projector_umap_epochs > 0 ? s.projector_umap_epochs : j ? j->umap_options().epochs : 0;
    if (ImGui::InputInt("Epochs", &epochs, 50, 200, ImGuiInputTextFlags_EnterReturnsTrue))
      s.projector_umap_epochs = std::clamp(epochs, 0, 100000);
    tooltip(
        "Passes over the neighbour graph (0: by size, as umap-js: 500 for up to 2,500 points, down to 200).");
  }
  ImGui::SetNextItemWidth(-110);
  ImGui::InputInt("Seed", &s.projector_seed, 1, 10);
  s.projector_seed = std::max(0, s.projector_seed);
  tooltip("The random start: the same seed gives the same layout, here and in a shared link.");
  if (tsne) {
    ImGui::SetNextItemWidth(-110);
    ImGui::InputInt("Iterations", &s.projector_iterations, 100, 1000);
    s.projector_iterations = std::max(0, s.projector_iterations);
    tooltip("Stop after this many steps (0: run until paused).");
  }
  if (!error_.empty()) ImGui::TextWrapped("%s", error_.c_str());
  if (!j) return;
  if (!j->has_layout()) {
    char overlay[96];
    const bool finding = j->phase() == embed::LayoutPhase::kNeighbours;
    std::snprintf(overlay, sizeof overlay, "%s: %.0f%%",
                  finding ? (j->exact_neighbours() ? "neighbours (exact)" : "neighbours (approximate)")
                          : (tsne ? "affinities" : "memberships"),
                  j->phase_progress() * 100);
    ImGui::ProgressBar(static_cast<float>(j->phase_progress()), ImVec2(-1, 0), overlay);
    tooltip(
        finding
            ? (j->exact_neighbours()
                   ? "Finding each point's nearest neighbours in the original space (every pair of points)."
                   : "Finding each point's nearest neighbours in the original space (random-projection "
                     "trees, then neighbours of neighbours: about 99% of the true ones).")
            : "Turning each point's distances to its neighbours into how strongly they attract.");
    return;
  }
  if (j->total_iterations())
    ImGui::Text("Epoch %d of %d", j->iteration(), j->total_iterations());
  else
    ImGui::Text("Iteration %d", j->iteration());
  if (tsne) {
    ImGui::SameLine();
    ImGui::TextDisabled("KL %.4f", j->kl_divergence());
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip(
          "The KL divergence between the neighbourhoods in the data and in the layout: lower is better. It "
          "jumps when the early exaggeration ends (iteration %d), then falls.",
          j->settings().tsne.exaggeration_iterations);
  }
  if (!running_ && !current_->paused) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextDisabled("Done.");
    tooltip(tsne ? "The iterations asked for have run: raise Iterations (or 0: no limit) to go on."
                 : "Every epoch has run: raise Epochs for a longer descent (it starts over).");
  } else {
    const bool paused = current_->paused;
    if (ImGui::Button(paused ? "Resume" : "Pause")) current_->paused = !current_->paused;
    note(paused ? "resume" : "pause");
    tooltip(current_->paused ? "Go on improving the layout." : "Stop improving the layout (the view stays).");
  }
  ImGui::SameLine();
  const bool restart = ImGui::Button("Restart");
  note("restart");
  if (restart) {
    spare_graph_ = current_->job->graph();  // the neighbours stay the same
    kept_.erase(
        std::remove_if(kept_.begin(), kept_.end(), [&](const auto& e) { return e.get() == current_; }),
        kept_.end());
    current_ = nullptr;
  }
  tooltip("Start over from the seed's random start.");
}

}  // namespace el::ui
