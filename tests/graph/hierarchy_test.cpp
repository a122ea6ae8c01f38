// graph/hierarchy: name scopes, series and auxiliary nodes on graphs worked by hand.
#include "graph/hierarchy.h"

#include <gtest/gtest.h>

#include "graph/graph_builders.h"
#include "graph/layout.h"
#include "graph/layout_invariants.h"

namespace el::graph {
namespace {

TEST(Hierarchy, ScopesBecomeGroupsWithOpCountsAndEdgesFiledAtTheLowestCommonGroup) {
  const OpGraph g = make(
      {{"a/b/c", "X", {}}, {"a/b/d", "X", {"a/b/c"}}, {"a/e", "Y", {"a/b/c:1"}}, {"f", "Z", {"^a/b/d"}}});
  EXPECT_EQ(g.data_edges, 2u);
  EXPECT_EQ(g.control_edges, 1u);
  EXPECT_EQ(g.nodes[2].inputs[0].slot, 1u);
  const Hierarchy h = build_hierarchy(g);
  ASSERT_EQ(h.items.size(), 1u + 2 + 4);  // root, groups a and a/b, four ops
  EXPECT_EQ(h.root().ops, 4u);
  const std::uint32_t a = find(h, "a"), b = find(h, "a/b"), e = find(h, "a/e"), f = find(h, "f");
  EXPECT_EQ(h.items[a].ops, 3u);
  EXPECT_EQ(h.items[b].ops, 2u);
  EXPECT_EQ(h.items[b].label, "b");
  EXPECT_EQ(h.root().children, (std::vector<std::uint32_t>{a, f}));
  // c -> d inside b; c -> e is b -> e inside a; d -> f is a -> f at the root.
  ASSERT_EQ(h.items[b].edges.size(), 1u);
  ASSERT_EQ(h.items[a].edges.size(), 1u);
  EXPECT_EQ(h.items[a].edges[0].from, b);
  EXPECT_EQ(h.items[a].edges[0].to, e);
  ASSERT_EQ(h.root().edges.size(), 1u);
  EXPECT_EQ(h.root().edges[0].from, a);
  EXPECT_EQ(h.root().edges[0].to, f);
  EXPECT_EQ(h.root().edges[0].data, 0u) << "a control edge carries no tensor";
}

TEST(Hierarchy, AnOpNamedLikeAScopeGoesInsideItInParentheses) {
  const Hierarchy h = build_hierarchy(make({{"w", "VariableV2", {}}, {"w/read", "Identity", {"w"}}}));
  const std::uint32_t w = find(h, "w");
  ASSERT_EQ(h.items[w].kind, ItemKind::kGroup);
  ASSERT_EQ(h.items[w].children.size(), 2u);
  EXPECT_EQ(h.items[h.items[w].children[0]].label, "(w)");
  EXPECT_EQ(h.items[h.items[w].children[1]].label, "read");
  EXPECT_EQ(h.items[w].edges.size(), 1u);
}

TEST(Hierarchy, FiveNumberedSiblingsWithTheSameOpFormASeries) {
  std::vector<Spec> specs = {{"in", "Placeholder", {}}};
  for (const char* n : {"conv", "conv_1", "conv_2", "conv_3", "conv_4"})
    specs.push_back({n, "Conv2D", {"in"}});
  specs.push_back({"add_1", "Add", {}});  // a different base: stays
  Hierarchy h = build_hierarchy(make(specs));
  std::uint32_t series = kNone;
  for (std::uint32_t c : h.root().children)
    if (h.items[c].kind == ItemKind::kSeries) series = c;
  ASSERT_NE(series, kNone);
  EXPECT_EQ(h.items[series].label, "conv_[0-4] (5)");
  EXPECT_EQ(h.items[series].children.size(), 5u);
  EXPECT_EQ(h.items[series].ops, 5u);
  EXPECT_EQ(h.root().children.size(), 3u);  // in, add_1, the series
  ASSERT_EQ(h.root().edges.size(), 1u);     // in -> the series, standing for five edges
  EXPECT_EQ(h.root().edges[0].count, 5u);

  // Four are not enough; neither are five whose ops differ.
  specs.erase(specs.begin() + 5);
  h = build_hierarchy(make(specs));
  for (std::uint32_t c : h.root().children) EXPECT_NE(h.items[c].kind, ItemKind::kSeries);
  specs.push_back({"conv_5", "MaxPool", {"in"}});
  h = build_hierarchy(make(specs));
  for (std::uint32_t c : h.root().children) EXPECT_NE(h.items[c].kind, ItemKind::kSeries);
}

TEST(Hierarchy, ConstantsAndNoOpsWithFourNeighboursGoAside) {
  const Hierarchy h = build_hierarchy(make({{"k", "Const", {}},
                                            {"k3", "Const", {}},
                                            {"a", "Add", {"k", "k3"}},
                                            {"b", "Add", {"k", "k3"}},
                                            {"c", "Add", {"k", "k3"}},
                                            {"d", "Add", {"k"}},
                                            {"init", "NoOp", {"^a", "^b", "^c", "^d"}}}));
  EXPECT_TRUE(h.items[find(h, "k")].auxiliary);
  EXPECT_FALSE(h.items[find(h, "k3")].auxiliary) << "three neighbours";
  EXPECT_TRUE(h.items[find(h, "init")].auxiliary);
  EXPECT_FALSE(h.items[find(h, "a")].auxiliary) << "not a constant";
  LayoutCache cache(h, {});
  expect_layout_invariants(cache, 0);
  const GroupLayout& l = cache.layout(0);
  EXPECT_EQ(l.routes.size(), 3u) << "only k3's edges are laid out";
  // The auxiliary column is right of everything else.
  const Rect& k = l.boxes[5];  // children by name: a b c d init k k3
  for (std::uint32_t i = 0; i < h.root().children.size(); ++i)
    if (!h.items[h.root().children[i]].auxiliary) {
      EXPECT_LT(l.boxes[i].x + l.boxes[i].w, k.x);
    }
}

}  // namespace
}  // namespace el::graph
