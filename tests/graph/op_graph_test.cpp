// graph/op_graph: GraphDefs, Keras JSON and library functions decoded into op graphs.
#include "graph/op_graph.h"

#include <gtest/gtest.h>

#include <limits>

#include "graph/graph_builders.h"
#include "proto/graph.pb.h"
#include "store/json_value.h"

namespace el::graph {
namespace {

TEST(OpGraph, OutputShapesGiveEdgesTheirTensorSize) {
  OpGraph g = make({{"x", "Placeholder", {}}, {"y", "Relu", {"x"}}, {"z", "Relu", {"x:1"}}});
  g.nodes[0].output_shapes = {Shape{{2, 3, 4}, false}, Shape{{-1, 3}, false}};
  const Hierarchy h = build_hierarchy(g);
  ASSERT_EQ(h.edges.size(), 2u);
  EXPECT_EQ(h.edges[0].elements, 24);
  EXPECT_EQ(h.edges[1].elements, -1) << "an unknown size";
  EXPECT_EQ(g.nodes[0].output_shapes[1].text(), "[?, 3]");
  EXPECT_EQ(Shape{}.text(), "[]");
}

TEST(OpGraph, AShapeTooLargeToCountSaturatesInsteadOfOverflowing) {
  // 2^62 * 4 = 2^64 does not fit int64; the count saturates and still reads as "huge".
  const std::int64_t big = std::int64_t{1} << 62;
  EXPECT_EQ((Shape{{big, 4}, false}.elements()), std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ((Shape{{big, 2}, false}.elements()), std::numeric_limits<std::int64_t>::max())
      << "2^63 is one more than int64 holds";
  EXPECT_EQ((Shape{{std::int64_t{1} << 31, std::int64_t{1} << 31}, false}.elements()), big)
      << "2^62 still fits";
  EXPECT_EQ((Shape{{big, 0, 4}, false}.elements()), 0) << "a zero dimension: no elements";
  EXPECT_EQ((Shape{{big, 4, 0}, false}.elements()), 0) << "even after a product that overflows";
  EXPECT_EQ((Shape{{big, -1}, false}.elements()), -1) << "an unknown size wins over a huge one";
  EXPECT_EQ((Shape{{}, true}.elements()), -1) << "unknown rank";
}

TEST(OpGraph, KerasShapesBeyondInt64AreUnknownAndTheirProductSaturates) {
  // A hand-edited model: sizes int64 cannot hold, a negative one, and sizes whose product overflows.
  const std::string json = R"({"class_name": "Sequential", "config": {"name": "m", "layers": [
    {"class_name": "InputLayer", "config": {"name": "a", "batch_input_shape": [1e30, -3, 2.5]}},
    {"class_name": "InputLayer", "config": {"name": "b", "batch_input_shape": [4611686018427387904, 4]}}]}})";
  OpGraph g;
  std::string error;
  ASSERT_TRUE(parse_graph(GraphSource::kKerasJson, json, g, error)) << error;
  ASSERT_EQ(g.nodes.size(), 2u);
  ASSERT_EQ(g.nodes[0].output_shapes.size(), 1u);
  EXPECT_EQ(g.nodes[0].output_shapes[0].text(), "[?, ?, 2]");
  EXPECT_EQ(g.nodes[0].output_shapes[0].elements(), -1);
  ASSERT_EQ(g.nodes[1].output_shapes.size(), 1u);
  EXPECT_EQ(g.nodes[1].output_shapes[0].elements(), std::numeric_limits<std::int64_t>::max()) << "2^62 * 4";
}

TEST(OpGraph, DanglingInputsAreCountedNotLinked) {
  const OpGraph g = make({{"a", "X", {"missing", "^gone"}}, {"b", "X", {"a"}}});
  EXPECT_EQ(g.dangling_inputs, 2u);
  EXPECT_EQ(g.nodes[0].missing_inputs, (std::vector<std::string>{"missing", "^gone"}));
  EXPECT_EQ(g.nodes[0].outputs, (std::vector<std::uint32_t>{1}));
}

TEST(OpGraph, KerasFunctionalModelWithANestedSequential) {
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

TEST(OpGraph, AFunctionOfTheLibraryOpensAsItsOwnGraph) {
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

}  // namespace
}  // namespace el::graph
