// The Graphs dashboard: pick a run and one of its graphs (op graph, meta
// graph, Keras model, run metadata; a GraphDef's library functions each open
// as a graph of their own), read lazily from the event file through the media
// provider and decoded by src/graph. The canvas (ui/graph_canvas) shows the
// name-scope hierarchy; the side panel holds search results and the details
// of the selected node (attributes, clickable inputs and outputs). The
// toolbar searches by name or op (regex), traces a node's inputs, colours by
// structure or device, and exports the visible graph as PNG or SVG.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ui/dashboard.h"
#include "ui/graph_canvas.h"
#include "ui/graph_document.h"
#include "ui/ui_context.h"

namespace el::ui {

// What the dashboard showed last frame (for state() and the browser tests).
struct GraphViewInfo {
  struct Box {
    std::string name, kind;  // kind: "op", "group", "series"
    bool expanded = false;
    float x = 0, y = 0, w = 0, h = 0;  // screen rectangle, ImGui coordinates
  };
  std::string run, tag, source, function, status, error, note, selected, search;
  std::size_t traced = 0;  // items lit by "Trace inputs"
  std::size_t nodes = 0, edges = 0, functions = 0, search_total = 0, items_visible = 0, records = 0;
  std::vector<std::string> expanded;  // expanded groups and series, by name (500 at most)
  std::size_t expanded_count = 0;
  std::vector<std::string> inputs;  // the selected op's inputs, as listed
  std::vector<Box> boxes;           // items on screen (at most 400)
  std::vector<Box> controls;        // toolbar controls by label ("search", "Fit", "device"...)
  Box canvas;                       // where the canvas is
  float zoom = 1;
  bool tracing = false;
  std::string color_by;
};

class GraphDashboard final : public Dashboard {
 public:
  const DashboardInfo& info() const override;
  void draw_sidebar(const UiContext& ctx) override;
  void draw(const UiContext& ctx) override;
  int charts_drawn() const override { return charts_drawn_; }
  void write_state(store::JsonWriter& j, const store::Store& store) const override;  // (graph_state.cpp)
  std::vector<std::string_view> link_keys() const override;
  const GraphViewInfo& view_info() const { return info_; }

 private:
  using Doc = GraphDocument;
  std::unique_ptr<Doc> make_doc(graph::OpGraph ops) const;  // layout sized by the UI font
  void draw_toolbar(const UiContext& ctx, const std::vector<std::pair<std::string, std::string>>& choices);
  void draw_side_panel(const UiContext& ctx, Doc& d, float width, float height);
  void draw_details(const UiContext& ctx, Doc& d);
  void go_to(Doc& d, std::uint32_t item);
  void toggle(Doc& d, std::uint32_t item);
  void fill_info(const Doc& d);
  void note_control(const char* name);  // the last item's rectangle, for tests
  Doc* current();

  // What is shown.
  std::string run_, tag_, function_;
  std::size_t record_ = 0;      // index into the series' records
  bool record_chosen_ = false;  // false: the last record
  std::string loaded_key_;      // run, tag and record that main_ holds
  std::string announced_key_;   // ... whose decoding was announced (it starts the next frame)
  std::size_t decoding_bytes_ = 0;
  std::unique_ptr<Doc> main_, function_doc_;
  std::string load_error_;
  // View state.
  GraphCanvas canvas_;
  GraphSelection sel_;
  GraphViewInfo info_;
  int charts_drawn_ = 0;
};

}  // namespace el::ui
