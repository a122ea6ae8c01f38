// libFuzzer target: arbitrary bytes as a mesh part's TensorProto, decoded as
// each part (vertices, faces, colours), then put together as one mesh and
// written as PLY; the same bytes as a json_config. Decoding must fail with a
// reason or give B * N * 3 values; the assembled mesh may only index its own
// vertices, with one colour per vertex or none.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "aggregate/meshes.h"
#include "events/mesh.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using el::events::MeshContent;
  el::pb::TensorProto t;
  el::events::MeshTensor parts[3];
  bool ok[3] = {false, false, false};
  if (t.ParseFromArray(data, static_cast<int>(size))) {
    const MeshContent contents[3] = {MeshContent::kVertex, MeshContent::kFace, MeshContent::kColor};
    for (int i = 0; i < 3; ++i) {
      std::string error;
      ok[i] = el::events::decode_mesh_tensor(t, contents[i], parts[i], error);
      if (!ok[i] && error.empty()) std::abort();
      if (ok[i]) {
        const auto n = static_cast<std::size_t>(parts[i].batch * parts[i].rows * 3);
        const std::size_t got = i == 0   ? parts[i].xyz.size()
                                : i == 1 ? parts[i].indices.size()
                                         : parts[i].rgb.size();
        if (got != n) std::abort();
      }
    }
  }
  if (ok[0]) {
    for (std::uint32_t sample = 0; sample < 2; ++sample) {
      const el::aggregate::MeshSample m = el::aggregate::assemble_mesh(parts[0], ok[1] ? &parts[1] : nullptr,
                                                                       ok[2] ? &parts[2] : nullptr, sample);
      const std::size_t vertices = m.xyz.size() / 3;
      for (std::uint32_t i : m.triangles)
        if (i >= vertices) std::abort();
      if (!m.rgba.empty() && m.rgba.size() != vertices) std::abort();
      if (m.xyz.size() < 3 * 5000) {
        (void)el::aggregate::mesh_to_ply(m);
        (void)el::aggregate::vertex_normals(m.xyz, m.triangles);
        (void)el::aggregate::mesh_edges(m.triangles);
      }
    }
  }
  (void)el::aggregate::parse_mesh_config(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
