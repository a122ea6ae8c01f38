#include "ui/pr_curves_dashboard.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "store/csv_writer.h"
#include "ui/images_dashboard.h"
#include "ui/sidebar_sections.h"
#include "ui/widgets.h"

namespace el::ui {

void PrCurvesDashboard::draw_card(const UiContext& ctx, const TagRunCard& card, ImVec2 min, ImVec2 max) {
  Card& c = cards_[{*card.tag, *card.run}];
  const store::Series& s = *card.series;
  const SteppedRecord step = draw_step_footer(ctx, card, c.slider, records_, keys_, min, max);
  if (step.empty()) return;
  const PrCurveView v = ctx.media->pr_curve(s, step.record);
  if (step.keys && v.state == MediaState::kReady)
    prefetch_neighbours(*ctx.media, card, *step.records, step.pos);
  ++charts_drawn_;
  if (ctx.media_cards) {
    MediaCardInfo info = media_card_info("pr_curves", card, *step.records, step.pos);
    info.state = v.state;
    info.width = v.curve ? static_cast<std::uint32_t>(v.curve->size()) : 0;  // (thresholds, for state())
    info.error = v.error;
    ctx.media_cards->push_back(std::move(info));
  }
  const ImVec2 area_min(min.x + kCardPad, min.y), area_max(max.x - kCardPad, step.footer_top - 2);
  if (v.state == MediaState::kError) return draw_broken_tile(area_min, area_max, v.error);
  if (v.state != MediaState::kReady) return draw_loading_tile(area_min, area_max, "Reading the curve...");
  const events::PrCurve& pr = *v.curve;

  PlotArea a;
  const float title_h = ImGui::GetTextLineHeight() + 4;  // axis names above the plot
  a.p0 = ImVec2(min.x + kPlotLeftMargin, min.y + kPlotTopMargin + title_h);
  a.p1 = ImVec2(max.x - kPlotRightMargin, step.footer_top - kPlotBottomMargin - 4);
  ImGui::SetCursorScreenPos(a.p0);
  ImGui::InvisibleButton("##pr", ImVec2(a.width(), a.height()));
  const bool hovered = ImGui::IsItemHovered();
  const PlotRange& view = c.nav.update(a, hovered, PlotRange{-0.02, 1.02, -0.02, 1.05});
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->PushClipRect(ImVec2(min.x, min.y), ImVec2(max.x, step.footer_top), true);
  draw_y_axis(dl, a, view, {}, ctx.fonts);
  draw_x_axis(dl, a, min, max, view, AxisKind::kValue, ctx.fonts);
  const char* x_name = "recall \xE2\x86\x92";     // recall →
  const char* y_name = "\xE2\x86\x91 precision";  // ↑ precision
  const ImU32 name_col = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  dl->AddText(ImVec2(min.x + kCardPad, min.y + kPlotTopMargin - 2), name_col, y_name);
  dl->AddText(ImVec2(a.p1.x - ImGui::CalcTextSize(x_name).x, min.y + kPlotTopMargin - 2), name_col, x_name);
  dl->PushClipRect(a.p0, a.p1, true);
  const ImU32 col = rgb_alpha(ctx.run_rgb(*card.run), 1.0f);
  std::vector<ImVec2> pts;
  for (std::size_t i = 0; i < pr.size(); ++i)
    if (std::isfinite(pr.recall[i]) && std::isfinite(pr.precision[i]))
      pts.emplace_back(c.nav.sx(a, pr.recall[i]), c.nav.sy(a, pr.precision[i]));
  if (pts.size() > 1) dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), col, 0, 2.0f);
  // Hover: the threshold whose point is nearest the mouse.
  if (hovered && !pts.empty()) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    std::size_t best = 0;
    float best_d = 1e30f;
    for (std::size_t i = 0, k = 0; i < pr.size(); ++i) {
      if (!(std::isfinite(pr.recall[i]) && std::isfinite(pr.precision[i]))) continue;
      const float dx = pts[k].x - m.x, dy = pts[k].y - m.y, d = dx * dx + dy * dy;
      if (d < best_d) best_d = d, best = i;
      ++k;
    }
    const ImVec2 p(c.nav.sx(a, pr.recall[best]), c.nav.sy(a, pr.precision[best]));
    dl->AddCircleFilled(p, 5.0f, col);
    dl->AddCircle(p, 6.0f, ImGui::GetColorU32(ImGuiCol_Text), 0, 1.5f);
    ImGui::BeginTooltip();
    ImGui::Text("threshold %.4f", pr.threshold(best));
    ImGui::Text("precision %.4f   recall %.4f", pr.precision[best], pr.recall[best]);
    ImGui::TextDisabled("TP %g   FP %g   TN %g   FN %g", pr.tp[best], pr.fp[best], pr.tn[best], pr.fn[best]);
    ImGui::EndTooltip();
  }
  c.nav.draw_box(dl, a);
  dl->PopClipRect();
  dl->PopClipRect();
}

void PrCurvesDashboard::card_menu(const UiContext& ctx, const TagRunCard& card, ImVec2 min, ImVec2 max) {
  Card& c = cards_[{*card.tag, *card.run}];
  const auto& records = records_.get(*card.series, ctx.settings->all_points);
  const std::string base = file_safe(*card.run + "_" + *card.tag);
  if (!records.empty()) {
    const std::uint32_t rec = records[c.slider.position(records.size())];
    const PrCurveView v = ctx.media->pr_curve(*card.series, rec);
    if (ImGui::MenuItem("Download CSV", nullptr, false, v.curve != nullptr)) {
      std::string csv = "threshold,precision,recall,tp,fp,tn,fn\n";
      const events::PrCurve& pr = *v.curve;
      for (std::size_t i = 0; i < pr.size(); ++i) {
        for (double x :
             {pr.threshold(i), pr.precision[i], pr.recall[i], pr.tp[i], pr.fp[i], pr.tn[i], pr.fn[i]}) {
          store::append_csv_number(csv, x);
          csv += ',';
        }
        csv.back() = '\n';
      }
      ctx.downloads->push_back(
          {base + "_step" + std::to_string(card.series->steps[rec]) + ".csv", "text/csv", std::move(csv)});
    }
    tooltip("The shown step's curve: threshold, precision, recall and the four counts per threshold.");
  }
  if (ImGui::MenuItem("Save as PNG")) *ctx.capture = PngCapture{min, max, base + ".png"};
}

const DashboardInfo& PrCurvesDashboard::info() const {
  static const DashboardInfo kInfo{"pr_curves", "PR curves",
                                   "Precision-recall curves per tag and run, at any recorded step.",
                                   events::Kind::kPrCurves};
  return kInfo;
}

StepCardsDashboard::CardLayout PrCurvesDashboard::card_layout() const {
  return {.min_width = 380, .aspect = 0.8f, .per_sample = false, .needs_media = true};
}

void PrCurvesDashboard::draw_sidebar(const UiContext& ctx) {
  section_heading(ctx.fonts, "PR curve settings");
  draw_link_steps_checkbox(*ctx.settings);
  ImGui::TextWrapped("Hover a curve for a threshold's precision, recall and counts.");
  draw_restart_checkbox(*ctx.settings);
}

std::vector<std::string_view> PrCurvesDashboard::link_keys() const { return {"step", "points"}; }

}  // namespace el::ui
