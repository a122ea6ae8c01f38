#include "ui/point_view.h"

#include <algorithm>
#include <cmath>

namespace el::ui {

void PointView::set_points(PointRenderer& r, std::span<const float> xyz,
                           const std::vector<std::uint32_t>& shown) {
  xyz_.assign(xyz.begin(), xyz.end());
  count_ = xyz.size() / 3;
  shown_ = shown;
  if (shown_.empty()) {
    cloud_ = r.upload_positions(cloud_, xyz_);
  } else {
    std::vector<float> sub;
    sub.reserve(shown_.size() * 3);
    for (std::uint32_t i : shown_)
      if (i < count_) sub.insert(sub.end(), &xyz_[i * 3], &xyz_[i * 3] + 3);
    cloud_ = r.upload_positions(cloud_, sub);
  }
  screen_valid_ = false;
  hovered_ = -1;
}

void PointView::set_colours(PointRenderer& r, std::span<const std::uint32_t> rgba) {
  if (!cloud_) return;
  if (shown_.empty()) {
    r.upload_colours(cloud_, rgba);
    return;
  }
  std::vector<std::uint32_t> sub;
  sub.reserve(shown_.size());
  for (std::uint32_t i : shown_) sub.push_back(i < rgba.size() ? rgba[i] : 0xff808080u);
  r.upload_colours(cloud_, sub);
}

void PointView::set_highlight(PointRenderer& r, const std::vector<std::uint32_t>& points,
                              const std::vector<std::uint32_t>& rgba) {
  highlight_xyz_.clear();
  std::vector<std::uint32_t> colours;
  for (std::size_t k = 0; k < points.size(); ++k) {
    const std::uint32_t i = points[k];
    if (i >= count_) continue;
    highlight_xyz_.insert(highlight_xyz_.end(), &xyz_[i * 3], &xyz_[i * 3] + 3);
    colours.push_back(k < rgba.size() ? rgba[k] : 0xffffffffu);
  }
  highlight_count_ = colours.size();
  if (!highlight_count_) return;
  highlight_cloud_ = r.upload_positions(highlight_cloud_, highlight_xyz_);
  r.upload_colours(highlight_cloud_, colours);
}

void PointView::release(PointRenderer& r) {
  if (cloud_) r.release(cloud_);
  if (highlight_cloud_) r.release(highlight_cloud_);
  cloud_ = highlight_cloud_ = 0;
  xyz_.clear();
  shown_.clear();
  count_ = highlight_count_ = 0;
  screen_valid_ = false;
}

const std::vector<float>& PointView::screen_positions() {
  if (screen_valid_) return screen_;
  const std::size_t n = drawn();
  screen_.resize(n * 2);
  const float w = max_.x - min_.x, h = max_.y - min_.y;
  if (shown_.empty()) {
    project_all(mvp_, xyz_, w, h, screen_);
  } else {
    for (std::size_t k = 0; k < n; ++k) {
      const ScreenPoint s = to_screen(mvp_, &xyz_[shown_[k] * 3], w, h);
      screen_[k * 2] = s.visible ? s.x : NAN;
      screen_[k * 2 + 1] = s.visible ? s.y : NAN;
    }
  }
  screen_valid_ = true;
  return screen_;
}

void PointView::fit() {
  // The farthest drawn point from the origin (fitted positions are centred there).
  float r2 = 0;
  auto reach = [&](std::size_t i) {
    const float* p = &xyz_[i * 3];
    r2 = std::max(r2, p[0] * p[0] + p[1] * p[1] + p[2] * p[2]);
  };
  if (shown_.empty()) {
    for (std::size_t i = 0; i < count_; ++i) reach(i);
  } else {
    for (std::uint32_t i : shown_) reach(i);
  }
  camera.fit(r2 > 0 ? std::sqrt(r2) * 1.02f : 1.0f);
  screen_valid_ = false;
}

bool PointView::screen_of(std::uint32_t i, ImVec2& out) const {
  if (i >= count_) return false;
  const ScreenPoint s = to_screen(mvp_, &xyz_[i * 3], max_.x - min_.x, max_.y - min_.y);
  if (!s.visible) return false;
  out = ImVec2(min_.x + s.x, min_.y + s.y);
  return out.x >= min_.x && out.x <= max_.x && out.y >= min_.y && out.y <= max_.y;
}

std::int64_t PointView::pick(ImVec2 mouse, float radius) {
  const std::vector<float>& s = screen_positions();
  const float mx = mouse.x - min_.x, my = mouse.y - min_.y;
  float best = radius * radius;
  std::int64_t hit = -1;
  for (std::size_t k = 0; k * 2 < s.size(); ++k) {
    const float dx = s[k * 2] - mx, dy = s[k * 2 + 1] - my;
    const float d = dx * dx + dy * dy;  // NaN compares false
    if (d < best) {
      best = d;
      hit = static_cast<std::int64_t>(shown_.empty() ? k : shown_[k]);
    }
  }
  return hit;
}

std::vector<std::uint32_t> PointView::in_box(ImVec2 a, ImVec2 b) {
  const std::vector<float>& s = screen_positions();
  const float x0 = std::min(a.x, b.x) - min_.x, x1 = std::max(a.x, b.x) - min_.x;
  const float y0 = std::min(a.y, b.y) - min_.y, y1 = std::max(a.y, b.y) - min_.y;
  std::vector<std::uint32_t> out;
  for (std::size_t k = 0; k * 2 < s.size(); ++k) {
    const float x = s[k * 2], y = s[k * 2 + 1];
    if (x >= x0 && x <= x1 && y >= y0 && y <= y1)
      out.push_back(static_cast<std::uint32_t>(shown_.empty() ? k : shown_[k]));
  }
  return out;
}

PointViewEvents PointView::draw(PointRenderer& r, ImVec2 size) {
  PointViewEvents ev;
  size.x = std::max(size.x, 50.0f);
  size.y = std::max(size.y, 50.0f);
  min_ = ImGui::GetCursorScreenPos();
  max_ = ImVec2(min_.x + size.x, min_.y + size.y);
  ImGui::InvisibleButton("##pointview", size,
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  const bool hovered = ImGui::IsItemHovered(), active = ImGui::IsItemActive();
  ImGuiIO& io = ImGui::GetIO();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(min_, max_, ImGui::GetColorU32(ImGuiCol_FrameBg));

  // Mouse: orbit or pan while dragging, zoom on the wheel, box with shift.
  const bool left_drag = active && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 2.0f);
  const bool right_drag = active && ImGui::IsMouseDragging(ImGuiMouseButton_Right, 2.0f);
  if (ImGui::IsItemActivated()) {
    drag_start_ = io.MousePos;
    boxing_ = io.KeyShift && ImGui::IsMouseClicked(ImGuiMouseButton_Left);
  }
  bool moved = false;
  if (left_drag && !boxing_) {
    if (camera.three_d && !io.KeyCtrl)
      camera.orbit(io.MouseDelta.x, io.MouseDelta.y);
    else
      camera.pan(io.MouseDelta.x, io.MouseDelta.y, size.x, size.y);
    moved = io.MouseDelta.x != 0 || io.MouseDelta.y != 0;
  } else if (right_drag) {
    camera.pan(io.MouseDelta.x, io.MouseDelta.y, size.x, size.y);
    moved = io.MouseDelta.x != 0 || io.MouseDelta.y != 0;
  }
  if (hovered && io.MouseWheel != 0) {
    camera.zoom_by(std::pow(0.88f, io.MouseWheel));
    moved = true;
  }
  const Mat4 mvp = camera.view_projection(size.x / size.y);
  if (mvp != mvp_ || moved) screen_valid_ = false;
  mvp_ = mvp;

  // The points, then the highlighted ones on top.
  if (cloud_) r.draw(dl, cloud_, min_, max_, mvp_, style);
  if (highlight_cloud_ && highlight_count_) {
    PointStyle hs = style;
    hs.size_px = std::max(highlight_px, style.size_px + 4);
    hs.depth = false;
    r.draw(dl, highlight_cloud_, min_, max_, mvp_, hs);
  }

  // Picking: only while the mouse rests on the view (not mid-drag).
  const bool dragging = left_drag || right_drag;
  if (hovered && !dragging && count_) {
    if (!screen_valid_ || io.MousePos.x != hovered_at_.x || io.MousePos.y != hovered_at_.y) {
      hovered_ = pick(io.MousePos, std::max(6.0f, style.size_px));
      hovered_at_ = io.MousePos;
    }
  } else {
    hovered_ = -1;
    hovered_at_ = ImVec2(-1, -1);
  }
  ev.hovered = hovered_;

  if (boxing_ && active) {
    dl->AddRectFilled(drag_start_, io.MousePos, IM_COL32(90, 150, 250, 40));
    dl->AddRect(drag_start_, io.MousePos, IM_COL32(90, 150, 250, 200));
  }
  if (ImGui::IsItemDeactivated()) {
    const float dx = io.MousePos.x - drag_start_.x, dy = io.MousePos.y - drag_start_.y;
    const bool was_click = dx * dx + dy * dy < 9;
    if (boxing_ && !was_click) {
      ev.boxed = true;
      ev.box_add = io.KeyCtrl;
      ev.box = in_box(drag_start_, io.MousePos);
    } else if (was_click && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
      const std::int64_t hit = count_ ? pick(io.MousePos, std::max(6.0f, style.size_px)) : -1;
      if (hit >= 0)
        ev.clicked = hit;
      else
        ev.clicked_empty = true;
    }
    boxing_ = false;
  }
  return ev;
}

}  // namespace el::ui
