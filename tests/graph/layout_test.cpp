// The graph model on small hand-made graphs whose answers are worked out by
// hand: scopes, name collisions, series, auxiliary nodes, Keras JSON,
// function libraries, tensor sizes, and the layered layout.
#include "graph/layout.h"

#include <gtest/gtest.h>

#include "graph/hierarchy.h"
#include "graph/json_value.h"
#include "graph/layout_invariants.h"
#include "graph/op_graph.h"
#include "proto/graph.pb.h"

namespace el::graph {
namespace {

struct Spec {
  std::string name, op;
  std::vector<std::string> inputs;
};

OpGraph make(const std::vector<Spec>& specs) {
  OpGraph g;
  std::vector<std::vector<std::string>> inputs;
  for (const Spec& s : specs) {
    g.nodes.push_back({});
    g.nodes.back().name = s.name;
    g.nodes.back().op = s.op;
    inputs.push_back(s.inputs);
  }
  link_inputs(g, inputs);
  return g;
}

std::uint32_t find(const Hierarchy& h, const std::string& name) {
  for (std::uint32_t i = 0; i < h.items.size(); ++i)
    if (h.items[i].name == name) return i;
  ADD_FAILURE() << "no item " << name;
  return 0;
}

TEST(GraphModel, ScopesBecomeGroupsWithOpCountsAndEdgesFiledAtTheLowestCommonGroup) {
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

TEST(GraphModel, AnOpNamedLikeAScopeGoesInsideItInParentheses) {
  const Hierarchy h = build_hierarchy(make({{"w", "VariableV2", {}}, {"w/read", "Identity", {"w"}}}));
  const std::uint32_t w = find(h, "w");
  ASSERT_EQ(h.items[w].kind, ItemKind::kGroup);
  ASSERT_EQ(h.items[w].children.size(), 2u);
  EXPECT_EQ(h.items[h.items[w].children[0]].label, "(w)");
  EXPECT_EQ(h.items[h.items[w].children[1]].label, "read");
  EXPECT_EQ(h.items[w].edges.size(), 1u);
}

TEST(GraphModel, FiveNumberedSiblingsWithTheSameOpFormASeries) {
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

TEST(GraphModel, ConstantsAndNoOpsWithFourNeighboursGoAside) {
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

TEST(GraphModel, OutputShapesGiveEdgesTheirTensorSize) {
  OpGraph g = make({{"x", "Placeholder", {}}, {"y", "Relu", {"x"}}, {"z", "Relu", {"x:1"}}});
  g.nodes[0].output_shapes = {Shape{{2, 3, 4}, false}, Shape{{-1, 3}, false}};
  const Hierarchy h = build_hierarchy(g);
  ASSERT_EQ(h.edges.size(), 2u);
  EXPECT_EQ(h.edges[0].elements, 24);
  EXPECT_EQ(h.edges[1].elements, -1) << "an unknown size";
  EXPECT_EQ(g.nodes[0].output_shapes[1].text(), "[?, 3]");
  EXPECT_EQ(Shape{}.text(), "[]");
}

TEST(GraphModel, DanglingInputsAreCountedNotLinked) {
  const OpGraph g = make({{"a", "X", {"missing", "^gone"}}, {"b", "X", {"a"}}});
  EXPECT_EQ(g.dangling_inputs, 2u);
  EXPECT_EQ(g.nodes[0].missing_inputs, (std::vector<std::string>{"missing", "^gone"}));
  EXPECT_EQ(g.nodes[0].outputs, (std::vector<std::uint32_t>{1}));
}

TEST(GraphModel, KerasFunctionalModelWithANestedSequential) {
  const std::string json = R"({"class_name": "Functional", "config": {"name": "m", "layers": [
    {"class_name": "InputLayer", "name": "in", "config": {"name": "in", "batch_input_shape": [null, 8]}, "inbound_nodes": []},
    {"class_name": "Sequential", "name": "block", "config": {"name": "block", "layers": [
       {"class_name": "Dense", "config": {"name": "d1", "units": 4}},
       {"class_name": "Dense", "config": {"name": "d2", "units": 4, "kernel_initializer": {"class_name": "Zeros", "config": {}}}}]},
     "inbound_nodes": [[["in", 0, 0, {}]]]},
    {"class_name": "Add", "name": "sum", "config": {"name": "sum"}, "inbound_nodes": [[["block", 0, 0, {}], ["in", 0, 0, {}]]]}]}})";
  OpGraph g;
  std::string error;
  ASSERT_TRUE(parse_graph(GraphSource::kKerasJson, json, g, error)) << error;
  ASSERT_EQ(g.nodes.size(), 4u);  // in, block/d1, block/d2, sum
  EXPECT_EQ(g.nodes[1].name, "block/d1");
  EXPECT_EQ(g.nodes[2].op, "Dense");
  // in -> block/d1, block/d1 -> block/d2, block/d2 -> sum, in -> sum.
  EXPECT_EQ(g.data_edges, 4u);
  EXPECT_EQ(g.dangling_inputs, 0u);
  ASSERT_EQ(g.nodes[0].output_shapes.size(), 1u);
  EXPECT_EQ(g.nodes[0].output_shapes[0].text(), "[?, 8]");
  bool saw_initializer = false;
  for (const Attr& a : g.nodes[2].attrs)
    saw_initializer |= a.key == "kernel_initializer" && a.value == "Zeros";
  EXPECT_TRUE(saw_initializer);
  const Hierarchy h = build_hierarchy(g);
  EXPECT_EQ(h.items[find(h, "block")].kind, ItemKind::kGroup) << "a nested model is a group";

  EXPECT_FALSE(parse_graph(GraphSource::kKerasJson, "{\"config\": [1, 2", g, error));
  EXPECT_NE(error.find("offset"), std::string::npos) << error;
}

TEST(GraphModel, JsonStringsNumbersAndEscapes) {
  JsonValue v;
  std::string error;
  ASSERT_TRUE(parse_json(R"({"a": "x\u00e9\n", "b": [1.5e2, -3, NaN, true, null]})", v, error)) << error;
  EXPECT_EQ(v.str("a"), "x\xC3\xA9\n");
  ASSERT_EQ(v.get("b")->items.size(), 5u);
  EXPECT_EQ(v.get("b")->items[0].number, 150);
  EXPECT_EQ(json_summary(*v.get("b")), "[1.5e2, -3, NaN, true, null]");
  EXPECT_FALSE(parse_json("[1,]", v, error));
  EXPECT_FALSE(parse_json(std::string(300, '['), v, error));
  EXPECT_NE(error.find("deeply"), std::string::npos);
}

TEST(GraphModel, AFunctionOfTheLibraryOpensAsItsOwnGraph) {
  pb::GraphDef gd;
  auto* call = gd.add_node();
  call->set_name("call");
  call->set_op("square");
  pb::FunctionDefLibrary lib;
  auto* f = lib.add_function();
  f->mutable_signature()->set_name("square");
  f->mutable_signature()->add_input_arg()->set_name("x");
  f->mutable_signature()->add_output_arg()->set_name("y");
  auto* mul = f->add_node_def();
  mul->set_name("mul");
  mul->set_op("Mul");
  mul->add_input("x");
  mul->add_input("x");
  auto* ret = f->add_ret();
  ret->set_key("y");
  ret->set_value("mul:z:0");
  lib.add_function()->mutable_signature()->set_name("another");
  gd.set_library(lib.SerializeAsString());
  OpGraph g, fg;
  std::string error;
  ASSERT_TRUE(parse_graph(GraphSource::kGraphDef, gd.SerializeAsString(), g, error)) << error;
  EXPECT_EQ(g.functions, (std::vector<std::string>{"another", "square"}));
  ASSERT_TRUE(function_graph(g, "square", fg, error)) << error;
  ASSERT_EQ(fg.nodes.size(), 3u);
  EXPECT_EQ(fg.nodes[0].op, "_Arg");
  EXPECT_EQ(fg.nodes[2].op, "_Retval");
  EXPECT_EQ(fg.data_edges, 3u);  // x -> mul twice, mul -> y
  EXPECT_FALSE(function_graph(g, "nope", fg, error));
  EXPECT_FALSE(parse_graph(GraphSource::kGraphDef, "\xff\xff\xff", g, error));
}

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
