#include "app/fonts.h"

#include <cstddef>
#include <initializer_list>

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
constexpr ImWchar kMissingGlyph = 0x25A1;  // WHITE SQUARE

ImFont* add_font(const unsigned char* data, std::size_t size, float px) {
  ImFontConfig cfg;
  cfg.FontDataOwnedByAtlas = false;  // the bytes live in the binary
  cfg.OversampleH = 2;
  cfg.OversampleV = 1;
  cfg.PixelSnapH = false;
  // What tag and run names use: Latin with its extensions, Greek, Cyrillic,
  // punctuation, super- and subscripts, currency, letter-like symbols,
  // arrows, maths operators and geometric shapes (the missing-glyph box).
  // Only glyphs the font has are packed, so wide ranges cost nothing extra.
  static const ImWchar kRanges[] = {
      0x0020, 0x024F,  // Latin-1, Latin Extended-A and -B
      0x0370, 0x03FF,  // Greek
      0x0400, 0x04FF,  // Cyrillic
      0x2010, 0x205E,  // punctuation: dashes, quotes, ellipsis, bullet, primes
      0x2070, 0x209C,  // superscripts and subscripts
      0x20A0, 0x20BF,  // currency
      0x2100, 0x214F,  // letter-like symbols
      0x2190, 0x21FF,  // arrows
      0x2200, 0x22FF,  // mathematical operators
      0x25A0, 0x25FF,  // geometric shapes
      0,
  };
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
  // A character no font has draws as a visible box (U+25A1), never as "?".
  for (ImFont* f : {fonts.body, fonts.heading, fonts.mono, fonts.bold}) {
    if (!f->FindGlyphNoFallback(kMissingGlyph)) continue;
    f->FallbackChar = kMissingGlyph;
    f->BuildLookupTable();
  }
  io.FontDefault = fonts.body;
  io.FontGlobalScale = 1.0f / pixel_ratio;
  return fonts;
}

}  // namespace el::app
