// [SECTION] index: the meshes of the store
// [SECTION] a card's sample on the GPU
// [SECTION] the 3-D view
// [SECTION] card
// [SECTION] dashboard
#include "ui/mesh_dashboard.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <set>

#include "ui/format.h"
#include "ui/images_dashboard.h"
#include "ui/sidebar_sections.h"
#include "ui/widgets.h"

namespace el::ui {

namespace {
constexpr std::uint32_t kDefaultColour = 0xffb4b4b4u;  // faces and points with no colours given (IM_COL32)
constexpr float kDefaultPointPx = 4;

// 0xRRGGBB (a config's colour) as IM_COL32.
std::uint32_t im_colour(std::uint32_t rgb) {
  return 0xff000000u | (rgb >> 16 & 0xff) | (rgb & 0xff00) | (rgb & 0xff) << 16;
}
}  // namespace

// [SECTION] index: the meshes of the store -----------------------------------------------------
void MeshDashboard::release_all(const UiContext& ctx) {
  for (auto& [key, c] : cards_) {
    if (c.gpu_mesh && ctx.meshes) ctx.meshes->release(c.gpu_mesh);
    if (c.cloud && ctx.points) ctx.points->release(c.cloud);
  }
  cards_.clear();
  shared_fitted_ = false;
}

void MeshDashboard::sync_index(const UiContext& ctx) {
  const store::Store& store = *ctx.store;
  if (store.generation() != generation_) {
    release_all(ctx);  // series pointers from before are gone
    generation_ = store.generation();
    store_version_ = ~0ull;
  }
  if (store.version() == store_version_ && ctx.settings->all_points == all_points_) return;
  store_version_ = store.version();
  all_points_ = ctx.settings->all_points;
  meshes_.clear();
  by_vertex_.clear();
  std::set<std::string> ignored;
  for (const auto& [name, run] : store.runs()) {
    if (run.tags.empty()) continue;
    for (aggregate::MeshInfo& info : aggregate::find_meshes(run, all_points_)) {
      IndexedMesh& m = meshes_.emplace_back();
      m.info = std::move(info);
      m.run = name;
      m.config = aggregate::parse_mesh_config(m.info.json_config);
      for (const std::string& k : m.config.ignored) ignored.insert(k);
      for (std::uint32_t i = 0; i < m.info.steps.size(); ++i) m.step_of_record[m.info.steps[i].vertex] = i;
      if (m.info.vertex) by_vertex_[m.info.vertex] = &m;
    }
  }
  ignored_.assign(ignored.begin(), ignored.end());
}

void MeshDashboard::begin_cards(const UiContext& ctx) {
  ++frame_;
  sync_index(ctx);
}

bool MeshDashboard::choose_card(const store::Series& s, std::uint32_t& samples, const std::string*& title) {
  auto it = by_vertex_.find(&s);
  if (it == by_vertex_.end()) return false;  // faces and colours are drawn with their vertices
  samples = it->second->info.samples;
  title = &it->second->info.name;
  return true;
}

// [SECTION] a card's sample on the GPU ---------------------------------------------------------
void MeshDashboard::show_sample(const UiContext& ctx, Card& c, const IndexedMesh& m, const Shown& want,
                                const events::MeshTensor& v, const events::MeshTensor* f,
                                const events::MeshTensor* col, std::uint32_t sample,
                                std::vector<std::string> read_problems) {
  const auto t0 = std::chrono::steady_clock::now();
  c.mesh = aggregate::assemble_mesh(v, f, col, sample);
  c.problems = std::move(read_problems);
  c.problems.insert(c.problems.end(), c.mesh.problems.begin(), c.mesh.problems.end());
  c.shown = want;
  c.has_shown = true;
  c.edges_uploaded = false;
  const std::uint32_t base = m.config.has_colour ? im_colour(m.config.colour) : kDefaultColour;
  if (!c.mesh.triangles.empty()) {
    if (c.cloud) ctx.points->release(c.cloud), c.cloud = 0;
    const std::vector<float> normals = aggregate::vertex_normals(c.mesh.xyz, c.mesh.triangles);
    c.gpu_mesh = ctx.meshes->upload(c.gpu_mesh, c.mesh.xyz, normals, c.mesh.rgba, c.mesh.triangles);
  } else {
    if (c.gpu_mesh) ctx.meshes->release(c.gpu_mesh), c.gpu_mesh = 0;
    c.cloud = ctx.points->upload_positions(c.cloud, c.mesh.xyz);
    if (c.mesh.rgba.empty())
      ctx.points->upload_colours(c.cloud, std::vector<std::uint32_t>(c.mesh.xyz.size() / 3, base));
    else
      ctx.points->upload_colours(c.cloud, c.mesh.rgba);
  }
  if (!c.fitted && c.mesh.has_bounds) {
    // The box's centre, and the farthest vertex from it (tighter than the box's corner).
    std::array<float, 3> center;
    for (int k = 0; k < 3; ++k) center[k] = 0.5f * (c.mesh.lo[k] + c.mesh.hi[k]);
    float r2 = 0;
    for (std::size_t i = 0; i + 2 < c.mesh.xyz.size(); i += 3) {
      const float dx = c.mesh.xyz[i] - center[0], dy = c.mesh.xyz[i + 1] - center[1],
                  dz = c.mesh.xyz[i + 2] - center[2];
      r2 = std::max(r2, dx * dx + dy * dy + dz * dz);
    }
    c.camera.fit_sphere(center, std::sqrt(r2) * 1.08f);  // a little room around it
    c.fitted = true;
    if (!shared_fitted_) {
      shared_camera_ = c.camera;
      shared_fitted_ = true;
    }
  }
  c.switch_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

OrbitCamera& MeshDashboard::camera_of(const UiContext& ctx, Card& c) {
  c.linked = ctx.settings->mesh_link_cameras && shared_fitted_;
  return c.linked ? shared_camera_ : c.camera;
}

// [SECTION] the 3-D view -------------------------------------------------------------------------
void MeshDashboard::draw_view(const UiContext& ctx, Card& c, const IndexedMesh& m, ImVec2 min, ImVec2 max) {
  const Settings& s = *ctx.settings;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImGuiIO& io = ImGui::GetIO();
  const ImVec2 size(std::max(1.0f, max.x - min.x), std::max(1.0f, max.y - min.y));
  const ImU32 bg = s.mesh_background == 1   ? IM_COL32(24, 26, 32, 255)
                   : s.mesh_background == 2 ? IM_COL32(244, 244, 246, 255)
                                            : ImGui::GetColorU32(ImGuiCol_FrameBg);
  dl->AddRectFilled(min, max, bg, 4.0f);
  ImGui::SetCursorScreenPos(min);
  ImGui::InvisibleButton("##meshview", size,
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  const bool hovered = ImGui::IsItemHovered(), active = ImGui::IsItemActive();
  const bool wheel_zooms = c.wheel.zooms(hovered);
  OrbitCamera& cam = camera_of(ctx, c);
  // The config's camera where it gives one.
  cam.fov_y = m.config.fov_degrees > 0 ? m.config.fov_degrees * 3.14159265f / 180 : 0.8f;
  cam.near_plane = m.config.near;
  cam.far_plane = m.config.far;
  if (active && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 1.0f) && !io.KeyCtrl)
    cam.orbit(io.MouseDelta.x, io.MouseDelta.y);
  else if (active && (ImGui::IsMouseDragging(ImGuiMouseButton_Right, 1.0f) ||
                      (io.KeyCtrl && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 1.0f))))
    cam.pan(io.MouseDelta.x, io.MouseDelta.y, size.x, size.y);
  if (wheel_zooms && io.MouseWheel != 0) cam.zoom_by(std::pow(0.88f, io.MouseWheel));
  if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) c.fitted = false, c.has_shown = false;
  const Mat4 mvp = cam.view_projection(size.x / size.y);

  dl->PushClipRect(min, max, true);
  if (c.gpu_mesh && ctx.meshes) {
    MeshStyle style;
    style.smooth = s.mesh_smooth;
    style.wireframe = s.mesh_wireframe;
    style.colour = m.config.has_colour ? im_colour(m.config.colour) : kDefaultColour;
    style.line_colour = IM_COL32(16, 16, 20, 120);  // over the faces: dark, whatever the background
    if (style.wireframe && !c.edges_uploaded) {
      ctx.meshes->upload_edges(c.gpu_mesh, aggregate::mesh_edges(c.mesh.triangles));
      c.edges_uploaded = true;
    }
    ctx.meshes->draw(dl, c.gpu_mesh, min, max, mvp, cam.eye(), style);
    c.point_px = 0;
  } else if (c.cloud && ctx.points) {
    // Three.js sizes points in world units: the same size here, at the target's distance.
    float px = static_cast<float>(s.mesh_point_px);
    if (px <= 0)
      px = m.config.point_size > 0
               ? std::clamp(m.config.point_size / cam.world_per_pixel(size.x, size.y), 1.0f, 24.0f)
               : kDefaultPointPx;
    c.point_px = px;
    ctx.points->draw(dl, c.cloud, min, max, mvp, PointStyle{px, true, px >= 5});
  }
  // Counts at the bottom left, problems at the top left.
  const ImU32 text = s.mesh_background == 2   ? IM_COL32(60, 60, 66, 255)
                     : s.mesh_background == 1 ? IM_COL32(200, 200, 206, 255)
                                              : ImGui::GetColorU32(ImGuiCol_TextDisabled);
  std::string counts = format_count(c.mesh.vertices) + " vertices";
  if (c.mesh.faces) counts += " \xc2\xb7 " + format_count(c.mesh.faces) + " faces";
  if (!c.mesh.rgba.empty()) counts += " \xc2\xb7 colours";
  const float lh = ImGui::GetTextLineHeight();
  dl->AddText(ImVec2(min.x + 6, max.y - lh - 4), text, counts.c_str());
  bool on_problems = false;
  if (!c.problems.empty()) {
    char label[64];
    std::snprintf(label, sizeof label, "%zu problem%s", c.problems.size(), c.problems.size() == 1 ? "" : "s");
    const ImVec2 ts = ImGui::CalcTextSize(label);
    const ImVec2 p0(min.x + 6, min.y + 6), p1(p0.x + ts.x + 12, p0.y + ts.y + 4);
    dl->AddRectFilled(p0, p1, IM_COL32(200, 120, 40, 230), 4.0f);
    dl->AddText(ImVec2(p0.x + 6, p0.y + 2), IM_COL32(255, 255, 255, 255), label);
    on_problems = hovered && ImGui::IsMouseHoveringRect(p0, p1);
  }
  dl->PopClipRect();
  if (on_problems) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 36);
    ImGui::TextUnformatted("Left out of this sample (what is valid is drawn):");
    for (const std::string& p : c.problems) ImGui::BulletText("%s", p.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  } else if (hovered && !active && !ImGui::IsAnyMouseDown()) {
    tooltip(
        "Drag to orbit; right-drag or Ctrl+drag to pan; Ctrl+wheel (or click, then wheel) to zoom;\n"
        "double-click to fit. The card menu downloads the shown step as PLY.");
  }
  if (active || (wheel_zooms && io.MouseWheel != 0)) *ctx.wants_frame = true;
}

// [SECTION] card ------------------------------------------------------------------------------
void MeshDashboard::draw_card(const UiContext& ctx, const TagRunCard& card, ImVec2 min, ImVec2 max) {
  auto it = by_vertex_.find(card.series);
  if (it == by_vertex_.end()) return;
  if (!ctx.meshes || !ctx.points) {
    draw_broken_tile(min, max, "this window cannot draw 3-D views (no GPU renderer)");
    return;
  }
  const IndexedMesh& m = *it->second;
  Card& c = cards_[Key{*card.tag, *card.run, card.sample}];
  c.name = m.info.name;
  c.run = m.run;
  c.sample = card.sample;
  c.frame = frame_;
  const SteppedRecord step = draw_step_footer(ctx, card, c.slider, records_, keys_, min, max);
  if (step.empty()) return;
  c.position = step.pos;
  c.count = step.records->size();
  c.step = card.series->steps[step.record];
  const ImVec2 view_min(min.x + kCardPad, min.y), view_max(max.x - kCardPad, step.footer_top);
  c.view_min = view_min;
  c.view_max = view_max;
  auto st_it = m.step_of_record.find(step.record);
  if (st_it == m.step_of_record.end()) {
    c.state = MediaState::kError;
    c.error = "this record is not one of the mesh's steps";
    draw_broken_tile(view_min, view_max, c.error);
    return;
  }
  const aggregate::MeshStep& st = m.info.steps[st_it->second];
  // The step's parts: faces and colours are optional, and one that cannot be
  // read costs only itself.
  const MeshPartView v = ctx.media->mesh_part(*m.info.vertex, st.vertex);
  MeshPartView f, col;
  f.state = col.state = MediaState::kReady;
  if (m.info.face && st.face != aggregate::kNoRecord) f = ctx.media->mesh_part(*m.info.face, st.face);
  if (m.info.color && st.color != aggregate::kNoRecord) col = ctx.media->mesh_part(*m.info.color, st.color);
  const bool loading =
      v.state == MediaState::kLoading || f.state == MediaState::kLoading || col.state == MediaState::kLoading;
  ++charts_drawn_;
  if (v.state == MediaState::kError) {
    c.state = MediaState::kError;
    c.error = v.error;
    draw_broken_tile(view_min, view_max, v.error);
    return;
  }
  if (loading) {
    c.state = MediaState::kLoading;
    if (!c.has_shown) {
      draw_loading_tile(view_min, view_max, "Reading the mesh...");
      return;
    }
  } else {
    std::vector<std::string> read_problems;
    if (f.state == MediaState::kError) read_problems.push_back("faces: " + f.error + " (drawn as points)");
    if (col.state == MediaState::kError) read_problems.push_back("colours: " + col.error);
    const Shown want{st.vertex, f.part ? st.face : aggregate::kNoRecord,
                     col.part ? st.color : aggregate::kNoRecord};
    if (!c.has_shown || !(want == c.shown)) {
      show_sample(ctx, c, m, want, *v.part, f.part, col.part, card.sample, std::move(read_problems));
      c.decode_ms = v.decode_ms + f.decode_ms + col.decode_ms;
    }
    c.state = MediaState::kReady;
    c.error.clear();
    if (step.keys) {  // the steps next to this one, every part: the arrow keys usually go there
      for (std::size_t p : {step.pos - 1, step.pos + 1}) {
        if (p >= step.records->size()) continue;  // (pos - 1 wraps past 0)
        auto n = m.step_of_record.find((*step.records)[p]);
        if (n == m.step_of_record.end()) continue;
        const aggregate::MeshStep& ns = m.info.steps[n->second];
        ctx.media->prefetch(*m.info.vertex, ns.vertex, 0);
        if (m.info.face && ns.face != aggregate::kNoRecord) ctx.media->prefetch(*m.info.face, ns.face, 0);
        if (m.info.color && ns.color != aggregate::kNoRecord) ctx.media->prefetch(*m.info.color, ns.color, 0);
      }
    }
  }
  draw_view(ctx, c, m, view_min, view_max);
}

void MeshDashboard::card_menu(const UiContext& ctx, const TagRunCard& card, ImVec2 min, ImVec2 max) {
  Card& c = cards_[Key{*card.tag, *card.run, card.sample}];
  const std::string base = file_safe(*card.run + "_" + card.name()) +
                           (card.samples > 1 ? "_sample" + std::to_string(card.sample + 1) : "");
  const bool ready = c.has_shown && !c.mesh.xyz.empty();
  const std::string ply = base + "_step" + std::to_string(c.step) + ".ply";
  if (menu_item("Download PLY of this step", nullptr, false, ready))
    ctx.downloads->push_back({ply, "application/octet-stream", aggregate::mesh_to_ply(c.mesh)});
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("The vertices%s%s as shown (%s): opens in MeshLab, Blender and most 3-D tools.",
                      c.mesh.rgba.empty() ? "" : ", colours", c.mesh.triangles.empty() ? "" : " and faces",
                      ply.c_str());
  if (menu_item("Fit to the card")) {
    c.fitted = false;
    c.has_shown = false;  // fitted again when the sample is next put together
    shared_fitted_ = false;
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Look at the whole mesh again from the default angle.");
  if (menu_item("Save card as PNG")) *ctx.capture = PngCapture{min, max, base + "_card.png"};
}

// [SECTION] dashboard -------------------------------------------------------------------------
const DashboardInfo& MeshDashboard::info() const {
  static const DashboardInfo kInfo{
      "mesh", "Mesh", "3-D meshes and point clouds at every recorded step: drag to orbit, download as PLY.",
      events::Kind::kMesh};
  return kInfo;
}

StepCardsDashboard::CardLayout MeshDashboard::card_layout() const {
  return {.min_width = 340, .aspect = 0.9f, .per_sample = false, .needs_media = true};
}

void MeshDashboard::draw_sidebar(const UiContext& ctx) {
  Settings& s = *ctx.settings;
  section_heading(ctx.fonts, "Mesh settings");
  draw_link_steps_checkbox(*ctx.settings);
  ImGui::TextUnformatted("Shading");
  ImGui::SameLine();
  if (ImGui::RadioButton("Smooth", s.mesh_smooth)) s.mesh_smooth = true;
  tooltip("Light each vertex by the average of the faces around it (curved surfaces look round).");
  ImGui::SameLine();
  if (ImGui::RadioButton("Flat", !s.mesh_smooth)) s.mesh_smooth = false;
  tooltip("Light each face evenly (shows the triangles).");
  ImGui::Checkbox("Wireframe", &s.mesh_wireframe);
  tooltip("Draw every edge of the triangles over the faces.");
  ImGui::TextUnformatted("Point size");
  ImGui::SetNextItemWidth(-1);
  slider_int("##mpoint", &s.mesh_point_px, 0, 32, s.mesh_point_px == 0 ? "auto" : "%d px");
  s.mesh_point_px = std::clamp(s.mesh_point_px, 0, 32);
  tooltip(
      "Diameter of the points of a point cloud (a mesh without faces). Auto: the size its\n"
      "json_config gives (PointsMaterial size, in scene units), else 4 px.");
  ImGui::TextUnformatted("Background");
  const char* kBackgrounds[] = {"Theme", "Dark", "Light"};
  for (int i = 0; i < 3; ++i) {
    if (i) ImGui::SameLine();
    if (ImGui::RadioButton(kBackgrounds[i], s.mesh_background == i)) s.mesh_background = i;
    tooltip("The colour behind the 3-D views: the theme's, or dark or light whatever the theme.");
  }
  ImGui::Checkbox("Link cameras", &s.mesh_link_cameras);
  tooltip("Every card shows its mesh from the same camera: orbiting one orbits them all.");
  if (!ignored_.empty()) {
    std::string list;
    for (const std::string& k : ignored_) list += (list.empty() ? "" : ", ") + k;
    ImGui::Spacing();
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("Not used from the meshes' json_config: %s.", list.c_str());
    ImGui::PopTextWrapPos();
    tooltip(
        "EventLens takes the camera's field of view and clip planes and the material's point\n"
        "size and colour from a mesh's Three.js-style config; it lights every mesh the same way.");
  }
  draw_restart_checkbox(s);
}

std::vector<std::string_view> MeshDashboard::link_keys() const {
  return {"mshade", "mwire", "mpoint", "mbg", "mlink", "step", "points"};
}

void MeshDashboard::write_state(store::JsonWriter& j, const store::Store&) const {
  static const char* kStates[] = {"loading", "ready", "error"};
  j.key("meshCards").begin_array();
  for (const auto& [key, c] : cards_) {
    if (c.frame != frame_) continue;  // not drawn last frame
    const OrbitCamera& cam = camera_of(c);
    j.begin_object().key("run").value(c.run).key("name").value(c.name).key("tag").value(std::get<0>(key));
    j.key("sample").value(c.sample).key("step").value(c.step);
    j.key("position")
        .value(static_cast<std::uint64_t>(c.position))
        .key("count")
        .value(static_cast<std::uint64_t>(c.count));
    j.key("state").value(kStates[static_cast<int>(c.state)]);
    if (!c.error.empty()) j.key("error").value(c.error);
    j.key("linkedCamera").value(c.linked);
    j.key("drawn").value(c.gpu_mesh ? "triangles" : c.cloud ? "points" : "nothing");
    j.key("vertices").value(c.mesh.vertices).key("faces").value(c.mesh.faces);
    j.key("drawnVertices").value(static_cast<std::uint64_t>(c.mesh.xyz.size() / 3));
    j.key("drawnFaces").value(static_cast<std::uint64_t>(c.mesh.triangles.size() / 3));
    j.key("colours").value(!c.mesh.rgba.empty()).key("pointPx").value(static_cast<double>(c.point_px));
    j.key("problems").begin_array();
    for (const std::string& p : c.problems) j.value(p);
    j.end_array();
    j.key("switchMs").value(c.switch_ms).key("decodeMs").value(c.decode_ms);
    j.key("camera").begin_object().key("yaw").value(static_cast<double>(cam.yaw));
    j.key("pitch")
        .value(static_cast<double>(cam.pitch))
        .key("distance")
        .value(static_cast<double>(cam.distance));
    j.key("fovDegrees").value(static_cast<double>(cam.fov_y * 180 / 3.14159265f)).end_object();
    j.key("rect")
        .begin_array()
        .value(static_cast<double>(c.view_min.x))
        .value(static_cast<double>(c.view_min.y));
    j.value(static_cast<double>(c.view_max.x)).value(static_cast<double>(c.view_max.y)).end_array();
    j.end_object();
  }
  j.end_array();
  j.key("meshIgnoredConfig").begin_array();
  for (const std::string& k : ignored_) j.value(k);
  j.end_array();
}

}  // namespace el::ui
