#include "graph/graph_query.h"

#include <algorithm>
#include <map>

namespace el::graph {

std::vector<std::uint32_t> search_ops(const OpGraph& g, const std::regex& re, std::size_t limit,
                                      std::size_t& total) {
  std::vector<std::uint32_t> out;
  total = 0;
  for (std::uint32_t i = 0; i < g.nodes.size(); ++i) {
    const OpNode& n = g.nodes[i];
    if (!std::regex_search(n.name, re) && !std::regex_search(n.op, re)) continue;
    ++total;
    if (out.size() < limit) out.push_back(i);
  }
  return out;
}

std::vector<std::uint32_t> ops_under(const Hierarchy& h, std::uint32_t id) {
  std::vector<std::uint32_t> out, stack{id};
  while (!stack.empty()) {
    const Item& it = h.items[stack.back()];
    stack.pop_back();
    if (it.kind == ItemKind::kOp) out.push_back(it.op);
    for (auto c = it.children.rbegin(); c != it.children.rend(); ++c) stack.push_back(*c);
  }
  return out;
}

std::vector<std::uint8_t> upstream_ops(const OpGraph& g, const std::vector<std::uint32_t>& seeds) {
  std::vector<std::uint8_t> seen(g.nodes.size(), 0);
  std::vector<std::uint32_t> stack;
  for (std::uint32_t op : seeds)
    if (op < g.nodes.size() && !seen[op]) {
      seen[op] = 1;
      stack.push_back(op);
    }
  while (!stack.empty()) {
    const std::uint32_t v = stack.back();
    stack.pop_back();
    for (const OpInput& in : g.nodes[v].inputs)
      if (!seen[in.node]) {
        seen[in.node] = 1;
        stack.push_back(in.node);
      }
  }
  return seen;
}

std::vector<std::uint8_t> items_holding(const Hierarchy& h, const std::vector<std::uint8_t>& op_flags) {
  std::vector<std::uint8_t> out(h.items.size(), 0);
  for (std::uint32_t op = 0; op < op_flags.size() && op < h.item_of_op.size(); ++op) {
    if (!op_flags[op]) continue;
    for (std::uint32_t p = h.item_of_op[op]; p != kNone && !out[p]; p = h.items[p].parent) out[p] = 1;
  }
  return out;
}

DeviceColours device_colours(const OpGraph& g, const Hierarchy& h) {
  DeviceColours c;
  std::map<std::string, std::uint32_t> index;
  for (const OpNode& n : g.nodes) index.emplace(n.device, 0);
  for (auto& [name, i] : index) {
    i = static_cast<std::uint32_t>(c.devices.size());
    c.devices.push_back(name);
  }
  const std::size_t nd = c.devices.size();
  // Counts per (item, device), summed up the tree: items are few times ops, devices few.
  std::vector<std::uint32_t> counts(h.items.size() * nd, 0);
  for (std::uint32_t op = 0; op < g.nodes.size(); ++op) {
    const std::uint32_t d = index[g.nodes[op].device];
    for (std::uint32_t p = h.item_of_op[op]; p != kNone; p = h.items[p].parent) ++counts[p * nd + d];
  }
  c.item_device.assign(h.items.size(), 0);
  c.item_count.assign(h.items.size(), 0);
  for (std::size_t i = 0; i < h.items.size(); ++i) {
    const auto* row = counts.data() + i * nd;
    const auto best = std::max_element(row, row + nd) - row;
    c.item_device[i] = static_cast<std::uint32_t>(best);
    c.item_count[i] = nd ? row[best] : 0;
  }
  return c;
}

}  // namespace el::graph
