#include "cli/demo_meshes.h"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <numbers>
#include <string>

#include "proto/plugins.pb.h"
#include "record/record_writer.h"

namespace el::cli {

namespace {

constexpr double kPi = std::numbers::pi;

// One part of a mesh as a tensor value; `metadata` on the tag's first value.
void add_part(pb::Event& e, const std::string& tag, const std::string& name,
              pb::MeshPluginData::ContentType type, std::int64_t batch, std::int64_t rows,
              const std::string& json_config, bool metadata, std::uint32_t components) {
  auto* v = e.mutable_summary()->add_value();
  v->set_tag(tag);
  if (metadata) {
    pb::MeshPluginData d;
    d.set_version(1);
    d.set_name(name);
    d.set_content_type(type);
    d.set_json_config(json_config);
    for (std::int64_t s : {batch, rows, std::int64_t{3}}) d.add_shape(static_cast<std::int32_t>(s));
    d.set_components(static_cast<std::int32_t>(components));
    auto* m = v->mutable_metadata();
    m->mutable_plugin_data()->set_plugin_name("mesh");
    m->mutable_plugin_data()->set_content(d.SerializeAsString());
  }
  auto* t = v->mutable_tensor();
  for (std::int64_t s : {batch, rows, std::int64_t{3}}) t->mutable_tensor_shape()->add_dim()->set_size(s);
}

pb::TensorProto* last_tensor(pb::Event& e) {
  auto* values = e.mutable_summary()->mutable_value();
  return values->Mutable(values->size() - 1)->mutable_tensor();
}

template <class T>
std::string bytes_of(const std::vector<T>& v) {
  return std::string(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
}

// TensorFlow's dtypes: float32 vertices, int32 faces, uint8 colours, as tensor_content.
void add_tf_mesh(pb::Event& e, const std::string& name, const std::vector<GridMesh>& samples,
                 const std::string& json_config, bool first) {
  const auto b = static_cast<std::int64_t>(samples.size());
  const std::uint32_t all = (1u << 1) | (1u << 2) | (1u << 3);
  std::vector<float> xyz;
  std::vector<std::int32_t> faces;
  std::vector<std::uint8_t> rgb;
  for (const GridMesh& m : samples) {
    xyz.insert(xyz.end(), m.xyz.begin(), m.xyz.end());
    faces.insert(faces.end(), m.faces.begin(), m.faces.end());
    rgb.insert(rgb.end(), m.rgb.begin(), m.rgb.end());
  }
  const std::int64_t n = static_cast<std::int64_t>(samples[0].xyz.size() / 3);
  const std::int64_t f = static_cast<std::int64_t>(samples[0].faces.size() / 3);
  add_part(e, name + "_VERTEX", name, pb::MeshPluginData::VERTEX, b, n, json_config, first, all);
  last_tensor(e)->set_dtype(pb::DT_FLOAT);
  last_tensor(e)->set_tensor_content(bytes_of(xyz));
  add_part(e, name + "_FACE", name, pb::MeshPluginData::FACE, b, f, json_config, first, all);
  last_tensor(e)->set_dtype(pb::DT_INT32);
  last_tensor(e)->set_tensor_content(bytes_of(faces));
  if (!rgb.empty()) {
    add_part(e, name + "_COLOR", name, pb::MeshPluginData::COLOR, b, n, json_config, first, all);
    last_tensor(e)->set_dtype(pb::DT_UINT8);
    last_tensor(e)->set_tensor_content(bytes_of(rgb));
  }
}

// A hue on the colour wheel (0..1) as RGB bytes.
void hue_rgb(double h, std::vector<std::uint8_t>& out) {
  for (double offset : {0.0, 1.0 / 3, 2.0 / 3}) {
    const double c = 0.5 + 0.5 * std::cos(2 * kPi * (h - offset));
    out.push_back(static_cast<std::uint8_t>(std::lround(40 + 200 * c)));
  }
}

}  // namespace

GridMesh torus_mesh(int around, int tube, double t, double wobble_waves) {
  GridMesh m;
  const double big = 1.0, small = 0.38;
  m.xyz.reserve(static_cast<std::size_t>(around) * tube * 3);
  for (int i = 0; i < around; ++i) {
    const double u = 2 * kPi * i / around;
    for (int j = 0; j < tube; ++j) {
      const double v = 2 * kPi * j / tube;
      const double r = small * (1 + 0.35 * t * std::sin(wobble_waves * u));
      const double ring = big + r * std::cos(v);
      m.xyz.push_back(static_cast<float>(ring * std::cos(u)));
      m.xyz.push_back(static_cast<float>(r * std::sin(v)));
      m.xyz.push_back(static_cast<float>(-ring * std::sin(u)));
      hue_rgb(static_cast<double>(i) / around, m.rgb);
    }
  }
  // Vertex (i, j) is i * tube + j; both directions wrap.
  auto at = [&](int i, int j) { return static_cast<std::int32_t>((i % around) * tube + (j % tube)); };
  m.faces.reserve(static_cast<std::size_t>(around) * tube * 6);
  for (int i = 0; i < around; ++i)
    for (int j = 0; j < tube; ++j) {
      m.faces.insert(m.faces.end(), {at(i, j), at(i + 1, j), at(i + 1, j + 1)});
      m.faces.insert(m.faces.end(), {at(i, j), at(i + 1, j + 1), at(i, j + 1)});
    }
  return m;
}

void add_demo_meshes(pb::Event& e, int step_index, int steps, bool first) {
  const double t = steps > 1 ? static_cast<double>(step_index) / (steps - 1) : 0.0;
  // Two samples: a plain torus growing a wobble, and one with a faster wobble.
  add_tf_mesh(e, "mesh/torus", {torus_mesh(48, 20, t, 3), torus_mesh(48, 20, t, 7)},
              R"({"camera": {"cls": "PerspectiveCamera", "fov": 60}, )"
              R"("lights": [{"cls": "AmbientLight", "color": "#ffffff", "intensity": 0.75}], )"
              R"("material": {"cls": "MeshStandardMaterial", "roughness": 1, "metalness": 0}})",
              first);
  // A spiral point cloud in older tensorboardX's form: float_val everywhere, tags _1 and _3.
  const int n = 1500;
  const std::string name = "points/spiral";
  const std::uint32_t components = (1u << 1) | (1u << 3);
  const std::string config = R"({"material": {"cls": "PointsMaterial", "size": 0.04}})";
  add_part(e, name + "_1", name, pb::MeshPluginData::VERTEX, 1, n, config, first, components);
  pb::TensorProto* v = last_tensor(e);
  v->set_dtype(pb::DT_FLOAT);
  add_part(e, name + "_3", name, pb::MeshPluginData::COLOR, 1, n, config, first, components);
  pb::TensorProto* c = last_tensor(e);
  c->set_dtype(pb::DT_FLOAT);
  for (int k = 0; k < n; ++k) {
    const double s = static_cast<double>(k) / n;
    const double a = 2 * kPi * 6 * s + t * kPi;
    const double r = 0.2 + 0.8 * s;
    v->add_float_val(static_cast<float>(r * std::cos(a)));
    v->add_float_val(static_cast<float>(1.6 * s - 0.8));
    v->add_float_val(static_cast<float>(r * std::sin(a)));
    std::vector<std::uint8_t> rgb;
    hue_rgb(s, rgb);
    for (std::uint8_t x : rgb) c->add_float_val(x);
  }
}

bool write_mesh_bench(const std::filesystem::path& root) {
  const std::filesystem::path dir = root / "meshes";
  std::filesystem::create_directories(dir);
  std::ofstream out(dir / "events.out.tfevents.1700000000.bench-host.6.0",
                    std::ios::binary | std::ios::trunc);
  std::string buf, scratch;
  auto write = [&](const pb::Event& e) {
    e.SerializeToString(&scratch);
    record::append_record(buf, scratch);
    out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
    buf.clear();
  };
  pb::Event header;
  header.set_wall_time(1700000000);
  header.set_file_version("brain.Event:2");
  write(header);
  // A 1,000,000-point cloud (a noisy sphere shell) with colours.
  {
    pb::Event e;
    e.set_step(0);
    e.set_wall_time(1700000001);
    const int n = 1000000;
    GridMesh cloud;
    std::uint64_t x = 88172645463325252ull;
    auto uniform = [&] {
      x ^= x << 13, x ^= x >> 7, x ^= x << 17;
      return static_cast<double>(x >> 11) / 9007199254740992.0;
    };
    for (int k = 0; k < n; ++k) {
      const double z = 2 * uniform() - 1, a = 2 * kPi * uniform(), r = 1 + 0.05 * uniform();
      const double s = std::sqrt(1 - z * z);
      cloud.xyz.insert(cloud.xyz.end(), {static_cast<float>(r * s * std::cos(a)), static_cast<float>(r * z),
                                         static_cast<float>(r * s * std::sin(a))});
      hue_rgb(0.5 * (z + 1), cloud.rgb);
    }
    const std::uint32_t components = (1u << 1) | (1u << 3);
    add_part(e, "cloud_VERTEX", "cloud", pb::MeshPluginData::VERTEX, 1, n, "", true, components);
    last_tensor(e)->set_dtype(pb::DT_FLOAT);
    last_tensor(e)->set_tensor_content(bytes_of(cloud.xyz));
    add_part(e, "cloud_COLOR", "cloud", pb::MeshPluginData::COLOR, 1, n, "", true, components);
    last_tensor(e)->set_dtype(pb::DT_UINT8);
    last_tensor(e)->set_tensor_content(bytes_of(cloud.rgb));
    write(e);
  }
  // A 500,000-triangle torus (1000 x 250 vertices).
  {
    pb::Event e;
    e.set_step(0);
    e.set_wall_time(1700000002);
    add_tf_mesh(e, "torus_500k", {torus_mesh(1000, 250, 1.0, 9)}, "", true);
    write(e);
  }
  // A 100,000-vertex torus (500 x 200) over 5 steps, for switching steps.
  for (int step = 0; step < 5; ++step) {
    pb::Event e;
    e.set_step(step * 100);
    e.set_wall_time(1700000003 + step);
    add_tf_mesh(e, "torus_100k", {torus_mesh(500, 200, step / 4.0, 5)}, "", step == 0);
    write(e);
  }
  return static_cast<bool>(out);
}

}  // namespace el::cli
