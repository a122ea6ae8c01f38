// ui/graph_document: the graphs offered and their order, a document's
// colours, and the selection's search and input trace, without a window.
#include "ui/graph_document.h"

#include <gtest/gtest.h>

#include "graph/graph_builders.h"
#include "proto/event.pb.h"
#include "record/record_writer.h"

namespace el::ui {
namespace {

void add_file(store::Store& st, const std::string& path, const std::vector<pb::Event>& events) {
  std::string file, bytes;
  for (const pb::Event& e : events) {
    e.SerializeToString(&bytes);
    record::append_record(file, bytes);
  }
  const store::FileId id = st.add_file(path, file.size());
  st.feed(id, std::span(reinterpret_cast<const std::uint8_t*>(file.data()), file.size()));
  st.finish(id);
}

TEST(GraphDocument, ChoicesPutTheOpGraphFirstAndSkipHiddenRuns) {
  store::Store st;
  pb::Event meta, traced, op;
  meta.set_meta_graph_def("m");
  traced.mutable_tagged_run_metadata()->set_tag("step_7");
  traced.mutable_tagged_run_metadata()->set_run_metadata("r");
  op.set_graph_def("g");
  add_file(st, "b/events.out.tfevents.1.h", {meta, traced, op});
  add_file(st, "a/events.out.tfevents.1.h", {op});
  add_file(st, "hidden/events.out.tfevents.1.h", {op});
  const auto choices = graph_choices(st, [](const std::string& run) { return run != "hidden"; });
  using C = std::pair<std::string, std::string>;
  EXPECT_EQ(choices,
            (std::vector<C>{
                {"a", "__run_graph__"}, {"b", "__run_graph__"}, {"b", "__meta_graph__"}, {"b", "step_7"}}));
  const store::Series* s = find_graph_series(st, "b", "step_7");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(graph_title(*s), "Run metadata: step_7");
  EXPECT_EQ(graph_title(*find_graph_series(st, "b", "__meta_graph__")), "Meta graph");
  EXPECT_EQ(find_graph_series(st, "b", "nope"), nullptr);
  EXPECT_EQ(find_graph_series(st, "nope", "__run_graph__"), nullptr);
}

TEST(GraphDocument, GroupsOfTheSameMakeUpShareAColourAndUniqueOnesAreGrey) {
  // Two identical blocks (a MatMul feeding a Relu) and one block of its own.
  auto d = make_graph_document(graph::make({{"x", "Placeholder", {}},
                                            {"b1/MatMul", "MatMul", {"x"}},
                                            {"b1/Relu", "Relu", {"b1/MatMul"}},
                                            {"b2/MatMul", "MatMul", {"b1/Relu"}},
                                            {"b2/Relu", "Relu", {"b2/MatMul"}},
                                            {"head/Softmax", "Softmax", {"b2/Relu"}}}),
                               {});
  const std::uint32_t b1 = graph::find(d->tree, "b1"), b2 = graph::find(d->tree, "b2"),
                      head = graph::find(d->tree, "head"), x = graph::find(d->tree, "x");
  EXPECT_EQ(d->structure_fill[b1], d->structure_fill[b2]);
  EXPECT_NE(d->structure_fill[b1], 0xc3cedeu) << "a shared make-up gets a palette colour";
  EXPECT_EQ(d->structure_fill[head], 0xc3cedeu) << "a unique group is grey";
  EXPECT_EQ(d->structure_fill[x], 0x8fa3c0u) << "ops have the op colour";
  EXPECT_EQ(d->device_fill[x], 0xc8c8c8u) << "no device recorded: grey";
  EXPECT_GE(d->load_ms, 0.0);
}

TEST(GraphDocument, SearchFindsNamesAndOpsAndSaysWhenThePatternIsInvalid) {
  auto d = make_graph_document(graph::sample_query_graph(), {});
  GraphSelection sel;
  sel.search = "relu|^x$";
  sel.update_search(*d);
  ASSERT_TRUE(sel.search_valid());
  EXPECT_EQ(sel.match_total(), 2u) << "dense/Relu by name (any case), x by name";
  EXPECT_EQ(sel.matches(), (std::vector<std::uint32_t>{0, 3}));
  const std::uint32_t dense = graph::find(d->tree, "dense");
  ASSERT_EQ(sel.found_items().size(), d->tree.items.size());
  EXPECT_EQ(sel.found_items()[dense], 1) << "the group holding a match is marked";
  EXPECT_EQ(sel.found_items()[graph::find(d->tree, "loss")], 0);
  EXPECT_EQ(sel.next_match(*d), graph::find(d->tree, "x"));
  EXPECT_EQ(sel.next_match(*d), graph::find(d->tree, "dense/Relu"));
  EXPECT_EQ(sel.next_match(*d), graph::find(d->tree, "x")) << "Enter cycles through the matches";
  sel.search = "dense/(";
  sel.update_search(*d);
  EXPECT_FALSE(sel.search_valid());
  EXPECT_TRUE(sel.matches().empty());
  EXPECT_EQ(sel.next_match(*d), graph::kNone);
}

TEST(GraphDocument, TraceLightsWhatTheSelectionDependsOn) {
  auto d = make_graph_document(graph::sample_query_graph(), {});
  GraphSelection sel;
  sel.selected = graph::find(d->tree, "loss");
  sel.update_trace(*d);
  EXPECT_TRUE(sel.lit_items().empty()) << "trace is off";
  sel.trace = true;
  sel.update_trace(*d);
  const auto& lit = sel.lit_items();
  ASSERT_EQ(lit.size(), d->tree.items.size());
  for (const char* name : {"loss", "dense", "dense/Relu", "dense/MatMul", "x", "w", "other"})
    EXPECT_EQ(lit[graph::find(d->tree, name)], 1) << name;
  EXPECT_EQ(lit[graph::find(d->tree, "unrelated")], 0);
  sel.reset();
  sel.update_trace(*d);
  EXPECT_TRUE(sel.lit_items().empty()) << "nothing selected after a reset";
}

}  // namespace
}  // namespace el::ui
