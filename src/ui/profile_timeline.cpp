// [SECTION] helpers: colours, ruler steps, rows
// [SECTION] view: fit, search, jumping to a slice
// [SECTION] toolbar: search, flows, range, fit
// [SECTION] tracks: interaction, ruler, processes, ticks, slices, counters, flows
// [SECTION] details: the selected slice, the range's totals
// [SECTION] state
#include "ui/profile_timeline.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "profile/trace_summary.h"
#include "store/json_writer.h"
#include "ui/format.h"
#include "ui/search_regex.h"
#include "ui/widgets.h"

namespace el::ui {
namespace {

constexpr float kLabelWidth = 220;  // the track names' column
constexpr float kRowHeight = 18;
constexpr float kRulerHeight = 24;
constexpr float kTickLane = 10;       // a track's instants, above its rows
constexpr float kCounterHeight = 36;  // a counter series' chart
constexpr float kDetailsHeight = 190;
constexpr std::size_t kMaxFlowsDrawn = 4000;  // "All flows": beyond this many in view, the first ones

// [SECTION] helpers: colours, ruler steps, rows ------------------------------------------------

// A slice's colour from its name, so the same op looks the same everywhere.
ImU32 colour_of(std::uint32_t name, bool merged, float alpha) {
  const std::uint32_t h = name * 2654435761u;
  const float hue = static_cast<float>(h % 360) / 360.0f;
  ImVec4 c = ImColor::HSV(hue, merged ? 0.15f : 0.45f, merged ? 0.55f : 0.78f);
  c.w = alpha;
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

// The row (depth) of a slice within its track.
std::uint32_t depth_of(const profile::Timeline& tl, std::uint32_t track, std::int64_t slice) {
  return tl.row_of(static_cast<std::uint32_t>(slice)) - tl.first_row(track);
}

std::string escape_regex(const std::string& s) {
  std::string out;
  for (const char c : s) {
    if (std::string_view("\\^$.|?*+()[]{}").find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

// [SECTION] view: fit, search, jumping to a slice ----------------------------------------------
void ProfileTimeline::fit(const LoadedProfile& p) {
  t0_ = static_cast<double>(p.timeline->begin_ps());
  t1_ = static_cast<double>(std::max(p.timeline->end_ps(), p.timeline->begin_ps() + 1));
}

void ProfileTimeline::update_search(const UiContext& ctx, const LoadedProfile& p) {
  const std::string& pattern = ctx.settings->profile_search;
  if (!search_stale_ && pattern == searched_) return;
  search_stale_ = false;
  searched_ = pattern;
  matches_.clear();
  current_ = -1;
  name_hit_.assign(p.trace.string_count(), 0);
  search_valid_ = true;
  if (pattern.empty()) return;
  std::regex re;
  search_valid_ = compile_search_regex(pattern, re);
  if (!search_valid_) return;
  matches_ =
      profile::find_slices(p.trace, [&](const std::string& name) { return std::regex_search(name, re); });
  for (const std::uint32_t s : matches_) name_hit_[p.trace.slices[s].name] = 1;
}

void ProfileTimeline::go_to_match(const LoadedProfile& p, int step) {
  if (matches_.empty()) return;
  const int n = static_cast<int>(matches_.size());
  current_ = current_ < 0 ? (step > 0 ? 0 : n - 1) : ((current_ + step) % n + n) % n;
  selected_ = matches_[static_cast<std::size_t>(current_)];
  show_slice(p, selected_);
}

void ProfileTimeline::show_slice(const LoadedProfile& p, std::int64_t slice) {
  const profile::Slice& s = p.trace.slices[static_cast<std::size_t>(slice)];
  const double width = t1_ - t0_, d = static_cast<double>(s.duration_ps);
  // Wider than the view: fit it. Under two pixels: zoom until it is a fiftieth of the view. Else keep the
  // zoom.
  const double ps_per_px = width / std::max(10.0f, plot_w_);
  double new_width = width;
  if (d > width * 0.8)
    new_width = std::max(1000.0, d * 1.25);
  else if (d < 2 * ps_per_px)
    new_width = std::min(width, std::max(1000.0, d * 50));
  const double centre = static_cast<double>(s.start_ps) + d / 2;
  t0_ = centre - new_width / 2, t1_ = centre + new_width / 2;
  scroll_to_ = slice;
}

void ProfileTimeline::find_name(const UiContext& ctx, const std::string& name) {
  ctx.settings->profile_search = "^" + escape_regex(name) + "$";
  search_stale_ = true;  // recompute next frame, then show the first
  current_ = -1;
  pending_first_ = true;
}

// [SECTION] toolbar: search, flows, range, fit -------------------------------------------------
void ProfileTimeline::toolbar(const UiContext& ctx, const LoadedProfile& p) {
  Settings& s = *ctx.settings;
  ImGui::SetNextItemWidth(260);
  if (!search_valid_) ImGui::PushStyleColor(ImGuiCol_FrameBg, ImVec4(0.55f, 0.12f, 0.12f, 0.6f));
  const ImVec2 box = ImGui::GetCursorScreenPos();
  const bool enter = input_string("##prsearch", "search slices (regex)", s.profile_search,
                                  ImGuiInputTextFlags_EnterReturnsTrue);
  drawn_.search[0] = box.x + 130, drawn_.search[1] = box.y + ImGui::GetFrameHeight() / 2;
  if (!search_valid_) ImGui::PopStyleColor();
  tooltip(
      "Find slices by name: a regular expression, case-insensitive (e.g. conv|gemm).\n"
      "Enter or Next shows the next match; matches stay bright, the rest fade.");
  update_search(ctx, p);
  if (pending_first_ && !matches_.empty()) go_to_match(p, +1);
  pending_first_ = false;
  if (enter) go_to_match(p, +1);
  ImGui::SameLine();
  if (ImGui::ArrowButton("##prev", ImGuiDir_Left)) go_to_match(p, -1);
  tooltip("Previous match");
  ImGui::SameLine();
  const ImVec2 next = ImGui::GetCursorScreenPos();
  if (ImGui::ArrowButton("##next", ImGuiDir_Right)) go_to_match(p, +1);
  drawn_.next[0] = next.x + ImGui::GetFrameHeight() / 2,
  drawn_.next[1] = next.y + ImGui::GetFrameHeight() / 2;
  tooltip("Next match (or Enter in the search box)");
  ImGui::SameLine();
  if (!search_valid_)
    ImGui::TextColored(ImVec4(0.95f, 0.5f, 0.4f, 1), "invalid regex");
  else if (!s.profile_search.empty())
    ImGui::Text("%s of %s",
                current_ < 0 ? "-" : format_count(static_cast<std::uint64_t>(current_) + 1).c_str(),
                format_count(matches_.size()).c_str());
  ImGui::SameLine(0, 24);
  ImGui::Checkbox("All flows", &all_flows_);
  tooltip(
      "Draw every flow arrow in view (CPU launches to their GPU kernels...).\n"
      "Off: only the arrows of the selected slice.");
  ImGui::SameLine(0, 24);
  const double* r = s.profile_range;
  if (r[1] > r[0]) {
    ImGui::Text("Range %s", format_duration_ps(r[1] - r[0]).c_str());
    ImGui::SameLine();
    if (ImGui::SmallButton("Clear range")) s.profile_range[0] = s.profile_range[1] = 0;
    tooltip("Forget the selected range (or press Esc)");
  } else {
    ImGui::TextDisabled("Drag on the ruler to select a range");
  }
  ImGui::SameLine(0, 24);
  if (ImGui::SmallButton("Fit")) fit(p);
  tooltip("Show the whole profile (or double-click the timeline)");
}

// [SECTION] tracks: interaction, ruler, processes, ticks, slices, counters, flows ---------------
void ProfileTimeline::draw(const UiContext& ctx, const LoadedProfile& p) {
  drawn_ = {};
  shown_ = &p;
  const profile::Trace& trace = p.trace;
  if (p.generation != generation_) {  // a new profile: show all of it, in process order
    generation_ = p.generation;
    fit(p);
    selected_ = -1;
    search_stale_ = true;
    counter_range_.assign(trace.counter_series.size(), {0.0, 0.0});
    for (const profile::CounterSample& c : trace.counters) {
      auto& [lo, hi] = counter_range_[c.series];
      lo = std::min(lo, c.value), hi = std::max(hi, c.value);
    }
    std::vector<bool> shown(trace.processes.size(), false), counted(trace.processes.size(), false);
    for (std::uint32_t t = 0; t < trace.tracks.size(); ++t)
      if (p.timeline->depth_count(t) || !p.marks->instants(t).empty()) shown[trace.tracks[t].process] = true;
    for (const profile::CounterSeries& c : trace.counter_series) counted[c.process] = true;
    counters_only_.clear();
    for (std::uint32_t proc = 0; proc < trace.processes.size(); ++proc)
      if (counted[proc] && !shown[proc]) counters_only_.push_back(proc);
    track_order_.resize(trace.tracks.size());
    for (std::uint32_t t = 0; t < track_order_.size(); ++t) track_order_[t] = t;
    std::stable_sort(track_order_.begin(), track_order_.end(), [&](std::uint32_t a, std::uint32_t b) {
      const profile::Track &x = trace.tracks[a], &y = trace.tracks[b];
      const profile::Process &px = trace.processes[x.process], &py = trace.processes[y.process];
      if (px.sort_index != py.sort_index) return px.sort_index < py.sort_index;
      if (x.process != y.process) return x.process < y.process;
      return x.tid < y.tid;
    });
  }
  toolbar(ctx, p);
  const bool details = selected_ >= 0 || ctx.settings->profile_range[1] > ctx.settings->profile_range[0];
  const float avail_h = ImGui::GetContentRegionAvail().y;
  const float tracks_h = std::max(120.0f, avail_h - (details ? kDetailsHeight + 6 : 0));
  draw_tracks(ctx, p, tracks_h);
  if (details) draw_details(ctx, p, std::max(60.0f, avail_h - tracks_h - 6));
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)) && !ImGui::IsAnyItemActive()) {
    if (selected_ >= 0)
      selected_ = -1;
    else
      ctx.settings->profile_range[0] = ctx.settings->profile_range[1] = 0;
  }
}

void ProfileTimeline::draw_tracks(const UiContext& ctx, const LoadedProfile& p, float height) {
  const profile::Trace& trace = p.trace;
  const profile::Timeline& tl = *p.timeline;
  const profile::TraceMarks& marks = *p.marks;
  Settings& settings = *ctx.settings;
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float avail_w = ImGui::GetContentRegionAvail().x;
  const float plot_x0 = origin.x + kLabelWidth, plot_x1 = origin.x + avail_w - 8;
  const float plot_w = std::max(10.0f, plot_x1 - plot_x0);
  plot_w_ = plot_w;
  const double begin = static_cast<double>(tl.begin_ps());

  // Interaction over the whole area: wheel zooms about the cursor; a press on
  // the ruler selects a range, one on the tracks pans (a still one selects a slice).
  ImGuiIO& io = ImGui::GetIO();
  const bool hovered = ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) && io.MousePos.x >= origin.x &&
                       io.MousePos.x < origin.x + avail_w && io.MousePos.y >= origin.y &&
                       io.MousePos.y < origin.y + height;
  const bool on_ruler = hovered && io.MousePos.y < origin.y + kRulerHeight && io.MousePos.x >= plot_x0;
  const double span = t1_ - t0_;
  auto to_x = [&](double t) { return plot_x0 + static_cast<float>((t - t0_) / span) * plot_w; };
  auto to_t = [&](float x) { return t0_ + static_cast<double>(x - plot_x0) / plot_w * span; };
  bool clicked = false;  // a press released where it began: select what is under it
  if (hovered && ImGui::IsMouseClicked(ImGuiMouseButton_Left)) {
    if (on_ruler) {
      selecting_ = true;
      select_anchor_ = std::clamp(to_t(io.MousePos.x), begin, static_cast<double>(tl.end_ps()));
    } else {
      dragging_ = true;
      press_x_ = io.MousePos.x, press_y_ = io.MousePos.y;
    }
  }
  if (selecting_) {
    const double t = std::clamp(to_t(io.MousePos.x), begin, static_cast<double>(tl.end_ps()));
    settings.profile_range[0] = std::min(select_anchor_, t) - begin;
    settings.profile_range[1] = std::max(select_anchor_, t) - begin;
    if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) selecting_ = false;
  }
  if (dragging_ && !ImGui::IsMouseDown(ImGuiMouseButton_Left)) {
    dragging_ = false;
    clicked = std::abs(io.MousePos.x - press_x_) < 3 && std::abs(io.MousePos.y - press_y_) < 3;
  }
  auto zoom = [&](double factor, double about) {
    const double now = t1_ - t0_;
    const double new_span = std::max(1000.0, now * factor);  // 1 ns across the plot at the most
    t0_ = about - (about - t0_) * (new_span / now);
    t1_ = t0_ + new_span;
  };
  if (hovered && io.MouseWheel != 0 && !io.KeyShift) zoom(std::pow(0.8, io.MouseWheel), to_t(io.MousePos.x));
  if (dragging_ && io.MouseDelta.x != 0) {
    const double dt = -io.MouseDelta.x / plot_w * span;
    t0_ += dt, t1_ += dt;
  }
  if (hovered && !on_ruler && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) fit(p);
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
  const auto q0 = static_cast<std::int64_t>(std::floor(v0)), q1 = static_cast<std::int64_t>(std::ceil(v1));
  drawn_.view[0] = v0, drawn_.view[1] = v1;

  // The ruler: round steps at least 90 px apart, labelled from the profile's start.
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float ruler_y = origin.y;
  dl->AddRectFilled(ImVec2(origin.x, ruler_y), ImVec2(plot_x1, ruler_y + kRulerHeight),
                    ImGui::GetColorU32(on_ruler || selecting_ ? ImGuiCol_FrameBgHovered : ImGuiCol_FrameBg));
  const double step = tick_step(90 * ps_per_px);
  for (double t = begin + std::ceil((v0 - begin) / step) * step; t <= v1; t += step) {
    const float x = to_x(t);
    dl->AddLine(ImVec2(x, ruler_y + kRulerHeight - 6), ImVec2(x, ruler_y + kRulerHeight),
                ImGui::GetColorU32(ImGuiCol_Text));
    dl->AddText(ImVec2(x + 3, ruler_y + 3), ImGui::GetColorU32(ImGuiCol_Text),
                format_duration_ps(t - begin).c_str());
  }
  if (on_ruler && !selecting_)
    ImGui::SetTooltip("Drag on the ruler to select a range: the time per name inside it");
  drawn_.ruler[0] = plot_x0, drawn_.ruler[1] = ruler_y, drawn_.ruler[2] = plot_w,
  drawn_.ruler[3] = kRulerHeight;

  // Tracks, process by process, in a child that scrolls vertically (its
  // scrollbar, or Shift+wheel; the wheel zooms).
  ImGui::SetCursorScreenPos(ImVec2(origin.x, ruler_y + kRulerHeight));
  ImGui::BeginChild("##tracks", ImVec2(avail_w, std::max(1.0f, height - kRulerHeight)), false,
                    ImGuiWindowFlags_NoScrollWithMouse);
  if ((hovered || ImGui::IsWindowHovered()) && io.KeyShift && io.MouseWheel != 0)
    ImGui::SetScrollY(ImGui::GetScrollY() - io.MouseWheel * 3 * kRowHeight);
  dl = ImGui::GetWindowDrawList();
  const float view_top = ImGui::GetWindowPos().y, view_bottom = view_top + ImGui::GetWindowHeight();
  float y = ImGui::GetCursorScreenPos().y + 4;
  const float content_top = y;
  const bool searching = !settings.profile_search.empty() && search_valid_;
  std::int64_t hovered_slice = -1;
  std::uint32_t hovered_merged = 0;
  std::vector<float> row0_y(trace.tracks.size(), -1);  // the top of each track's first row (flows)
  const ImU32 text_col = ImGui::GetColorU32(ImGuiCol_Text),
              dim_col = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  const ImU32 highlight = IM_COL32(255, 220, 60, 255);

  // A process's counters: a small step chart per series, a value per pixel column.
  auto draw_counters = [&](std::uint32_t process) {
    for (const std::uint32_t series : marks.series_order()) {
      if (trace.counter_series[series].process != process) continue;
      const std::span<const std::uint32_t> samples = marks.samples(series);
      ++drawn_.counter_tracks;
      dl->AddText(ImVec2(origin.x + 16, y + 1), dim_col,
                  fit_middle(trace.text(trace.counter_series[series].name), kLabelWidth - 24).c_str());
      if (y + kCounterHeight >= view_top && y <= view_bottom && !samples.empty()) {
        auto ts = [&](std::uint32_t i) { return trace.counters[i].ts_ps; };
        const auto [lo, hi] = counter_range_[series];  // over the whole trace, so zooming keeps the scale
        const double scale = hi > lo ? (kCounterHeight - 6) / (hi - lo) : 0;
        const float base_y = y + kCounterHeight - 3;
        float prev_x = plot_x0, prev_y = base_y;
        bool have = false;
        for (float x = plot_x0; x < plot_x1; x += 1) {
          // The value in effect at the column's end: the last sample before it.
          const std::size_t k =
              profile::TraceMarks::lower(samples, static_cast<std::int64_t>(to_t(x + 1)), ts);
          if (k == 0) continue;
          const double v = trace.counters[samples[k - 1]].value;
          const float vy = base_y - static_cast<float>((v - lo) * scale);
          if (have) dl->AddLine(ImVec2(prev_x, prev_y), ImVec2(x, prev_y), IM_COL32(90, 170, 230, 255));
          if (have && vy != prev_y)
            dl->AddLine(ImVec2(x, prev_y), ImVec2(x, vy), IM_COL32(90, 170, 230, 255));
          dl->AddLine(ImVec2(x, vy), ImVec2(x, base_y), IM_COL32(90, 170, 230, 70));
          prev_x = x, prev_y = vy, have = true;
        }
        if (hovered && io.MousePos.y >= y && io.MousePos.y < y + kCounterHeight && io.MousePos.x >= plot_x0) {
          const std::size_t k =
              profile::TraceMarks::lower(samples, static_cast<std::int64_t>(to_t(io.MousePos.x)) + 1, ts);
          if (k > 0)
            ImGui::SetTooltip("%s\n%s at %s", trace.text(trace.counter_series[series].name).c_str(),
                              format_value(trace.counters[samples[k - 1]].value).c_str(),
                              format_duration_ps(static_cast<double>(ts(samples[k - 1])) - begin).c_str());
        }
      }
      y += kCounterHeight + 2;
    }
  };

  std::uint32_t last_process = ~0u;
  std::int64_t scroll_target = -1;
  for (const std::uint32_t track : track_order_) {
    const std::uint32_t depths = tl.depth_count(track);
    const std::span<const std::uint32_t> ticks = marks.instants(track);
    if (depths == 0 && ticks.empty()) continue;
    const profile::Track& tr = trace.tracks[track];
    if (tr.process != last_process) {  // the process's name as a header; the last one's counters first
      if (last_process != ~0u) draw_counters(last_process);
      last_process = tr.process;
      dl->AddText(ImVec2(origin.x + 4, y), text_col,
                  profile::display_name(trace.processes[tr.process]).c_str());
      y += kRowHeight;
    }
    // (a track with no thread holds a process's or the whole trace's instants)
    dl->AddText(ImVec2(origin.x + 16, y + 1), dim_col,
                fit_middle(tr.name.empty() ? "(no thread)" : tr.name, kLabelWidth - 24).c_str());
    if (!ticks.empty()) {
      // Instants: a tick per pixel column that has any, jumping over the rest.
      if (y + kTickLane >= view_top && y <= view_bottom) {
        auto ts = [&](std::uint32_t i) { return trace.instants[i].ts_ps; };
        std::size_t k = profile::TraceMarks::lower(ticks, q0, ts);
        while (k < ticks.size() && ts(ticks[k]) <= q1) {
          const float x = std::floor(to_x(static_cast<double>(ts(ticks[k]))));
          dl->AddTriangleFilled(ImVec2(x - 3, y + 1), ImVec2(x + 3, y + 1), ImVec2(x, y + kTickLane - 2),
                                IM_COL32(230, 120, 60, 230));
          ++drawn_.ticks;
          if (hovered && std::abs(io.MousePos.x - x) < 3 && io.MousePos.y >= y &&
              io.MousePos.y < y + kTickLane) {
            const profile::Instant& in = trace.instants[ticks[k]];
            ImGui::SetTooltip("%s (instant)\nat %s\n%s", trace.text(in.name).c_str(),
                              format_duration_ps(static_cast<double>(in.ts_ps) - begin).c_str(),
                              trace.args_json(in.args).substr(0, 400).c_str());
          }
          k = profile::TraceMarks::lower(ticks, static_cast<std::int64_t>(std::ceil(to_t(x + 1))), ts);
        }
      }
      y += kTickLane;
    }
    row0_y[track] = y;
    if (scroll_to_ >= 0 && trace.slices[static_cast<std::size_t>(scroll_to_)].track == track)
      scroll_target =
          static_cast<std::int64_t>(y - content_top + depth_of(tl, track, scroll_to_) * kRowHeight);
    for (std::uint32_t d = 0; d < depths; ++d, y += kRowHeight) {
      const std::uint32_t row = tl.first_row(track) + d;
      drawn_.slices_in_span += tl.count(row, q0, q1);
      if (y + kRowHeight < view_top || y > view_bottom) continue;  // scrolled away
      boxes_.clear();
      tl.boxes(row, q0, q1, ps_per_px, boxes_);
      ++drawn_.rows;
      for (const profile::Timeline::Box& b : boxes_) {
        const float x0 = std::max(plot_x0, to_x(static_cast<double>(b.start_ps)));
        const float x1 = std::max(x0 + 1, std::min(plot_x1, to_x(static_cast<double>(b.end_ps))));
        const std::uint32_t name = trace.slices[b.slice].name;
        const bool lit = !searching || (b.merged == 1 && name_hit_[name]);
        dl->AddRectFilled(ImVec2(x0, y + 1), ImVec2(x1, y + kRowHeight - 1),
                          colour_of(name, b.merged > 1, lit ? 1.0f : 0.25f));
        if (b.merged == 1 && x1 - x0 > 40) {
          const std::string label = fit_middle(trace.text(name), x1 - x0 - 6);
          dl->PushClipRect(ImVec2(x0, y), ImVec2(x1, y + kRowHeight), true);
          dl->AddText(ImVec2(x0 + 3, y + 1), lit ? IM_COL32(20, 20, 20, 255) : IM_COL32(20, 20, 20, 110),
                      label.c_str());
          dl->PopClipRect();
        }
        if (selected_ >= b.slice && selected_ < b.slice + b.merged)
          dl->AddRect(ImVec2(x0 - 1, y), ImVec2(x1 + 1, y + kRowHeight), highlight, 0, 0, 2);
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
  if (last_process != ~0u) draw_counters(last_process);
  for (const std::uint32_t proc : counters_only_) {  // processes with counters and no track shown
    dl->AddText(ImVec2(origin.x + 4, y), text_col, profile::display_name(trace.processes[proc]).c_str());
    y += kRowHeight;
    draw_counters(proc);
  }

  // Flows: arrows from the slice a flow leaves to the one it enters; the
  // selected slice's, or every one in view.
  auto flow_y = [&](std::uint32_t track, std::int64_t slice) {
    if (row0_y[track] < 0) return -1.0f;
    const float top = row0_y[track] + (slice >= 0 ? depth_of(tl, track, slice) * kRowHeight : 0);
    return top + kRowHeight / 2;
  };
  auto draw_link = [&](const profile::TraceMarks::Link& l, ImU32 col) {
    const float ya = flow_y(l.from_track, l.from_slice), yb = flow_y(l.to_track, l.to_slice);
    if (ya < 0 || yb < 0) return;
    const ImVec2 a(to_x(static_cast<double>(l.from_ps)), ya), b(to_x(static_cast<double>(l.to_ps)), yb);
    const float bend = std::max(20.0f, std::abs(b.x - a.x) * 0.3f);
    dl->AddBezierCubic(a, ImVec2(a.x + bend, a.y), ImVec2(b.x - bend, b.y), b, col, 1.5f);
    dl->AddTriangleFilled(ImVec2(b.x, b.y), ImVec2(b.x - 7, b.y - 4), ImVec2(b.x - 7, b.y + 4), col);
    ++drawn_.flows;
  };
  dl->PushClipRect(ImVec2(plot_x0, view_top), ImVec2(plot_x1, view_bottom), true);
  if (all_flows_) {
    for (const profile::TraceMarks::Link& l : marks.links()) {
      if (drawn_.flows >= kMaxFlowsDrawn) break;
      if (std::max(l.from_ps, l.to_ps) < q0 || std::min(l.from_ps, l.to_ps) > q1) continue;
      draw_link(l, IM_COL32(240, 240, 240, 120));
    }
  }
  if (selected_ >= 0)
    for (const std::uint32_t k : marks.links_of(selected_)) draw_link(marks.links()[k], highlight);
  // The selected range, shaded.
  const double* r = settings.profile_range;
  if (r[1] > r[0]) {
    const float xa = std::max(plot_x0, to_x(begin + r[0])), xb = std::min(plot_x1, to_x(begin + r[1]));
    if (xb > xa) {
      dl->AddRectFilled(ImVec2(xa, view_top), ImVec2(xb, view_bottom), IM_COL32(120, 170, 255, 40));
      dl->AddLine(ImVec2(xa, view_top), ImVec2(xa, view_bottom), IM_COL32(120, 170, 255, 200));
      dl->AddLine(ImVec2(xb, view_top), ImVec2(xb, view_bottom), IM_COL32(120, 170, 255, 200));
    }
  }
  dl->PopClipRect();
  ImGui::Dummy(ImVec2(1, y - content_top + 8));  // the content's height: what the scrollbar scrolls
  if (scroll_target >= 0) {
    const float h = ImGui::GetWindowHeight(), sy = ImGui::GetScrollY();
    if (static_cast<float>(scroll_target) < sy || static_cast<float>(scroll_target) > sy + h - kRowHeight * 2)
      ImGui::SetScrollY(std::max(0.0f, static_cast<float>(scroll_target) - h / 3));
    scroll_to_ = -1;
  }
  ImGui::EndChild();
  // The selected range on the ruler too.
  if (r[1] > r[0]) {
    ImDrawList* wl = ImGui::GetWindowDrawList();
    const float xa = std::max(plot_x0, to_x(begin + r[0])), xb = std::min(plot_x1, to_x(begin + r[1]));
    if (xb > xa)
      wl->AddRectFilled(ImVec2(xa, ruler_y), ImVec2(xb, ruler_y + kRulerHeight), IM_COL32(120, 170, 255, 90));
  }
  drawn_.rect[0] = plot_x0, drawn_.rect[1] = ruler_y + kRulerHeight, drawn_.rect[2] = plot_w,
  drawn_.rect[3] = height - kRulerHeight;

  if (clicked) selected_ = hovered_slice;
  if (hovered_slice >= 0 && !dragging_ && !selecting_) {
    const profile::Slice& s = trace.slices[static_cast<std::size_t>(hovered_slice)];
    drawn_.hovered = trace.text(s.name);
    ImGui::BeginTooltip();
    if (hovered_merged > 1) ImGui::Text("%u slices narrower than a pixel, the first:", hovered_merged);
    ImGui::TextUnformatted(trace.text(s.name).c_str());
    ImGui::Text("duration %s", format_duration_ps(static_cast<double>(s.duration_ps)).c_str());
    ImGui::Text("starts at %s", format_duration_ps(static_cast<double>(s.start_ps) - begin).c_str());
    if (s.category) ImGui::Text("category %s", trace.text(s.category).c_str());
    if (s.args) {
      std::string args = trace.args_json(s.args);
      if (args.size() > 600) args = args.substr(0, 600) + "...";
      ImGui::PushTextWrapPos(ImGui::GetFontSize() * 36);
      ImGui::TextUnformatted(args.c_str());
      ImGui::PopTextWrapPos();
    }
    ImGui::TextDisabled("Click for details");
    ImGui::EndTooltip();
  }
}

// [SECTION] details: the selected slice, the range's totals -------------------------------------
void ProfileTimeline::draw_details(const UiContext& ctx, const LoadedProfile& p, float height) {
  const profile::Trace& trace = p.trace;
  const double begin = static_cast<double>(p.timeline->begin_ps());
  const double* r = ctx.settings->profile_range;
  const bool range = r[1] > r[0];
  ImGui::BeginChild("##details", ImVec2(0, height), true);
  const float half = ImGui::GetContentRegionAvail().x * (range && selected_ >= 0 ? 0.5f : 1.0f);
  if (selected_ >= 0) {
    ImGui::BeginChild("##slice", ImVec2(half - 4, 0));
    const profile::Slice& s = trace.slices[static_cast<std::size_t>(selected_)];
    const profile::Track& tr = trace.tracks[s.track];
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(trace.text(s.name).c_str());
    ImGui::PopTextWrapPos();
    ImGui::TextDisabled("%s \xc2\xb7 %s%s%s", profile::display_name(trace.processes[tr.process]).c_str(),
                        tr.name.c_str(), s.category ? " \xc2\xb7 " : "", trace.text(s.category).c_str());
    ImGui::Text("start %s   duration %s   self %s",
                format_duration_ps(static_cast<double>(s.start_ps) - begin).c_str(),
                format_duration_ps(static_cast<double>(s.duration_ps)).c_str(),
                format_duration_ps(static_cast<double>(profile::self_time(
                                       p.trace, *p.timeline, static_cast<std::uint32_t>(selected_))))
                    .c_str());
    for (const std::uint32_t k : p.marks->links_of(selected_)) {
      const profile::TraceMarks::Link& l = p.marks->links()[k];
      const bool out = l.from_slice == selected_;
      const std::int64_t other = out ? l.to_slice : l.from_slice;
      if (other < 0) continue;
      const std::string label =
          std::string(out ? "flow to " : "flow from ") +
          fit_middle(trace.text(trace.slices[static_cast<std::size_t>(other)].name), 360) + "##flow" +
          std::to_string(k);
      if (ImGui::SmallButton(label.c_str())) {
        selected_ = other;
        show_slice(p, other);
      }
      tooltip("Select the slice at the flow's other end");
    }
    if (s.args) {
      ImGui::PushTextWrapPos(0);
      ImGui::TextUnformatted(trace.args_json(s.args).c_str());
      ImGui::PopTextWrapPos();
    }
    ImGui::EndChild();
    if (range) ImGui::SameLine();
  }
  if (range) {
    ImGui::BeginChild("##range", ImVec2(0, 0));
    draw_range_totals(ctx, p);
    ImGui::EndChild();
  }
  ImGui::EndChild();
}

void ProfileTimeline::draw_range_totals(const UiContext& ctx, const LoadedProfile& p) {
  const double* r = ctx.settings->profile_range;
  const double begin = static_cast<double>(p.timeline->begin_ps());
  if (totals_generation_ != p.generation || totals_for_[0] != r[0] || totals_for_[1] != r[1]) {
    totals_generation_ = p.generation, totals_for_[0] = r[0], totals_for_[1] = r[1];
    totals_ps_[0] = static_cast<std::int64_t>(std::llround(begin + r[0]));
    totals_ps_[1] = static_cast<std::int64_t>(std::llround(begin + r[1]));
    totals_ = profile::range_totals(p.trace, *p.timeline, totals_ps_[0], totals_ps_[1]);
  }
  ImGui::Text("Range %s \xe2\x80\x93 %s (%s): %s names", format_duration_ps(r[0]).c_str(),
              format_duration_ps(r[1]).c_str(), format_duration_ps(r[1] - r[0]).c_str(),
              format_count(totals_.size()).c_str());
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY |
                                ImGuiTableFlags_SizingStretchProp | ImGuiTableFlags_BordersInnerV;
  if (!ImGui::BeginTable("##range_totals", 4, flags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  ImGui::TableSetupColumn("Name", 0, 4);
  ImGui::TableSetupColumn("Slices", 0, 1);
  ImGui::TableSetupColumn("Time inside", 0, 1.3f);
  ImGui::TableSetupColumn("% of range", 0, 1);
  ImGui::TableHeadersRow();
  ImGuiListClipper clip;
  clip.Begin(static_cast<int>(totals_.size()));
  while (clip.Step()) {
    for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
      const profile::RangeTotal& t = totals_[static_cast<std::size_t>(i)];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(fit_middle(p.trace.text(t.name), ImGui::GetContentRegionAvail().x).c_str());
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", p.trace.text(t.name).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(format_count(t.count).c_str());
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(format_duration_ps(static_cast<double>(t.total_ps)).c_str());
      ImGui::TableNextColumn();
      ImGui::Text("%.1f %%", 100.0 * static_cast<double>(t.total_ps) / (r[1] - r[0]));
    }
  }
  ImGui::EndTable();
}

// [SECTION] state ----------------------------------------------------------------------------------
void ProfileTimeline::write_state(store::JsonWriter& j) const {
  j.key("rows")
      .value(drawn_.rows)
      .key("boxes")
      .value(drawn_.boxes)
      .key("mergedBoxes")
      .value(drawn_.merged_boxes);
  j.key("slicesInView").value(drawn_.slices).key("slicesInSpan").value(drawn_.slices_in_span);
  j.key("ticks")
      .value(drawn_.ticks)
      .key("counterTracks")
      .value(drawn_.counter_tracks)
      .key("flows")
      .value(drawn_.flows);
  j.key("hovered").value(drawn_.hovered);
  j.key("view").begin_array().value(drawn_.view[0]).value(drawn_.view[1]).end_array();
  auto floats = [&](const char* key, const float* v, int n) {
    j.key(key).begin_array();
    for (int i = 0; i < n; ++i) j.value(static_cast<double>(v[i]));
    j.end_array();
  };
  floats("rect", drawn_.rect, 4);
  floats("ruler", drawn_.ruler, 4);
  floats("searchBox", drawn_.search, 2);
  floats("nextButton", drawn_.next, 2);
  const profile::Trace* trace = shown_ ? &shown_->trace : nullptr;
  j.key("search").begin_object().key("pattern").value(searched_);
  j.key("valid").value(search_valid_).key("matches").value(static_cast<std::uint64_t>(matches_.size()));
  j.key("current").value(current_).end_object();
  j.key("selected").begin_object();
  if (trace && selected_ >= 0 && static_cast<std::size_t>(selected_) < trace->slices.size()) {
    const profile::Slice& s = trace->slices[static_cast<std::size_t>(selected_)];
    j.key("name").value(trace->text(s.name)).key("start_ps").value(s.start_ps - shown_->timeline->begin_ps());
    j.key("duration_ps")
        .value(s.duration_ps)
        .key("self_ps")
        .value(profile::self_time(*trace, *shown_->timeline, static_cast<std::uint32_t>(selected_)));
    j.key("flows").value(static_cast<std::uint64_t>(shown_->marks->links_of(selected_).size()));
  }
  j.end_object().key("range").begin_object();
  if (trace && totals_generation_ == shown_->generation && totals_for_[1] > totals_for_[0]) {
    // In the trace's times (ps after base_us), as profile_facts.py counts them.
    j.key("begin_ps")
        .value(totals_ps_[0])
        .key("end_ps")
        .value(totals_ps_[1])
        .key("names")
        .value(static_cast<std::uint64_t>(totals_.size()));
    j.key("top").begin_array();
    for (std::size_t i = 0; i < totals_.size() && i < 20; ++i)
      j.begin_object()
          .key("name")
          .value(trace->text(totals_[i].name))
          .key("count")
          .value(totals_[i].count)
          .key("total_ps")
          .value(totals_[i].total_ps)
          .end_object();
    j.end_array();
  }
  j.end_object();
}

}  // namespace el::ui
