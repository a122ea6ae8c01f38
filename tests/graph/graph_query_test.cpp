// Search, input tracing and device colouring on a small graph
// whose answers are worked out by hand.
#include "graph/graph_query.h"

#include <gtest/gtest.h>

#include "graph/graph_builders.h"

namespace el::graph {
namespace {

TEST(GraphQuery, SearchMatchesNamesAndOpTypes) {
  const OpGraph g = sample_query_graph();
  std::size_t total = 0;
  EXPECT_EQ(search_ops(g, std::regex("relu", std::regex::icase), 10, total), (std::vector<std::uint32_t>{3}));
  EXPECT_EQ(total, 1u);
  EXPECT_EQ(search_ops(g, std::regex("^Variable|Mean"), 10, total), (std::vector<std::uint32_t>{1, 4}));
  // "o": x (Placeholder), loss, other.
  EXPECT_EQ(search_ops(g, std::regex("o"), 2, total), (std::vector<std::uint32_t>{0, 4})) << "capped at two";
  EXPECT_EQ(total, 3u);
}

TEST(GraphQuery, TracingFollowsDataAndControlInputsUpstreamOnly) {
  const OpGraph g = sample_query_graph();
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
  const OpGraph g = sample_query_graph();
  const Hierarchy h = build_hierarchy(g);
  const DeviceColours c = device_colours(g, h);
  EXPECT_EQ(c.devices, (std::vector<std::string>{"", "/cpu:0", "/gpu:0"}));
  EXPECT_EQ(c.item_device[0], 2u) << "four of the seven ops are on the GPU";
  EXPECT_EQ(c.item_count[0], 4u);
}

}  // namespace
}  // namespace el::graph
