// Layered (Sugiyama-style) layout of the graph's expanded groups, each on
// its own: cycles broken by reversing DFS back edges, layers by longest path
// (sources pulled down next to their readers), long edges split by dummy
// nodes, crossings reduced by barycentre sweeps (the best ordering kept),
// x by least-squares alignment with neighbours under minimum spacing
// (pool-adjacent-violators), edges routed through their dummies' positions.
// A group's layout depends on its children's sizes only, so it is computed
// when first asked for and kept until a group beneath it is expanded or
// collapsed. Same input, same output: no hashing order, no clocks.
#pragma once
#include <cstdint>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "graph/hierarchy.h"

namespace el::graph {

struct LayoutOptions {
  float char_width = 7.0f;  // label width per character, from the UI's font
  float node_height = 22, group_height = 32;
  float min_width = 40, max_width = 200;
  float h_gap = 20, v_gap = 40;  // between siblings, between layers
  float pad = 14, header = 26;   // inside an expanded group: sides, title strip
  float aux_gap = 48;            // from the layout to the auxiliary column
};

struct Point {
  float x = 0, y = 0;
};
struct Rect {
  float x = 0, y = 0, w = 0, h = 0;
  bool contains(Point p) const { return p.x >= x && p.y >= y && p.x <= x + w && p.y <= y + h; }
  bool overlaps(const Rect& o) const { return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h; }
};

struct Route {
  std::uint32_t edge = 0;     // index into the group's Item::edges
  std::vector<Point> points;  // from the source's box to the target's; the arrow is at the end
  bool reversed = false;      // the edge closed a cycle, so it runs upward
};

struct GroupLayout {
  std::vector<Rect> boxes;    // per child, in Item::children order, relative to the content origin
  std::vector<Route> routes;  // one per edge between non-auxiliary children
  std::uint32_t layers = 0;
  float width = 0, height = 0;  // content size
};

// What is drawn: every visible item with its rectangle on the canvas, and
// every visible edge in canvas coordinates.
struct SceneItem {
  std::uint32_t item = 0;
  Rect rect;
  bool expanded = false;
};
struct SceneEdge {
  std::uint32_t group = 0;  // the group whose layout routed it
  std::uint32_t edge = 0;   // index into that group's Item::edges
  std::vector<Point> points;
  bool reversed = false;
};
struct Scene {
  std::vector<SceneItem> items;  // parents before children
  std::vector<SceneEdge> edges;
  std::unordered_map<std::uint32_t, std::uint32_t> index;  // item id -> position in items
  Rect bounds;
  // The visible item drawn for `id`: itself, or its deepest visible ancestor.
  std::uint32_t visible_of(const Hierarchy& h, std::uint32_t id) const;
};

class LayoutCache {
 public:
  LayoutCache(const Hierarchy& h, const LayoutOptions& o) : h_(h), o_(o) {}
  const Hierarchy& hierarchy() const { return h_; }
  const LayoutOptions& options() const { return o_; }

  bool expanded(std::uint32_t id) const { return id == 0 || expanded_.count(id) > 0; }
  // Expands or collapses a group or series; its ancestors' layouts are redone.
  void set_expanded(std::uint32_t id, bool on);
  // Expands every ancestor of `id` so that it is visible.
  void reveal(std::uint32_t id);
  const std::unordered_set<std::uint32_t>& expanded_set() const { return expanded_; }

  // The layout of an expanded group (computed now if needed).
  const GroupLayout& layout(std::uint32_t group);
  // The size of an item as its parent lays it out.
  Point size_of(std::uint32_t id);
  // Visible items and edges with absolute positions (rebuilt after a change).
  const Scene& scene();
  std::uint64_t version() const { return version_; }
  std::uint64_t layouts_computed() const { return computed_; }

 private:
  void compute(std::uint32_t group, GroupLayout& out);
  void place(std::uint32_t group, Point origin, Scene& s);

  const Hierarchy& h_;
  LayoutOptions o_;
  std::unordered_set<std::uint32_t> expanded_;
  std::unordered_map<std::uint32_t, GroupLayout> layouts_;
  Scene scene_;
  bool scene_valid_ = false;
  std::uint64_t version_ = 1, computed_ = 0;
};

}  // namespace el::graph
