#include "app/gl_mesh.h"

#include <algorithm>
#include <cmath>

#include "app/gl_program.h"

namespace el::app {

namespace {

const char* kVertex = R"(
uniform mat4 u_mvp;
in vec3 a_pos;
in vec3 a_nrm;
in vec4 a_col;
out vec3 v_pos;
out vec3 v_nrm;
out vec4 v_col;
void main() {
  gl_Position = u_mvp * vec4(a_pos, 1.0);
  v_pos = a_pos;
  v_nrm = a_nrm;
  v_col = a_col;
}
)";

// A headlight and ambient light, the same on both sides of a face: writers
// wind faces either way (PyTorch's add_mesh example winds its sphere inward),
// and a mesh's colours should look the same whichever way it was wound.
const char* kFragment = R"(
uniform vec3 u_eye;
uniform float u_smooth;
uniform float u_lines;
uniform vec4 u_line_colour;
in vec3 v_pos;
in vec3 v_nrm;
in vec4 v_col;
out vec4 frag;
void main() {
  if (u_lines > 0.5) {
    frag = u_line_colour;
    return;
  }
  vec3 n = cross(dFdx(v_pos), dFdy(v_pos));
  if (u_smooth > 0.5 && dot(v_nrm, v_nrm) > 1e-12) n = v_nrm;
  n = normalize(n);
  vec3 to_eye = normalize(u_eye - v_pos);
  float diffuse = abs(dot(n, to_eye));
  frag = vec4(v_col.rgb * (0.32 + 0.68 * diffuse), 1.0);
}
)";

void callback(const ImDrawList*, const ImDrawCmd* cmd) {
  const auto* call = static_cast<const GlMesh::Call*>(cmd->UserCallbackData);
  call->owner->render(*call, *cmd);
}

void delete_mesh(std::uint32_t vao, std::initializer_list<std::uint32_t> buffers) {
  for (std::uint32_t b : buffers) glDeleteBuffers(1, &b);
  glDeleteVertexArrays(1, &vao);
}

}  // namespace

GlMesh::~GlMesh() {
  for (auto& [id, m] : meshes_) delete_mesh(m.vao, {m.positions, m.normals, m.colours, m.triangles, m.edges});
  if (program_) glDeleteProgram(program_);
}

bool GlMesh::ensure_program() {
  if (program_ || program_failed_) return program_ != 0;
  program_ = build_program("mesh", kVertex, kFragment, {"a_pos", "a_nrm", "a_col"});
  if (!program_) {
    program_failed_ = true;
    return false;
  }
  u_mvp_ = glGetUniformLocation(program_, "u_mvp");
  u_eye_ = glGetUniformLocation(program_, "u_eye");
  u_smooth_ = glGetUniformLocation(program_, "u_smooth");
  u_lines_ = glGetUniformLocation(program_, "u_lines");
  u_line_colour_ = glGetUniformLocation(program_, "u_line_colour");
  return true;
}

ui::MeshId GlMesh::upload(ui::MeshId id, std::span<const float> xyz, std::span<const float> normals,
                          std::span<const std::uint32_t> rgba, std::span<const std::uint32_t> triangles) {
  if (!id) id = next_id_++;
  Mesh& m = meshes_[id];
  if (!m.vao) {
    glGenVertexArrays(1, &m.vao);
    GLuint b[5];
    glGenBuffers(5, b);
    m.positions = b[0], m.normals = b[1], m.colours = b[2], m.triangles = b[3], m.edges = b[4];
  }
  glBindVertexArray(m.vao);
  glBindBuffer(GL_ARRAY_BUFFER, m.positions);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(xyz.size_bytes()), xyz.data(), GL_STATIC_DRAW);
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 3, GL_FLOAT, GL_FALSE, 12, nullptr);
  glBindBuffer(GL_ARRAY_BUFFER, m.normals);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(normals.size_bytes()), normals.data(),
               GL_STATIC_DRAW);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 3, GL_FLOAT, GL_FALSE, 12, nullptr);
  m.coloured = !rgba.empty() && rgba.size() * 3 == xyz.size();
  glBindBuffer(GL_ARRAY_BUFFER, m.colours);
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(m.coloured ? rgba.size_bytes() : 0),
               m.coloured ? rgba.data() : nullptr, GL_STATIC_DRAW);
  glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, 4, nullptr);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, m.triangles);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(triangles.size_bytes()), triangles.data(),
               GL_STATIC_DRAW);
  glBindVertexArray(0);
  m.indices = triangles.size();
  m.edge_indices = 0;
  return id;
}

void GlMesh::upload_edges(ui::MeshId id, std::span<const std::uint32_t> edges) {
  auto it = meshes_.find(id);
  if (it == meshes_.end()) return;
  // Not part of the vertex array's state: bound as the element buffer only while drawing lines.
  glBindVertexArray(0);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, it->second.edges);
  glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(edges.size_bytes()), edges.data(),
               GL_STATIC_DRAW);
  glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, 0);
  it->second.edge_indices = edges.size();
}

void GlMesh::release(ui::MeshId id) {
  auto it = meshes_.find(id);
  if (it == meshes_.end()) return;
  const Mesh& m = it->second;
  delete_mesh(m.vao, {m.positions, m.normals, m.colours, m.triangles, m.edges});
  meshes_.erase(it);
}

void GlMesh::draw(ImDrawList* dl, ui::MeshId id, ImVec2 min, ImVec2 max, const ui::Mat4& mvp,
                  const std::array<float, 3>& eye, const ui::MeshStyle& style) {
  if (!id || !meshes_.count(id)) return;
  calls_.push_back(Call{this, id, min, max, mvp, eye, style});
  dl->AddCallback(callback, &calls_.back());
  dl->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

void GlMesh::render(const Call& call, const ImDrawCmd& cmd) {
  auto it = meshes_.find(call.mesh);
  if (it == meshes_.end() || !ensure_program()) return;
  const Mesh& m = it->second;
  if (!m.indices) return;
  const ImDrawData& dd = *ImGui::GetDrawData();
  const FramebufferRect view = framebuffer_rect(dd, call.min, call.max);
  if (view.w <= 0 || view.h <= 0) return;
  glViewport(view.x, view.y, view.w, view.h);
  if (!scissor_to(dd, cmd, call.min, call.max)) return;
  glDisable(GL_BLEND);
  glDisable(GL_CULL_FACE);
  glEnable(GL_DEPTH_TEST);
  glDepthFunc(GL_LEQUAL);
  glDepthMask(GL_TRUE);
  glClear(GL_DEPTH_BUFFER_BIT);  // inside the scissor only
  glUseProgram(program_);
  glUniformMatrix4fv(u_mvp_, 1, GL_FALSE, call.mvp.data());
  glUniform3f(u_eye_, call.eye[0], call.eye[1], call.eye[2]);
  glUniform1f(u_smooth_, call.style.smooth ? 1.0f : 0.0f);
  glUniform1f(u_lines_, 0.0f);
  auto rgba = [](std::uint32_t c, int shift) { return static_cast<float>((c >> shift) & 0xff) / 255.0f; };
  glBindVertexArray(m.vao);
  if (m.coloured) {
    glEnableVertexAttribArray(2);
  } else {
    glDisableVertexAttribArray(2);
    glVertexAttrib4f(2, rgba(call.style.colour, 0), rgba(call.style.colour, 8), rgba(call.style.colour, 16),
                     1.0f);
  }
  const bool lines = call.style.wireframe && m.edge_indices;
  if (lines) {  // faces pushed back a little, so their edges win the depth test
    glEnable(GL_POLYGON_OFFSET_FILL);
    glPolygonOffset(1.0f, 1.0f);
  }
  glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(m.indices), GL_UNSIGNED_INT, nullptr);
  glDisable(GL_POLYGON_OFFSET_FILL);
  if (lines) {
    glUniform1f(u_lines_, 1.0f);
    const std::uint32_t c = call.style.line_colour;
    glUniform4f(u_line_colour_, rgba(c, 0), rgba(c, 8), rgba(c, 16), rgba(c, 24));
    glEnable(GL_BLEND);  // lines a little transparent, so dense wireframes do not hide the faces
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glDepthMask(GL_FALSE);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, m.edges);
    glDrawElements(GL_LINES, static_cast<GLsizei>(m.edge_indices), GL_UNSIGNED_INT, nullptr);
    glDepthMask(GL_TRUE);
    glDisable(GL_BLEND);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, m.triangles);  // the vertex array's own again
  }
  glBindVertexArray(0);
  glDisable(GL_DEPTH_TEST);
}

}  // namespace el::app
