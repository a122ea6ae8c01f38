// The Graphs dashboard's part of the test hook's state(): the graph shown last
// frame, what is open, selected, searched and traced, and where the items and
// controls were drawn (browser tests click on them).
#include "store/json_writer.h"
#include "ui/graph_dashboard.h"

namespace el::ui {

void GraphDashboard::write_state(store::JsonWriter& j, const store::Store&) const {
  const GraphViewInfo& g = info_;
  j.key("graphView").begin_object();
  j.key("run").value(g.run).key("tag").value(g.tag).key("source").value(g.source);
  j.key("function").value(g.function).key("status").value(g.status).key("error").value(g.error);
  j.key("note").value(g.note).key("selected").value(g.selected).key("search").value(g.search);
  j.key("nodes").value(static_cast<double>(g.nodes)).key("edges").value(static_cast<double>(g.edges));
  j.key("functions").value(static_cast<double>(g.functions));
  j.key("records").value(static_cast<double>(g.records));
  j.key("searchTotal").value(static_cast<double>(g.search_total));
  j.key("traced").value(static_cast<double>(g.traced));
  j.key("expandedCount").value(static_cast<double>(g.expanded_count));
  j.key("itemsVisible").value(static_cast<double>(g.items_visible));
  j.key("zoom")
      .value(static_cast<double>(g.zoom))
      .key("tracing")
      .value(g.tracing)
      .key("colorBy")
      .value(g.color_by);
  j.key("expanded").begin_array();
  for (const std::string& e : g.expanded) j.value(e);
  j.end_array().key("inputs").begin_array();
  for (const std::string& e : g.inputs) j.value(e);
  j.end_array().key("controls").begin_object();
  for (const auto& c : g.controls)
    j.key(c.name)
        .begin_object()
        .key("x")
        .value(static_cast<double>(c.x))
        .key("y")
        .value(static_cast<double>(c.y))
        .key("w")
        .value(static_cast<double>(c.w))
        .key("h")
        .value(static_cast<double>(c.h))
        .end_object();
  j.end_object().key("canvas").begin_object();
  j.key("x").value(static_cast<double>(g.canvas.x)).key("y").value(static_cast<double>(g.canvas.y));
  j.key("w").value(static_cast<double>(g.canvas.w)).key("h").value(static_cast<double>(g.canvas.h));
  j.end_object().key("boxes").begin_array();
  for (const auto& b : g.boxes)
    j.begin_object()
        .key("name")
        .value(b.name)
        .key("kind")
        .value(b.kind)
        .key("expanded")
        .value(b.expanded)
        .key("x")
        .value(static_cast<double>(b.x))
        .key("y")
        .value(static_cast<double>(b.y))
        .key("w")
        .value(static_cast<double>(b.w))
        .key("h")
        .value(static_cast<double>(b.h))
        .end_object();
  j.end_array().end_object();
}

}  // namespace el::ui
