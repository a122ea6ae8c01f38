// The UI fonts, compiled into the binary and rasterised at the display's
// pixel ratio so text stays crisp on high-DPI screens.
#pragma once
#include "ui/theme.h"

namespace el::app {

// Rebuilds ImGui's font atlas for `pixel_ratio` (device pixels per UI unit) and
// sets FontGlobalScale so sizes stay constant in UI units. Call outside a frame;
// the renderer's font texture must be recreated afterwards.
ui::Fonts build_fonts(float pixel_ratio);

}  // namespace el::app
