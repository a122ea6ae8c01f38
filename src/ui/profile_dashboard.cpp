// [SECTION] sidebar: which profile, what it holds
// [SECTION] body: loading, problems, the views
// [SECTION] state
#include "ui/profile_dashboard.h"

#include <algorithm>

#include "profile/trace_summary.h"
#include "store/json_writer.h"
#include "ui/format.h"
#include "ui/widgets.h"

namespace el::ui {
namespace {

const DashboardInfo kInfo{
    "profile", "Profile",
    "PyTorch and TensorFlow profiles (plugins/profile, *.pt.trace.json): a trace timeline "
    "(threads, GPU streams, flows, counters), operator and kernel tables, step time and "
    "memory.",
    events::Kind::kTensors, true};

struct View {
  const char* key;
  const char* label;
  const char* tip;
};
const View kViews[] = {
    {"timeline", "Timeline",
     "Every slice on its thread or GPU stream, over time: zoom, pan, search, select a range"},
    {"ops", "Operators",
     "Count, total, self, mean, min and max time per operator and kernel; click a row to find it"},
    {"overview", "Overview",
     "Step time split into kernel, memcpy, runtime, CPU and other; GPU busy time; devices"},
    {"memory", "Memory", "Memory allocated over time per device (profile_memory=True)"},
};

}  // namespace

const DashboardInfo& ProfileDashboard::info() const { return kInfo; }

bool ProfileDashboard::has_data(const UiContext& ctx) const {
  return ctx.profiles && !ctx.profiles->profiles().empty();
}

const std::string& ProfileDashboard::chosen(const UiContext& ctx) const {
  const std::vector<profile::ProfileFile>& files = ctx.profiles->profiles();
  for (const profile::ProfileFile& f : files)
    if (f.path == ctx.settings->profile_file) return f.path;
  return files.front().path;
}

// [SECTION] sidebar: which profile, what it holds ----------------------------------------------------
void ProfileDashboard::draw_sidebar(const UiContext& ctx) {
  section_heading(ctx.fonts, "Profile");
  if (!ctx.profiles) return;
  const std::vector<profile::ProfileFile>& files = ctx.profiles->profiles();
  if (files.empty()) {
    ImGui::TextWrapped("No profiles among the opened files.");
    return;
  }
  const std::string current = chosen(ctx);
  ImGui::TextUnformatted("Profile file");
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##profile", fit_middle(current, ImGui::GetContentRegionAvail().x - 30).c_str())) {
    for (const profile::ProfileFile& f : files) {
      const std::string label = f.run + " \xc2\xb7 " + f.host + "##" + f.path;
      if (ImGui::Selectable(label.c_str(), f.path == current)) ctx.settings->profile_file = f.path;
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", f.path.c_str());
    }
    ImGui::EndCombo();
  }
  tooltip("Which profile to show (run \xc2\xb7 host or worker)");
  const LoadedProfile& p = ctx.profiles->loaded();
  if (p.state == ProfileState::kReady && p.path == current) {
    ImGui::Spacing();
    ImGui::Text("%s slices, %zu tracks", format_count(p.trace.slices.size()).c_str(), p.trace.tracks.size());
    if (!p.trace.instants.empty()) ImGui::Text("%s instants", format_count(p.trace.instants.size()).c_str());
    if (!p.marks->links().empty())
      ImGui::Text("%s flow arrows", format_count(p.marks->links().size()).c_str());
    if (!p.trace.counters.empty())
      ImGui::Text("%s counter samples", format_count(p.trace.counters.size()).c_str());
    ImGui::Text(
        "span %s",
        format_duration_ps(static_cast<double>(p.timeline->end_ps() - p.timeline->begin_ps())).c_str());
    ImGui::Text("read in %.0f ms, %s", p.load_ms, format_bytes(p.trace.memory_bytes()).c_str());
    ImGui::Spacing();
    ImGui::TextWrapped(
        "Timeline: wheel or W/S zoom, drag or A/D pan, double-click fits, Shift+wheel scrolls tracks. "
        "Click a slice for its details; drag on the ruler to select a range; Esc clears.");
  }
}

// [SECTION] body: loading, problems, the views -------------------------------------------------------
void ProfileDashboard::draw(const UiContext& ctx) {
  path_.clear(), state_.clear(), error_.clear(), view_.clear();
  shown_ = nullptr;
  if (!ctx.profiles || ctx.profiles->profiles().empty()) {
    ImGui::TextWrapped("No profiles: open a folder with plugins/profile/ or *.pt.trace.json files.");
    return;
  }
  const LoadedProfile& p = ctx.profiles->load(chosen(ctx));
  path_ = p.path;
  switch (p.state) {
    case ProfileState::kNone: state_ = "none"; return;
    case ProfileState::kLoading: {
      state_ = "loading";
      const float done =
          p.bytes_total ? static_cast<float>(p.bytes_done) / static_cast<float>(p.bytes_total) : 0;
      ImGui::TextUnformatted(("Reading " + p.path).c_str());
      ImGui::ProgressBar(done, ImVec2(std::min(480.0f, ImGui::GetContentRegionAvail().x), 0));
      return;  // (the app draws the progress as often as the parse allows: app/frame_pacer.h, long_work)
    }
    case ProfileState::kError:
      state_ = "error";
      error_ = p.error;
      ImGui::TextWrapped("%s", p.error.c_str());
      return;
    case ProfileState::kReady: state_ = "ready"; break;
  }
  shown_ = &p;
  for (const std::string& problem : p.trace.problems) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.7f, 0.3f, 1));
    ImGui::TextWrapped("%s", problem.c_str());
    ImGui::PopStyleColor();
  }
  std::string& view = ctx.settings->profile_view;
  if (view == "memory" && !tables_.has_memory(p)) view = "timeline";
  if (ImGui::BeginTabBar("##profile_views")) {
    std::string opened;  // the tab ImGui shows open this frame
    for (const View& v : kViews) {
      if (std::string_view(v.key) == "memory" && !tables_.has_memory(p)) continue;
      // The setting picks the tab when it changed elsewhere (a link, a click on a table row).
      const ImGuiTabItemFlags flags =
          view != view_drawn_ && view == v.key ? ImGuiTabItemFlags_SetSelected : 0;
      const bool open = ImGui::BeginTabItem(v.label, nullptr, flags);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", v.tip);
      if (!open) continue;
      opened = v.key;
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
    // Unchanged elsewhere: the tab clicked is the view. Changed: its tab is selected (next frame at the
    // latest).
    if (view == view_drawn_ && !opened.empty()) view = opened;
    view_drawn_ = opened;
  }
  view_ = view;
  if (view == "ops") {
    if (const std::optional<std::string> name = tables_.draw_ops(ctx, p)) {
      timeline_.find_name(ctx, *name);
      view = "timeline";
    }
  } else if (view == "overview") {
    tables_.draw_overview(ctx, p);
  } else if (view == "memory") {
    tables_.draw_memory(ctx, p);
  } else {
    timeline_.draw(ctx, p);
  }
}

// [SECTION] state ------------------------------------------------------------------------------------
void ProfileDashboard::write_state(store::JsonWriter& j, const store::Store&) const {
  j.key("profile").begin_object();
  j.key("path").value(path_).key("state").value(state_).key("error").value(error_).key("tab").value(view_);
  if (shown_) {
    j.key("loadMs").value(shown_->load_ms).key("parseMs").value(shown_->parse_ms);
    j.key("indexMs")
        .value(shown_->index_ms)
        .key("waitMs")
        .value(shown_->wait_ms)
        .key("fileBytes")
        .value(shown_->bytes_total);
    j.key("memoryBytes").value(static_cast<std::uint64_t>(shown_->trace.memory_bytes()));
    j.key("slices").value(static_cast<std::uint64_t>(shown_->trace.slices.size()));
  }
  if (view_ == "timeline") timeline_.write_state(j);
  tables_.write_state(j, shown_);
  j.end_object();
}

}  // namespace el::ui
