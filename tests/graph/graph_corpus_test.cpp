// Every graph of the corpus, read through the store and decoded by src/graph,
// against tests/data/graph_facts.tsv (tests/tools/graph_facts.py: its own
// protobuf and JSON decoding). Then the hierarchy and the layout of every
// group, fully expanded, against the layout invariants.
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <set>

#include "cli/synthetic_graph.h"
#include "events/blob_decoder.h"
#include "graph/hierarchy.h"
#include "graph/layout.h"
#include "graph/layout_invariants.h"
#include "io/disk_blob_source.h"
#include "io/loader.h"
#include "store/blob_source.h"
#include "store/store.h"
#include "support/test_files.h"

namespace el::graph {
namespace {

struct LoadedRoot {
  store::Store store;
  std::unique_ptr<io::DiskBlobSource> blobs;
};

LoadedRoot& root(const std::string& name) {
  static std::map<std::string, std::unique_ptr<LoadedRoot>> roots;
  auto& r = roots[name];
  if (!r) {
    r = std::make_unique<LoadedRoot>();
    std::vector<std::string> disk_paths;
    EXPECT_TRUE(io::load_paths({el::testing::corpus_dir() + "/" + name}, r->store, &disk_paths));
    r->blobs = std::make_unique<io::DiskBlobSource>(r->store, disk_paths);
  }
  return *r;
}

// The graph the dashboard shows for (run, tag): the tag's last record.
bool load_graph(const std::string& path, const std::string& tag, OpGraph& g, std::string& error) {
  const std::size_t slash = path.find('/');
  LoadedRoot& r = root(path.substr(0, slash));
  const auto run = r.store.runs().find(path.substr(slash + 1));
  if (run == r.store.runs().end()) return error = "no run " + path, false;
  const auto s = run->second.tags.find(tag);
  if (s == run->second.tags.end() || s->second.blobs.empty()) return error = "no tag " + tag, false;
  std::string record, bytes;
  if (!store::read_blob(r.store, *r.blobs, s->second.blobs.back(), record, error)) return false;
  events::BlobDecoder decoder;
  if (!decoder.graph({reinterpret_cast<const std::uint8_t*>(record.data()), record.size()}, tag, bytes))
    bytes.clear();  // an empty run-metadata string: a valid, empty graph
  return parse_graph(source_for(tag, s->second.metadata.plugin_name), bytes, g, error);
}

TEST(GraphCorpus, NodeAndEdgeCountsMatchTheIndependentDecoder) {
  const auto rows = el::testing::read_tsv(el::testing::test_data_dir() + "/graph_facts.tsv");
  ASSERT_GE(rows.size(), 20u);
  std::set<std::string> sources;
  for (const auto& r : rows) {
    SCOPED_TRACE(r[0] + " / " + r[1]);
    OpGraph g;
    std::string error;
    ASSERT_TRUE(load_graph(r[0], r[1], g, error)) << error;
    sources.insert(r[2]);
    EXPECT_EQ(g.nodes.size(), std::stoul(r[3])) << "nodes";
    EXPECT_EQ(g.data_edges, std::stoul(r[4])) << "data edges";
    EXPECT_EQ(g.control_edges, std::stoul(r[5])) << "control edges";
    EXPECT_EQ(g.dangling_inputs, std::stoul(r[6])) << "inputs naming no node";
    EXPECT_EQ(g.functions.size(), std::stoul(r[7])) << "library functions";
    std::set<std::string> ops;
    for (const OpNode& n : g.nodes) ops.insert(n.op);
    EXPECT_EQ(ops.size(), std::stoul(r[8])) << "distinct ops";
    if (g.nodes.empty()) {
      EXPECT_FALSE(g.note.empty()) << "an empty graph says why";
    }
  }
  EXPECT_EQ(sources, (std::set<std::string>{"graph_def", "meta_graph_def", "run_metadata", "keras"}));
}

TEST(GraphCorpus, HierarchyHoldsEveryOpOnceAndEveryEdgeInOneGroup) {
  const auto rows = el::testing::read_tsv(el::testing::test_data_dir() + "/graph_facts.tsv");
  ASSERT_GE(rows.size(), 20u);
  for (const auto& r : rows) {
    SCOPED_TRACE(r[0] + " / " + r[1]);
    OpGraph g;
    std::string error;
    ASSERT_TRUE(load_graph(r[0], r[1], g, error)) << error;
    const Hierarchy h = build_hierarchy(g);
    EXPECT_EQ(h.root().ops, g.nodes.size());
    std::vector<int> seen(g.nodes.size(), 0);
    for (const Item& it : h.items)
      if (it.kind == ItemKind::kOp) ++seen[it.op];
    EXPECT_EQ(std::count(seen.begin(), seen.end(), 1), static_cast<long>(g.nodes.size()));
    // Child edges account for every op edge except self-loops.
    std::size_t filed = 0, self = 0;
    for (const Item& it : h.items)
      for (const ChildEdge& e : it.edges) filed += e.count;
    for (const OpEdge& e : h.edges) self += e.from == e.to;
    EXPECT_EQ(filed + self, g.data_edges + g.control_edges);
  }
}

TEST(GraphCorpus, EveryGroupExpandedKeepsTheLayoutInvariantsAndIsDeterministic) {
  const auto rows = el::testing::read_tsv(el::testing::test_data_dir() + "/graph_facts.tsv");
  std::size_t laid_out = 0;  // graphs with nodes (a Keras model without layers has none)
  for (const auto& r : rows) {
    if (r[3] == "0") continue;
    ++laid_out;
    SCOPED_TRACE(r[0] + " / " + r[1]);
    OpGraph g;
    std::string error;
    ASSERT_TRUE(load_graph(r[0], r[1], g, error)) << error;
    const Hierarchy h = build_hierarchy(g);
    LayoutCache a(h, {}), b(h, {});
    for (std::uint32_t id = 1; id < h.items.size(); ++id)
      if (h.items[id].kind != ItemKind::kOp) {
        a.set_expanded(id, true);
        b.set_expanded(id, true);
      }
    for (std::uint32_t id = 0; id < h.items.size(); ++id)
      if (h.items[id].kind != ItemKind::kOp) expect_layout_invariants(a, id);
    const Scene& sa = a.scene();
    const Scene& sb = b.scene();
    ASSERT_EQ(sa.items.size(), h.items.size() - 1) << "everything is visible";
    ASSERT_EQ(sa.items.size(), sb.items.size());
    for (std::size_t i = 0; i < sa.items.size(); ++i) {
      EXPECT_EQ(sa.items[i].item, sb.items[i].item);
      EXPECT_EQ(sa.items[i].rect.x, sb.items[i].rect.x);
      EXPECT_EQ(sa.items[i].rect.y, sb.items[i].rect.y);
    }
    ASSERT_EQ(sa.edges.size(), sb.edges.size());
  }
  EXPECT_GE(laid_out, 10u) << "graph_facts.tsv lists 15 graphs with nodes";
}

TEST(GraphCorpus, TheDemoGraphMatchesTheIndependentDecoder) {
  // tests/data/demo_graph_facts.tsv: graph_facts.py on `eventlens demo`, whose op graph is
  // synthetic_graph_def(6).
  const auto rows = el::testing::read_tsv(el::testing::test_data_dir() + "/demo_graph_facts.tsv");
  ASSERT_EQ(rows.size(), 2u);
  ASSERT_EQ(rows[0][1], "__run_graph__");
  OpGraph g;
  std::string error;
  ASSERT_TRUE(parse_graph(GraphSource::kGraphDef, cli::synthetic_graph_def(6), g, error)) << error;
  EXPECT_EQ(g.nodes.size(), std::stoul(rows[0][3]));
  EXPECT_EQ(g.data_edges, std::stoul(rows[0][4]));
  EXPECT_EQ(g.control_edges, std::stoul(rows[0][5]));
  EXPECT_EQ(g.functions.size(), std::stoul(rows[0][7]));
  // Six residual layers fold into one series under model/.
  const Hierarchy h = build_hierarchy(g);
  bool series = false;
  for (const Item& it : h.items) series |= it.kind == ItemKind::kSeries && it.name == "model/layer_[0-5]";
  EXPECT_TRUE(series);
}

}  // namespace
}  // namespace el::graph
