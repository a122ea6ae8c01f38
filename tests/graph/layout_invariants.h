// Checks shared by the graph tests: a group's layout has no overlapping
// children and its edges run downward unless they closed a cycle.
#pragma once
#include <gtest/gtest.h>

#include "graph/layout.h"

namespace el::graph {

inline void expect_layout_invariants(LayoutCache& cache, std::uint32_t group) {
  const Item& g = cache.hierarchy().items[group];
  const GroupLayout& l = cache.layout(group);
  ASSERT_EQ(l.boxes.size(), g.children.size());
  for (std::size_t i = 0; i < l.boxes.size(); ++i)
    for (std::size_t j = i + 1; j < l.boxes.size(); ++j)
      EXPECT_FALSE(l.boxes[i].overlaps(l.boxes[j]))
          << cache.hierarchy().items[g.children[i]].name << " overlaps "
          << cache.hierarchy().items[g.children[j]].name;
  for (const Route& r : l.routes) {
    ASSERT_GE(r.points.size(), 2u);
    for (std::size_t k = 0; k + 1 < r.points.size(); ++k) {
      if (r.reversed) {
        EXPECT_GT(r.points[k].y, r.points[k + 1].y) << "a broken cycle's edge runs upward";
      } else {
        EXPECT_LT(r.points[k].y, r.points[k + 1].y) << "an edge runs downward";
      }
    }
  }
  for (const Rect& b : l.boxes) {
    EXPECT_GE(b.x, 0.0f);
    EXPECT_GE(b.y, 0.0f);
    EXPECT_LE(b.x + b.w, l.width + 0.01f);
    EXPECT_LE(b.y + b.h, l.height + 0.01f);
  }
}

}  // namespace el::graph
