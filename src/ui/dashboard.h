// The one interface every dashboard tab implements. The main window holds
// them in a table (ui/dashboards.cpp) and knows none of them by name: it draws
// the tab bar from info(), the sidebar's top from draw_sidebar(), the tab's
// body from draw(), and state() asks each for its part.
//
// Adding a dashboard: one new file pair (copy ui/pr_curves_dashboard.* for a
// card per tag and run at a chosen step, ui/tags_table.* for the smallest),
// one row in ui/dashboards.cpp. docs/architecture.md walks through it.
#pragma once
#include <string_view>
#include <vector>

#include "events/event_decoder.h"
#include "store/json_writer.h"
#include "store/store.h"
#include "ui/ui_context.h"

namespace el::ui {

// What the tab bar, show(name) and links need to know of a dashboard.
struct DashboardInfo {
  const char* name;       // state().dashboard, show(name), the link's dashboard=
  const char* title;      // the tab's label
  const char* help;       // the tab's tooltip: what the dashboard shows, for a newcomer
  events::Kind kind;      // its tab appears when the logs hold this kind (scalars: always)
  bool own_data = false;  // its tab appears by has_data() alone (kind unused)
};

class Dashboard {
 public:
  virtual ~Dashboard() = default;
  virtual const DashboardInfo& info() const = 0;
  // Whether its tab is offered besides the logs holding info().kind (the
  // Projector: embeddings found among the other files).
  virtual bool has_data(const UiContext& ctx) const { return false; }
  // The sidebar's top while this tab is open: the settings that change what it
  // shows, under a heading. The runs list is drawn below it by the main window.
  virtual void draw_sidebar(const UiContext& ctx) = 0;
  // The tab's body.
  virtual void draw(const UiContext& ctx) = 0;
  // Cards drawn with data in the last frame (benchmarks: "first chart drawn").
  virtual int charts_drawn() const = 0;
  // Its keys of the test hook's state() object, as drawn last frame (none by default).
  virtual void write_state(store::JsonWriter& j, const store::Store& store) const {}
  // The keys of the settings' text form (the link, localStorage) this dashboard
  // owns: settings.cpp's keys are each owned by one dashboard or the main window
  // (tests/ui/dashboards_test.cpp checks it).
  virtual std::vector<std::string_view> link_keys() const = 0;
  // Work that goes on between frames, in the page's idle time (the Projector's
  // layouts): about `budget_ms` of it. True if it did some (the next frame
  // draws the result). Asked of the dashboard shown only.
  virtual bool work_between_frames(double budget_ms) { return false; }
};

}  // namespace el::ui
