// Search, input tracing, device colouring and SVG export on a small graph
// whose answers are worked out by hand.
#include "graph/graph_query.h"

#include <gtest/gtest.h>

#include "graph/layout.h"
#include "graph/svg_export.h"

namespace el::graph {
namespace {

// x -> dense/MatMul -> dense/Relu -> loss ; w -> dense/MatMul ; other -> unrelated
OpGraph sample() {
  OpGraph g;
  const char* names[] = {"x", "w", "dense/MatMul", "dense/Relu", "loss", "other", "unrelated"};
  const char* ops[] = {"Placeholder", "VariableV2", "MatMul", "Relu", "Mean", "Const", "Identity"};
  const char* devices[] = {"/cpu:0", "/gpu:0", "/gpu:0", "/gpu:0", "/gpu:0", "", "/cpu:0"};
  for (int i = 0; i < 7; ++i) {
    g.nodes.emplace_back();
    g.nodes.back().name = names[i];
    g.nodes.back().op = ops[i];
    g.nodes.back().device = devices[i];
  }
  link_inputs(g, {{}, {}, {"x", "w"}, {"dense/MatMul"}, {"dense/Relu", "^other"}, {}, {"other"}});
  return g;
}

TEST(GraphQuery, SearchMatchesNamesAndOpTypes) {
  const OpGraph g = sample();
  std::size_t total = 0;
  EXPECT_EQ(search_ops(g, std::regex("relu", std::regex::icase), 10, total), (std::vector<std::uint32_t>{3}));
  EXPECT_EQ(total, 1u);
  EXPECT_EQ(search_ops(g, std::regex("^Variable|Mean"), 10, total), (std::vector<std::uint32_t>{1, 4}));
  // "o": x (Placeholder), loss, other.
  EXPECT_EQ(search_ops(g, std::regex("o"), 2, total), (std::vector<std::uint32_t>{0, 4})) << "capped at two";
  EXPECT_EQ(total, 3u);
}

TEST(GraphQuery, TracingFollowsDataAndControlInputsUpstreamOnly) {
  const OpGraph g = sample();
  const auto up = upstream_ops(g, {3});  // dense/Relu
  EXPECT_EQ(up, (std::vector<std::uint8_t>{1, 1, 1, 1, 0, 0, 0}));
  const auto from_loss = upstream_ops(g, {4});
  EXPECT_EQ(from_loss, (std::vector<std::uint8_t>{1, 1, 1, 1, 1, 1, 0})) << "other by its control edge";
  const Hierarchy h = build_hierarchy(g);
  const auto items = items_holding(h, up);
  std::uint32_t dense = 0;
  for (std::uint32_t i = 0; i < h.items.size(); ++i)
    if (h.items[i].name == "dense") dense = i;
  EXPECT_TRUE(items[dense]);
  EXPECT_TRUE(items[0]) << "the root holds everything";
  EXPECT_EQ(ops_under(h, dense), (std::vector<std::uint32_t>{2, 3}));
}

TEST(GraphQuery, GroupsTakeTheDeviceMostOfTheirOpsUse) {
  const OpGraph g = sample();
  const Hierarchy h = build_hierarchy(g);
  const DeviceColours c = device_colours(g, h);
  EXPECT_EQ(c.devices, (std::vector<std::string>{"", "/cpu:0", "/gpu:0"}));
  EXPECT_EQ(c.item_device[0], 2u) << "four of the seven ops are on the GPU";
  EXPECT_EQ(c.item_count[0], 4u);
}

TEST(GraphExport, SvgHoldsEveryVisibleItemAndEdgeAndEscapesNames) {
  OpGraph g = sample();
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
