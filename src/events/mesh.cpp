#include "events/mesh.h"

#include <cmath>
#include <cstring>

#include "events/tensor.h"
#include "proto/plugins.pb.h"

namespace el::events {

const char* mesh_content_name(MeshContent c) {
  switch (c) {
    case MeshContent::kVertex: return "vertices";
    case MeshContent::kFace: return "faces";
    case MeshContent::kColor: return "colours";
    default: return "unknown part";
  }
}

bool split_mesh_tag(std::string_view tag, std::string& name, MeshContent& content) {
  static constexpr std::pair<std::string_view, MeshContent> kSuffixes[] = {
      {"_VERTEX", MeshContent::kVertex}, {"_FACE", MeshContent::kFace}, {"_COLOR", MeshContent::kColor},
      {"_1", MeshContent::kVertex},      {"_2", MeshContent::kFace},    {"_3", MeshContent::kColor}};
  for (const auto& [suffix, c] : kSuffixes)
    if (tag.size() > suffix.size() && tag.substr(tag.size() - suffix.size()) == suffix) {
      name = std::string(tag.substr(0, tag.size() - suffix.size()));
      content = c;
      return true;
    }
  return false;
}

bool mesh_metadata(std::string_view plugin_content, std::string_view tag, MeshMetadata& out) {
  out = MeshMetadata{};
  pb::MeshPluginData d;
  if (!plugin_content.empty() &&
      d.ParseFromArray(plugin_content.data(), static_cast<int>(plugin_content.size()))) {
    out.name = d.name();
    const int c = static_cast<int>(d.content_type());
    if (c >= 1 && c <= 3) out.content = static_cast<MeshContent>(c);
    out.json_config = d.json_config();
    out.shape.assign(d.shape().begin(), d.shape().end());
    out.components = static_cast<std::uint32_t>(d.components());
  }
  std::string tag_name;
  MeshContent tag_content = MeshContent::kUndefined;
  if (split_mesh_tag(tag, tag_name, tag_content)) {
    if (out.name.empty()) out.name = tag_name;
    if (out.content == MeshContent::kUndefined) out.content = tag_content;
  }
  if (out.name.empty()) out.name = std::string(tag);
  // Writers put "null" or "{}" for no config.
  if (out.json_config == "null" || out.json_config == "{}") out.json_config.clear();
  return out.content != MeshContent::kUndefined;
}

bool decode_mesh_tensor(const pb::TensorProto& t, MeshContent content, MeshTensor& out, std::string& error) {
  out = MeshTensor{};
  out.content = content;
  const std::vector<std::int64_t> shape = shape_of(t);
  // [B, N, 3]; a single [N, 3] is taken as one sample.
  if (shape.size() == 3 && shape[2] == 3) {
    out.batch = shape[0];
    out.rows = shape[1];
  } else if (shape.size() == 2 && shape[1] == 3) {
    out.batch = 1;
    out.rows = shape[0];
  } else {
    error = std::string("the ") + mesh_content_name(content) + " tensor is not shaped [B, N, 3] (shape [";
    for (std::size_t i = 0; i < shape.size(); ++i) error += (i ? ", " : "") + std::to_string(shape[i]);
    error += "])";
    return false;
  }
  if (out.batch < 0 || out.rows < 0) {
    error = std::string("the ") + mesh_content_name(content) + " tensor has a negative dimension";
    return false;
  }
  // Every value takes at least a byte of the record, so a shape larger than
  // the tensor's own size can only be a "fill" (one value repeated): no mesh
  // is written that way, and believing it could ask for gigabytes.
  const double stored = static_cast<double>(t.ByteSizeLong());
  if (static_cast<double>(out.batch) * static_cast<double>(out.rows) * 3 > stored + 16) {
    error = std::string("the ") + mesh_content_name(content) + " tensor holds fewer values than its shape [" +
            std::to_string(out.batch) + ", " + std::to_string(out.rows) + ", 3] needs";
    return false;
  }
  const std::size_t n = static_cast<std::size_t>(out.batch) * static_cast<std::size_t>(out.rows) * 3;
  const std::string& raw = t.tensor_content();
  // The common dtypes straight from tensor_content (no detour through doubles).
  if (content == MeshContent::kVertex && t.dtype() == pb::DT_FLOAT && raw.size() == n * 4) {
    out.xyz.resize(n);
    if (n) std::memcpy(out.xyz.data(), raw.data(), raw.size());  // little-endian, as wasm and x86 are
    return true;
  }
  if (content == MeshContent::kColor && t.dtype() == pb::DT_UINT8 && raw.size() == n) {
    out.rgb.assign(raw.begin(), raw.end());
    return true;
  }
  std::vector<double> v;
  v.reserve(n);
  if (!is_numeric(t.dtype()) || !tensor_to_doubles(t, v) || v.size() != n) {
    error = std::string("the ") + mesh_content_name(content) + " tensor's values do not match its shape or " +
            "are not numbers";
    return false;
  }
  switch (content) {
    case MeshContent::kVertex: out.xyz.assign(v.begin(), v.end()); break;
    case MeshContent::kFace:
      out.indices.resize(n);
      for (std::size_t i = 0; i < n; ++i) {
        const double x = v[i];
        out.indices[i] =
            x >= 0 && x < 4294967295.0 && x == std::floor(x) ? static_cast<std::uint32_t>(x) : kBadIndex;
      }
      break;
    case MeshContent::kColor:
      // uint8 in TensorFlow; PyTorch writes the same 0..255 values as floats.
      out.rgb.resize(n);
      for (std::size_t i = 0; i < n; ++i) {
        const double x = v[i];
        out.rgb[i] =
            static_cast<std::uint8_t>(std::isnan(x) ? 0 : std::lround(std::fmin(255.0, std::fmax(0.0, x))));
      }
      break;
    default: error = "not a mesh part"; return false;
  }
  return true;
}

}  // namespace el::events
