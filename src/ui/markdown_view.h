// Draws parsed Markdown (ui/markdown.h) with ImGui at the cursor, wrapped to
// `width`: headings in the heading or bold font, emphasis as slanted glyphs,
// code in the monospace font on a tinted background, links coloured (hover
// shows the address; a click asks the app to open it in a new tab), lists
// indented with their markers, quotes with a bar, tables as ImGui tables.
#pragma once
#include <string>
#include <vector>

#include "ui/markdown.h"
#include "ui/theme.h"

namespace el::ui {

// `open_urls` receives the address of a clicked link (http, https or mailto only).
void draw_markdown(const std::vector<md::Block>& blocks, const Fonts* fonts, float width,
                   std::vector<std::string>* open_urls);

}  // namespace el::ui
