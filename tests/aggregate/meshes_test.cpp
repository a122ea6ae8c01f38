// Meshes put together from their parts: steps matched across parts, bad data
// named and left out while the rest is kept, normals, edges and the scene
// config. Expected values are worked out by hand in the comments; the
// sha256 values by Python's hashlib over the same float32 bytes.
#include "aggregate/meshes.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "cli/demo_meshes.h"
#include "proto/event.pb.h"
#include "proto/plugins.pb.h"
#include "record/record_writer.h"

namespace el::aggregate {
namespace {

using events::MeshContent;
using events::MeshTensor;

MeshTensor vertices(std::vector<float> xyz, std::int64_t batch = 1) {
  MeshTensor t;
  t.content = MeshContent::kVertex;
  t.batch = batch;
  t.rows = static_cast<std::int64_t>(xyz.size() / 3) / batch;
  t.xyz = std::move(xyz);
  return t;
}

MeshTensor faces(std::vector<std::uint32_t> idx, std::int64_t batch = 1) {
  MeshTensor t;
  t.content = MeshContent::kFace;
  t.batch = batch;
  t.rows = static_cast<std::int64_t>(idx.size() / 3) / batch;
  t.indices = std::move(idx);
  return t;
}

MeshTensor colours(std::vector<std::uint8_t> rgb, std::int64_t batch = 1) {
  MeshTensor t;
  t.content = MeshContent::kColor;
  t.batch = batch;
  t.rows = static_cast<std::int64_t>(rgb.size() / 3) / batch;
  t.rgb = std::move(rgb);
  return t;
}

TEST(AssembleMesh, ValidMeshIsKeptWhole) {
  const MeshTensor v = vertices({0, 0, 0, 1, 0, 0, 0, 1, 0});
  const MeshTensor f = faces({0, 1, 2});
  const MeshTensor c = colours({255, 0, 0, 0, 255, 0, 0, 0, 255});
  const MeshSample m = assemble_mesh(v, &f, &c, 0);
  EXPECT_TRUE(m.problems.empty());
  EXPECT_EQ(m.vertices, 3u);
  EXPECT_EQ(m.faces, 1u);
  EXPECT_EQ(m.xyz, v.xyz);
  EXPECT_EQ(m.triangles, (std::vector<std::uint32_t>{0, 1, 2}));
  // IM_COL32 order: red in the low byte, opaque.
  EXPECT_EQ(m.rgba, (std::vector<std::uint32_t>{0xff0000ffu, 0xff00ff00u, 0xffff0000u}));
  ASSERT_TRUE(m.has_bounds);
  EXPECT_EQ(m.lo, (std::array<float, 3>{0, 0, 0}));
  EXPECT_EQ(m.hi, (std::array<float, 3>{1, 1, 0}));
  EXPECT_EQ(m.vertex_sha256, "d8b87038ed2ace74ed183166f6b0a541eab77f7184d50e65edc4bca5ccb5445a");
}

TEST(MeshPly, VerticesColoursAndFacesAsAsciiPly) {
  const MeshTensor v = vertices({0, 0, 0, 1.5f, 0, 0, 0, 0.1f, 0});
  const MeshTensor f = faces({0, 1, 2});
  const MeshTensor c = colours({255, 0, 0, 0, 255, 0, 0, 0, 255});
  EXPECT_EQ(mesh_to_ply(assemble_mesh(v, &f, &c, 0)),
            "ply\nformat ascii 1.0\ncomment written by EventLens\nelement vertex 3\n"
            "property float x\nproperty float y\nproperty float z\n"
            "property uchar red\nproperty uchar green\nproperty uchar blue\n"
            "element face 1\nproperty list uchar int vertex_indices\nend_header\n"
            "0 0 0 255 0 0\n1.5 0 0 0 255 0\n0 0.100000001 0 0 0 255\n3 0 1 2\n");
  // A point cloud: no colour properties, no faces.
  const std::string cloud = mesh_to_ply(assemble_mesh(v, nullptr, nullptr, 0));
  EXPECT_EQ(cloud.find("red"), std::string::npos);
  EXPECT_NE(cloud.find("element face 0\n"), std::string::npos);
}

TEST(AssembleMesh, NanVerticesAndOutOfRangeFacesAreLeftOutAndNamed) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  // Vertex 2 is NaN; face 1 uses it, face 2 names vertex 7 of 4.
  const MeshTensor v = vertices({0, 0, 0, 1, 0, 0, nan, 0, 0, 0, 1, 0});
  const MeshTensor f = faces({0, 1, 3, 0, 2, 3, 0, 1, 7});
  const MeshTensor c = colours({1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12});
  const MeshSample m = assemble_mesh(v, &f, &c, 0);
  EXPECT_EQ(m.vertices, 4u);
  EXPECT_EQ(m.faces, 3u);
  // Vertices 0, 1, 3 stay (3 becomes 2); only face 0 survives.
  EXPECT_EQ(m.xyz, (std::vector<float>{0, 0, 0, 1, 0, 0, 0, 1, 0}));
  EXPECT_EQ(m.triangles, (std::vector<std::uint32_t>{0, 1, 2}));
  EXPECT_EQ(m.rgba, (std::vector<std::uint32_t>{0xff030201u, 0xff060504u, 0xff0c0b0au}));
  EXPECT_EQ(m.hi, (std::array<float, 3>{1, 1, 0}));
  EXPECT_EQ(m.problems,
            (std::vector<std::string>{"1 of 4 vertices are NaN or infinite (left out, with their faces)",
                                      "1 of 3 faces use a vertex index outside 0..3 (up to 7): left out"}));
  // The fingerprint is of the vertices as written, NaN included.
  EXPECT_EQ(m.vertex_sha256, "8131b32be697c4bfc5c9f52b687f2bff585c65d1356e6089d73764b5724196a7");
}

TEST(AssembleMesh, MismatchedPartsAreNamedAndTheVerticesStillDrawn) {
  // Two samples of 3 vertices; colours for 2 vertices; faces for 1 sample.
  const MeshTensor v = vertices({0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 2, 0, 0, 0, 2, 0}, 2);
  const MeshTensor c = colours({1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4}, 2);
  const MeshTensor f = faces({0, 1, 2});
  MeshSample m = assemble_mesh(v, &f, &c, 1);
  EXPECT_EQ(m.xyz, (std::vector<float>{0, 0, 1, 2, 0, 0, 0, 2, 0}));
  EXPECT_TRUE(m.rgba.empty());
  EXPECT_TRUE(m.triangles.empty());
  EXPECT_EQ(m.faces, 0u);
  EXPECT_EQ(m.problems, (std::vector<std::string>{
                            "the colours are shaped [2, 2, 3] but the vertices [2, 3, 3] (colours left out)",
                            "the faces have 1 sample(s) but the vertices 2 (faces left out)"}));
  // Sample 0 has faces (the mismatch is still said).
  m = assemble_mesh(v, &f, nullptr, 0);
  EXPECT_EQ(m.triangles, (std::vector<std::uint32_t>{0, 1, 2}));
  EXPECT_EQ(m.problems, (std::vector<std::string>{"the faces have 1 sample(s) but the vertices 2"}));
  // No third sample.
  m = assemble_mesh(v, nullptr, nullptr, 2);
  EXPECT_TRUE(m.xyz.empty());
  EXPECT_EQ(m.problems,
            (std::vector<std::string>{"the vertices have 2 sample(s): no sample 3 at this step"}));
  // A negative index (decoded as kBadIndex) is named as such.
  const MeshTensor bad = faces({0, 1, events::kBadIndex, 0, 1, 2, 0, 1, 2}, 1);
  m = assemble_mesh(v, &bad, nullptr, 0);
  EXPECT_EQ(m.triangles.size(), 6u);
  ASSERT_FALSE(m.problems.empty());
  EXPECT_EQ(m.problems.back(),
            "1 of 3 faces use a vertex index outside 0..2 (negative or not an integer): left out");
}

TEST(MeshGeometry, NormalsFollowTheWindingAndEdgesAreUnique) {
  // Counter-clockwise seen from +z: the normal is +z.
  const std::vector<float> xyz{0, 0, 0, 1, 0, 0, 0, 1, 0, 1, 1, 0};
  const std::vector<std::uint32_t> tris{0, 1, 2, 1, 3, 2};
  const std::vector<float> n = vertex_normals(xyz, tris);
  for (int i = 0; i < 4; ++i) {
    EXPECT_FLOAT_EQ(n[i * 3], 0);
    EXPECT_FLOAT_EQ(n[i * 3 + 1], 0);
    EXPECT_FLOAT_EQ(n[i * 3 + 2], 1);
  }
  // Two triangles sharing the edge 1-2: 5 edges, smaller index first, sorted.
  EXPECT_EQ(mesh_edges(tris), (std::vector<std::uint32_t>{0, 1, 0, 2, 1, 2, 1, 3, 2, 3}));

  // The demo's torus winds outward: at the outer equator (vertex 0, at
  // (1.38, 0, 0)) the normal is +x; a quarter round the tube (at (1, 0.38, 0)) it is +y.
  const cli::GridMesh torus = cli::torus_mesh(48, 20, 0.0, 3);
  std::vector<std::uint32_t> idx(torus.faces.begin(), torus.faces.end());
  const std::vector<float> tn = vertex_normals(torus.xyz, idx);
  EXPECT_NEAR(torus.xyz[0], 1.38f, 1e-6);
  EXPECT_NEAR(tn[0], 1.0f, 1e-3);
  EXPECT_NEAR(tn[5 * 3 + 1], 1.0f, 1e-3);
}

TEST(MeshConfig, CameraAndMaterialAreTakenTheRestListed) {
  MeshConfig c = parse_mesh_config(
      R"({"camera": {"cls": "PerspectiveCamera", "fov": 60, "near": 0.5, "far": 80, "position": [0, 0, 5]},
          "lights": [{"cls": "AmbientLight"}],
          "material": {"cls": "PointsMaterial", "size": 0.2, "color": "#f80", "roughness": 1}})");
  EXPECT_TRUE(c.error.empty());
  EXPECT_FLOAT_EQ(c.fov_degrees, 60);
  EXPECT_FLOAT_EQ(c.near, 0.5f);
  EXPECT_FLOAT_EQ(c.far, 80);
  EXPECT_FLOAT_EQ(c.point_size, 0.2f);
  ASSERT_TRUE(c.has_colour);
  EXPECT_EQ(c.colour, 0xff8800u);
  EXPECT_EQ(c.ignored, (std::vector<std::string>{"camera.position", "lights", "material.roughness"}));
  c = parse_mesh_config(R"({"material": {"color": 16711680}})");
  EXPECT_EQ(c.colour, 0xff0000u);
  c = parse_mesh_config("{\"camera\": ");
  EXPECT_EQ(c.error.rfind("json_config is not JSON: ", 0), 0u) << c.error;
  EXPECT_TRUE(parse_mesh_config("null").ignored.empty());
}

// Records written as a TensorFlow job would: metadata on each tag's first value.
void add_part(pb::Event& e, const std::string& tag, const char* name, pb::MeshPluginData::ContentType type,
              std::vector<float> values, bool first) {
  auto* v = e.mutable_summary()->add_value();
  v->set_tag(tag);
  if (first) {
    pb::MeshPluginData d;
    d.set_name(name);
    d.set_content_type(type);
    v->mutable_metadata()->mutable_plugin_data()->set_plugin_name("mesh");
    v->mutable_metadata()->mutable_plugin_data()->set_content(d.SerializeAsString());
  }
  auto* t = v->mutable_tensor();
  t->set_dtype(pb::DT_FLOAT);
  for (std::int64_t d : {std::int64_t{1}, static_cast<std::int64_t>(values.size() / 3), std::int64_t{3}})
    t->mutable_tensor_shape()->add_dim()->set_size(d);
  for (float x : values) t->add_float_val(x);
}

TEST(FindMeshes, PartsAreGroupedAndMatchedByStep) {
  std::string file;
  pb::Event e;
  e.set_file_version("brain.Event:2");
  record::append_record(file, e.SerializeAsString());
  for (int step = 0; step < 3; ++step) {
    pb::Event s;
    s.set_step(step);
    s.set_wall_time(100 + step);
    add_part(s, "m_VERTEX", "m", pb::MeshPluginData::VERTEX, {0, 0, 0, 1, 0, 0, 0, 1, 0}, step == 0);
    if (step != 1) add_part(s, "m_FACE", "m", pb::MeshPluginData::FACE, {0, 1, 2}, step == 0);
    if (step == 1) add_part(s, "m_COLOR", "m", pb::MeshPluginData::COLOR, {9, 9, 9, 9, 9, 9, 9, 9, 9}, true);
    // A second vertices tag claiming the same mesh, and colours of a mesh with no vertices.
    add_part(s, "m_again", "m", pb::MeshPluginData::VERTEX, {0, 0, 0}, step == 0);
    add_part(s, "lonely_COLOR", "lonely", pb::MeshPluginData::COLOR, {1, 1, 1}, step == 0);
    record::append_record(file, s.SerializeAsString());
  }
  store::Store store;
  const store::FileId id = store.add_file("run/events.out.tfevents.1.host", file.size());
  store.feed(id, {reinterpret_cast<const std::uint8_t*>(file.data()), file.size()});
  store.finish(id);
  const std::vector<MeshInfo> meshes = find_meshes(store.runs().at("run"), false);
  ASSERT_EQ(meshes.size(), 2u);
  EXPECT_EQ(meshes[0].name, "lonely");
  EXPECT_EQ(meshes[0].vertex, nullptr);
  EXPECT_EQ(meshes[0].problems,
            (std::vector<std::string>{"mesh 'lonely' has no vertices tensor: nothing to draw"}));
  const MeshInfo& m = meshes[1];
  EXPECT_EQ(m.name, "m");
  ASSERT_NE(m.vertex, nullptr);
  EXPECT_EQ(m.vertex->tag, "m_VERTEX");  // tags are visited in name order: m_VERTEX < m_again
  EXPECT_EQ(
      m.problems,
      (std::vector<std::string>{"tags 'm_VERTEX' and 'm_again' both hold the vertices (the first is used)"}));
  ASSERT_EQ(m.steps.size(), 3u);
  EXPECT_EQ(m.steps[0].step, 0);
  EXPECT_EQ(m.steps[0].face, 0u);
  EXPECT_EQ(m.steps[0].color, kNoRecord);
  EXPECT_EQ(m.steps[1].face, kNoRecord);
  EXPECT_EQ(m.steps[1].color, 0u);
  EXPECT_EQ(m.steps[2].face, 1u);
  EXPECT_DOUBLE_EQ(m.steps[2].wall_time, 102);
}

}  // namespace
}  // namespace el::aggregate
