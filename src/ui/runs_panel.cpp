#include "ui/runs_panel.h"

#include <algorithm>
#include <cstdio>

#include "imgui.h"
#include "ui/palette.h"
#include "ui/widgets.h"

namespace el::ui {

void RunsPanel::draw(const UiContext& ctx, bool live_supported) {
  draw_settings(ctx, live_supported);
  ImGui::Spacing();
  draw_runs(ctx);
}

void RunsPanel::draw_settings(const UiContext& ctx, bool live_supported) {
  Settings& s = *ctx.settings;
  const bool histograms = s.dashboard == "histograms", distributions = s.dashboard == "distributions";
  if (histograms || distributions) {
    draw_histogram_settings(ctx);
  } else if (s.dashboard == "images" || s.dashboard == "audio") {
    draw_media_settings(ctx);
  } else if (s.dashboard == "pr_curves") {
    section_heading(ctx.fonts, "PR curve settings");
    ImGui::TextWrapped("Hover a curve for a threshold's precision, recall and counts.");
    restart_checkbox(s);
  } else if (s.dashboard == "text") {
    section_heading(ctx.fonts, "Text settings");
    ImGui::Checkbox("Raw text", &s.text_raw);
    tooltip(
        "Show the strings as they were logged instead of rendered Markdown. The text can then\n"
        "be selected and copied (Ctrl+C).");
    restart_checkbox(s);
  } else {
    section_heading(ctx.fonts, "Chart settings");
    ImGui::TextUnformatted("Smoothing");
    ImGui::SetNextItemWidth(-1);
    float w = static_cast<float>(s.smoothing);
    if (ImGui::SliderFloat("##smoothing", &w, 0.0f, 0.999f, "%.3f"))
      s.smoothing = std::clamp(static_cast<double>(w), 0.0, 0.999);
    tooltip(
        "Exponential moving average over the whole series, debiased like TensorBoard's.\n"
        "0 shows the raw values; the raw curve stays visible, faint, behind the smoothed one.\n"
        "Ctrl+click to type a value.");
    ImGui::TextUnformatted("Horizontal axis");
    ImGui::SetNextItemWidth(-1);
    int x = static_cast<int>(s.x_axis);
    if (ImGui::Combo("##xaxis", &x, "Step\0Relative time\0Wall time\0")) s.x_axis = static_cast<XAxis>(x);
    tooltip("Step: the training step. Relative: time since each run's first point. Wall: clock time.");
    ImGui::Checkbox("Log scale (vertical axis)", &s.log_y);
    tooltip("Plot values on a logarithmic axis; zero and negative values are not drawn.");
    ImGui::Checkbox("Ignore outliers in the range", &s.ignore_outliers);
    tooltip(
        "Fit the vertical axis to the 5th..95th percentile of the values, so a few spikes\n"
        "do not flatten the rest. Spikes are still drawn.");
    restart_checkbox(s);
    ImGui::TextUnformatted("Tooltip order");
    ImGui::SetNextItemWidth(-1);
    int sort = static_cast<int>(s.tooltip_sort);
    if (ImGui::Combo("##sort", &sort, "Nearest to the cursor\0Highest value first\0Run name\0"))
      s.tooltip_sort = static_cast<TooltipSort>(sort);
    tooltip("How runs are ordered in a chart's hover tooltip.");
  }
  if (live_supported) {
    ImGui::Checkbox("Live reload", &s.live_reload);
    tooltip(
        "Re-check the opened folder for new data: grown files are read from where they\n"
        "stopped, and new files and runs appear.");
    if (s.live_reload) {
      ImGui::SameLine();
      ImGui::SetNextItemWidth(-1);
      ImGui::SliderInt("##every", &s.reload_seconds, 1, 60, "every %d s");
      tooltip("How often to re-check, in seconds.");
    }
  }
}

void RunsPanel::restart_checkbox(Settings& s) {
  ImGui::Checkbox("Show points hidden by restarts", &s.all_points);
  tooltip(
      "When a job restarts from a checkpoint, TensorBoard hides earlier points at or after the\n"
      "restart step. Tick this to show every record that was written.");
}

// The histograms and distributions dashboards share the time axis, the bins
// (distributions do not re-bin, but the setting sits in one place) and restarts.
void RunsPanel::draw_media_settings(const UiContext& ctx) {
  Settings& s = *ctx.settings;
  if (s.dashboard == "images") {
    section_heading(ctx.fonts, "Image settings");
    ImGui::TextUnformatted("Brightness");
    ImGui::SetNextItemWidth(-1);
    float b = static_cast<float>(s.image_brightness);
    if (ImGui::SliderFloat("##brightness", &b, 0.0f, 2.0f, "%.2f x"))
      s.image_brightness = std::clamp(b, 0.0f, 2.0f);
    tooltip("Multiplies every colour (1 = as stored). Ctrl+click to type a value.");
    ImGui::TextUnformatted("Contrast");
    ImGui::SetNextItemWidth(-1);
    float c = static_cast<float>(s.image_contrast);
    if (ImGui::SliderFloat("##contrast", &c, 0.0f, 5.0f, "%.2f x"))
      s.image_contrast = std::clamp(c, 0.0f, 5.0f);
    tooltip("Stretches colours away from mid-grey (1 = as stored, 0 = flat grey).");
    const bool adjusted = s.image_brightness != 1.0 || s.image_contrast != 1.0;
    if (!adjusted) ImGui::BeginDisabled();
    if (ImGui::Button("Reset brightness and contrast")) s.image_brightness = s.image_contrast = 1.0;
    if (!adjusted) ImGui::EndDisabled();
    ImGui::Checkbox("Actual size", &s.image_actual_size);
    tooltip(
        "Show one image pixel per screen pixel instead of fitting each image to its card.\n"
        "Either way, the mouse wheel zooms inside a card, dragging pans, double-click resets.");
    ImGui::TextUnformatted("Memory for images");
    ImGui::SetNextItemWidth(-1);
    ImGui::SliderInt("##imgmem", &s.image_cache_mb, 64, 4096, "%d MB", ImGuiSliderFlags_Logarithmic);
    s.image_cache_mb = std::clamp(s.image_cache_mb, 64, 4096);
    tooltip(
        "Decoded images and clips kept ready to show; beyond this the least recently shown are\n"
        "dropped (and read again from the file when needed). Ctrl+click to type a value.");
  } else {
    section_heading(ctx.fonts, "Audio settings");
    ImGui::TextWrapped("Press a card's play button to listen; one clip plays at a time.");
  }
  restart_checkbox(s);
}

void RunsPanel::draw_histogram_settings(const UiContext& ctx) {
  Settings& s = *ctx.settings;
  const bool histograms = s.dashboard == "histograms";
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
    ImGui::SliderInt("##bins", &s.histogram_bins, 10, 200, "%d bins");
    s.histogram_bins = std::clamp(s.histogram_bins, 10, 200);
    tooltip(
        "Every step is re-binned into this many equal bins over the range all steps share\n"
        "(TensorBoard uses 30). Ctrl+click to type a value.");
  }
  ImGui::TextUnformatted(histograms ? "Step axis (offset mode)" : "Horizontal axis");
  ImGui::SetNextItemWidth(-1);
  int x = static_cast<int>(s.x_axis);
  if (ImGui::Combo("##xaxis", &x, "Step\0Relative time\0Wall time\0")) s.x_axis = static_cast<XAxis>(x);
  tooltip("Step: the training step. Relative: time since the series' first record. Wall: clock time.");
  restart_checkbox(s);
}

void RunsPanel::draw_runs(const UiContext& ctx) {
  Settings& s = *ctx.settings;
  const auto& runs = ctx.store->runs();
  if (!filter_synced_ || filter_buf_ != s.run_filter) filter_buf_ = s.run_filter, filter_synced_ = true;
  int shown = 0;
  for (const auto& [name, run] : runs) shown += ctx.run_shown(name);
  char title[64];
  std::snprintf(title, sizeof title, "Runs (%d of %zu shown)", shown, runs.size());
  section_heading(ctx.fonts, title);
  if (regex_input("##runfilter", "Filter runs (regex)", filter_buf_, *ctx.run_filter))
    s.run_filter = filter_buf_;
  tooltip(
      "Only runs whose name matches this regular expression are shown. An invalid\n"
      "expression turns red and is not applied.");
  if (ImGui::SmallButton("All")) s.hidden_runs.clear();
  tooltip("Tick every run.");
  ImGui::SameLine();
  if (ImGui::SmallButton("None"))
    for (const auto& [name, run] : runs) s.hidden_runs.insert(name);
  tooltip("Untick every run.");
  ImGui::Separator();
  ImGui::BeginChild("##runlist", ImVec2(0, 0), false);
  ImGuiListClipper clipper;  // thousands of runs cost only the visible rows
  clipper.Begin(static_cast<int>(runs.size()));
  auto it = runs.begin();
  int at = 0;
  while (clipper.Step()) {
    for (; at < clipper.DisplayStart; ++at) ++it;
    for (; at < clipper.DisplayEnd; ++at, ++it) {
      const std::string& name = it->first;
      ImGui::PushID(name.c_str());
      const bool matches = ctx.run_filter->matches(name);
      bool on = !s.hidden_runs.count(name);
      if (!matches) ImGui::BeginDisabled();
      if (ImGui::Checkbox("##on", &on)) {
        if (on)
          s.hidden_runs.erase(name);
        else
          s.hidden_runs.insert(name);
      }
      tooltip(matches ? "Show or hide this run in every chart." : "Hidden by the run filter above.");
      ImGui::SameLine();
      const std::uint32_t rgb = ctx.run_rgb(name);
      ImVec4 col(((rgb >> 16) & 0xff) / 255.0f, ((rgb >> 8) & 0xff) / 255.0f, (rgb & 0xff) / 255.0f, 1.0f);
      if (ImGui::ColorButton("##color", col, ImGuiColorEditFlags_NoTooltip,
                             ImVec2(ImGui::GetFrameHeight() * 0.8f, ImGui::GetFrameHeight() * 0.8f)))
        ImGui::OpenPopup("##picker");
      tooltip("This run's colour (from its name, the same everywhere). Click to change it.");
      if (ImGui::BeginPopup("##picker")) {
        float c[3] = {col.x, col.y, col.z};
        if (ImGui::ColorPicker3("##pick", c,
                                ImGuiColorEditFlags_NoSidePreview | ImGuiColorEditFlags_DisplayHex)) {
          s.run_colors[name] = (static_cast<std::uint32_t>(c[0] * 255 + 0.5f) << 16) |
                               (static_cast<std::uint32_t>(c[1] * 255 + 0.5f) << 8) |
                               static_cast<std::uint32_t>(c[2] * 255 + 0.5f);
        }
        if (ImGui::Button("Reset to the default colour")) s.run_colors.erase(name);
        ImGui::EndPopup();
      }
      ImGui::SameLine();
      if (ctx.fonts && ctx.fonts->mono) ImGui::PushFont(ctx.fonts->mono);
      ImGui::TextUnformatted(name.c_str());
      if (ctx.fonts && ctx.fonts->mono) ImGui::PopFont();
      if (ImGui::IsItemHovered()) {
        const store::Run& r = it->second;
        std::size_t scalars = 0;
        for (const auto& [tag, series] : r.tags) scalars += series.kind == events::Kind::kScalars;
        ImGui::SetTooltip("%s\n%zu file%s, %zu tags (%zu scalar)", name.c_str(), r.files.size(),
                          r.files.size() == 1 ? "" : "s", r.tags.size(), scalars);
      }
      if (!matches) ImGui::EndDisabled();
      ImGui::PopID();
    }
  }
  ImGui::EndChild();
}

}  // namespace el::ui
