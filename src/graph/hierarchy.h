// The name-scope tree of an op graph, as the canvas shows it. "a/b/c" is op c
// in group b in group a. Within a group, five or more siblings named
// foo, foo_1 ... foo_n with the same op (or the same inner structure) become
// one series item; constants and NoOps (or series of them) linked to four or
// more siblings are auxiliary (drawn aside, their edges left out of the layout). Every op edge
// is filed under the lowest group holding both ends, between the two children
// of that group that contain them, so laying out a group needs only its own
// list.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "graph/op_graph.h"

namespace el::graph {

enum class ItemKind : std::uint8_t {
  kOp,      // one node of the op graph
  kGroup,   // a name scope
  kSeries,  // foo, foo_1 ... foo_n
};

// An edge between two children of one group, standing for every op edge
// between the ops beneath them.
struct ChildEdge {
  std::uint32_t from = 0, to = 0;  // item ids
  std::uint32_t count = 0;         // op edges it stands for
  std::uint32_t data = 0;          // of which carry tensors (not control)
  std::int64_t max_elements = -1;  // the largest known tensor among them (-1: unknown)
  std::uint32_t sample_edge = 0;   // one op edge it stands for (index into Hierarchy::edges)
};

struct Item {
  ItemKind kind = ItemKind::kOp;
  std::string name;   // full path; a series is "scope/foo_[0-9]"
  std::string label;  // what the canvas writes: last path component, or "foo_[1..9] (9)"
  std::uint32_t parent = kNone;
  std::uint32_t depth = 0;              // root 0
  std::uint32_t op = kNone;             // kOp: index into OpGraph::nodes
  std::uint32_t ops = 0;                // op nodes beneath (1 for an op)
  bool auxiliary = false;               // drawn beside its siblings, out of the layout
  std::uint64_t structure = 0;          // equal for groups with the same inner make-up
  std::vector<std::uint32_t> children;  // groups and series: in name order
  std::vector<ChildEdge> edges;         // groups and series: between children
};

// One edge of the op graph, with the tensor it carries.
struct OpEdge {
  std::uint32_t from = 0, to = 0;  // op node indices
  std::uint32_t slot = 0;
  bool control = false;
  std::int64_t elements = -1;  // -1: unknown
};

struct Hierarchy {
  std::vector<Item> items;                // items[0] is the root group
  std::vector<std::uint32_t> item_of_op;  // op node -> its item
  std::vector<OpEdge> edges;

  const Item& root() const { return items[0]; }
  // Every group or series from the root down to (and excluding) item `id`, root first.
  std::vector<std::uint32_t> ancestors(std::uint32_t id) const;
};

struct HierarchyOptions {
  std::uint32_t series_min = 5;        // siblings needed to form a series
  std::uint32_t auxiliary_degree = 4;  // neighbours a constant or NoOp needs to go aside
};

Hierarchy build_hierarchy(const OpGraph& g, const HierarchyOptions& options = {});

}  // namespace el::graph
