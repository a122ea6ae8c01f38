// [SECTION] tiles
// [SECTION] image view: fit, zoom, pan, pixel hover
// [SECTION] card
// [SECTION] dashboard
#include "ui/images_dashboard.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/sidebar_sections.h"
#include "ui/widgets.h"

namespace el::ui {

// [SECTION] tiles ---------------------------------------------------------------------------
void draw_broken_tile(ImVec2 min, ImVec2 max, const std::string& reason) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 line = ImGui::GetColorU32(ImGuiCol_TextDisabled, 0.5f);
  dl->AddRectFilled(min, max, ImGui::GetColorU32(ImGuiCol_FrameBg), 4.0f);
  dl->AddRect(min, max, line, 4.0f);
  const float s = std::min(28.0f, std::min(max.x - min.x, max.y - min.y) * 0.2f);
  const ImVec2 c((min.x + max.x) * 0.5f, min.y + (max.y - min.y) * 0.32f);
  const ImU32 red = IM_COL32(230, 110, 90, 255);
  dl->AddRect(ImVec2(c.x - s, c.y - s * 0.8f), ImVec2(c.x + s, c.y + s * 0.8f), red, 3.0f, 0, 2.0f);
  dl->AddLine(ImVec2(c.x - s * 0.5f, c.y - s * 0.4f), ImVec2(c.x + s * 0.5f, c.y + s * 0.4f), red, 2.0f);
  dl->AddLine(ImVec2(c.x - s * 0.5f, c.y + s * 0.4f), ImVec2(c.x + s * 0.5f, c.y - s * 0.4f), red, 2.0f);
  const float pad = 10;
  dl->PushClipRect(min, max, true);
  const float x = min.x + pad;
  ImGui::SetCursorScreenPos(ImVec2(x, c.y + s + 8));
  ImGui::PushTextWrapPos(max.x - pad - ImGui::GetWindowPos().x + ImGui::GetScrollX());  // window-local
  ImGui::TextUnformatted("Cannot show this:");
  ImGui::SetCursorScreenPos(ImVec2(x, ImGui::GetCursorScreenPos().y));
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextUnformatted(reason.c_str());
  ImGui::PopStyleColor();
  ImGui::PopTextWrapPos();
  dl->PopClipRect();
}

void draw_loading_tile(ImVec2 min, ImVec2 max, const char* what) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(min, max, ImGui::GetColorU32(ImGuiCol_FrameBg), 4.0f);
  const ImVec2 ts = ImGui::CalcTextSize(what);
  dl->AddText(ImVec2((min.x + max.x - ts.x) * 0.5f, (min.y + max.y - ts.y) * 0.5f),
              ImGui::GetColorU32(ImGuiCol_TextDisabled), what);
}

namespace {

// Grey squares under transparent pixels, clipped to the visible part of the image.
void draw_checkerboard(ImDrawList* dl, ImVec2 min, ImVec2 max) {
  const float cell = 8;
  const ImU32 a = IM_COL32(150, 150, 150, 255), b = IM_COL32(200, 200, 200, 255);
  dl->AddRectFilled(min, max, a);
  int row = 0;
  for (float y = min.y; y < max.y; y += cell, ++row)
    for (float x = min.x + (row % 2 ? cell : 0); x < max.x; x += 2 * cell)
      dl->AddRectFilled(ImVec2(x, y), ImVec2(std::min(x + cell, max.x), std::min(y + cell, max.y)), b);
}

}  // namespace

// [SECTION] image view: fit, zoom, pan, pixel hover ---------------------------------------------
void ImagesDashboard::draw_image(const UiContext& ctx, Card& c, const ImageView& v, ImVec2 min, ImVec2 max) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImGuiIO& io = ImGui::GetIO();
  const float aw = std::max(1.0f, max.x - min.x), ah = std::max(1.0f, max.y - min.y);
  const float w = static_cast<float>(v.width), h = static_cast<float>(v.height);
  // Actual size: one image pixel per device pixel.
  const float base = ctx.settings->image_actual_size ? 1.0f / std::max(1.0f, io.DisplayFramebufferScale.x)
                                                     : std::min(aw / w, ah / h);
  if (c.center.x < 0) c.center = ImVec2(w * 0.5f, h * 0.5f);
  ImGui::SetCursorScreenPos(min);
  ImGui::InvisibleButton("##image", ImVec2(aw, ah));
  const bool hovered = ImGui::IsItemHovered();
  const bool wheel_zooms = c.wheel.zooms(hovered);
  const bool zoomed = c.zoom != 1.0f || c.center.x != w * 0.5f || c.center.y != h * 0.5f;
  // While zoomed, a badge at the top right says by how much and fits the image again on a click.
  char badge[48];
  std::snprintf(badge, sizeof badge, "zoom %.0f%% \xc2\xb7 reset", static_cast<double>(c.zoom * 100.0f));
  const ImVec2 bs = ImGui::CalcTextSize(badge);
  const ImVec2 badge_max(max.x - 4, min.y + 4 + bs.y + 4), badge_min(badge_max.x - bs.x - 12, min.y + 4);
  const bool on_badge = zoomed && hovered && ImGui::IsMouseHoveringRect(badge_min, badge_max);
  if ((hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) ||
      (on_badge && ImGui::IsMouseClicked(ImGuiMouseButton_Left))) {
    c.zoom = 1.0f;
    c.center = ImVec2(w * 0.5f, h * 0.5f);
  }
  // A thin image (1 x 512) keeps at least kMinShown pixels across: each axis
  // has its own scale, never below that.
  constexpr float kMinShown = 24;
  auto scales = [&](float zoom) {
    const float k = base * zoom;
    return ImVec2(std::max(k, std::min(kMinShown, aw) / w), std::max(k, std::min(kMinShown, ah) / h));
  };
  ImVec2 scale = scales(c.zoom);
  const ImVec2 mid((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f);
  if (wheel_zooms && io.MouseWheel != 0) {
    // Zoom about the cursor: the image point under it stays under it.
    const float new_zoom = std::clamp(c.zoom * std::pow(1.25f, io.MouseWheel), 0.1f, 256.0f / base);
    const ImVec2 at(c.center.x + (io.MousePos.x - mid.x) / scale.x,
                    c.center.y + (io.MousePos.y - mid.y) / scale.y);
    const ImVec2 next = scales(new_zoom);
    c.center = ImVec2(at.x - (io.MousePos.x - mid.x) / next.x, at.y - (io.MousePos.y - mid.y) / next.y);
    c.zoom = new_zoom;
    scale = next;
  }
  if (ImGui::IsItemActive() && !on_badge && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 1.0f)) {
    c.center.x -= io.MouseDelta.x / scale.x;
    c.center.y -= io.MouseDelta.y / scale.y;
  }
  c.center.x = std::clamp(c.center.x, 0.0f, w);
  c.center.y = std::clamp(c.center.y, 0.0f, h);
  // Whole pixels on screen when magnified, so nearest-neighbour cells are even.
  const ImVec2 p0(std::round(mid.x - c.center.x * scale.x), std::round(mid.y - c.center.y * scale.y));
  const ImVec2 p1(p0.x + w * scale.x, p0.y + h * scale.y);
  dl->PushClipRect(min, max, true);
  draw_checkerboard(dl, ImVec2(std::max(p0.x, min.x), std::max(p0.y, min.y)),
                    ImVec2(std::min(p1.x, max.x), std::min(p1.y, max.y)));
  // ImGui's OpenGL backend reads its texture ids as GL texture names.
  dl->AddImage(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(v.texture)), p0, p1);
  if (zoomed) {
    dl->AddRectFilled(badge_min, badge_max,
                      ImGui::GetColorU32(on_badge ? ImGuiCol_ButtonHovered : ImGuiCol_Button), 4.0f);
    dl->AddText(ImVec2(badge_min.x + 6, badge_min.y + 2), ImGui::GetColorU32(ImGuiCol_Text), badge);
  }
  dl->PopClipRect();
  if (on_badge) {
    ImGui::SetTooltip(
        "This image is zoomed or moved. Click to fit it to the card again (or double-click it).");
  } else if (hovered && v.rgba) {
    const int ix = static_cast<int>(std::floor((io.MousePos.x - p0.x) / scale.x));
    const int iy = static_cast<int>(std::floor((io.MousePos.y - p0.y) / scale.y));
    if (ix >= 0 && iy >= 0 && ix < static_cast<int>(v.width) && iy < static_cast<int>(v.height)) {
      const std::uint8_t* px =
          v.rgba + (static_cast<std::size_t>(iy) * v.width + static_cast<std::size_t>(ix)) * 4;
      ImGui::BeginTooltip();
      ImGui::Text("x %d, y %d", ix, iy);
      ImGui::Text("RGBA %u, %u, %u, %u", px[0], px[1], px[2], px[3]);
      ImGui::ColorButton("##px", ImVec4(px[0] / 255.0f, px[1] / 255.0f, px[2] / 255.0f, px[3] / 255.0f),
                         ImGuiColorEditFlags_AlphaPreviewHalf | ImGuiColorEditFlags_NoTooltip);
      ImGui::SameLine();
      ImGui::TextDisabled(
          "zoom %.0f%%  (Ctrl+wheel, or click then wheel, zooms; drag pans; double-click fits)",
          static_cast<double>(scale.x * io.DisplayFramebufferScale.x * 100.0f));
      ImGui::EndTooltip();
    }
  }
}

// [SECTION] card ------------------------------------------------------------------------------
void ImagesDashboard::draw_card(const UiContext& ctx, const TagRunCard& card, ImVec2 min, ImVec2 max) {
  const Key key{*card.tag, *card.run, card.sample};
  Card& c = cards_[key];
  const store::Series& s = *card.series;
  // The slider first (it decides the step), drawn in the footer.
  const SteppedRecord step = draw_step_footer(ctx, card, c.slider, records_, keys_, min, max);
  if (step.empty()) return;
  const std::vector<std::uint32_t>& records = *step.records;
  const std::size_t pos = step.pos;
  const std::uint32_t rec = step.record;
  const bool keys = step.keys;
  const float pad = kCardPad;
  const ImVec2 img_min(min.x + pad, min.y), img_max(max.x - pad, step.footer_top);
  const ImageAdjust adjust{static_cast<float>(ctx.settings->image_brightness),
                           static_cast<float>(ctx.settings->image_contrast)};
  const bool has_sample = card.sample < s.samples[rec];
  const ImageView v = has_sample ? ctx.media->image(s, rec, card.sample, adjust) : ImageView{};
  if (!has_sample) {
    draw_broken_tile(img_min, img_max, "this step has no sample " + std::to_string(card.sample + 1));
  } else if (v.state == MediaState::kReady) {
    draw_image(ctx, c, v, img_min, img_max);
    if (keys) prefetch_neighbours(*ctx.media, card, records, pos);
    // Size and format at the right of the step line.
    char info[64];
    std::snprintf(info, sizeof info, "%u x %u", v.width, v.height);
    const float tw = ImGui::CalcTextSize(info).x;
    ImGui::GetWindowDrawList()->AddText(
        ImVec2(max.x - pad - tw, img_max.y + 6 + ImGui::GetFrameHeightWithSpacing()),
        ImGui::GetColorU32(ImGuiCol_TextDisabled), info);
  } else if (v.state == MediaState::kError) {
    draw_broken_tile(img_min, img_max, v.error);
  } else {
    draw_loading_tile(img_min, img_max, "Reading the image...");
  }
  ++charts_drawn_;
  if (ctx.media_cards) {
    MediaCardInfo info = media_card_info("images", card, records, pos);
    info.state = has_sample ? v.state : MediaState::kError;
    info.width = v.width;
    info.height = v.height;
    info.error = v.error;
    ctx.media_cards->push_back(std::move(info));
  }
}

void ImagesDashboard::card_menu(const UiContext& ctx, const TagRunCard& card, ImVec2 min, ImVec2 max) {
  Card& c = cards_[Key{*card.tag, *card.run, card.sample}];
  const store::Series& s = *card.series;
  const std::vector<std::uint32_t>& records = records_.get(s, ctx.settings->all_points);
  const std::string base = file_safe(*card.run + "_" + *card.tag);
  if (!records.empty()) {
    const std::uint32_t rec = records[c.slider.position(records.size())];
    const ImageAdjust adjust{static_cast<float>(ctx.settings->image_brightness),
                             static_cast<float>(ctx.settings->image_contrast)};
    const ImageView v = ctx.media->image(s, rec, card.sample, adjust);
    const bool ready = v.encoded && !v.encoded->empty();
    std::string ext = "bin";
    const std::string mime = v.mime;
    if (mime.rfind("image/", 0) == 0) ext = mime.substr(6) == "jpeg" ? "jpg" : mime.substr(6);
    const std::string name = base + "_step" + std::to_string(s.steps[rec]) +
                             (card.samples > 1 ? "_sample" + std::to_string(card.sample + 1) : "") + "." +
                             ext;
    if (ImGui::MenuItem("Download image as stored", nullptr, false, ready))
      ctx.downloads->push_back({name, mime.empty() ? "application/octet-stream" : mime, *v.encoded});
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("The encoded bytes from the event file (%s), without brightness or contrast.",
                        name.c_str());
  }
  if (ImGui::MenuItem("Fit to the card", nullptr, false, c.zoom != 1.0f)) {
    c.zoom = 1.0f;
    c.center = ImVec2(-1, -1);
  }
  if (ImGui::MenuItem("Save card as PNG")) *ctx.capture = PngCapture{min, max, base + "_card.png"};
}

// [SECTION] dashboard -------------------------------------------------------------------------
const DashboardInfo& ImagesDashboard::info() const {
  static const DashboardInfo kInfo{
      "images", "Images", "Each image tag per run and sample, at any recorded step; zoom in to see pixels.",
      events::Kind::kImages};
  return kInfo;
}

StepCardsDashboard::CardLayout ImagesDashboard::card_layout() const {
  return {.min_width = 300, .aspect = 1.0f, .per_sample = true, .needs_media = true};
}

void ImagesDashboard::draw_sidebar(const UiContext& ctx) {
  Settings& s = *ctx.settings;
  section_heading(ctx.fonts, "Image settings");
  draw_link_steps_checkbox(*ctx.settings);
  ImGui::TextUnformatted("Brightness");
  ImGui::SetNextItemWidth(-1);
  float b = static_cast<float>(s.image_brightness);
  if (slider_float("##brightness", &b, 0.0f, 2.0f, "%.2f x")) s.image_brightness = std::clamp(b, 0.0f, 2.0f);
  tooltip("Multiplies every colour (1 = as stored). Ctrl+click to type a value.");
  ImGui::TextUnformatted("Contrast");
  ImGui::SetNextItemWidth(-1);
  float c = static_cast<float>(s.image_contrast);
  if (slider_float("##contrast", &c, 0.0f, 5.0f, "%.2f x")) s.image_contrast = std::clamp(c, 0.0f, 5.0f);
  tooltip("Stretches colours away from mid-grey (1 = as stored, 0 = flat grey).");
  const bool adjusted = s.image_brightness != 1.0 || s.image_contrast != 1.0;
  if (!adjusted) ImGui::BeginDisabled();
  if (ImGui::Button("Reset brightness and contrast")) s.image_brightness = s.image_contrast = 1.0;
  if (!adjusted) ImGui::EndDisabled();
  ImGui::Checkbox("Actual size", &s.image_actual_size);
  tooltip(
      "Show one image pixel per screen pixel instead of fitting each image to its card.\n"
      "Either way, the mouse wheel zooms inside a card, dragging pans, double-click resets.");
  ImGui::TextUnformatted("Memory for images");
  ImGui::SetNextItemWidth(-1);
  slider_int("##imgmem", &s.image_cache_mb, 64, 4096, "%d MB", ImGuiSliderFlags_Logarithmic);
  s.image_cache_mb = std::clamp(s.image_cache_mb, 64, 4096);
  tooltip(
      "Decoded images and clips kept ready to show; beyond this the least recently shown are\n"
      "dropped (and read again from the file when needed). Ctrl+click to type a value.");
  draw_restart_checkbox(s);
}

std::vector<std::string_view> ImagesDashboard::link_keys() const {
  return {"bright", "contrast", "actual", "imgmem", "step", "points"};
}

}  // namespace el::ui
