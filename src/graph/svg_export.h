// The graph as the canvas shows it (expanded groups, their children, the
// routed edges), written as a standalone SVG document: vector output that
// stays sharp at any size, for papers and slides.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "graph/hierarchy.h"
#include "graph/layout.h"

namespace el::graph {

struct SvgStyle {
  std::vector<std::uint32_t> item_fill;  // per item id, 0xRRGGBB (empty: a neutral grey-blue)
  float font_size = 11;
};

std::string scene_svg(const Hierarchy& h, const Scene& scene, const SvgStyle& style);

}  // namespace el::graph
