// ui/orbit_camera: where points land on screen, and that the mouse controls
// move them the way the hand does.
#include "ui/orbit_camera.h"

#include <gtest/gtest.h>

#include <cmath>

namespace el::ui {
namespace {

TEST(OrbitCamera, TheTargetIsTheViewsCentre) {
  OrbitCamera cam;
  cam.target = {0.3f, -0.2f, 0.1f};
  for (bool three : {true, false}) {
    cam.three_d = three;
    const ScreenPoint s = to_screen(cam.view_projection(800.0f / 600), cam.target.data(), 800, 600);
    ASSERT_TRUE(s.visible);
    EXPECT_NEAR(s.x, 400, 1e-3);
    EXPECT_NEAR(s.y, 300, 1e-3);
  }
}

TEST(OrbitCamera, In2DZoomIsHalfTheShorterSideAndYPointsUp) {
  OrbitCamera cam;
  cam.three_d = false;
  cam.zoom = 2;
  const Mat4 m = cam.view_projection(2.0f);  // 800 x 400
  const float right[3] = {2, 0, 0}, up[3] = {0, 2, 0};
  ScreenPoint r = to_screen(m, right, 800, 400), u = to_screen(m, up, 800, 400);
  EXPECT_NEAR(r.x, 400 + 200, 1e-3);  // 2 world units = half the height = 200 px
  EXPECT_NEAR(u.y, 0, 1e-3);          // the top edge
}

TEST(OrbitCamera, PanningMovesThePointUnderTheMouseWithIt) {
  for (bool three : {true, false}) {
    OrbitCamera cam;
    cam.three_d = three;
    const float p[3] = {0, 0, 0};
    const ScreenPoint before = to_screen(cam.view_projection(1.5f), p, 600, 400);
    cam.pan(30, -20, 600, 400);
    const ScreenPoint after = to_screen(cam.view_projection(1.5f), p, 600, 400);
    EXPECT_NEAR(after.x - before.x, 30, 0.05);
    EXPECT_NEAR(after.y - before.y, -20, 0.05);
  }
}

TEST(OrbitCamera, FitShowsTheWholeCubeFromAnyAspect) {
  for (float aspect : {0.5f, 1.0f, 2.5f}) {
    OrbitCamera cam;
    cam.distance = 50;
    cam.fit();
    const Mat4 m = cam.view_projection(aspect);
    for (int c = 0; c < 8; ++c) {
      const float p[3] = {c & 1 ? 1.f : -1.f, c & 2 ? 1.f : -1.f, c & 4 ? 1.f : -1.f};
      const ScreenPoint s = to_screen(m, p, 100 * aspect, 100);
      EXPECT_TRUE(s.visible);
      EXPECT_GE(s.y, 0);
      EXPECT_LE(s.y, 100);
      EXPECT_GE(s.x, 0);
      EXPECT_LE(s.x, 100 * aspect);
    }
  }
}

TEST(OrbitCamera, ZoomingInBringsPointsApartAndOrbitingKeepsOffThePoles) {
  OrbitCamera cam;
  const float a[3] = {0.5f, 0, 0};
  const float before = std::abs(to_screen(cam.view_projection(1), a, 100, 100).x - 50);
  cam.zoom_by(0.5f);
  const float after = std::abs(to_screen(cam.view_projection(1), a, 100, 100).x - 50);
  EXPECT_GT(after, before * 1.5f);
  cam.orbit(0, 100000);
  EXPECT_LT(cam.pitch, 1.5708f);
  EXPECT_TRUE(std::isfinite(cam.view_projection(1)[0]));
}

}  // namespace
}  // namespace el::ui
