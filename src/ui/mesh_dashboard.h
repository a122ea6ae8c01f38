// The Mesh dashboard: one card per (run, mesh, sample), each stepping
// through every recorded step like an image card. A card reads the step's
// parts (vertices, faces, colours) through the media provider, puts the
// sample together (aggregate/meshes: bad data named and left out), and shows
// it in a 3-D view: triangles lit from the eye (flat or smooth, with an
// optional wireframe) or, without faces, a point cloud. The mouse orbits,
// pans, zooms and fits; the camera, point size and colour come from the
// mesh's json_config where it gives them. Downloads: PLY of the shown step,
// PNG of the card.
#pragma once
#include <deque>
#include <map>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "aggregate/meshes.h"
#include "ui/orbit_camera.h"
#include "ui/plot_frame.h"
#include "ui/step_cards_dashboard.h"

namespace el::ui {

class MeshDashboard final : public StepCardsDashboard {
 public:
  const DashboardInfo& info() const override;
  void draw_sidebar(const UiContext& ctx) override;
  std::vector<std::string_view> link_keys() const override;
  void write_state(store::JsonWriter& j, const store::Store& store) const override;

 private:
  // A mesh of the store, with what its cards look up every frame.
  struct IndexedMesh {
    aggregate::MeshInfo info;
    std::string run;
    aggregate::MeshConfig config;
    std::unordered_map<std::uint32_t, std::uint32_t> step_of_record;  // vertex record -> info.steps index
  };
  // The records a card's GPU buffers hold.
  struct Shown {
    std::uint32_t vertex = aggregate::kNoRecord, face = aggregate::kNoRecord, color = aggregate::kNoRecord;
    bool operator==(const Shown&) const = default;
  };
  struct Card {
    StepSlider slider;
    OrbitCamera camera;
    bool fitted = false;
    WheelGate wheel;
    bool has_shown = false;
    Shown shown;
    aggregate::MeshSample mesh;  // the sample shown
    std::vector<std::string> problems;
    MeshId gpu_mesh = 0;
    PointCloudId cloud = 0;
    bool edges_uploaded = false;
    double switch_ms = 0;  // putting the last step together and uploading it
    double decode_ms = 0;  // checking and decoding its parts' records when they arrived
    // For state(): drawn last frame.
    std::string name, run;
    std::uint32_t sample = 0;
    std::size_t position = 0, count = 0;
    std::int64_t step = 0;
    MediaState state = MediaState::kLoading;
    std::string error;
    float point_px = 0;
    bool linked = false;  // drawn with the shared camera
    ImVec2 view_min, view_max;
    std::uint64_t frame = 0;
  };
  using Key = std::tuple<std::string, std::string, std::uint32_t>;  // vertex tag, run, sample

  CardLayout card_layout() const override;
  void begin_cards(const UiContext& ctx) override;
  bool choose_card(const store::Series& s, std::uint32_t& samples, const std::string*& title) override;
  void draw_card(const UiContext& ctx, const TagRunCard& card, ImVec2 min, ImVec2 max) override;
  void card_menu(const UiContext& ctx, const TagRunCard& card, ImVec2 min, ImVec2 max) override;

  void sync_index(const UiContext& ctx);
  void release_all(const UiContext& ctx);
  void show_sample(const UiContext& ctx, Card& c, const IndexedMesh& m, const Shown& want,
                   const events::MeshTensor& v, const events::MeshTensor* f, const events::MeshTensor* col,
                   std::uint32_t sample, std::vector<std::string> read_problems);
  void draw_view(const UiContext& ctx, Card& c, const IndexedMesh& m, ImVec2 min, ImVec2 max);
  OrbitCamera& camera_of(const UiContext& ctx, Card& c);
  const OrbitCamera& camera_of(const Card& c) const { return c.linked ? shared_camera_ : c.camera; }

  std::deque<IndexedMesh> meshes_;
  std::unordered_map<const store::Series*, IndexedMesh*> by_vertex_;
  std::uint64_t store_version_ = ~0ull, generation_ = ~0ull;
  bool all_points_ = false;
  std::map<Key, Card> cards_;
  OrbitCamera shared_camera_;  // Link cameras
  bool shared_fitted_ = false;
  std::vector<std::string> ignored_;  // json_config keys not used, of every mesh (said once)
  std::uint64_t frame_ = 0;
};

}  // namespace el::ui
