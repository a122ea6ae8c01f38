#include "app/fonts.h"

#include <cstddef>
#include <initializer_list>
#include <string>
#include <vector>

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

// Glyph ranges for the extra font: pairs of [c, c] for each code point, 0-terminated.
// ImGui keeps a pointer to them until the atlas is built again.
std::vector<ImWchar> g_extra_ranges;

void merge_extra(const std::string* extra, float px) {
  if (!extra || g_extra_ranges.size() < 2) return;
  ImFontConfig cfg;
  cfg.MergeMode = true;              // into the font added just before
  cfg.FontDataOwnedByAtlas = false;  // the Shell keeps the bytes
  cfg.OversampleH = 1;
  cfg.OversampleV = 1;
  ImGui::GetIO().Fonts->AddFontFromMemoryTTF(
      const_cast<char*>(extra->data()), static_cast<int>(extra->size()), px, &cfg, g_extra_ranges.data());
}

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

bool is_cjk(std::uint32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFFEF);
}

ui::Fonts build_fonts(float pixel_ratio, const std::string* extra,
                      const std::vector<std::uint32_t>& extra_chars) {
  if (pixel_ratio < 1.0f) pixel_ratio = 1.0f;
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  g_extra_ranges.clear();
  for (std::uint32_t c : extra_chars) {
    if (c == 0 || c > 0xFFFF) continue;
    g_extra_ranges.push_back(static_cast<ImWchar>(c));
    g_extra_ranges.push_back(static_cast<ImWchar>(c));
  }
  g_extra_ranges.push_back(0);
  ui::Fonts fonts;
  fonts.body = add_font(el_font_inter_regular, el_font_inter_regular_size, kBodySize * pixel_ratio);
  merge_extra(extra, kBodySize * pixel_ratio);
  fonts.heading = add_font(el_font_inter_semibold, el_font_inter_semibold_size, kHeadingSize * pixel_ratio);
  merge_extra(extra, kHeadingSize * pixel_ratio);
  fonts.mono = add_font(el_font_mono_regular, el_font_mono_regular_size, kMonoSize * pixel_ratio);
  merge_extra(extra, kMonoSize * pixel_ratio);
  fonts.bold = add_font(el_font_inter_semibold, el_font_inter_semibold_size, kBodySize * pixel_ratio);
  merge_extra(extra, kBodySize * pixel_ratio);
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
