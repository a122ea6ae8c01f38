// `eventlens bench --graph [NODES]`: how long opening a large op graph takes
// (decode, name-scope hierarchy, top-level layout and scene), expanding a
// group of 500 children, and expanding everything, on the synthetic training
// graph of src/cli/synthetic_graph (default ~20,000 nodes).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/synthetic_graph.h"
#include "graph/hierarchy.h"
#include "graph/layout.h"
#include "graph/op_graph.h"

namespace el::cli {
namespace {

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// Layers of the synthetic graph that make at least `nodes` nodes (23 per layer + 25).
int layers_for(int nodes) { return std::max(1, (nodes - 25 + 22) / 23); }

}  // namespace

int cmd_bench_graph(const std::vector<std::string>& args) {
  const int target = args.empty() ? 20000 : std::atoi(args[0].c_str());
  if (target < 100) {
    std::fprintf(stderr, "usage: eventlens bench --graph [NODES >= 100]\n");
    return 2;
  }
  using clock = std::chrono::steady_clock;
  const std::string bytes = synthetic_graph_def(layers_for(target));

  // Opening: best of 5 (the first run also pays for the allocator warming up).
  double parse_ms = 1e9, hierarchy_ms = 1e9, layout_ms = 1e9;
  graph::OpGraph g;
  graph::Hierarchy h;
  std::size_t top_items = 0;
  for (int rep = 0; rep < 5; ++rep) {
    std::string error;
    auto t0 = clock::now();
    if (!graph::parse_graph(graph::GraphSource::kGraphDef, bytes, g, error)) {
      std::fprintf(stderr, "eventlens: %s\n", error.c_str());
      return 1;
    }
    parse_ms = std::min(parse_ms, ms_since(t0));
    t0 = clock::now();
    h = graph::build_hierarchy(g);
    hierarchy_ms = std::min(hierarchy_ms, ms_since(t0));
    t0 = clock::now();
    graph::LayoutCache cache(h, {});
    top_items = cache.scene().items.size();
    layout_ms = std::min(layout_ms, ms_since(t0));
  }

  // Expanding the group (or series) with the most children, best of 5.
  std::uint32_t widest = 0;
  for (std::uint32_t i = 1; i < h.items.size(); ++i)
    if (h.items[i].children.size() > h.items[widest].children.size()) widest = i;
  double expand_ms = 1e9;
  for (int rep = 0; rep < 5; ++rep) {
    graph::LayoutCache cache(h, {});
    cache.reveal(widest);
    cache.scene();
    const auto t0 = clock::now();
    cache.set_expanded(widest, true);
    cache.scene();
    expand_ms = std::min(expand_ms, ms_since(t0));
  }

  // Everything expanded: the worst case for one click of "expand all".
  graph::LayoutCache all(h, {});
  auto t0 = clock::now();
  for (std::uint32_t i = 1; i < h.items.size(); ++i)
    if (h.items[i].kind != graph::ItemKind::kOp) all.set_expanded(i, true);
  const std::size_t all_items = all.scene().items.size();
  const double all_ms = ms_since(t0);

  // A harder group: 500 ops in one scope, each reading two earlier ones at
  // random distances (long edges, many crossings), as in a flat traced graph.
  graph::OpGraph flat;
  std::vector<std::vector<std::string>> flat_inputs;
  std::uint64_t lcg = 12345;
  auto next = [&](std::uint64_t n) {
    lcg = lcg * 6364136223846793005ull + 1442695040888963407ull;
    return (lcg >> 33) % n;
  };
  for (int i = 0; i < 500; ++i) {
    flat.nodes.emplace_back();
    flat.nodes.back().name = "flat/op_" + std::to_string(i) + "x";  // no numbered series
    flat.nodes.back().op = i % 3 ? "Add" : "MatMul";
    auto& ins = flat_inputs.emplace_back();
    for (int k = 0; k < 2 && i > 0; ++k)
      ins.push_back("flat/op_" + std::to_string(i - 1 - static_cast<int>(next(std::min(i, 60)))) + "x");
  }
  graph::link_inputs(flat, flat_inputs);
  const graph::Hierarchy fh = graph::build_hierarchy(flat);
  double flat_ms = 1e9;
  std::size_t flat_layers = 0;
  for (int rep = 0; rep < 5; ++rep) {
    graph::LayoutCache cache(fh, {});
    cache.scene();
    const auto t1 = clock::now();
    cache.set_expanded(1, true);  // "flat"
    cache.scene();
    flat_ms = std::min(flat_ms, ms_since(t1));
    flat_layers = cache.layout(1).layers;
  }

  std::printf(
      "{\"nodes\": %zu, \"edges\": %zu, \"items\": %zu, \"top_level_items\": %zu,\n"
      " \"parse_ms\": %.2f, \"hierarchy_ms\": %.2f, \"top_layout_ms\": %.2f, \"open_ms\": %.2f,\n"
      " \"widest_group\": \"%s\", \"widest_children\": %zu, \"expand_widest_ms\": %.2f,\n"
      " \"expand_all_items\": %zu, \"expand_all_ms\": %.2f,\n"
      " \"flat_children\": %zu, \"flat_edges\": %zu, \"flat_layers\": %zu, \"expand_flat_ms\": %.2f}\n",
      g.nodes.size(), g.data_edges + g.control_edges, h.items.size(), top_items, parse_ms, hierarchy_ms,
      layout_ms, parse_ms + hierarchy_ms + layout_ms, h.items[widest].name.c_str(),
      h.items[widest].children.size(), expand_ms, all_items, all_ms, fh.items[1].children.size(),
      flat.data_edges, flat_layers, flat_ms);
  return 0;
}

}  // namespace el::cli
