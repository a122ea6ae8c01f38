// Small graphs for the graph tests, built from (name, op, inputs) so each
// test's answer can be worked out by hand.
#pragma once
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "graph/hierarchy.h"
#include "graph/op_graph.h"

namespace el::graph {

struct Spec {
  std::string name, op;
  std::vector<std::string> inputs;
};

inline OpGraph make(const std::vector<Spec>& specs) {
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

inline std::uint32_t find(const Hierarchy& h, const std::string& name) {
  for (std::uint32_t i = 0; i < h.items.size(); ++i)
    if (h.items[i].name == name) return i;
  ADD_FAILURE() << "no item " << name;
  return 0;
}

// x -> dense/MatMul -> dense/Relu -> loss ; w -> dense/MatMul ; other -> unrelated
inline OpGraph sample_query_graph() {
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

}  // namespace el::graph
