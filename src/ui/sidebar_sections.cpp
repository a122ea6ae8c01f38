// The sidebar sections dashboards share: a dashboard's draw_sidebar() is
// made of these and of its own controls.
#include "ui/sidebar_sections.h"

#include <algorithm>
#include <set>
#include <string>

#include "imgui.h"
#include "ui/widgets.h"

namespace el::ui {

void draw_restart_checkbox(Settings& s) {
  ImGui::Checkbox("Show points hidden by restarts", &s.all_points);
  tooltip(
      "When a job restarts from a checkpoint, TensorBoard hides earlier points at or after the\n"
      "restart step. Tick this to show every record that was written.");
}

void draw_link_steps_checkbox(Settings& s) {
  ImGui::Checkbox("Link steps across cards", &s.link_steps);
  tooltip(
      "On: moving one card's step slider moves every card (images, audio, text, PR curves,\n"
      "meshes) to its last record at or before that step, and the step is kept in the link.\n"
      "Off (as in TensorBoard): each card has its own step.");
}

void draw_chart_settings(const UiContext& ctx) {
  Settings& s = *ctx.settings;
  section_heading(ctx.fonts, "Chart settings");
  ImGui::TextUnformatted("Smoothing");
  ImGui::SetNextItemWidth(-1);
  float w = static_cast<float>(s.smoothing);
  if (slider_float("##smoothing", &w, 0.0f, 0.999f, "%.3f"))
    s.smoothing = std::clamp(static_cast<double>(w), 0.0, 0.999);
  tooltip(
      "Exponential moving average over the whole series, debiased like TensorBoard's.\n"
      "0 shows the raw values; the raw curve stays visible, faint, behind the smoothed one.\n"
      "Ctrl+click to type a value.");
  ImGui::TextUnformatted("Horizontal axis");
  ImGui::SetNextItemWidth(-1);
  int x = static_cast<int>(s.x_axis);
  if (ImGui::Combo("##xaxis", &x, "Step\0Relative time\0Wall time\0Another scalar tag\0"))
    s.x_axis = static_cast<XAxis>(x);
  tooltip(
      "Step: the training step. Relative: time since each run's first point. Wall: clock time.\n"
      "Another scalar tag: each point's x is that tag's value at the same step in the same run\n"
      "(epoch, samples seen, learning rate...); steps the tag lacks are left out.");
  if (s.x_axis == XAxis::kTag) {
    // The scalar tags of the shown runs.
    std::set<std::string> tags;
    for (const auto& [name, run] : ctx.store->runs())
      if (ctx.run_shown(name))
        for (const auto& [tag, series] : run.tags)
          if (series.kind == events::Kind::kScalars) tags.insert(tag);
    if (s.x_tag.empty() && !tags.empty()) s.x_tag = *tags.begin();
    ImGui::SetNextItemWidth(-1);
    if (ImGui::BeginCombo("##xtag", s.x_tag.empty() ? "no scalar tags" : s.x_tag.c_str())) {
      for (const std::string& t : tags)
        if (ImGui::Selectable(t.c_str(), t == s.x_tag)) s.x_tag = t;
      ImGui::EndCombo();
    }
    tooltip("The tag whose value is each point's x.");
  }
  using Scale = aggregate::AxisScale::Kind;
  const char* kScales = "linear\0log\0symlog\0";
  if (s.x_axis == XAxis::kStep || s.x_axis == XAxis::kTag) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("x scale");
    ImGui::SameLine(90);
    ImGui::SetNextItemWidth(-1);
    int xs = static_cast<int>(s.x_scale);
    if (ImGui::Combo("##xscale", &xs, kScales)) s.x_scale = static_cast<Scale>(xs);
    tooltip(
        "Linear, logarithmic (x <= 0 not drawn), or symlog: linear near zero and logarithmic\n"
        "beyond, for values of both signs. Time axes stay linear.");
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("y scale");
  ImGui::SameLine(90);
  ImGui::SetNextItemWidth(-1);
  int ys = static_cast<int>(s.y_scale);
  if (ImGui::Combo("##yscale", &ys, kScales)) s.y_scale = static_cast<Scale>(ys);
  tooltip(
      "Linear; logarithmic (zero and negative values are not drawn); or symlog, linear within\n"
      "the width below around zero and logarithmic beyond, for values that cross zero.");
  if (s.y_scale == Scale::kSymlog ||
      (s.x_scale == Scale::kSymlog && s.x_axis != XAxis::kRelative && s.x_axis != XAxis::kWallTime)) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Linear width");
    ImGui::SameLine(90);
    ImGui::SetNextItemWidth(-1);
    if (ImGui::InputDouble("##symw", &s.symlog_width, 0, 0, "%g"))
      s.symlog_width = std::max(s.symlog_width, 1e-12);
    tooltip("Symlog is linear from -width to +width and logarithmic outside (default 1).");
  }
  ImGui::Checkbox("Ignore outliers in the range", &s.ignore_outliers);
  tooltip(
      "Fit the vertical axis to the 5th..95th percentile of the values, so a few spikes\n"
      "do not flatten the rest. Spikes are still drawn.");
  draw_restart_checkbox(s);
  ImGui::TextUnformatted("Tooltip order");
  ImGui::SetNextItemWidth(-1);
  int sort = static_cast<int>(s.tooltip_sort);
  if (ImGui::Combo("##sort", &sort, "Nearest to the cursor\0Highest value first\0Run name\0"))
    s.tooltip_sort = static_cast<TooltipSort>(sort);
  tooltip("How runs are ordered in a chart's hover tooltip.");
}

void draw_group_settings(const UiContext& ctx) {
  if (!ctx.grouping || !ctx.grouping->active()) return;
  Settings& s = *ctx.settings;
  section_heading(ctx.fonts, "Run groups");
  ImGui::TextUnformatted("Line");
  ImGui::SameLine();
  int line = static_cast<int>(s.group_line);
  ImGui::RadioButton("Mean", &line, static_cast<int>(GroupLine::kMean));
  tooltip("Each group's line is the mean of its members at each step.");
  ImGui::SameLine();
  ImGui::RadioButton("Median", &line, static_cast<int>(GroupLine::kMedian));
  tooltip("Each group's line is the median of its members at each step (less swayed by one bad seed).");
  s.group_line = static_cast<GroupLine>(line);
  ImGui::TextUnformatted("Band");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  int band = static_cast<int>(s.group_band);
  if (ImGui::Combo("##gband", &band,
                   "none\0\xC2\xB1 1 standard deviation\0\xC2\xB1 1 standard error\0min to max\0"))
    s.group_band = static_cast<GroupBand>(band);
  tooltip(
      "The shaded band around each group's line: the members' sample standard deviation\n"
      "(ddof 1), the standard error of the mean (std / sqrt n), or their range.");
  ImGui::Checkbox("Show every member faintly", &s.group_members);
  tooltip("Also draw each member run's own line, thin and faint, behind its group's line.");
  ImGui::Checkbox("Smooth members before aggregating", &s.group_smooth_first);
  tooltip(
      "On: each member is smoothed first, then the group's mean, spread and range are taken.\n"
      "Off: the raw values are aggregated, and only the group's line is smoothed (the band is raw).");
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ImGui::TextWrapped(
      "Steps are matched exactly; a member missing a step between two of its own is interpolated "
      "there. Hover a chart: n is how many runs a point holds.");
  ImGui::PopStyleColor();
}

void draw_histogram_settings(const UiContext& ctx, bool histograms) {
  Settings& s = *ctx.settings;
  section_heading(ctx.fonts, histograms ? "Histogram settings" : "Distribution settings");
  if (histograms) {
    ImGui::TextUnformatted("Mode");
    int mode = static_cast<int>(s.histogram_mode);
    ImGui::RadioButton("Offset", &mode, static_cast<int>(HistogramMode::kOffset));
    tooltip("A ridgeline: one histogram per step, oldest at the back (top), newest in front.");
    ImGui::SameLine();
    ImGui::RadioButton("Overlay", &mode, static_cast<int>(HistogramMode::kOverlay));
    tooltip("Every step's histogram on one count axis; the newest drawn strongest.");
    s.histogram_mode = static_cast<HistogramMode>(mode);
    ImGui::TextUnformatted("Bins");
    ImGui::SetNextItemWidth(-1);
    slider_int("##bins", &s.histogram_bins, 10, 200, "%d bins");
    s.histogram_bins = std::clamp(s.histogram_bins, 10, 200);
    tooltip(
        "Every step is re-binned into this many equal bins over the range all steps share\n"
        "(TensorBoard uses 30). Ctrl+click to type a value.");
  }
  ImGui::TextUnformatted(histograms ? "Step axis (offset mode)" : "Horizontal axis");
  ImGui::SetNextItemWidth(-1);
  // (a scalar tag on x is the scalar charts'; histograms then use steps)
  int x = s.x_axis == XAxis::kTag ? 0 : static_cast<int>(s.x_axis);
  if (ImGui::Combo("##xaxis", &x, "Step\0Relative time\0Wall time\0")) s.x_axis = static_cast<XAxis>(x);
  tooltip("Step: the training step. Relative: time since the series' first record. Wall: clock time.");
  draw_restart_checkbox(s);
}

}  // namespace el::ui
