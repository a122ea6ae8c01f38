// The Projector's t-SNE and UMAP: runs the layout the settings ask for a
// slice per frame (embed/layout_job.h), and draws its controls in the
// sidebar: parameters, the phase and its progress, the iteration (and KL for
// t-SNE), Pause, Resume and Restart. Layouts already computed for the loaded
// embedding are kept, so switching method or parameters back shows them at
// once, and a new layout takes a neighbour graph it can share.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "embed/layout_job.h"
#include "embed/tsv.h"
#include "ui/ui_context.h"

namespace el::ui {

// What state() reports of the layout (the browser tests read it).
struct LayoutInfo {
  std::string method;   // "tsne" or "umap" ("" when neither is chosen)
  std::string phase;    // "neighbours", "affinities", "iterating"
  double progress = 0;  // within the phase
  int iteration = -1;   // -1: no layout yet
  int total = 0;        // UMAP's epochs (t-SNE: the limit asked, 0 none)
  double kl = 0;        // t-SNE
  bool running = false, paused = false, exact_neighbours = true;
  std::size_t neighbours = 0;
  double neighbours_ms = 0;
  std::string error;
  struct Control {
    std::string name;  // "pause", "resume", "restart"
    float x = 0, y = 0, w = 0, h = 0;
  };
  std::vector<Control> controls;  // where the buttons are (the tests click them)
};

class LayoutPanel {
 public:
  // Spends this frame's share on the layout the settings ask for (method 1:
  // t-SNE, 3: UMAP) of `points`, loaded as `generation`.
  void update(const UiContext& ctx, std::uint64_t generation, const embed::Matrix& points);
  // The settings and progress, in the sidebar.
  void draw_settings(const UiContext& ctx);
  // The job being shown (null: none, or it failed).
  const embed::LayoutJob* job() const { return current_ ? current_->job.get() : nullptr; }
  // Changes whenever the layout's coordinates do.
  std::string version() const;
  const LayoutInfo& info() const { return info_; }
  // The embedding (its load's generation) the layouts belong to.
  std::uint64_t generation() const { return generation_; }
  // More of the running layout between frames: about `budget_ms`. True if it
  // did some; false when paused, done, or there is none.
  bool work(double budget_ms);

 private:
  struct Entry {
    std::string key;  // the settings it was started with
    std::unique_ptr<embed::LayoutJob> job;
    bool paused = false;
  };
  static constexpr std::size_t kKept = 4;  // layouts kept per embedding

  std::vector<std::unique_ptr<Entry>> kept_;  // most recently used first
  Entry* current_ = nullptr;
  std::uint64_t generation_ = 0;
  std::shared_ptr<const embed::KnnGraph> spare_graph_;  // a restarted layout's, for its successor
  std::string error_;
  bool running_ = false;
  int max_iterations_ = 0;
  std::vector<LayoutInfo::Control> controls_;  // drawn by the last draw_settings()
  LayoutInfo info_;
};

}  // namespace el::ui
