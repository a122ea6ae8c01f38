// A plain listing of the tags of one kind, for kinds whose dashboard is not
// built yet: every run and tag with its point count and step range, so no
// data is ever invisible.
#pragma once
#include <string_view>
#include <vector>

#include "events/event_decoder.h"
#include "ui/dashboard.h"
#include "ui/ui_context.h"

namespace el::ui {

void draw_tags_table(const UiContext& ctx, events::Kind kind);

// A dashboard that is only that listing (kinds with no dashboard of their own yet).
class TagsTableDashboard final : public Dashboard {
 public:
  explicit TagsTableDashboard(const DashboardInfo& info) : info_(info) {}
  const DashboardInfo& info() const override { return info_; }
  void draw_sidebar(const UiContext& ctx) override;
  void draw(const UiContext& ctx) override { draw_tags_table(ctx, info_.kind); }
  int charts_drawn() const override { return 0; }
  std::vector<std::string_view> link_keys() const override { return {}; }

 private:
  DashboardInfo info_;
};

}  // namespace el::ui
