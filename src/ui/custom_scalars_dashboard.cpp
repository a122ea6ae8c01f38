#include "ui/custom_scalars_dashboard.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "imgui.h"
#include "store/csv_writer.h"
#include "ui/sidebar_sections.h"
#include "ui/tag_run_cards.h"
#include "ui/widgets.h"

namespace el::ui {
namespace {

constexpr float kMinCardWidth = 400;

const store::Series* scalar_series(const store::Run& run, const std::string& tag) {
  auto it = run.tags.find(tag);
  return it == run.tags.end() || it->second.kind != events::Kind::kScalars ? nullptr : &it->second;
}

}  // namespace

std::string CustomScalarsDashboard::card_csv(const Card& card) const {
  std::string out = "line,step,wall_time,value\n";
  for (const ChartLine& l : card.lines.lines) {
    const PreparedSeries& p = *l.data;
    for (std::size_t i = 0; i < p.values.size(); ++i) {
      store::append_csv_field(out, *l.run);
      out += ',' + std::to_string(static_cast<std::int64_t>(p.steps[i])) + ',';
      store::append_csv_number(out, p.walls[i]);
      out += ',';
      store::append_csv_number(out, p.values[i]);
      out += '\n';
    }
  }
  return out;
}

void CustomScalarsDashboard::draw_card(const UiContext& ctx, const std::string& id,
                                       const aggregate::LayoutChart& chart, Card& card, ImVec2 size) {
  const Settings& s = *ctx.settings;
  ImGui::PushID(id.c_str());
  const ImVec2 min = ImGui::GetCursorScreenPos(), max(min.x + size.x, min.y + size.y);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(min, max, ImGui::GetColorU32(ImGuiCol_ChildBg), 6.0f);
  dl->AddRect(min, max, ImGui::GetColorU32(ImGuiCol_Border), 6.0f);

  // The lines: (tag, run) pairs of the matching tags for a multiline chart;
  // for a margin chart, each value series with its band from the same run.
  std::vector<std::string> bad;
  std::vector<std::string> tags;
  if (chart.margin)
    for (const aggregate::MarginSeries& m : chart.series) tags.push_back(m.value);
  else
    tags = aggregate::matching_tags(scalar_tags_, chart, &bad);
  collect_scalar_lines(ctx, tags, card.lines, !chart.margin);  // a margin's band is per run
  if (chart.margin) {
    std::uint64_t key = card.lines.key;
    for (std::size_t i = 0; i < card.lines.lines.size(); ++i) {
      const ScalarLines::Source& src = card.lines.sources[i];
      const aggregate::MarginSeries& m = chart.series[src.tag];
      ChartLine& l = card.lines.lines[i];
      for (auto [bound, tag] : {std::pair{&l.lower, &m.lower}, std::pair{&l.upper, &m.upper}}) {
        const store::Series* b = scalar_series(*src.run, *tag);
        if (!b) continue;
        *bound = &ctx.cache->get(*b, s.all_points, s.smoothing, ctx.now);
        key = (key ^ (reinterpret_cast<std::uintptr_t>(b) + b->version)) * 1099511628211ull;
      }
    }
    card.lines.key = key;
  }

  const float pad = 10;
  ImGui::SetCursorScreenPos(ImVec2(min.x + pad, min.y + 6));
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(chart.title.empty() ? "(untitled chart)" : chart.title.c_str());
  if (ImGui::IsItemHovered()) {
    std::string what;
    if (chart.margin) {
      for (const auto& m : chart.series)
        what += "\n  " + m.value + "  (band: " + m.lower + " .. " + m.upper + ")";
      ImGui::SetTooltip("Margin chart: each value with a band between its lower and upper series:%s",
                        what.c_str());
    } else {
      for (const auto& t : chart.tag_patterns) what += "\n  " + t;
      ImGui::SetTooltip("Multiline chart: every scalar tag matching%s\n%zu tag%s match.", what.c_str(),
                        tags.size(), tags.size() == 1 ? "" : "s");
    }
  }
  const float menu_w = ImGui::GetFrameHeight() * 1.4f;
  ImGui::SetCursorScreenPos(ImVec2(max.x - menu_w - pad, min.y + 6));
  if (ImGui::Button("...", ImVec2(menu_w, 0))) ImGui::OpenPopup("##cardmenu");
  tooltip("Card menu: fit, download the data (CSV), save as PNG.");
  if (ImGui::BeginPopup("##cardmenu")) {
    if (ImGui::MenuItem("Fit to data", nullptr, false, card.chart.zoomed())) card.chart.fit();
    if (ImGui::MenuItem("Download CSV"))
      ctx.downloads->push_back({file_safe(chart.title) + ".csv", "text/csv", card_csv(card)});
    if (ImGui::MenuItem("Save as PNG")) *ctx.capture = PngCapture{min, max, file_safe(chart.title) + ".png"};
    ImGui::EndPopup();
  }
  const float top = ImGui::GetFrameHeight() + 10;
  ImGui::SetCursorScreenPos(ImVec2(min.x + 2, min.y + top));
  if (!bad.empty()) {
    ImGui::SetCursorScreenPos(ImVec2(min.x + pad, min.y + top));
    ImGui::TextColored(ImVec4(0.93f, 0.45f, 0.35f, 1.0f), "Not a valid regular expression: %s",
                       bad.front().c_str());
    ImGui::SetCursorScreenPos(ImVec2(min.x + 2, ImGui::GetCursorScreenPos().y));
  }
  const float chart_h = max.y - ImGui::GetCursorScreenPos().y - 4;
  card.chart.draw("##chart", ImVec2(size.x - 4, chart_h), card.lines.lines, chart_options(ctx),
                  card.lines.key);
  if (!card.lines.lines.empty()) ++charts_drawn_;
  if (ImGui::IsItemHovered() && card.lines.lines.empty())
    ImGui::SetTooltip(chart.margin ? "No shown run has this chart's value tag."
                                   : "No shown run has a scalar tag matching this chart's patterns.");
  ImGui::SetCursorScreenPos(min);
  ImGui::Dummy(size);
  ImGui::PopID();
}

void CustomScalarsDashboard::draw(const UiContext& ctx) {
  charts_drawn_ = 0;
  ctx.cache->sync(*ctx.store);
  const store::Store& st = *ctx.store;
  if (st.generation() != built_generation_ ||
      (st.version() != built_version_ && (built_at_ < 0 || ctx.now - built_at_ >= 1.0))) {
    layout_ = aggregate::merged_layout(st);
    built_version_ = st.version();
    built_generation_ = st.generation();
    built_at_ = ctx.now;
  }
  std::set<std::string> tags;
  for (const auto& [name, run] : st.runs())
    if (ctx.run_shown(name))
      for (const auto& [tag, s] : run.tags)
        if (s.kind == events::Kind::kScalars) tags.insert(tag);
  scalar_tags_.assign(tags.begin(), tags.end());
  for (const std::string& p : layout_.problems)
    ImGui::TextColored(ImVec4(0.93f, 0.45f, 0.35f, 1.0f), "%s", p.c_str());
  if (layout_.categories.empty()) {
    ImGui::Spacing();
    ImGui::TextDisabled("No custom scalars layout: no run holds a custom_scalars__config__ record.");
    ImGui::TextDisabled(
        "Layouts are written by TensorBoard's custom_scalar summary or tensorboardX's add_custom_scalars.");
    return;
  }
  ImGui::BeginChild("##cards", ImVec2(0, 0), false);
  const float avail = ImGui::GetContentRegionAvail().x;
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const int columns = std::max(1, static_cast<int>((avail + spacing) / (kMinCardWidth + spacing)));
  const float card_w = (avail - spacing * (columns - 1)) / columns;
  const float card_h = std::clamp(card_w * 0.62f, 240.0f, 380.0f);
  for (std::size_t c = 0; c < layout_.categories.size(); ++c) {
    const aggregate::LayoutCategory& cat = layout_.categories[c];
    char header[256];
    std::snprintf(header, sizeof header, "%s  (%zu)###cat%zu",
                  cat.title.empty() ? "(untitled)" : cat.title.c_str(), cat.charts.size(), c);
    ImGui::SetNextItemOpen(!cat.closed, ImGuiCond_FirstUseEver);
    if (!ImGui::CollapsingHeader(header)) continue;
    for (std::size_t i = 0; i < cat.charts.size(); ++i) {
      if (i % columns != 0) ImGui::SameLine(0, spacing);
      const std::string id = cat.title + "/" + std::to_string(i);
      if (ImGui::IsRectVisible(ImVec2(card_w, card_h)))
        draw_card(ctx, id, cat.charts[i], cards_[id], ImVec2(card_w, card_h));
      else
        ImGui::Dummy(ImVec2(card_w, card_h));
    }
    ImGui::Spacing();
  }
  ImGui::EndChild();
}

const DashboardInfo& CustomScalarsDashboard::info() const {
  static const DashboardInfo kInfo{"custom_scalars", "Custom scalars",
                                   "Charts laid out by the run's custom_scalars configuration.",
                                   events::Kind::kCustomScalars};
  return kInfo;
}

void CustomScalarsDashboard::draw_sidebar(const UiContext& ctx) {
  draw_chart_settings(ctx);
  draw_group_settings(ctx);
}

std::vector<std::string_view> CustomScalarsDashboard::link_keys() const {
  return {"smoothing", "x", "y", "xscale", "xtag", "symw", "outliers", "sort", "points"};
}

}  // namespace el::ui
