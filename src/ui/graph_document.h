// What the Graphs dashboard knows apart from drawing: which graphs the shown
// runs hold and in which order to offer them, a decoded graph with its
// hierarchy, layout and colours (a "document"), and the selection, search
// and input trace over it. Plain C++ (no ImGui): tested with the engine.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "graph/graph_query.h"
#include "graph/hierarchy.h"
#include "graph/layout.h"
#include "graph/op_graph.h"
#include "store/store.h"

namespace el::ui {

// [SECTION] choices
// The combo's text for a graph series: "Op graph", "Keras model (tag)"...
std::string graph_title(const store::Series& s);
// Every (run, graph tag) with a record, of the runs `shown` accepts: runs in
// name order, and in each run the op graph first, then a Keras model, the
// meta graph, run metadata.
std::vector<std::pair<std::string, std::string>> graph_choices(
    const store::Store& st, const std::function<bool(const std::string&)>& shown);
// The graph series `tag` of `run`, or null.
const store::Series* find_graph_series(const store::Store& st, const std::string& run,
                                       const std::string& tag);

// [SECTION] a decoded graph
struct GraphDocument {
  graph::OpGraph ops;
  graph::Hierarchy tree;
  std::unique_ptr<graph::LayoutCache> layout;
  graph::DeviceColours devices;
  std::vector<std::uint32_t> structure_fill, device_fill;  // per item, 0xRRGGBB
  double load_ms = 0;                                      // decoding to the first layout
};
// Builds the hierarchy, the top level's layout and both colourings: by
// structure (groups with the same make-up share a palette colour, unique
// groups are grey) and by device (the device most of a group's ops use).
std::unique_ptr<GraphDocument> make_graph_document(graph::OpGraph ops, const graph::LayoutOptions& layout);
// The colour device `index` of a document is drawn in (grey for "no device").
std::uint32_t device_fill_colour(const graph::DeviceColours& devices, std::size_t index);

// [SECTION] selection, search and trace
class GraphSelection {
 public:
  static constexpr std::size_t kMaxMatches = 500;

  // A new document (or none): nothing selected, search and trace recomputed on next update.
  void reset();
  // Recomputes the search results if the pattern or the document changed.
  // The pattern is an ECMAScript regex, case-insensitive, over names and op types.
  void update_search(const GraphDocument& d);
  // Recomputes the lit items of "Trace inputs" if the selection or the switch changed.
  void update_trace(const GraphDocument& d);
  // The item of the next search match (cycling), or graph::kNone.
  std::uint32_t next_match(const GraphDocument& d);

  std::uint32_t selected = graph::kNone;
  bool trace = false;
  std::string search;

  bool search_valid() const { return search_valid_; }
  const std::vector<std::uint32_t>& matches() const { return matches_; }  // op indices, at most kMaxMatches
  std::size_t match_total() const { return match_total_; }
  const std::vector<std::uint8_t>& found_items() const { return found_items_; }  // per item, or empty
  const std::vector<std::uint8_t>& lit_items() const { return lit_items_; }      // per item, or empty

 private:
  std::string searched_;  // the pattern the results are for
  const GraphDocument* search_doc_ = nullptr;
  bool search_valid_ = true;
  std::vector<std::uint32_t> matches_;
  std::size_t match_total_ = 0, match_cursor_ = 0;
  std::vector<std::uint8_t> found_items_, lit_items_;
  std::uint64_t trace_key_ = ~0ull;
};

}  // namespace el::ui
