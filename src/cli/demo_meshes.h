// Meshes for the demo logdir and the mesh benchmark, written the ways real
// writers do: TensorFlow's (float32 / int32 / uint8 tensor_content, tags
// <name>_VERTEX/_FACE/_COLOR) and older tensorboardX's (float_val for every
// part, tags <name>_1/_2/_3).
#pragma once
#include <cstdint>
#include <filesystem>
#include <vector>

#include "proto/event.pb.h"

namespace el::cli {

// A torus of `around` x `tube` vertices whose tube wobbles more as `t` goes
// from 0 to 1; faces wind counter-clockwise seen from outside.
struct GridMesh {
  std::vector<float> xyz;
  std::vector<std::int32_t> faces;
  std::vector<std::uint8_t> rgb;
};
GridMesh torus_mesh(int around, int tube, double t, double wobble_waves);

// Adds the demo's meshes at `step` of `steps` (0..steps-1) to `e`: a
// TensorFlow-style torus with two samples and a scene config, and a
// tensorboardX-style coloured point cloud. `first` adds the plugin metadata.
void add_demo_meshes(pb::Event& e, int step_index, int steps, bool first);

// `eventlens demo OUT --meshes`: the mesh benchmark's logdir (run "meshes"):
// a 1,000,000-point cloud, a 500,000-triangle torus, and a 100,000-vertex
// torus over 5 steps.
bool write_mesh_bench(const std::filesystem::path& root);

}  // namespace el::cli
