#include "ui/orbit_camera.h"

#include <algorithm>
#include <cmath>

namespace el::ui {

namespace {
constexpr float kMaxPitch = 1.55f;

// The field of view spans the view's shorter side (as `zoom` does in 2-D), so
// a fitted cloud fits a tall view as well as a wide one.
float half_height_tan(float fov_y, float aspect) {
  return std::tan(fov_y / 2) / std::min(1.0f, std::max(aspect, 1e-3f));
}

Mat4 perspective(float fovy, float aspect, float near, float far) {
  const float f = 1.0f / std::tan(fovy / 2);
  Mat4 m{};
  m[0] = f / aspect;
  m[5] = f;
  m[10] = (far + near) / (near - far);
  m[11] = -1;
  m[14] = 2 * far * near / (near - far);
  return m;
}

Mat4 orthographic(float half_w, float half_h, float near, float far) {
  Mat4 m{};
  m[0] = 1 / half_w;
  m[5] = 1 / half_h;
  m[10] = -2 / (far - near);
  m[14] = -(far + near) / (far - near);
  m[15] = 1;
  return m;
}

// Eye at `eye` looking at `at`, with +y up.
Mat4 look_at(const std::array<float, 3>& eye, const std::array<float, 3>& at) {
  float f[3] = {at[0] - eye[0], at[1] - eye[1], at[2] - eye[2]};
  float fl = std::sqrt(f[0] * f[0] + f[1] * f[1] + f[2] * f[2]);
  for (float& v : f) v /= fl;
  const float up[3] = {0, 1, 0};
  float s[3] = {f[1] * up[2] - f[2] * up[1], f[2] * up[0] - f[0] * up[2], f[0] * up[1] - f[1] * up[0]};
  float sl = std::sqrt(s[0] * s[0] + s[1] * s[1] + s[2] * s[2]);
  for (float& v : s) v /= sl;
  const float u[3] = {s[1] * f[2] - s[2] * f[1], s[2] * f[0] - s[0] * f[2], s[0] * f[1] - s[1] * f[0]};
  Mat4 m{};
  m[0] = s[0], m[4] = s[1], m[8] = s[2];
  m[1] = u[0], m[5] = u[1], m[9] = u[2];
  m[2] = -f[0], m[6] = -f[1], m[10] = -f[2];
  m[12] = -(s[0] * eye[0] + s[1] * eye[1] + s[2] * eye[2]);
  m[13] = -(u[0] * eye[0] + u[1] * eye[1] + u[2] * eye[2]);
  m[14] = f[0] * eye[0] + f[1] * eye[1] + f[2] * eye[2];
  m[15] = 1;
  return m;
}
}  // namespace

Mat4 multiply(const Mat4& a, const Mat4& b) {
  Mat4 m{};
  for (int c = 0; c < 4; ++c)
    for (int r = 0; r < 4; ++r) {
      float v = 0;
      for (int k = 0; k < 4; ++k) v += a[k * 4 + r] * b[c * 4 + k];
      m[c * 4 + r] = v;
    }
  return m;
}

void OrbitCamera::orbit(float dx, float dy) {
  yaw -= dx * 0.008f;
  pitch = std::clamp(pitch + dy * 0.008f, -kMaxPitch, kMaxPitch);
}

float OrbitCamera::world_per_pixel(float width, float height) const {
  height = std::max(1.0f, height);
  const float aspect = width / height;
  const float half =
      three_d ? distance * half_height_tan(fov_y, aspect) : (aspect >= 1 ? zoom : zoom / aspect);
  return 2 * half / height;
}

void OrbitCamera::pan(float dx, float dy, float width, float height) {
  const float k = world_per_pixel(width, height);
  if (!three_d) {
    target[0] -= dx * k;
    target[1] += dy * k;
    return;
  }
  // Along the screen's right and up vectors.
  const float right[3] = {std::cos(yaw), 0, -std::sin(yaw)};
  const float up[3] = {-std::sin(pitch) * std::sin(yaw), std::cos(pitch), -std::sin(pitch) * std::cos(yaw)};
  for (int i = 0; i < 3; ++i) target[i] += -dx * k * right[i] + dy * k * up[i];
}

void OrbitCamera::zoom_by(float factor) {
  factor = std::clamp(factor, 0.2f, 5.0f);
  if (three_d)
    distance = std::clamp(distance * factor, reach * 1e-3f, reach * 10);
  else
    zoom = std::clamp(zoom * factor, 0.0005f, 50.0f);
}

void OrbitCamera::fit(float r) {
  target = {0, 0, 0};
  yaw = 0.6f;
  pitch = 0.35f;
  // The sphere of radius r fills the view's shorter side.
  distance = std::max(r, 1e-3f) / std::sin(fov_y / 2);
  zoom = 1.08f;
}

void OrbitCamera::fit_sphere(const std::array<float, 3>& center, float r) {
  r = std::max(r, 1e-6f);
  fit(r);
  target = center;
  reach = std::max(2 * r, 1e-5f);
}

std::array<float, 3> OrbitCamera::eye() const {
  return {target[0] + distance * std::cos(pitch) * std::sin(yaw), target[1] + distance * std::sin(pitch),
          target[2] + distance * std::cos(pitch) * std::cos(yaw)};
}

Mat4 OrbitCamera::view_projection(float aspect) const {
  aspect = std::max(aspect, 1e-3f);
  if (!three_d) {
    // Half of the shorter side is `zoom`.
    const float half_h = aspect >= 1 ? zoom : zoom / aspect, half_w = half_h * aspect;
    Mat4 proj = orthographic(half_w, half_h, -10, 10);
    Mat4 view{};
    view[0] = view[5] = view[10] = view[15] = 1;
    view[12] = -target[0], view[13] = -target[1], view[14] = -target[2];
    return multiply(proj, view);
  }
  const std::array<float, 3> eye = this->eye();
  const float near = near_plane > 0 ? near_plane : std::max(reach * 1e-5f, distance * 0.01f);
  const float far = far_plane > near ? far_plane : distance + reach;
  return multiply(perspective(2 * std::atan(half_height_tan(fov_y, aspect)), aspect, near, far),
                  look_at(eye, target));
}

ScreenPoint to_screen(const Mat4& m, const float* p, float width, float height) {
  const float x = m[0] * p[0] + m[4] * p[1] + m[8] * p[2] + m[12];
  const float y = m[1] * p[0] + m[5] * p[1] + m[9] * p[2] + m[13];
  const float z = m[2] * p[0] + m[6] * p[1] + m[10] * p[2] + m[14];
  const float w = m[3] * p[0] + m[7] * p[1] + m[11] * p[2] + m[15];
  ScreenPoint s;
  if (w <= 1e-6f) return s;
  s.x = (x / w * 0.5f + 0.5f) * width;
  s.y = (0.5f - y / w * 0.5f) * height;
  s.depth = z / w;
  s.visible = s.depth >= -1 && s.depth <= 1;
  return s;
}

void project_all(const Mat4& m, std::span<const float> xyz, float width, float height,
                 std::span<float> out_xy) {
  const std::size_t n = std::min(xyz.size() / 3, out_xy.size() / 2);
  for (std::size_t i = 0; i < n; ++i) {
    const ScreenPoint s = to_screen(m, &xyz[i * 3], width, height);
    out_xy[i * 2] = s.visible ? s.x : NAN;
    out_xy[i * 2 + 1] = s.visible ? s.y : NAN;
  }
}

}  // namespace el::ui
