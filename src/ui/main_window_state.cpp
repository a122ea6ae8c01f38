// The main window's part of the test hook's state() and the link keys it
// owns; each dashboard adds its own part (Dashboard::write_state).
#include "store/json_writer.h"
#include "ui/main_window.h"
#include "ui/widgets.h"

namespace el::ui {

void MainWindow::write_state(store::JsonWriter& j, const store::Store& store) const {
  // The image and audio cards drawn last frame.
  static const char* kStates[] = {"loading", "ready", "error"};
  j.key("mediaCards").begin_array();
  for (const MediaCardInfo& c : media_cards_) {
    j.begin_object();
    j.key("kind").value(c.kind).key("run").value(c.run).key("tag").value(c.tag);
    j.key("sample").value(static_cast<std::uint64_t>(c.sample));
    j.key("position").value(static_cast<std::uint64_t>(c.position));
    j.key("count").value(static_cast<std::uint64_t>(c.count));
    j.key("step").value(c.step);
    j.key("state").value(kStates[static_cast<int>(c.state)]);
    if (c.kind == "images")
      j.key("width")
          .value(static_cast<std::uint64_t>(c.width))
          .key("height")
          .value(static_cast<std::uint64_t>(c.height));
    else
      j.key("seconds").value(c.seconds);
    if (!c.error.empty()) j.key("error").value(c.error);
    j.end_object();
  }
  j.end_array();
  // The menu items drawn last (tests click them by label).
  j.key("lastMenu").begin_array();
  for (const MenuRow& r : last_menu_rows())
    j.begin_object().key("label").value(r.label).key("x").value(r.x).key("y").value(r.y).end_object();
  j.end_array();
  j.key("openAddressDialog").value(open_address_.shown());
  // The runs panel's list as ordered, with its columns.
  j.key("runsPanel").begin_object().key("columns").begin_array();
  for (const std::string& c : runs_panel_.listed_columns()) j.value(c);
  j.end_array().key("rows").begin_array();
  for (const RunsPanel::ListedRow& r : runs_panel_.listed()) {
    j.begin_object().key("label").value(r.label).key("values").begin_array();
    for (const std::string& v : r.values) j.value(v);
    j.end_array().end_object();
  }
  j.end_array().end_object();
  // Run groups: what they are made from, and each group with its members and colour.
  j.key("runGroups").begin_object().key("builds").value(group_series_.builds());
  j.key("by").value(grouping_.by()).key("problem").value(grouping_.problem()).key("groups").begin_array();
  for (const RunGrouping::Group& g : grouping_.groups()) {
    j.begin_object().key("name").value(g.name).key("rgb").value(static_cast<std::uint64_t>(g.rgb));
    j.key("runs").begin_array();
    for (const std::string& r : g.runs) j.value(r);
    j.end_array().end_object();
  }
  j.end_array().end_object();
  for (const auto& d : dashboards_) d->write_state(j, store);
}

std::vector<std::string_view> MainWindow::link_keys() {
  return {"theme", "live",  "dash",     "runs",    "tags",      "hide", "colors", "group",
          "gline", "gband", "gmembers", "gsmooth", "linksteps", "pins", "rcols",  "rsort"};
}

}  // namespace el::ui
