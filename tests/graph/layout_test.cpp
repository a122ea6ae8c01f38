// graph/layout: the layered layout of small hand-made graphs whose answers
// are worked out by hand.
#include "graph/layout.h"

#include <gtest/gtest.h>

#include "graph/graph_builders.h"
#include "graph/hierarchy.h"
#include "graph/layout_invariants.h"

namespace el::graph {
namespace {

TEST(GraphLayout, AChainRunsDownOneLayerPerNode) {
  const Hierarchy h = build_hierarchy(make({{"a", "X", {}}, {"b", "X", {"a"}}, {"c", "X", {"b"}}}));
  LayoutCache cache(h, {});
  const GroupLayout& l = cache.layout(0);
  EXPECT_EQ(l.layers, 3u);
  EXPECT_LT(l.boxes[0].y, l.boxes[1].y);
  EXPECT_LT(l.boxes[1].y, l.boxes[2].y);
  // Aligned: a straight vertical line.
  EXPECT_FLOAT_EQ(l.boxes[0].x + l.boxes[0].w / 2, l.boxes[2].x + l.boxes[2].w / 2);
  expect_layout_invariants(cache, 0);
}

TEST(GraphLayout, ALongEdgeBendsThroughOnePointPerLayerItCrosses) {
  const Hierarchy h =
      build_hierarchy(make({{"a", "X", {}}, {"b", "X", {"a"}}, {"c", "X", {"b"}}, {"d", "X", {"c", "a"}}}));
  LayoutCache cache(h, {});
  const GroupLayout& l = cache.layout(0);
  EXPECT_EQ(l.layers, 4u);
  std::size_t longest = 0;
  for (const Route& r : l.routes) longest = std::max(longest, r.points.size());
  EXPECT_EQ(longest, 4u) << "a -> d: two ends and dummies in the layers of b and c";
  expect_layout_invariants(cache, 0);
}

TEST(GraphLayout, ACycleHasExactlyOneReversedEdge) {
  const Hierarchy h = build_hierarchy(make({{"enter", "Enter", {}},
                                            {"merge", "Merge", {"enter", "next"}},
                                            {"add", "Add", {"merge"}},
                                            {"next", "NextIteration", {"add"}}}));
  LayoutCache cache(h, {});
  const GroupLayout& l = cache.layout(0);
  int reversed = 0;
  for (const Route& r : l.routes) reversed += r.reversed;
  EXPECT_EQ(reversed, 1);
  EXPECT_EQ(l.layers, 4u);
  expect_layout_invariants(cache, 0);
}

TEST(GraphLayout, ExpandingAGroupRedoesOnlyItsAncestorsAndGrowsIt) {
  const Hierarchy h = build_hierarchy(make({{"in", "X", {}},
                                            {"g/a", "X", {"in"}},
                                            {"g/b", "X", {"g/a"}},
                                            {"g/c", "X", {"g/b"}},
                                            {"h/x", "X", {"g/c"}}}));
  LayoutCache cache(h, {});
  const std::uint32_t g = find(h, "g"), hh = find(h, "h");
  const Point collapsed = cache.size_of(g);
  cache.layout(0);
  const auto before = cache.layouts_computed();
  cache.set_expanded(g, true);
  const Point open = cache.size_of(g);
  EXPECT_GT(open.y, collapsed.y * 2);
  cache.layout(0);
  EXPECT_EQ(cache.layouts_computed(), before + 2) << "g's own layout and the root's, not h's";
  const Scene& s = cache.scene();
  EXPECT_EQ(s.items.size(), 6u);  // in, g, h, and g's three ops
  EXPECT_EQ(s.visible_of(h, find(h, "h/x")), hh) << "inside a collapsed group";
  EXPECT_EQ(s.visible_of(h, find(h, "g/b")), find(h, "g/b"));
  // g's children are drawn inside g's box.
  const Rect gr = s.items[s.index.at(g)].rect;
  const Rect br = s.items[s.index.at(find(h, "g/b"))].rect;
  EXPECT_TRUE(gr.contains({br.x, br.y}) && gr.contains({br.x + br.w, br.y + br.h}));
  expect_layout_invariants(cache, 0);
  expect_layout_invariants(cache, g);
  cache.set_expanded(g, false);
  EXPECT_EQ(cache.scene().items.size(), 3u);
  cache.reveal(find(h, "g/c"));
  EXPECT_TRUE(cache.expanded(g));
}

}  // namespace
}  // namespace el::graph
