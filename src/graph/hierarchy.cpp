#include "graph/hierarchy.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

// [SECTION] index
//   tree from names
//   structure hashes and series
//   edges and auxiliary nodes

namespace el::graph {

std::vector<std::uint32_t> Hierarchy::ancestors(std::uint32_t id) const {
  std::vector<std::uint32_t> out;
  for (std::uint32_t p = items[id].parent; p != kNone; p = items[p].parent) out.push_back(p);
  std::reverse(out.begin(), out.end());
  return out;
}

namespace {

std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
  h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
  return h;
}

std::uint64_t hash_text(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;  // FNV-1a
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

// "foo_12" -> ("foo", 12); "foo" -> ("foo", -1).
std::pair<std::string_view, long> split_number(std::string_view label) {
  std::size_t i = label.size();
  while (i > 0 && std::isdigit(static_cast<unsigned char>(label[i - 1]))) --i;
  if (i == label.size() || i < 2 || label[i - 1] != '_' || label.size() - i > 9) return {label, -1};
  return {label.substr(0, i - 1), std::stol(std::string(label.substr(i)))};
}

class Builder {
 public:
  Builder(const OpGraph& g, const HierarchyOptions& o, Hierarchy& h) : g_(g), o_(o), h_(h) {}

  void run() {
    tree();
    structure(0);
    series(0);
    finish(0, 0);
    edges();
    auxiliary();
  }

 private:
  // [SECTION] tree from names
  std::uint32_t add(ItemKind kind, std::string name, std::string label, std::uint32_t parent) {
    const auto id = static_cast<std::uint32_t>(h_.items.size());
    Item& it = h_.items.emplace_back();
    it.kind = kind;
    it.name = std::move(name);
    it.label = std::move(label);
    it.parent = parent;
    if (parent != kNone) h_.items[parent].children.push_back(id);
    return id;
  }

  std::uint32_t group(std::string_view path) {
    if (path.empty()) return 0;
    auto it = groups_.find(std::string(path));
    if (it != groups_.end()) return it->second;
    const std::size_t slash = path.rfind('/');
    const std::uint32_t parent = slash == std::string_view::npos ? 0 : group(path.substr(0, slash));
    const std::string label(slash == std::string_view::npos ? path : path.substr(slash + 1));
    const std::uint32_t id = add(ItemKind::kGroup, std::string(path), label, parent);
    groups_.emplace(h_.items[id].name, id);
    return id;
  }

  void tree() {
    h_.items.reserve(g_.nodes.size() * 5 / 4 + 1);
    add(ItemKind::kGroup, "", "", kNone);
    // Every proper prefix of a name is a scope. An op named like a scope
    // ("w" beside "w/read") goes inside it as "(w)", as TensorBoard does.
    std::unordered_set<std::string_view> scopes;
    for (const OpNode& n : g_.nodes) {
      std::string_view name = n.name;
      for (std::size_t p = name.find('/'); p != std::string_view::npos; p = name.find('/', p + 1))
        scopes.insert(name.substr(0, p));
    }
    h_.item_of_op.assign(g_.nodes.size(), kNone);
    for (std::uint32_t i = 0; i < g_.nodes.size(); ++i) {
      const std::string& name = g_.nodes[i].name;
      std::uint32_t parent;
      std::string label;
      if (scopes.count(name)) {
        parent = group(name);
        const std::size_t slash = name.rfind('/');
        label.assign(1, '(');
        label += std::string_view(name).substr(slash == std::string::npos ? 0 : slash + 1);
        label += ')';
      } else {
        const std::size_t slash = name.rfind('/');
        parent = slash == std::string::npos ? 0 : group(std::string_view(name).substr(0, slash));
        label = slash == std::string::npos ? name : name.substr(slash + 1);
      }
      const std::uint32_t id = add(ItemKind::kOp, name, std::move(label), parent);
      h_.items[id].op = i;
      h_.item_of_op[i] = id;
    }
  }

  // [SECTION] structure hashes and series
  std::uint64_t structure(std::uint32_t id) {
    Item& it = h_.items[id];
    if (it.kind == ItemKind::kOp) return it.structure = hash_text(g_.nodes[it.op].op);
    std::vector<std::uint64_t> parts;
    parts.reserve(it.children.size());
    for (std::uint32_t c : h_.items[id].children) parts.push_back(structure(c));
    std::sort(parts.begin(), parts.end());
    std::uint64_t s = 0x51ed27;
    for (std::uint64_t p : parts) s = mix(s, p);
    return h_.items[id].structure = s;
  }

  void series(std::uint32_t id) {
    for (std::size_t k = 0; k < h_.items[id].children.size(); ++k) {
      const std::uint32_t c = h_.items[id].children[k];
      if (h_.items[c].kind != ItemKind::kOp) series(c);
    }
    // Siblings by (base name, kind, structure): those numbered foo_N, and foo itself.
    struct Key {
      std::string base;
      ItemKind kind;
      std::uint64_t structure;
      bool operator<(const Key& o) const {
        return std::tie(base, kind, structure) < std::tie(o.base, o.kind, o.structure);
      }
    };
    std::map<Key, std::vector<std::pair<long, std::uint32_t>>> runs;
    for (std::uint32_t c : h_.items[id].children) {
      const Item& ci = h_.items[c];
      auto [base, number] = split_number(ci.label);
      runs[{std::string(base), ci.kind, ci.structure}].push_back({number < 0 ? 0 : number, c});
    }
    std::vector<std::uint32_t> kept;
    std::vector<std::uint32_t> made;
    std::unordered_set<std::uint32_t> moved;
    for (auto& [key, members] : runs) {
      std::size_t numbered = 0;
      for (auto& m : members) numbered += split_number(h_.items[m.second].label).second >= 0;
      if (members.size() < o_.series_min || numbered + 1 < members.size()) continue;
      std::sort(members.begin(), members.end());
      const std::string prefix = id == 0 ? std::string() : h_.items[id].name + "/";
      const std::string range = key.base + "_[" + std::to_string(members.front().first) + "-" +
                                std::to_string(members.back().first) + "]";
      const auto sid = static_cast<std::uint32_t>(h_.items.size());
      Item& s = h_.items.emplace_back();
      s.kind = ItemKind::kSeries;
      s.name = prefix + range;
      s.label = range + " (" + std::to_string(members.size()) + ")";
      s.parent = id;
      s.structure = mix(key.structure, 0x5e71e5);
      for (auto& m : members) {
        h_.items[m.second].parent = sid;
        h_.items[sid].children.push_back(m.second);
        moved.insert(m.second);
      }
      made.push_back(sid);
    }
    if (made.empty()) return;
    for (std::uint32_t c : h_.items[id].children)
      if (!moved.count(c)) kept.push_back(c);
    kept.insert(kept.end(), made.begin(), made.end());
    h_.items[id].children = std::move(kept);
  }

  // Depth, op counts and name order of children.
  std::uint32_t finish(std::uint32_t id, std::uint32_t depth) {
    Item& it = h_.items[id];
    it.depth = depth;
    if (it.kind == ItemKind::kOp) return it.ops = 1;
    std::uint32_t n = 0;
    std::vector<std::uint32_t> children = it.children;
    if (it.kind == ItemKind::kGroup)
      std::sort(children.begin(), children.end(),
                [&](std::uint32_t a, std::uint32_t b) { return h_.items[a].name < h_.items[b].name; });
    for (std::uint32_t c : children) n += finish(c, depth + 1);
    h_.items[id].children = std::move(children);
    return h_.items[id].ops = n;
  }

  // [SECTION] edges and auxiliary nodes
  void edges() {
    std::unordered_map<std::uint64_t, std::uint32_t>
        child_edge;  // (from child, to child) -> index in its group
    for (std::uint32_t to = 0; to < g_.nodes.size(); ++to) {
      for (const OpInput& in : g_.nodes[to].inputs) {
        OpEdge e{in.node, to, in.slot, in.control, -1};
        const OpNode& src = g_.nodes[in.node];
        if (!in.control && in.slot < src.output_shapes.size())
          e.elements = src.output_shapes[in.slot].elements();
        const auto index = static_cast<std::uint32_t>(h_.edges.size());
        h_.edges.push_back(e);
        std::uint32_t a = h_.item_of_op[e.from], b = h_.item_of_op[e.to];
        if (a == b) continue;  // a node reading itself
        while (h_.items[a].depth > h_.items[b].depth) a = h_.items[a].parent;
        while (h_.items[b].depth > h_.items[a].depth) b = h_.items[b].parent;
        while (h_.items[a].parent != h_.items[b].parent) {
          a = h_.items[a].parent;
          b = h_.items[b].parent;
        }
        if (a == b) continue;
        Item& lca = h_.items[h_.items[a].parent];
        const std::uint64_t key = (static_cast<std::uint64_t>(a) << 32) | b;
        auto [it, fresh] = child_edge.try_emplace(key, static_cast<std::uint32_t>(lca.edges.size()));
        if (fresh) lca.edges.push_back({a, b, 0, 0, -1, index});
        ChildEdge& ce = lca.edges[it->second];
        ++ce.count;
        if (!e.control) ++ce.data;
        ce.max_elements = std::max(ce.max_elements, e.elements);
      }
    }
  }

  void auxiliary() {
    std::unordered_map<std::uint32_t, std::unordered_set<std::uint32_t>> neighbours;
    for (Item& group : h_.items) {
      if (group.kind == ItemKind::kOp || group.edges.empty()) continue;
      neighbours.clear();
      for (const ChildEdge& e : group.edges) {
        neighbours[e.from].insert(e.to);
        neighbours[e.to].insert(e.from);
      }
      for (std::uint32_t c : group.children) {
        Item& ci = h_.items[c];
        // An op, or a series of ops (zeros, zeros_1 ... feeding every layer).
        std::uint32_t op_item = c;
        if (ci.kind == ItemKind::kSeries && !ci.children.empty()) op_item = ci.children[0];
        if (h_.items[op_item].kind != ItemKind::kOp) continue;
        const std::string& op = g_.nodes[h_.items[op_item].op].op;
        const bool candidate = op == "Const" || op == "NoOp" || op == "prim::Constant" || op == "HostConst";
        auto it = neighbours.find(c);
        if (candidate && it != neighbours.end() && it->second.size() >= o_.auxiliary_degree)
          ci.auxiliary = true;
      }
    }
  }

  const OpGraph& g_;
  const HierarchyOptions& o_;
  Hierarchy& h_;
  std::unordered_map<std::string, std::uint32_t> groups_;  // scope path -> item
};

}  // namespace

Hierarchy build_hierarchy(const OpGraph& g, const HierarchyOptions& options) {
  Hierarchy h;
  Builder(g, options, h).run();
  return h;
}

}  // namespace el::graph
