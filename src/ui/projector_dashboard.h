// The Projector: embeddings (PyTorch, tensorboardX, TF1 Saver and tf.keras
// checkpoints) as a cloud of points. The sidebar picks the embedding and the
// projection (PCA of every point, or custom axes between label centroids),
// the colouring and the labels; the body holds the search bar, the 2-D/3-D
// view (ui/point_view: GPU points, orbit, pan, zoom, box select) and an
// inspector with the hovered or selected point's metadata, its nearest
// neighbours in the original space, and bookmarks. The arithmetic lives in
// ui/projector_document and src/embed; this file draws.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "embed/custom_projection.h"
#include "embed/neighbors.h"
#include "embed/pca.h"
#include "ui/dashboard.h"
#include "ui/embedding_provider.h"
#include "ui/layout_panel.h"
#include "ui/point_view.h"
#include "ui/projector_document.h"

namespace el::ui {

// What the Projector showed last frame (state() and the browser tests).
struct ProjectorViewInfo {
  std::string embedding, status, error, note, projection, custom_error;
  LayoutInfo layout;              // t-SNE or UMAP
  std::vector<std::string> keys;  // every embedding listed
  std::size_t embeddings = 0, points = 0, dims = 0, drawn = 0;
  int components[3] = {0, 1, 2};
  bool three_d = true, sphereized = false;
  std::vector<double> variance;  // each PCA component's share
  std::string colour_by, label_by, search;
  std::size_t matches = 0, legend = 0;
  std::vector<std::uint32_t> selected;
  std::vector<embed::Neighbor> neighbors;
  std::int64_t hovered = -1;
  std::vector<std::pair<std::string, std::string>> hovered_row;  // column, value
  std::size_t bookmarks = 0;
  struct Control {
    std::string name;  // "add bookmark", "save bookmarks", "bookmark 0", "neighbor 0", "fit"...
    float x = 0, y = 0, w = 0, h = 0;
  };
  std::vector<Control> controls;  // where the controls tests click are
  float view[4] = {0, 0, 0, 0};   // the view's rectangle: x, y, w, h (ImGui coordinates)
  double load_ms = 0, parse_ms = 0, pca_ms = 0;
};

class ProjectorDashboard final : public Dashboard {
 public:
  ~ProjectorDashboard() override;
  const DashboardInfo& info() const override;
  bool has_data(const UiContext& ctx) const override;
  void draw_sidebar(const UiContext& ctx) override;
  void draw(const UiContext& ctx) override;
  int charts_drawn() const override { return charts_drawn_; }
  void write_state(store::JsonWriter& j, const store::Store& store) const override;
  std::vector<std::string_view> link_keys() const override;
  bool work_between_frames(double budget_ms) override;

 private:
  // The embedding the settings name (or the first), loading it; null while none is ready.
  const LoadedEmbedding* current(const UiContext& ctx);
  void reset_for(const LoadedEmbedding& e);
  void update_projection(const UiContext& ctx, const LoadedEmbedding& e);
  void update_colours(const UiContext& ctx, const LoadedEmbedding& e);
  void update_search(const UiContext& ctx, const LoadedEmbedding& e);
  void update_neighbors(const UiContext& ctx, const LoadedEmbedding& e);
  void select(std::vector<std::uint32_t> points);
  void draw_toolbar(const UiContext& ctx, const LoadedEmbedding& e);
  void draw_inspector(const UiContext& ctx, const LoadedEmbedding& e, float width, float height);
  void draw_bookmarks(const UiContext& ctx, const LoadedEmbedding& e);
  void apply_bookmark(const UiContext& ctx, const Bookmark& b, const LoadedEmbedding& e);
  Bookmark bookmark_now(const UiContext& ctx, const LoadedEmbedding& e) const;
  // Records the last item's rectangle under `name` (state()'s controls).
  void note_control(std::string name);
  int column_index(const LoadedEmbedding& e, const std::string& name) const;
  // The column labels come from: the chosen one, else the first (-1: no metadata, labels are indices).
  int label_column(const LoadedEmbedding& e, const Settings& s) const;
  std::string coordinates_tsv(const LoadedEmbedding& e, bool selection_only) const;

  int charts_drawn_ = 0;
  ProjectorViewInfo info_;
  std::uint64_t generation_ = 0;  // of the loaded embedding the state below belongs to
  // PCA (cached per sphereize choice) and the custom projection.
  embed::Pca pca_;
  int pca_sphereize_ = -2;  // the choice pca_ was computed with (-2: none yet)
  std::string pca_error_;
  double pca_ms_ = 0;
  std::string custom_key_;  // what custom_xy_ was computed from
  // t-SNE and UMAP, run between frames.
  LayoutPanel layout_;
  EmbeddingProvider* embeddings_ = nullptr;  // the last frame's (it outlives the dashboard's frames)
  std::string custom_error_;
  std::vector<float> custom_xy_;
  std::vector<float> coords_;  // the projection before fitting: n x components (2 or 3)
  std::string projection_key_;
  // Colours and search.
  PointColours colours_;
  std::string colour_key_, colour_source_;  // what the GPU colours and colours_ were made from
  std::vector<std::uint32_t> highlight_points_, highlight_colours_;
  std::vector<std::uint32_t> matches_;
  std::string search_key_, search_error_, searched_;
  // Selection, isolation, neighbours.
  std::vector<std::uint32_t> selected_;
  bool isolate_ = false;
  std::vector<float> norms_;  // row norms for cosine neighbours
  std::vector<embed::Neighbor> neighbors_;
  std::string neighbor_key_;
  std::int64_t hovered_ = -1;
  // Bookmarks: the config's file, and those added here.
  std::vector<Bookmark> bookmarks_;
  std::string bookmarks_error_;
  PointView view_;
  bool fitted_once_ = false;  // the view was framed for this embedding
  bool show_sprites_ = true;
};

}  // namespace el::ui
