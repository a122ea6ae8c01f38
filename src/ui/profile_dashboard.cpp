// [SECTION] sidebar: which profile
// [SECTION] body: loading, problems, the timeline
// [SECTION] timeline: ruler, tracks, boxes, interaction, tooltip
// [SECTION] state
#include "ui/profile_dashboard.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "profile/trace_summary.h"
#include "ui/widgets.h"

namespace el::ui {
namespace {

const DashboardInfo kInfo{"profile", "Profile",
                          "PyTorch and TensorFlow profiles (plugins/profile, *.pt.trace.json) as a trace "
                          "timeline: processes, threads and GPU streams, nested slices, zoom and pan.",
                          events::Kind::kTensors, true};

constexpr float kLabelWidth = 220;  // the track names' column
constexpr float kRowHeight = 18;
constexpr float kRulerHeight = 24;

// A duration in ps as a person reads it: "1.25 ms", "830 µs", "12 ns".
std::string format_ps(double ps) {
  const double a = std::abs(ps);
  const char* unit = "ps";
  double v = ps;
  if (a >= 1e12)
    v = ps / 1e12, unit = "s";
  else if (a >= 1e9)
    v = ps / 1e9, unit = "ms";
  else if (a >= 1e6)
    v = ps / 1e6, unit = "\xc2\xb5s";
  else if (a >= 1e3)
    v = ps / 1e3, unit = "ns";
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.3g %s", v, unit);
  return buf;
}

// A slice's colour from its name, so the same op looks the same everywhere.
ImU32 colour_of(std::uint32_t name, bool merged) {
  const std::uint32_t h = name * 2654435761u;
  const float hue = static_cast<float>(h % 360) / 360.0f;
  const ImVec4 c = ImColor::HSV(hue, merged ? 0.15f : 0.45f, merged ? 0.55f : 0.78f);
  return ImGui::ColorConvertFloat4ToU32(c);
}

// A round ruler step (1, 2 or 5 times a power of ten ps) at least `min_ps` wide.
double tick_step(double min_ps) {
  double step = 1;
  while (step * 10 <= min_ps) step *= 10;
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (step * m >= min_ps) return step * m;
  return step * 10;
}

}  // namespace

const DashboardInfo& ProfileDashboard::info() const { return kInfo; }

bool ProfileDashboard::has_data(const UiContext& ctx) const {
  return ctx.profiles && !ctx.profiles->profiles().empty();
}

// [SECTION] sidebar: which profile -----------------------------------------------------------
void ProfileDashboard::draw_sidebar(const UiContext& ctx) {
  section_heading(ctx.fonts, "Profile");
  if (!ctx.profiles) return;
  const std::vector<profile::ProfileFile>& files = ctx.profiles->profiles();
  if (files.empty()) {
    ImGui::TextWrapped("No profiles among the opened files.");
    return;
  }
  if (chosen_.empty()) chosen_ = files.front().path;
  ImGui::TextUnformatted("Profile file");
  ImGui::SetNextItemWidth(-1);
  if (ImGui::BeginCombo("##profile", fit_middle(chosen_, ImGui::GetContentRegionAvail().x - 30).c_str())) {
    for (const profile::ProfileFile& f : files) {
      const std::string label = f.run + " \xc2\xb7 " + f.host;
      if (ImGui::Selectable(label.c_str(), f.path == chosen_)) chosen_ = f.path;
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", f.path.c_str());
    }
    ImGui::EndCombo();
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Which profile the timeline shows (run \xc2\xb7 host or worker)");
  const LoadedProfile& p = ctx.profiles->loaded();
  if (p.state == ProfileState::kReady && p.path == chosen_) {
    const profile::TraceSummary s = profile::summarize(p.trace, 0);
    ImGui::Spacing();
    ImGui::Text("%llu slices, %zu tracks", static_cast<unsigned long long>(s.slices), p.trace.tracks.size());
    ImGui::Text("span %s", format_ps(static_cast<double>(s.end_ps - s.begin_ps)).c_str());
    ImGui::Text("read in %.0f ms", p.load_ms);
    ImGui::Spacing();
    ImGui::TextWrapped("Wheel or W/S: zoom. Drag or A/D: pan. Double-click: fit.");
  }
}

// [SECTION] body: loading, problems, the timeline ---------------------------------------------
void ProfileDashboard::draw(const UiContext& ctx) {
  drawn_ = {};
  if (!ctx.profiles || ctx.profiles->profiles().empty()) {
    ImGui::TextWrapped("No profiles: open a folder with plugins/profile/ or *.pt.trace.json files.");
    return;
  }
  if (chosen_.empty()) chosen_ = ctx.profiles->profiles().front().path;
  const LoadedProfile& p = ctx.profiles->load(chosen_);
  drawn_.path = p.path;
  switch (p.state) {
    case ProfileState::kNone: drawn_.state = "none"; return;
    case ProfileState::kLoading: {
      drawn_.state = "loading";
      const float done =
          p.bytes_total ? static_cast<float>(p.bytes_done) / static_cast<float>(p.bytes_total) : 0;
      ImGui::TextUnformatted(("Reading " + p.path).c_str());
      ImGui::ProgressBar(done, ImVec2(std::min(480.0f, ImGui::GetContentRegionAvail().x), 0));
      if (ctx.wants_frame) *ctx.wants_frame = true;
      return;
    }
    case ProfileState::kError:
      drawn_.state = "error";
      drawn_.error = p.error;
      ImGui::TextWrapped("%s", p.error.c_str());
      return;
    case ProfileState::kReady: drawn_.state = "ready"; break;
  }
  for (const std::string& problem : p.trace.problems) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.7f, 0.3f, 1));
    ImGui::TextWrapped("%s", problem.c_str());
    ImGui::PopStyleColor();
  }
  if (p.generation != generation_) {  // a new profile: show all of it
    generation_ = p.generation;
    t0_ = static_cast<double>(p.timeline->begin_ps());
    t1_ = static_cast<double>(std::max(p.timeline->end_ps(), p.timeline->begin_ps() + 1));
  }
  draw_timeline(p);
}

// [SECTION] timeline: ruler, tracks, boxes, interaction, tooltip ------------------------------
void ProfileDashboard::draw_timeline(const LoadedProfile& p) {
  const profile::Trace& trace = p.trace;
  const profile::Timeline& tl = *p.timeline;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float plot_x0 = origin.x + kLabelWidth, plot_x1 = origin.x + avail.x - 8;
  const float plot_w = std::max(10.0f, plot_x1 - plot_x0);
  ImDrawList* dl = ImGui::GetWindowDrawList();

  // Interaction over the whole area (the tracks' child included): wheel zooms
  // about the cursor, dragging a press that began here pans.
  ImGuiIO& io = ImGui::GetIO();
  const bool hovered = ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) && io.MousePos.x >= origin.x &&
                       io.MousePos.x < origin.x + avail.x && io.MousePos.y >= origin.y &&
                       io.MousePos.y < origin.y + avail.y;
  if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) dragging_ = true;
  if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) dragging_ = false;
  const double span = t1_ - t0_;
  auto to_x = [&](double t) { return plot_x0 + static_cast<float>((t - t0_) / span) * plot_w; };
  const double at_mouse = t0_ + (io.MousePos.x - plot_x0) / plot_w * span;
  auto zoom = [&](double factor, double about) {
    const double now = t1_ - t0_;
    const double new_span = std::max(1000.0, now * factor);  // 1 ns across the plot at the most
    t0_ = about - (about - t0_) * (new_span / now);
    t1_ = t0_ + new_span;
  };
  if (hovered && io.MouseWheel != 0 && !io.KeyShift) zoom(std::pow(0.8, io.MouseWheel), at_mouse);
  if (dragging_ && io.MouseDelta.x != 0) {
    const double dt = -io.MouseDelta.x / plot_w * span;
    t0_ += dt, t1_ += dt;
  }
  if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
    t0_ = static_cast<double>(tl.begin_ps());
    t1_ = static_cast<double>(std::max(tl.end_ps(), tl.begin_ps() + 1));
  }
  if (hovered && !io.WantTextInput) {
    // W/S/A/D as typed characters (ImGui 1.86 maps no key index to them; held keys repeat).
    for (const ImWchar c : io.InputQueueCharacters) {
      const double centre = (t0_ + t1_) / 2, width = t1_ - t0_;
      switch (c | 0x20) {
        case 'w': zoom(0.8, centre); break;
        case 's': zoom(1.25, centre); break;
        case 'a': t0_ -= width * 0.1, t1_ -= width * 0.1; break;
        case 'd': t0_ += width * 0.1, t1_ += width * 0.1; break;
        default: break;
      }
    }
  }
  const double v0 = t0_, v1 = t1_, ps_per_px = (v1 - v0) / plot_w;
  drawn_.view[0] = v0, drawn_.view[1] = v1;

  // The ruler: round steps at least 90 px apart, labelled from the view's start.
  const float ruler_y = origin.y;
  dl->AddRectFilled(ImVec2(origin.x, ruler_y), ImVec2(plot_x1, ruler_y + kRulerHeight),
                    ImGui::GetColorU32(ImGuiCol_FrameBg));
  const double step = tick_step(90 * ps_per_px), begin = static_cast<double>(tl.begin_ps());
  for (double t = begin + std::ceil((v0 - begin) / step) * step; t <= v1;
       t += step) {  // round from the start
    const float x = to_x(t);
    dl->AddLine(ImVec2(x, ruler_y + kRulerHeight - 6), ImVec2(x, ruler_y + kRulerHeight),
                ImGui::GetColorU32(ImGuiCol_Text));
    dl->AddText(ImVec2(x + 3, ruler_y + 3), ImGui::GetColorU32(ImGuiCol_Text), format_ps(t - begin).c_str());
  }

  // Tracks, process by process: a label per track, a row per depth, in a
  // child that scrolls vertically (its scrollbar, or Shift+wheel; the wheel zooms).
  ImGui::SetCursorScreenPos(ImVec2(origin.x, ruler_y + kRulerHeight));
  ImGui::BeginChild("##tracks", ImVec2(avail.x, std::max(1.0f, avail.y - kRulerHeight)), false,
                    ImGuiWindowFlags_NoScrollWithMouse);
  if (hovered || ImGui::IsWindowHovered()) {
    if (io.KeyShift && io.MouseWheel != 0)
      ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseWheel * 3 * kRowHeight);
  }
  dl = ImGui::GetWindowDrawList();
  const float view_top = ImGui::GetWindowPos().y, view_bottom = view_top + ImGui::GetWindowHeight();
  float y = ImGui::GetCursorScreenPos().y + 4;
  const float content_top = y;
  std::int64_t hovered_slice = -1;
  std::uint32_t hovered_merged = 0;
  std::uint32_t last_process = ~0u;
  for (std::uint32_t track = 0; track < trace.tracks.size(); ++track) {
    const std::uint32_t depths = tl.depth_count(track);
    if (depths == 0) continue;
    const profile::Track& tr = trace.tracks[track];
    if (tr.process != last_process) {  // the process's name as a header
      last_process = tr.process;
      dl->AddText(ImVec2(origin.x + 4, y), ImGui::GetColorU32(ImGuiCol_Text),
                  profile::display_name(trace.processes[tr.process]).c_str());
      y += kRowHeight;
    }
    dl->AddText(ImVec2(origin.x + 16, y + 1), ImGui::GetColorU32(ImGuiCol_TextDisabled),
                fit_middle(tr.name, kLabelWidth - 24).c_str());
    for (std::uint32_t d = 0; d < depths; ++d, y += kRowHeight) {
      const std::uint32_t row = tl.first_row(track) + d;
      drawn_.slices_in_span +=
          tl.count(row, static_cast<std::int64_t>(std::floor(v0)), static_cast<std::int64_t>(std::ceil(v1)));
      if (y + kRowHeight < view_top || y > view_bottom) continue;  // scrolled away
      boxes_.clear();
      tl.boxes(row, static_cast<std::int64_t>(std::floor(v0)), static_cast<std::int64_t>(std::ceil(v1)),
               ps_per_px, boxes_);
      ++drawn_.rows;
      for (const profile::Timeline::Box& b : boxes_) {
        const float x0 = std::max(plot_x0, to_x(static_cast<double>(b.start_ps)));
        const float x1 = std::max(x0 + 1, std::min(plot_x1, to_x(static_cast<double>(b.end_ps))));
        const std::uint32_t name = trace.slices[b.slice].name;
        dl->AddRectFilled(ImVec2(x0, y + 1), ImVec2(x1, y + kRowHeight - 1), colour_of(name, b.merged > 1));
        if (b.merged == 1 && x1 - x0 > 40) {
          const std::string label = fit_middle(trace.text(name), x1 - x0 - 6);
          dl->PushClipRect(ImVec2(x0, y), ImVec2(x1, y + kRowHeight), true);
          dl->AddText(ImVec2(x0 + 3, y + 1), IM_COL32(20, 20, 20, 255), label.c_str());
          dl->PopClipRect();
        }
        ++drawn_.boxes;
        drawn_.merged_boxes += b.merged > 1;
        drawn_.slices += b.merged;
        if (hovered && io.MousePos.y >= y && io.MousePos.y < y + kRowHeight && io.MousePos.x >= x0 &&
            io.MousePos.x < x1)
          hovered_slice = b.slice, hovered_merged = b.merged;
      }
    }
    y += 4;
  }
  ImGui::Dummy(ImVec2(1, y - content_top + 8));  // the content's height: what the scrollbar scrolls
  ImGui::EndChild();
  drawn_.rect[0] = plot_x0, drawn_.rect[1] = ruler_y + kRulerHeight, drawn_.rect[2] = plot_w,
  drawn_.rect[3] = avail.y - kRulerHeight;

  if (hovered_slice >= 0) {
    const profile::Slice& s = trace.slices[static_cast<std::size_t>(hovered_slice)];
    drawn_.hovered = trace.text(s.name);
    ImGui::BeginTooltip();
    if (hovered_merged > 1) {
      ImGui::Text("%u slices narrower than a pixel, the first:", hovered_merged);
    }
    ImGui::TextUnformatted(trace.text(s.name).c_str());
    ImGui::Text("duration %s", format_ps(static_cast<double>(s.duration_ps)).c_str());
    ImGui::Text("starts at %s", format_ps(static_cast<double>(s.start_ps - tl.begin_ps())).c_str());
    if (s.category) ImGui::Text("category %s", trace.text(s.category).c_str());
    if (s.args) {
      std::string args = trace.args_json(s.args);
      if (args.size() > 600) args = args.substr(0, 600) + "...";
      ImGui::PushTextWrapPos(ImGui::GetFontSize() * 36);
      ImGui::TextUnformatted(args.c_str());
      ImGui::PopTextWrapPos();
    }
    ImGui::EndTooltip();
  }
}

// [SECTION] state -----------------------------------------------------------------------------
void ProfileDashboard::write_state(store::JsonWriter& j, const store::Store&) const {
  j.key("profile").begin_object();
  j.key("path").value(drawn_.path).key("state").value(drawn_.state).key("error").value(drawn_.error);
  j.key("rows")
      .value(drawn_.rows)
      .key("boxes")
      .value(drawn_.boxes)
      .key("mergedBoxes")
      .value(drawn_.merged_boxes);
  j.key("slicesInView").value(drawn_.slices).key("slicesInSpan").value(drawn_.slices_in_span);
  j.key("hovered").value(drawn_.hovered);
  j.key("view").begin_array().value(drawn_.view[0]).value(drawn_.view[1]).end_array();
  j.key("rect").begin_array();
  for (float f : drawn_.rect) j.value(static_cast<double>(f));
  j.end_array().end_object();
}

}  // namespace el::ui
