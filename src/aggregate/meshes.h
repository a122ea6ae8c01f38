// [SECTION] the meshes of a run
// [SECTION] one sample, ready to draw
// [SECTION] geometry for shading
// [SECTION] the scene config
//
// Meshes put together from their parts (events/mesh): which tags of a run
// make one mesh, which records of each part belong to one step, and one
// sample of one step checked and made ready to draw. Bad data is named and
// left out; what is valid is kept.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "events/mesh.h"
#include "store/store.h"

namespace el::aggregate {

// [SECTION] the meshes of a run ------------------------------------------------------------
inline constexpr std::uint32_t kNoRecord = 0xffffffffu;

struct MeshStep {
  std::int64_t step = 0;
  double wall_time = 0;
  std::uint32_t vertex = kNoRecord, face = kNoRecord, color = kNoRecord;  // record indices in each part
};

struct MeshInfo {
  std::string name;
  const store::Series* vertex = nullptr;  // null: no vertices were written (the mesh cannot be drawn)
  const store::Series* face = nullptr;
  const store::Series* color = nullptr;
  std::uint32_t samples = 1;    // B: the most any part's shape says
  std::string json_config;      // the first part's that has one
  std::vector<MeshStep> steps;  // every step of the vertices, in order
  std::vector<std::string> problems;
};

// The meshes of `run`, by name. Steps follow the vertex records (TensorBoard's
// restart rule applied unless `all_points`); faces and colours are matched by
// equal step.
std::vector<MeshInfo> find_meshes(const store::Run& run, bool all_points);

// [SECTION] one sample, ready to draw --------------------------------------------------------
struct MeshSample {
  std::vector<float> xyz;                 // the finite vertices, in order
  std::vector<std::uint32_t> triangles;   // faces whose three indices are valid, into xyz
  std::vector<std::uint32_t> rgba;        // one per xyz vertex (IM_COL32 order: r low); empty: no colours
  std::uint64_t vertices = 0, faces = 0;  // as written, for this sample
  bool has_bounds = false;
  std::array<float, 3> lo{}, hi{};    // of the finite vertices
  std::string vertex_sha256;          // of this sample's vertices as float32 little-endian, x y z per row
  std::vector<std::string> problems;  // what was left out, and why
  std::size_t bytes() const { return xyz.size() * 4 + triangles.size() * 4 + rgba.size() * 4; }
};

// Sample `sample` of one step's parts (faces and colours may be null).
MeshSample assemble_mesh(const events::MeshTensor& vertices, const events::MeshTensor* faces,
                         const events::MeshTensor* colours, std::uint32_t sample);

// The sample as an ASCII PLY file (vertices with colours when present, then
// triangles), as the card shows it: what was left out stays out.
std::string mesh_to_ply(const MeshSample& m);

// [SECTION] geometry for shading ----------------------------------------------------------------
// Per-vertex normals: the area-weighted sum of the faces around each vertex,
// normalised (0 for a vertex in no face).
std::vector<float> vertex_normals(const std::vector<float>& xyz, const std::vector<std::uint32_t>& triangles);
// Every edge of the triangles once (pairs of vertex indices, smaller first), for a wireframe.
std::vector<std::uint32_t> mesh_edges(const std::vector<std::uint32_t>& triangles);

// [SECTION] the scene config ------------------------------------------------------------------
// What EventLens takes from a json_config (Three.js class names and
// parameters): the camera's field of view and clip planes, and the
// material's point size and colour. The rest (lights, other material
// parameters) is listed in `ignored`.
struct MeshConfig {
  float fov_degrees = 0;  // vertical; 0: not given
  float near = 0, far = 0;
  float point_size = 0;  // world units (Three.js PointsMaterial.size); 0: not given
  bool has_colour = false;
  std::uint32_t colour = 0;  // 0xRRGGBB
  std::vector<std::string> ignored;
  std::string error;  // the config is not JSON
};
MeshConfig parse_mesh_config(std::string_view json);

}  // namespace el::aggregate
