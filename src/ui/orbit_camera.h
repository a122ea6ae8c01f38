// The camera of a 3-D view (the Projector, Mesh cards): orbiting around a
// target, panning and zooming, and fitting a box; in 2-D, an orthographic view
// straight down the z axis that only pans and zooms. Matrices are column-major
// (as GL takes them). Plain C++ (no ImGui): tested with the engine.
#pragma once
#include <array>
#include <span>

namespace el::ui {

using Mat4 = std::array<float, 16>;  // column-major

struct ScreenPoint {
  float x = 0, y = 0;  // pixels from the view's top-left
  float depth = 0;     // NDC z: -1 near .. 1 far
  bool visible = false;
};

class OrbitCamera {
 public:
  bool three_d = true;
  float yaw = 0.6f, pitch = 0.35f;  // radians: around the up axis, and above the horizon
  float distance = 3.2f;            // 3-D: from the target
  float zoom = 1.0f;                // 2-D: half the view's shorter side, in world units
  std::array<float, 3> target{0, 0, 0};
  float fov_y = 0.8f;                   // radians, across the view's shorter side (about 46 degrees)
  float reach = 10;                     // how far past the target the scene goes (the far plane)
  float near_plane = 0, far_plane = 0;  // fixed clip distances (a mesh's config); 0: from the distance

  // Turns by a drag of (dx, dy) pixels (3-D; pitch stays short of the poles).
  void orbit(float dx, float dy);
  // Moves the view by a drag of (dx, dy) pixels over a width x height view.
  void pan(float dx, float dy, float width, float height);
  // factor < 1 comes closer.
  void zoom_by(float factor);
  // Frames points within `r` of the origin (3-D; 2-D: within the square
  // [-1, 1]^2, as fitted positions are), from the default angle.
  void fit(float r = 1.7321f);
  // Frames the sphere at `center` of radius `r` from the default angle (3-D).
  void fit_sphere(const std::array<float, 3>& center, float r);

  Mat4 view_projection(float aspect) const;
  // Where the eye is (3-D).
  std::array<float, 3> eye() const;
  // World units per pixel at the target, for a width x height view.
  float world_per_pixel(float width, float height) const;
};

Mat4 multiply(const Mat4& a, const Mat4& b);
// `p` (world) through `m` into a width x height view.
ScreenPoint to_screen(const Mat4& m, const float* p, float width, float height);
// Every point of `xyz` (n x 3) in screen pixels (n x 2; NaN when behind the camera).
void project_all(const Mat4& m, std::span<const float> xyz, float width, float height,
                 std::span<float> out_xy);

}  // namespace el::ui
