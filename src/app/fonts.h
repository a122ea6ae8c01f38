// The UI fonts, compiled into the binary and rasterised at the display's
// pixel ratio so text stays crisp on high-DPI screens.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "ui/theme.h"

namespace el::app {

// Rebuilds ImGui's font atlas for `pixel_ratio` (device pixels per UI unit) and
// sets FontGlobalScale so sizes stay constant in UI units. Call outside a frame;
// the renderer's font texture must be recreated afterwards.
// `extra`: a font file (TTF) whose glyphs for `extra_chars` (code points up
// to U+FFFF) are merged into every UI font: the CJK font, loaded on first
// need with only the characters the logs use.
ui::Fonts build_fonts(float pixel_ratio, const std::string* extra = nullptr,
                      const std::vector<std::uint32_t>& extra_chars = {});

// Whether a code point is in a script the embedded fonts lack and the CJK
// font has: CJK symbols, kana, Hangul, ideographs, full-width forms.
bool is_cjk(std::uint32_t c);

}  // namespace el::app
