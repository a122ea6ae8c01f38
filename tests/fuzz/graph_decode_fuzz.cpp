// libFuzzer target: arbitrary bytes as each kind of graph payload (GraphDef,
// MetaGraphDef, RunMetadata, Keras JSON; the first byte picks which), then
// the hierarchy and the layout of every group fully expanded. Decoding must
// fail with a reason or give a graph whose inputs point inside it; layouts
// must keep their invariants (no overlapping siblings, edges downward unless
// reversed); every library function must open or fail with a reason.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "graph/hierarchy.h"
#include "graph/layout.h"
#include "graph/op_graph.h"

namespace {

void check_layouts(const el::graph::Hierarchy& h) {
  el::graph::LayoutCache cache(h, {});
  for (std::uint32_t id = 1; id < h.items.size(); ++id)
    if (h.items[id].kind != el::graph::ItemKind::kOp) cache.set_expanded(id, true);
  for (std::uint32_t id = 0; id < h.items.size(); ++id) {
    if (h.items[id].kind == el::graph::ItemKind::kOp) continue;
    const el::graph::GroupLayout& l = cache.layout(id);
    for (std::size_t i = 0; i < l.boxes.size(); ++i)
      for (std::size_t j = i + 1; j < l.boxes.size() && j < i + 64; ++j)
        if (l.boxes[i].overlaps(l.boxes[j])) std::abort();
    for (const el::graph::Route& r : l.routes)
      for (std::size_t k = 0; k + 1 < r.points.size(); ++k)
        if (r.reversed ? r.points[k].y <= r.points[k + 1].y : r.points[k].y >= r.points[k + 1].y)
          std::abort();
  }
  if (cache.scene().items.size() + 1 != h.items.size()) std::abort();
}

void check(const el::graph::OpGraph& g) {
  for (const auto& n : g.nodes)
    for (const auto& in : n.inputs)
      if (in.node >= g.nodes.size()) std::abort();
  if (g.nodes.size() > 3000) return;  // keep each input fast
  const el::graph::Hierarchy h = el::graph::build_hierarchy(g);
  if (h.root().ops != g.nodes.size()) std::abort();
  check_layouts(h);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const auto source = static_cast<el::graph::GraphSource>(data[0] % 4);
  const std::string bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  el::graph::OpGraph g;
  std::string error;
  if (!el::graph::parse_graph(source, bytes, g, error)) {
    if (error.empty()) std::abort();
    return 0;
  }
  check(g);
  for (std::size_t i = 0; i < g.functions.size() && i < 3; ++i) {
    el::graph::OpGraph f;
    if (el::graph::function_graph(g, g.functions[i], f, error))
      check(f);
    else if (error.empty())
      std::abort();
  }
  return 0;
}
