// [SECTION] plot
// [SECTION] card data export
// [SECTION] dashboard
#include "ui/distributions_dashboard.h"

#include <algorithm>
#include <cmath>

#include "aggregate/distribution.h"
#include "aggregate/ticks.h"
#include "store/csv_writer.h"
#include "store/json_writer.h"
#include "ui/format.h"
#include "ui/sidebar_sections.h"
#include "ui/widgets.h"

namespace el::ui {
namespace {

// Names of the nine percentiles, from the top band down (as the tooltip lists them).
constexpr const char* kPercentileNames[9] = {"min",   "6.7%",  "15.9%", "30.9%", "median",
                                             "69.1%", "84.1%", "93.3%", "max"};

}  // namespace

// [SECTION] plot ----------------------------------------------------------------------
void DistributionsDashboard::draw_plot(const UiContext& ctx, const TagRunCard& card, ImVec2 min, ImVec2 max) {
  const Settings& s = *ctx.settings;
  const aggregate::HistogramSeries& h =
      ctx.histograms->get(*card.series, s.histogram_bins, s.all_points, ctx.now);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  if (h.size() == 0) {
    const char* msg = "No records shown.";
    const ImVec2 ts = ImGui::CalcTextSize(msg);
    dl->AddText(ImVec2((min.x + max.x - ts.x) / 2, (min.y + max.y - ts.y) / 2),
                ImGui::GetColorU32(ImGuiCol_TextDisabled), msg);
    return;
  }
  ++charts_drawn_;
  PlotNavigator& nav = navigators_[{*card.tag, *card.run}];
  const PlotArea area{ImVec2(min.x + kPlotLeftMargin, min.y + kPlotTopMargin),
                      ImVec2(max.x - kPlotRightMargin, max.y - kPlotBottomMargin)};
  ImGui::SetCursorScreenPos(min);
  ImGui::InvisibleButton("##plot", ImVec2(max.x - min.x, max.y - min.y),
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight);
  const bool hovered = ImGui::IsItemHovered();

  PlotRange fitted;
  fitted.x0 = record_time(h, 0, s.x_axis);
  fitted.x1 = record_time(h, h.size() - 1, s.x_axis);
  if (!(fitted.x1 > fitted.x0)) fitted.x1 = fitted.x0 + 1;
  double lo = h.low, hi = h.high;
  if (!(hi > lo)) {
    const double pad = lo == 0 ? 1 : std::abs(lo) * 0.1;
    lo -= pad, hi += pad;
  }
  fitted.y0 = lo - (hi - lo) * 0.05;
  fitted.y1 = hi + (hi - lo) * 0.05;
  const PlotRange v = nav.update(area, hovered, fitted);
  draw_x_axis(dl, area, min, max, v, axis_kind(s.x_axis), ctx.fonts);
  draw_y_axis(dl, area, v, {}, ctx.fonts);

  // Records to draw: those in view (plus one on each side), at most about two
  // per pixel column.
  drawn_.clear();
  std::size_t first = 0, last = h.size() - 1;
  while (first + 1 < h.size() && record_time(h, first + 1, s.x_axis) < v.x0) ++first;
  while (last > first && record_time(h, last - 1, s.x_axis) > v.x1) --last;
  const std::size_t count = last - first + 1;
  const std::size_t budget = std::max<std::size_t>(2, static_cast<std::size_t>(area.width() * 2));
  if (count <= budget) {
    for (std::size_t i = first; i <= last; ++i) drawn_.push_back(i);
  } else {
    for (std::size_t k = 0; k < budget; ++k) drawn_.push_back(first + (count - 1) * k / (budget - 1));
  }

  const std::uint32_t rgb = ctx.run_rgb(*card.run);
  auto sx = [&](std::size_t i) { return nav.sx(area, record_time(h, i, s.x_axis)); };
  auto sy = [&](double y) { return nav.sy(area, std::isfinite(y) ? y : (y > 0 ? v.y1 : v.y0)); };
  dl->PushClipRect(area.p0, area.p1, true);
  const ImDrawListFlags flags = dl->Flags;
  dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;  // adjacent quads: no seams
  // Band j lies between percentiles j and j+1; the two around the median are darkest.
  static constexpr float kBandAlpha[8] = {0.13f, 0.22f, 0.32f, 0.45f, 0.45f, 0.32f, 0.22f, 0.13f};
  for (int j = 0; j < 8; ++j) {
    const ImU32 fill = rgb_alpha(rgb, kBandAlpha[j]);
    if (drawn_.size() == 1) {  // one record: a short bar
      const float x = sx(drawn_[0]);
      dl->AddRectFilled(ImVec2(x - 3, sy(h.percentiles[drawn_[0]][j + 1])),
                        ImVec2(x + 3, sy(h.percentiles[drawn_[0]][j])), fill);
      continue;
    }
    for (std::size_t k = 0; k + 1 < drawn_.size(); ++k) {
      const auto& a = h.percentiles[drawn_[k]];
      const auto& b = h.percentiles[drawn_[k + 1]];
      const float xa = sx(drawn_[k]), xb = sx(drawn_[k + 1]);
      dl->AddQuadFilled(ImVec2(xa, sy(a[j])), ImVec2(xa, sy(a[j + 1])), ImVec2(xb, sy(b[j + 1])),
                        ImVec2(xb, sy(b[j])), fill);
    }
  }
  dl->Flags = flags;
  line_.clear();
  for (std::size_t i : drawn_) line_.emplace_back(sx(i), sy(h.percentiles[i][4]));
  if (line_.size() > 1)
    dl->AddPolyline(line_.data(), static_cast<int>(line_.size()), rgb_alpha(rgb, 1.0f), 0, 2.0f);
  dl->PopClipRect();
  dl->AddRect(area.p0, area.p1, ImGui::GetColorU32(ImGuiCol_Border));
  nav.draw_box(dl, area);

  // Hover: the nearest record's nine values.
  const ImGuiIO& io = ImGui::GetIO();
  if (hovered && !nav.busy() && area.contains(io.MousePos)) {
    const double mx = nav.data_x(area, io.MousePos.x);
    std::size_t best = 0;
    double best_d = INFINITY;
    for (std::size_t i = first; i <= last; ++i) {
      const double d = std::abs(record_time(h, i, s.x_axis) - mx);
      if (d < best_d) best_d = d, best = i;
    }
    const float x = sx(best);
    dl->AddLine(ImVec2(x, area.p0.y), ImVec2(x, area.p1.y), ImGui::GetColorU32(ImGuiCol_Text, 0.45f));
    for (int j = 0; j < 9; ++j)
      dl->AddCircleFilled(ImVec2(x, sy(h.percentiles[best][j])), j == 4 ? 3.5f : 2.5f, rgb_alpha(rgb, 1.0f));
    ImGui::BeginTooltip();
    if (ctx.fonts && ctx.fonts->mono) ImGui::PushFont(ctx.fonts->mono);
    ImGui::Text("step      %s",
                format_count(static_cast<std::uint64_t>(std::max<std::int64_t>(0, h.steps[best]))).c_str());
    ImGui::Text("relative  %s", aggregate::format_duration(h.walls[best] - h.walls.front()).c_str());
    ImGui::Separator();
    for (int j = 8; j >= 0; --j)
      ImGui::Text("%-8s  %s", kPercentileNames[j], format_value(h.percentiles[best][j]).c_str());
    if (ctx.fonts && ctx.fonts->mono) ImGui::PopFont();
    ImGui::EndTooltip();
  }
}

// [SECTION] card data export ------------------------------------------------------------------
std::string DistributionsDashboard::card_csv(const UiContext& ctx, const TagRunCard& card) const {
  const Settings& s = *ctx.settings;
  const aggregate::HistogramSeries& h =
      ctx.histograms->get(*card.series, s.histogram_bins, s.all_points, ctx.now);
  std::string out = "run,tag,step,wall_time";
  for (double bp : aggregate::kBasisPoints) out += ",bp" + std::to_string(static_cast<int>(bp));
  out += '\n';
  for (std::size_t i = 0; i < h.size(); ++i) {
    store::append_csv_field(out, *card.run);
    out += ',';
    store::append_csv_field(out, *card.tag);
    out += ',' + std::to_string(h.steps[i]) + ',';
    store::append_csv_number(out, h.walls[i]);
    for (double p : h.percentiles[i]) {
      out += ',';
      store::append_csv_number(out, p);
    }
    out += '\n';
  }
  return out;
}

// The shape of `eventlens export --kind distributions` for one (run, tag).
std::string DistributionsDashboard::card_json(const UiContext& ctx, const TagRunCard& card) const {
  const Settings& s = *ctx.settings;
  const aggregate::HistogramSeries& h =
      ctx.histograms->get(*card.series, s.histogram_bins, s.all_points, ctx.now);
  store::JsonWriter j;
  j.begin_object().key("run").value(*card.run).key("tag").value(*card.tag).key("basis_points").begin_array();
  for (double bp : aggregate::kBasisPoints) j.value(bp);
  j.end_array().key("distributions").begin_array();
  for (std::size_t i = 0; i < h.size(); ++i) {
    j.begin_object()
        .key("step")
        .value(h.steps[i])
        .key("wall_time")
        .value(h.walls[i])
        .key("bps")
        .begin_array();
    for (double p : h.percentiles[i]) j.value(p);
    j.end_array().end_object();
  }
  j.end_array().end_object();
  return j.take();
}

// [SECTION] dashboard ---------------------------------------------------------------------------
void DistributionsDashboard::draw(const UiContext& ctx) {
  charts_drawn_ = 0;
  ctx.histograms->sync(*ctx.store);
  draw_tag_run_dashboard(
      ctx, filter_, events::Kind::kHistograms, 400, 0.62f,
      [&](const TagRunCard& card, ImVec2 min, ImVec2 max) { draw_plot(ctx, card, min, max); },
      [&](const TagRunCard& card, ImVec2 min, ImVec2 max) {
        const std::string name = file_safe(*card.run + "_" + *card.tag);
        const bool zoomed = navigators_[{*card.tag, *card.run}].zoomed();
        if (ImGui::MenuItem("Fit to data", nullptr, false, zoomed)) navigators_[{*card.tag, *card.run}].fit();
        ImGui::Separator();
        if (ImGui::MenuItem("Download CSV"))
          ctx.downloads->push_back({name + ".csv", "text/csv", card_csv(ctx, card)});
        if (ImGui::IsItemHovered())
          ImGui::SetTooltip("The nine percentiles of every shown step: run,tag,step,wall_time,bp0..bp10000");
        if (ImGui::MenuItem("Download JSON"))
          ctx.downloads->push_back({name + ".json", "application/json", card_json(ctx, card)});
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("The same as eventlens export --kind distributions");
        if (ImGui::MenuItem("Save as PNG")) *ctx.capture = PngCapture{min, max, name + ".png"};
      });
}

const DashboardInfo& DistributionsDashboard::info() const {
  static const DashboardInfo kInfo{
      "distributions", "Distributions",
      "Each histogram tag per run over time: percentile bands around the median.", events::Kind::kHistograms};
  return kInfo;
}

void DistributionsDashboard::draw_sidebar(const UiContext& ctx) { draw_histogram_settings(ctx, false); }

std::vector<std::string_view> DistributionsDashboard::link_keys() const { return {"x", "points"}; }

}  // namespace el::ui
