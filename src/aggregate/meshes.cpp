#include "aggregate/meshes.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <map>

#include "store/json_value.h"
#include "store/sha256.h"

namespace el::aggregate {

// [SECTION] the meshes of a run ------------------------------------------------------------
namespace {

std::vector<std::uint32_t> records_of(const store::Series& s, bool all_points) {
  if (!all_points) return store::visible_indices(s.steps);
  std::vector<std::uint32_t> v(s.size());
  for (std::uint32_t i = 0; i < v.size(); ++i) v[i] = i;
  return v;
}

// For each vertex step, the record of `part` at the same step: the k-th
// record with step s goes with the k-th vertex record with step s (all points
// may repeat a step; with the restart rule each step is there once).
void match_part(const store::Series* part, bool all_points, std::vector<MeshStep>& steps,
                std::uint32_t MeshStep::*field) {
  if (!part) return;
  std::map<std::int64_t, std::vector<std::uint32_t>> by_step;
  for (std::uint32_t i : records_of(*part, all_points)) by_step[part->steps[i]].push_back(i);
  std::map<std::int64_t, std::size_t> used;
  for (MeshStep& st : steps) {
    auto it = by_step.find(st.step);
    if (it == by_step.end()) continue;
    std::size_t& k = used[st.step];
    if (k < it->second.size()) st.*field = it->second[k++];
  }
}

}  // namespace

std::vector<MeshInfo> find_meshes(const store::Run& run, bool all_points) {
  std::map<std::string, MeshInfo> by_name;
  for (const auto& [tag, s] : run.tags) {
    if (s.kind != events::Kind::kMesh) continue;
    events::MeshMetadata m;
    const bool known = events::mesh_metadata(s.metadata.plugin_content, tag, m);
    MeshInfo& info = by_name[m.name];
    info.name = m.name;
    if (!known) {
      info.problems.push_back("tag '" + tag + "' does not say which part of a mesh it holds (left out)");
      continue;
    }
    const store::Series** slot = m.content == events::MeshContent::kVertex ? &info.vertex
                                 : m.content == events::MeshContent::kFace ? &info.face
                                                                           : &info.color;
    if (*slot) {
      info.problems.push_back("tags '" + std::string((*slot)->tag) + "' and '" + tag + "' both hold the " +
                              events::mesh_content_name(m.content) + " (the first is used)");
      continue;
    }
    *slot = &s;
    if (m.shape.size() == 3 && m.shape[0] > 0)
      info.samples =
          std::max(info.samples, static_cast<std::uint32_t>(std::min<std::int64_t>(m.shape[0], 1 << 16)));
    if (info.json_config.empty()) info.json_config = m.json_config;
  }
  std::vector<MeshInfo> out;
  for (auto& [name, info] : by_name) {
    if (!info.vertex) {
      info.problems.push_back("mesh '" + name + "' has no vertices tensor: nothing to draw");
    } else {
      for (std::uint32_t i : records_of(*info.vertex, all_points))
        info.steps.push_back({info.vertex->steps[i], info.vertex->wall_times[i], i});
      match_part(info.face, all_points, info.steps, &MeshStep::face);
      match_part(info.color, all_points, info.steps, &MeshStep::color);
    }
    out.push_back(std::move(info));
  }
  return out;
}

// [SECTION] one sample, ready to draw --------------------------------------------------------
MeshSample assemble_mesh(const events::MeshTensor& vertices, const events::MeshTensor* faces,
                         const events::MeshTensor* colours, std::uint32_t sample) {
  MeshSample out;
  if (sample >= vertices.batch) {
    out.problems.push_back("the vertices have " + std::to_string(vertices.batch) + " sample(s): no sample " +
                           std::to_string(sample + 1) + " at this step");
    return out;
  }
  const std::size_t n = static_cast<std::size_t>(vertices.rows);
  out.vertices = n;
  const float* v = vertices.xyz.data() + static_cast<std::size_t>(sample) * n * 3;
  {
    store::Sha256 h;
    h.update(std::string_view(reinterpret_cast<const char*>(v), n * 3 * sizeof(float)));
    static const char* kHex = "0123456789abcdef";
    for (std::uint8_t b : h.digest()) {
      out.vertex_sha256 += kHex[b >> 4];
      out.vertex_sha256 += kHex[b & 15];
    }
  }
  // Finite vertices only; `to_new` maps a written index to its place in xyz.
  constexpr std::uint32_t kGone = 0xffffffffu;
  std::vector<std::uint32_t> to_new(n, kGone);
  out.xyz.reserve(n * 3);
  std::size_t not_finite = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const float* p = v + i * 3;
    if (!std::isfinite(p[0]) || !std::isfinite(p[1]) || !std::isfinite(p[2])) {
      ++not_finite;
      continue;
    }
    to_new[i] = static_cast<std::uint32_t>(out.xyz.size() / 3);
    out.xyz.insert(out.xyz.end(), p, p + 3);
    if (!out.has_bounds) {
      out.lo = out.hi = {p[0], p[1], p[2]};
      out.has_bounds = true;
    }
    for (int k = 0; k < 3; ++k) {
      out.lo[k] = std::min(out.lo[k], p[k]);
      out.hi[k] = std::max(out.hi[k], p[k]);
    }
  }
  if (not_finite)
    out.problems.push_back(std::to_string(not_finite) + " of " + std::to_string(n) +
                           " vertices are NaN or infinite (left out, with their faces)");

  if (colours) {
    if (colours->batch != vertices.batch || colours->rows != vertices.rows) {
      out.problems.push_back("the colours are shaped [" + std::to_string(colours->batch) + ", " +
                             std::to_string(colours->rows) + ", 3] but the vertices [" +
                             std::to_string(vertices.batch) + ", " + std::to_string(vertices.rows) +
                             ", 3] (colours left out)");
    } else {
      const std::uint8_t* c = colours->rgb.data() + static_cast<std::size_t>(sample) * n * 3;
      out.rgba.reserve(out.xyz.size() / 3);
      for (std::size_t i = 0; i < n; ++i)
        if (to_new[i] != kGone)
          out.rgba.push_back(0xff000000u | std::uint32_t{c[i * 3]} | std::uint32_t{c[i * 3 + 1]} << 8 |
                             std::uint32_t{c[i * 3 + 2]} << 16);
    }
  }

  if (faces) {
    if (faces->batch != vertices.batch) {
      out.problems.push_back("the faces have " + std::to_string(faces->batch) +
                             " sample(s) but the vertices " + std::to_string(vertices.batch) +
                             (sample < faces->batch ? "" : " (faces left out)"));
    }
    if (sample < faces->batch) {
      const std::size_t f = static_cast<std::size_t>(faces->rows);
      out.faces = f;
      const std::uint32_t* idx = faces->indices.data() + static_cast<std::size_t>(sample) * f * 3;
      out.triangles.reserve(f * 3);
      std::size_t out_of_range = 0, on_gone = 0;
      std::uint32_t worst = 0;
      for (std::size_t t = 0; t < f; ++t) {
        const std::uint32_t a = idx[t * 3], b = idx[t * 3 + 1], c = idx[t * 3 + 2];
        if (a >= n || b >= n || c >= n) {
          ++out_of_range;
          worst = std::max({worst, a < n ? 0u : a, b < n ? 0u : b, c < n ? 0u : c});
          continue;
        }
        if (to_new[a] == kGone || to_new[b] == kGone || to_new[c] == kGone) {
          ++on_gone;
          continue;
        }
        out.triangles.insert(out.triangles.end(), {to_new[a], to_new[b], to_new[c]});
      }
      if (out_of_range)
        out.problems.push_back(std::to_string(out_of_range) + " of " + std::to_string(f) +
                               " faces use a vertex index outside 0.." + std::to_string(n ? n - 1 : 0) +
                               (worst == events::kBadIndex ? " (negative or not an integer)"
                                                           : " (up to " + std::to_string(worst) + ")") +
                               ": left out");
    }
  }
  return out;
}

std::string mesh_to_ply(const MeshSample& m) {
  const std::size_t n = m.xyz.size() / 3, f = m.triangles.size() / 3;
  const bool colours = m.rgba.size() == n && n > 0;
  std::string out = "ply\nformat ascii 1.0\ncomment written by EventLens\nelement vertex " +
                    std::to_string(n) + "\nproperty float x\nproperty float y\nproperty float z\n";
  if (colours) out += "property uchar red\nproperty uchar green\nproperty uchar blue\n";
  out += "element face " + std::to_string(f) + "\nproperty list uchar int vertex_indices\nend_header\n";
  char line[128];
  for (std::size_t i = 0; i < n; ++i) {
    // %.9g: every float32 reads back exactly.
    int len = std::snprintf(line, sizeof line, "%.9g %.9g %.9g", static_cast<double>(m.xyz[i * 3]),
                            static_cast<double>(m.xyz[i * 3 + 1]), static_cast<double>(m.xyz[i * 3 + 2]));
    out.append(line, static_cast<std::size_t>(len));
    if (colours) {
      const std::uint32_t c = m.rgba[i];
      len = std::snprintf(line, sizeof line, " %u %u %u", c & 0xff, (c >> 8) & 0xff, (c >> 16) & 0xff);
      out.append(line, static_cast<std::size_t>(len));
    }
    out += '\n';
  }
  for (std::size_t t = 0; t < f; ++t) {
    const int len = std::snprintf(line, sizeof line, "3 %u %u %u\n", m.triangles[t * 3],
                                  m.triangles[t * 3 + 1], m.triangles[t * 3 + 2]);
    out.append(line, static_cast<std::size_t>(len));
  }
  return out;
}

// [SECTION] geometry for shading ----------------------------------------------------------------
std::vector<float> vertex_normals(const std::vector<float>& xyz,
                                  const std::vector<std::uint32_t>& triangles) {
  std::vector<float> n(xyz.size(), 0.0f);
  for (std::size_t t = 0; t + 2 < triangles.size(); t += 3) {
    const float* a = &xyz[triangles[t] * 3];
    const float* b = &xyz[triangles[t + 1] * 3];
    const float* c = &xyz[triangles[t + 2] * 3];
    const float u[3] = {b[0] - a[0], b[1] - a[1], b[2] - a[2]};
    const float w[3] = {c[0] - a[0], c[1] - a[1], c[2] - a[2]};
    // The cross product's length is twice the area: larger faces weigh more.
    const float f[3] = {u[1] * w[2] - u[2] * w[1], u[2] * w[0] - u[0] * w[2], u[0] * w[1] - u[1] * w[0]};
    for (int k = 0; k < 3; ++k)
      for (int j = 0; j < 3; ++j) n[triangles[t + k] * 3 + j] += f[j];
  }
  for (std::size_t i = 0; i + 2 < n.size(); i += 3) {
    const float len = std::sqrt(n[i] * n[i] + n[i + 1] * n[i + 1] + n[i + 2] * n[i + 2]);
    if (len > 0)
      for (int j = 0; j < 3; ++j) n[i + j] /= len;
  }
  return n;
}

std::vector<std::uint32_t> mesh_edges(const std::vector<std::uint32_t>& triangles) {
  std::vector<std::uint64_t> keys;
  keys.reserve(triangles.size());
  for (std::size_t t = 0; t + 2 < triangles.size(); t += 3)
    for (int k = 0; k < 3; ++k) {
      const std::uint32_t a = triangles[t + k], b = triangles[t + (k + 1) % 3];
      if (a != b) keys.push_back(std::uint64_t{std::min(a, b)} << 32 | std::max(a, b));
    }
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  std::vector<std::uint32_t> out;
  out.reserve(keys.size() * 2);
  for (std::uint64_t k : keys) {
    out.push_back(static_cast<std::uint32_t>(k >> 32));
    out.push_back(static_cast<std::uint32_t>(k));
  }
  return out;
}

// [SECTION] the scene config ------------------------------------------------------------------
namespace {

bool number_of(const store::JsonValue* v, float& out) {
  if (!v || v->type != store::JsonValue::Type::kNumber || !std::isfinite(v->number)) return false;
  out = static_cast<float>(v->number);
  return true;
}

// Three.js colours: a number (0xff0000) or a CSS hex string ("#ff0000", "#f00").
bool colour_of(const store::JsonValue* v, std::uint32_t& out) {
  if (!v) return false;
  if (v->type == store::JsonValue::Type::kNumber && v->number >= 0 && v->number <= 0xffffff) {
    out = static_cast<std::uint32_t>(v->number);
    return true;
  }
  if (v->type != store::JsonValue::Type::kString || v->text.empty() || v->text[0] != '#') return false;
  std::string hex = v->text.substr(1);
  if (hex.size() == 3) hex = {hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]};
  if (hex.size() != 6 || hex.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos) return false;
  out = static_cast<std::uint32_t>(std::stoul(hex, nullptr, 16));
  return true;
}

}  // namespace

MeshConfig parse_mesh_config(std::string_view json) {
  MeshConfig c;
  if (json.empty() || json == "null" || json == "{}") return c;
  store::JsonValue doc;
  if (!store::parse_json(json, doc, c.error)) {
    c.error = "json_config is not JSON: " + c.error;
    return c;
  }
  if (!doc.is_object()) return c;
  for (const store::JsonMember& m : doc.members) {
    if (m.key == "camera" && m.value.is_object()) {
      for (const store::JsonMember& p : m.value.members) {
        float x = 0;
        if (p.key == "cls") continue;
        if (p.key == "fov" && number_of(&p.value, x) && x > 1 && x < 179)
          c.fov_degrees = x;
        else if (p.key == "near" && number_of(&p.value, x) && x > 0)
          c.near = x;
        else if (p.key == "far" && number_of(&p.value, x) && x > 0)
          c.far = x;
        else
          c.ignored.push_back("camera." + p.key);
      }
    } else if (m.key == "material" && m.value.is_object()) {
      for (const store::JsonMember& p : m.value.members) {
        float x = 0;
        if (p.key == "cls") continue;
        if (p.key == "size" && number_of(&p.value, x) && x > 0)
          c.point_size = x;
        else if (p.key == "color" && colour_of(&p.value, c.colour))
          c.has_colour = true;
        else
          c.ignored.push_back("material." + p.key);
      }
    } else {
      c.ignored.push_back(m.key);
    }
  }
  if (c.near > 0 && c.far > 0 && c.far <= c.near) c.near = c.far = 0;  // unusable: both dropped
  return c;
}

}  // namespace el::aggregate
