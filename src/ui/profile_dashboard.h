// The Profile dashboard: a PyTorch or TensorFlow profile (plugins/profile,
// *.pt.trace.json) in four views: the trace timeline (ui/profile_timeline),
// the operator and kernel table, the overview (step time, GPU busy, devices)
// and memory over time (ui/profile_tables). Reading and indexing belong to
// the app (ProfileProvider); this file picks the profile and the view.
#pragma once
#include <string>
#include <vector>

#include "ui/dashboard.h"
#include "ui/profile_provider.h"
#include "ui/profile_tables.h"
#include "ui/profile_timeline.h"

namespace el::ui {

class ProfileDashboard final : public Dashboard {
 public:
  const DashboardInfo& info() const override;
  bool has_data(const UiContext& ctx) const override;
  void draw_sidebar(const UiContext& ctx) override;
  void draw(const UiContext& ctx) override;
  int charts_drawn() const override { return state_ == "ready"; }
  void write_state(store::JsonWriter& j, const store::Store& store) const override;
  std::vector<std::string_view> link_keys() const override {
    return {"prfile", "prview", "prsearch", "prfilter", "prrange"};
  }

 private:
  // The profile chosen: the setting when it names an announced profile, else the first.
  const std::string& chosen(const UiContext& ctx) const;

  ProfileTimeline timeline_;
  ProfileTables tables_;
  std::string view_drawn_;  // the view whose tab was drawn last (to follow the setting)
  // What the last frame showed (state()).
  std::string path_, state_, error_, view_;
  const LoadedProfile* shown_ = nullptr;
};

}  // namespace el::ui
