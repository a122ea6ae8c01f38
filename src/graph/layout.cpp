#include "graph/layout.h"

#include <algorithm>
#include <numeric>

// [SECTION] index
//   sizes and the cache
//   one group: cycles, layers, dummies, ordering, coordinates, routes
//   the scene

namespace el::graph {

// [SECTION] sizes and the cache ---------------------------------------------------------------
void LayoutCache::set_expanded(std::uint32_t id, bool on) {
  if (id == 0 || id >= h_.items.size() || h_.items[id].kind == ItemKind::kOp) return;
  if (on == expanded(id)) return;
  if (on)
    expanded_.insert(id);
  else
    expanded_.erase(id);
  // The group's size changed: every layout that holds it is stale.
  for (std::uint32_t p = h_.items[id].parent; p != kNone; p = h_.items[p].parent) layouts_.erase(p);
  scene_valid_ = false;
  ++version_;
}

void LayoutCache::reveal(std::uint32_t id) {
  for (std::uint32_t a : h_.ancestors(id)) set_expanded(a, true);
}

Point LayoutCache::size_of(std::uint32_t id) {
  const Item& it = h_.items[id];
  const float label = static_cast<float>(it.label.size()) * o_.char_width;
  if (it.kind == ItemKind::kOp)
    return {std::clamp(label + 24.0f, o_.min_width, o_.max_width), o_.node_height};
  if (!expanded(id)) {
    // Room for the label and the child count ("12 ops").
    const float w = std::clamp(label + 24.0f + 7.0f * o_.char_width, o_.min_width + 30, o_.max_width + 40);
    return {w, o_.group_height};
  }
  const GroupLayout& l = layout(id);
  return {std::max(l.width + 2 * o_.pad, std::min(label, o_.max_width * 2) + 2 * o_.pad),
          l.height + o_.header + o_.pad};
}

const GroupLayout& LayoutCache::layout(std::uint32_t group) {
  auto it = layouts_.find(group);
  if (it != layouts_.end()) return it->second;
  GroupLayout l;
  compute(group, l);
  ++computed_;
  return layouts_.emplace(group, std::move(l)).first->second;
}

// [SECTION] one group --------------------------------------------------------------------------
namespace {

// Least-squares positions x (in order, x[i+1] - x[i] >= gap[i]) nearest to
// `want`: isotonic regression of want[i] - offset[i] by pooling adjacent violators.
void pav(const std::vector<double>& want, const std::vector<double>& gap, std::vector<double>& x) {
  const std::size_t n = want.size();
  std::vector<double> offset(n, 0);
  for (std::size_t i = 1; i < n; ++i) offset[i] = offset[i - 1] + gap[i - 1];
  struct Block {
    double sum;
    double count;
    std::size_t end;  // one past the last index
  };
  std::vector<Block> blocks;
  blocks.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    blocks.push_back({want[i] - offset[i], 1, i + 1});
    while (blocks.size() > 1) {
      const Block& b = blocks.back();
      const Block& a = blocks[blocks.size() - 2];
      if (a.sum / a.count <= b.sum / b.count) break;
      Block merged{a.sum + b.sum, a.count + b.count, b.end};
      blocks.pop_back();
      blocks.back() = merged;
    }
  }
  x.resize(n);
  std::size_t i = 0;
  for (const Block& b : blocks)
    for (; i < b.end; ++i) x[i] = b.sum / b.count + offset[i];
}

// Crossings between two adjacent layers: inversions among edges sorted by upper position.
std::uint64_t crossings(std::vector<std::pair<std::uint32_t, std::uint32_t>>& edges, std::size_t lower_size) {
  std::sort(edges.begin(), edges.end());
  std::vector<std::uint32_t> tree(lower_size + 1, 0);  // Fenwick tree over lower positions
  std::uint64_t count = 0, seen = 0;
  for (const auto& e : edges) {
    std::uint64_t not_greater = 0;
    for (std::size_t i = e.second + 1; i > 0; i -= i & (~i + 1)) not_greater += tree[i];
    count += seen - not_greater;
    for (std::size_t i = e.second + 1; i <= lower_size; i += i & (~i + 1)) ++tree[i];
    ++seen;
  }
  return count;
}

struct Layered {
  // Virtual nodes: the real ones (0..n-1), then dummies.
  std::vector<float> w, h;
  std::vector<std::uint32_t> layer;
  std::vector<std::vector<std::uint32_t>> up, down;  // neighbours in the layer above / below
  std::vector<std::vector<std::uint32_t>> rows;      // per layer, left to right
  std::vector<std::uint32_t> pos;                    // position within its row

  std::uint32_t add(float width, float height, std::uint32_t l) {
    w.push_back(width);
    h.push_back(height);
    layer.push_back(l);
    up.emplace_back();
    down.emplace_back();
    return static_cast<std::uint32_t>(w.size() - 1);
  }

  std::uint64_t total_crossings() const {
    std::uint64_t total = 0;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    for (std::size_t l = 0; l + 1 < rows.size(); ++l) {
      edges.clear();
      for (std::uint32_t v : rows[l])
        for (std::uint32_t d : down[v]) edges.push_back({pos[v], pos[d]});
      total += crossings(edges, rows[l + 1].size());
    }
    return total;
  }

  void sweep(bool downward) {
    const std::size_t L = rows.size();
    std::vector<std::pair<double, std::uint32_t>> keyed;
    for (std::size_t k = 1; k < L; ++k) {
      const std::size_t l = downward ? k : L - 1 - k;
      auto& row = rows[l];
      keyed.clear();
      for (std::uint32_t v : row) {
        const auto& nb = downward ? up[v] : down[v];
        double key = pos[v];
        if (!nb.empty()) {
          double sum = 0;
          for (std::uint32_t u : nb) sum += pos[u];
          // Scaled to this row's positions so nodes without neighbours keep their place.
          const double other = static_cast<double>(rows[downward ? l - 1 : l + 1].size());
          key =
              sum / static_cast<double>(nb.size()) * (static_cast<double>(row.size()) / std::max(other, 1.0));
        }
        keyed.push_back({key, v});
      }
      std::stable_sort(keyed.begin(), keyed.end(),
                       [](const auto& a, const auto& b) { return a.first < b.first; });
      for (std::size_t i = 0; i < row.size(); ++i) {
        row[i] = keyed[i].second;
        pos[row[i]] = static_cast<std::uint32_t>(i);
      }
    }
  }
};

}  // namespace

void LayoutCache::compute(std::uint32_t group, GroupLayout& out) {
  const Item& g = h_.items[group];
  const std::size_t n = g.children.size();
  out.boxes.assign(n, {});
  std::unordered_map<std::uint32_t, std::uint32_t> local;  // item id -> child index
  for (std::uint32_t i = 0; i < n; ++i) local.emplace(g.children[i], i);
  std::vector<Point> size(n);
  for (std::size_t i = 0; i < n; ++i) size[i] = size_of(g.children[i]);
  auto aux = [&](std::uint32_t i) { return h_.items[g.children[i]].auxiliary; };

  // The edges laid out: between non-auxiliary children.
  struct E {
    std::uint32_t edge, u, v;
    bool reversed = false;
  };
  std::vector<E> edges;
  std::vector<std::vector<std::uint32_t>> out_edges(n);
  for (std::uint32_t k = 0; k < g.edges.size(); ++k) {
    const std::uint32_t u = local.at(g.edges[k].from), v = local.at(g.edges[k].to);
    if (aux(u) || aux(v)) continue;
    out_edges[u].push_back(static_cast<std::uint32_t>(edges.size()));
    edges.push_back({k, u, v});
  }

  // Cycles: edges back to a node on the DFS stack are reversed.
  {
    std::vector<std::uint8_t> state(n, 0);  // 0 new, 1 on the stack, 2 done
    std::vector<std::pair<std::uint32_t, std::size_t>> stack;
    // From the sources first, so the edge closing a loop (NextIteration ->
    // Merge) is the one reversed, not one on the way in.
    std::vector<std::uint32_t> has_input(n, 0), roots;
    for (const E& e : edges) has_input[e.v] = 1;
    for (std::uint32_t r = 0; r < n; ++r)
      if (!has_input[r]) roots.push_back(r);
    for (std::uint32_t r = 0; r < n; ++r)
      if (has_input[r]) roots.push_back(r);
    for (std::uint32_t r : roots) {
      if (state[r] || aux(r)) continue;
      stack.push_back({r, 0});
      state[r] = 1;
      while (!stack.empty()) {
        auto& [v, next] = stack.back();
        if (next < out_edges[v].size()) {
          E& e = edges[out_edges[v][next++]];
          if (state[e.v] == 1)
            e.reversed = true;
          else if (state[e.v] == 0) {
            state[e.v] = 1;
            stack.push_back({e.v, 0});
          }
        } else {
          state[v] = 2;
          stack.pop_back();
        }
      }
    }
  }

  // Layers: longest path from the sources over the acyclic edges.
  std::vector<std::vector<std::uint32_t>> succ(n), pred(n);
  for (const E& e : edges) {
    const std::uint32_t a = e.reversed ? e.v : e.u, b = e.reversed ? e.u : e.v;
    succ[a].push_back(b);
    pred[b].push_back(a);
  }
  std::vector<std::uint32_t> layer(n, 0), indegree(n, 0), topo;
  topo.reserve(n);
  for (std::uint32_t v = 0; v < n; ++v) indegree[v] = static_cast<std::uint32_t>(pred[v].size());
  for (std::uint32_t v = 0; v < n; ++v)
    if (!aux(v) && indegree[v] == 0) topo.push_back(v);
  for (std::size_t k = 0; k < topo.size(); ++k)
    for (std::uint32_t b : succ[topo[k]]) {
      layer[b] = std::max(layer[b], layer[topo[k]] + 1);
      if (--indegree[b] == 0) topo.push_back(b);
    }
  // Sources sit just above their first reader, not on top of the drawing.
  for (auto it = topo.rbegin(); it != topo.rend(); ++it) {
    const std::uint32_t v = *it;
    if (!pred[v].empty() || succ[v].empty()) continue;
    std::uint32_t lowest = ~0u;
    for (std::uint32_t b : succ[v]) lowest = std::min(lowest, layer[b]);
    layer[v] = lowest - 1;
  }

  // Virtual graph: real nodes, then a dummy per layer an edge passes through.
  Layered lg;
  std::uint32_t layers = 0;
  for (std::uint32_t v = 0; v < n; ++v) {
    lg.add(size[v].x, size[v].y, layer[v]);
    if (!aux(v)) layers = std::max(layers, layer[v] + 1);
  }
  std::vector<std::vector<std::uint32_t>> chain(edges.size());  // virtual nodes, top to bottom
  for (std::size_t k = 0; k < edges.size(); ++k) {
    const E& e = edges[k];
    const std::uint32_t a = e.reversed ? e.v : e.u, b = e.reversed ? e.u : e.v;
    auto& c = chain[k];
    c.push_back(a);
    for (std::uint32_t l = layer[a] + 1; l < layer[b]; ++l) c.push_back(lg.add(6, 0, l));
    c.push_back(b);
    for (std::size_t i = 0; i + 1 < c.size(); ++i) {
      lg.down[c[i]].push_back(c[i + 1]);
      lg.up[c[i + 1]].push_back(c[i]);
    }
  }
  const std::size_t total = lg.w.size();
  lg.rows.assign(layers, {});
  lg.pos.assign(total, 0);
  // First order: real nodes in topological order, dummies after them.
  for (std::uint32_t v : topo) lg.rows[layer[v]].push_back(v);
  for (std::uint32_t v = static_cast<std::uint32_t>(n); v < total; ++v) lg.rows[lg.layer[v]].push_back(v);
  for (auto& row : lg.rows)
    for (std::uint32_t i = 0; i < row.size(); ++i) lg.pos[row[i]] = i;

  // Ordering: alternate sweeps, keep the best seen.
  if (layers > 1) {
    auto best_rows = lg.rows;
    std::uint64_t best = lg.total_crossings();
    for (int iter = 0; iter < 8 && best > 0; ++iter) {
      lg.sweep(iter % 2 == 0);
      const std::uint64_t c = lg.total_crossings();
      if (c < best) {
        best = c;
        best_rows = lg.rows;
      }
    }
    lg.rows = std::move(best_rows);
    for (auto& row : lg.rows)
      for (std::uint32_t i = 0; i < row.size(); ++i) lg.pos[row[i]] = i;
  }

  // x: packed first, then pulled toward neighbours under the spacing rule.
  std::vector<double> cx(total, 0);
  std::vector<double> want, gap, placed;
  for (auto& row : lg.rows) {
    double x = 0;
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i) x += (lg.w[row[i - 1]] + lg.w[row[i]]) / 2 + o_.h_gap;
      cx[row[i]] = x;
    }
  }
  for (int iter = 0; iter < 8; ++iter) {
    const bool downward = iter % 2 == 0;
    for (std::size_t k = 0; k < lg.rows.size(); ++k) {
      const std::size_t l = downward ? k : lg.rows.size() - 1 - k;
      const auto& row = lg.rows[l];
      if (row.empty()) continue;
      want.assign(row.size(), 0);
      gap.assign(row.size() > 1 ? row.size() - 1 : 0, 0);
      for (std::size_t i = 0; i < row.size(); ++i) {
        const std::uint32_t v = row[i];
        // Both directions count; the sweep's own direction counts double.
        double sum = 0, weight = 0;
        for (std::uint32_t u : lg.up[v]) {
          const double wt = downward ? 2 : 1;
          sum += wt * cx[u];
          weight += wt;
        }
        for (std::uint32_t d : lg.down[v]) {
          const double wt = downward ? 1 : 2;
          sum += wt * cx[d];
          weight += wt;
        }
        want[i] = weight > 0 ? sum / weight : cx[v];
        if (i) gap[i - 1] = (lg.w[row[i - 1]] + lg.w[v]) / 2 + o_.h_gap;
      }
      pav(want, gap, placed);
      for (std::size_t i = 0; i < row.size(); ++i) cx[row[i]] = placed[i];
    }
  }
  double min_x = 0;
  bool any = false;
  for (const auto& row : lg.rows)
    for (std::uint32_t v : row) {
      const double left = cx[v] - lg.w[v] / 2;
      min_x = any ? std::min(min_x, left) : left;
      any = true;
    }

  // y: rows as tall as their tallest node.
  std::vector<float> row_top(layers, 0), row_h(layers, 0);
  for (std::uint32_t l = 0; l < layers; ++l)
    for (std::uint32_t v : lg.rows[l]) row_h[l] = std::max(row_h[l], lg.h[v]);
  for (std::uint32_t l = 1; l < layers; ++l) row_top[l] = row_top[l - 1] + row_h[l - 1] + o_.v_gap;

  float width = 0, height = 0;
  auto center_y = [&](std::uint32_t v) { return row_top[lg.layer[v]] + row_h[lg.layer[v]] / 2; };
  for (std::uint32_t v = 0; v < n; ++v) {
    if (aux(v)) continue;
    Rect& r = out.boxes[v];
    r.w = lg.w[v];
    r.h = lg.h[v];
    r.x = static_cast<float>(cx[v] - min_x) - r.w / 2;
    r.y = center_y(v) - r.h / 2;
    width = std::max(width, r.x + r.w);
    height = std::max(height, r.y + r.h);
  }
  // Auxiliary nodes: a column to the right.
  float aux_y = 0, aux_w = 0;
  const float aux_x = width > 0 ? width + o_.aux_gap : 0;
  for (std::uint32_t v = 0; v < n; ++v) {
    if (!aux(v)) continue;
    out.boxes[v] = {aux_x, aux_y, size[v].x, size[v].y};
    aux_y += size[v].y + 8;
    aux_w = std::max(aux_w, size[v].x);
  }
  if (aux_w > 0) {
    width = aux_x + aux_w;
    height = std::max(height, aux_y - 8);
  }

  // Routes: bottom of the upper end, through the dummies, top of the lower end.
  out.routes.reserve(edges.size());
  for (std::size_t k = 0; k < edges.size(); ++k) {
    Route r;
    r.edge = edges[k].edge;
    r.reversed = edges[k].reversed;
    const auto& c = chain[k];
    const Rect& top = out.boxes[c.front()];
    const Rect& bottom = out.boxes[c.back()];
    r.points.push_back({top.x + top.w / 2, top.y + top.h});
    for (std::size_t i = 1; i + 1 < c.size(); ++i)
      r.points.push_back({static_cast<float>(cx[c[i]] - min_x), center_y(c[i])});
    r.points.push_back({bottom.x + bottom.w / 2, bottom.y});
    if (r.reversed) std::reverse(r.points.begin(), r.points.end());
    out.routes.push_back(std::move(r));
  }
  out.layers = layers;
  out.width = width;
  out.height = height;
}

// [SECTION] the scene ---------------------------------------------------------------------------
std::uint32_t Scene::visible_of(const Hierarchy& h, std::uint32_t id) const {
  std::uint32_t best = 0;
  for (std::uint32_t p = id; p != kNone; p = h.items[p].parent)
    if (index.count(p)) return p;
  return best;
}

void LayoutCache::place(std::uint32_t group, Point origin, Scene& s) {
  const GroupLayout& l = layout(group);
  const Item& g = h_.items[group];
  const auto first = s.items.size();
  for (std::size_t i = 0; i < g.children.size(); ++i) {
    const Rect& b = l.boxes[i];
    const std::uint32_t c = g.children[i];
    s.index[c] = static_cast<std::uint32_t>(s.items.size());
    s.items.push_back(
        {c, {origin.x + b.x, origin.y + b.y, b.w, b.h}, expanded(c) && h_.items[c].kind != ItemKind::kOp});
  }
  for (const Route& r : l.routes) {
    SceneEdge e{group, r.edge, r.points, r.reversed};
    for (Point& p : e.points) {
      p.x += origin.x;
      p.y += origin.y;
    }
    s.edges.push_back(std::move(e));
  }
  const auto last = s.items.size();
  for (auto i = first; i < last; ++i)
    if (s.items[i].expanded) {
      const Rect r = s.items[i].rect;
      place(s.items[i].item, {r.x + o_.pad, r.y + o_.header}, s);
    }
}

const Scene& LayoutCache::scene() {
  if (scene_valid_) return scene_;
  scene_ = Scene();
  scene_.index[0] = kNone;  // the root is never drawn, but everything is inside it
  place(0, {0, 0}, scene_);
  scene_.index.erase(0);
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  for (std::size_t i = 0; i < scene_.items.size(); ++i) {
    const Rect& r = scene_.items[i].rect;
    x0 = i ? std::min(x0, r.x) : r.x;
    y0 = i ? std::min(y0, r.y) : r.y;
    x1 = i ? std::max(x1, r.x + r.w) : r.x + r.w;
    y1 = i ? std::max(y1, r.y + r.h) : r.y + r.h;
  }
  scene_.bounds = {x0, y0, x1 - x0, y1 - y0};
  scene_valid_ = true;
  return scene_;
}

}  // namespace el::graph
