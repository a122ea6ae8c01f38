// Meshes and point clouds as the mesh plugin writes them. One mesh is up to
// three tensor values, each with its own plugin metadata (MeshPluginData):
// vertices, faces and colours, all shaped [B, N, 3] (B samples of N rows).
// TensorFlow and PyTorch name the tags <name>_VERTEX, <name>_FACE and
// <name>_COLOR; tensorboardX (older releases) <name>_1, _2 and _3. TensorFlow
// writes float32 vertices, int32 faces and uint8 colours; PyTorch writes all
// three as float_val. This file decodes one part; aggregate/meshes puts a
// mesh together.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "proto/tensor.pb.h"

namespace el::events {

// MeshPluginData.ContentType (field 3).
enum class MeshContent : std::uint8_t { kUndefined = 0, kVertex = 1, kFace = 2, kColor = 3 };
const char* mesh_content_name(MeshContent c);  // "vertices", "faces", "colours"

struct MeshMetadata {
  std::string name;  // the mesh the part belongs to (the tag without its suffix)
  MeshContent content = MeshContent::kUndefined;
  std::string json_config;          // the scene's Three.js-style config ("" when absent)
  std::vector<std::int64_t> shape;  // as written: [B, N, 3]
  std::uint32_t components = 0;     // bitmask of 1 << content of the parts written; 0: all
};

// A part's metadata from its plugin content (MeshPluginData bytes) and tag.
// The name and content type fall back on the tag's suffix when the plugin
// data lacks them. False when neither says what the part is.
[[nodiscard]] bool mesh_metadata(std::string_view plugin_content, std::string_view tag, MeshMetadata& out);
// <name>_VERTEX / _FACE / _COLOR, or <name>_1 / _2 / _3: the name and content.
bool split_mesh_tag(std::string_view tag, std::string& name, MeshContent& content);

// One decoded part: B samples of N rows of 3.
struct MeshTensor {
  MeshContent content = MeshContent::kUndefined;
  std::int64_t batch = 0, rows = 0;    // B, N
  std::vector<float> xyz;              // vertices: B * N * 3
  std::vector<std::uint32_t> indices;  // faces: B * N * 3 (kBadIndex: negative or not an integer)
  std::vector<std::uint8_t> rgb;       // colours: B * N * 3, 0..255
  std::size_t bytes() const { return xyz.size() * 4 + indices.size() * 4 + rgb.size(); }
};
inline constexpr std::uint32_t kBadIndex = 0xffffffffu;

// Decodes `t` as `content`. False with `error` naming the problem (wrong
// rank, a last dimension other than 3, a non-numeric dtype).
[[nodiscard]] bool decode_mesh_tensor(const pb::TensorProto& t, MeshContent content, MeshTensor& out,
                                      std::string& error);

}  // namespace el::events
