// graph/svg_export: the visible graph as SVG.
#include "graph/svg_export.h"

#include <gtest/gtest.h>

#include "graph/graph_builders.h"
#include "graph/layout.h"

namespace el::graph {
namespace {

TEST(SvgExport, SvgHoldsEveryVisibleItemAndEdgeAndEscapesNames) {
  OpGraph g = sample_query_graph();
  g.nodes[5].name = "a<b&c";
  link_inputs(g, {{}, {}, {"x", "w"}, {"dense/MatMul"}, {"dense/Relu", "^a<b&c"}, {}, {"a<b&c"}});
  const Hierarchy h = build_hierarchy(g);
  LayoutCache cache(h, {});
  const Scene& s = cache.scene();
  const std::string svg = scene_svg(h, s, {});
  auto count = [&](const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t p = svg.find(needle); p != std::string::npos; p = svg.find(needle, p + 1)) ++n;
    return n;
  };
  // Top level: x, w, dense (collapsed), loss, a<b&c, unrelated.
  EXPECT_EQ(s.items.size(), 6u);
  EXPECT_EQ(count("<title>"), 6u);
  EXPECT_EQ(count("<polyline"), s.edges.size());
  EXPECT_EQ(count("<ellipse"), 5u);
  EXPECT_EQ(count("<rect x=\"") - 1, 1u) << "one group box besides the background";
  EXPECT_NE(svg.find("a&lt;b&amp;c"), std::string::npos);
  EXPECT_EQ(svg.find("a<b"), std::string::npos);
  EXPECT_EQ(svg.rfind("</svg>\n"), svg.size() - 7);
}

}  // namespace
}  // namespace el::graph
