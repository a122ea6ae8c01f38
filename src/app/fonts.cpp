#include "app/fonts.h"

#include <cstddef>

#include "imgui.h"

extern const unsigned char el_font_inter_regular[];
extern const std::size_t el_font_inter_regular_size;
extern const unsigned char el_font_inter_semibold[];
extern const std::size_t el_font_inter_semibold_size;
extern const unsigned char el_font_mono_regular[];
extern const std::size_t el_font_mono_regular_size;

namespace el::app {
namespace {

// Sizes in UI units (CSS pixels on the web).
constexpr float kBodySize = 15.0f;
constexpr float kHeadingSize = 20.0f;
constexpr float kMonoSize = 14.0f;

ImFont* add_font(const unsigned char* data, std::size_t size, float px) {
  ImFontConfig cfg;
  cfg.FontDataOwnedByAtlas = false;  // the bytes live in the binary
  cfg.OversampleH = 2;
  cfg.OversampleV = 1;
  cfg.PixelSnapH = false;
  // Latin-1 plus general punctuation (dashes, quotes, ellipsis, bullet) and arrows.
  static const ImWchar kRanges[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x2190, 0x21FF, 0x2212, 0x2212, 0};
  return ImGui::GetIO().Fonts->AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size),
                                                    px, &cfg, kRanges);
}

}  // namespace

ui::Fonts build_fonts(float pixel_ratio) {
  if (pixel_ratio < 1.0f) pixel_ratio = 1.0f;
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  ui::Fonts fonts;
  fonts.body = add_font(el_font_inter_regular, el_font_inter_regular_size, kBodySize * pixel_ratio);
  fonts.heading = add_font(el_font_inter_semibold, el_font_inter_semibold_size, kHeadingSize * pixel_ratio);
  fonts.mono = add_font(el_font_mono_regular, el_font_mono_regular_size, kMonoSize * pixel_ratio);
  fonts.bold = add_font(el_font_inter_semibold, el_font_inter_semibold_size, kBodySize * pixel_ratio);
  io.Fonts->Build();
  io.FontDefault = fonts.body;
  io.FontGlobalScale = 1.0f / pixel_ratio;
  return fonts;
}

}  // namespace el::app
