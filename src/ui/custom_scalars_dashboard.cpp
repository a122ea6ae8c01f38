#include "ui/custom_scalars_dashboard.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "imgui.h"
#include "store/export.h"
#include "ui/palette.h"
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
  for (const ChartLine& l : card.lines) {
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

  // The lines: (run, tag) pairs for a multiline chart, value series (with bands) for a margin chart.
  std::vector<std::string> bad;
  const std::vector<std::string> tags =
      chart.margin ? std::vector<std::string>{} : aggregate::matching_tags(scalar_tags_, chart, &bad);
  card.labels.clear();
  card.lines.clear();
  struct Pending {
    const store::Series *value, *lower, *upper;
    std::uint32_t rgb;
  };
  std::vector<Pending> pending;
  std::uint64_t key = 1469598103934665603ull;
  auto mix = [&](std::uint64_t v) { key = (key ^ v) * 1099511628211ull; };
  for (const auto& [name, run] : ctx.store->runs()) {
    if (!ctx.run_shown(name)) continue;
    if (chart.margin) {
      for (const aggregate::MarginSeries& m : chart.series) {
        const store::Series* v = scalar_series(run, m.value);
        if (!v) continue;
        std::string label = name;
        if (chart.series.size() > 1) label.append(": ").append(m.value);
        card.labels.push_back(std::move(label));
        pending.push_back({v, scalar_series(run, m.lower), scalar_series(run, m.upper),
                           chart.series.size() > 1 ? run_color(card.labels.back()) : ctx.run_rgb(name)});
      }
    } else {
      for (const std::string& tag : tags) {
        const store::Series* v = scalar_series(run, tag);
        if (!v) continue;
        std::string label = name;
        if (tags.size() > 1) label.append(": ").append(tag);
        card.labels.push_back(std::move(label));
        pending.push_back(
            {v, nullptr, nullptr, tags.size() > 1 ? run_color(card.labels.back()) : ctx.run_rgb(name)});
      }
    }
  }
  for (std::size_t i = 0; i < pending.size(); ++i) {
    const Pending& p = pending[i];
    ChartLine l;
    l.data = &ctx.cache->get(*p.value, s.all_points, s.smoothing, ctx.now);
    if (p.lower) l.lower = &ctx.cache->get(*p.lower, s.all_points, s.smoothing, ctx.now);
    if (p.upper) l.upper = &ctx.cache->get(*p.upper, s.all_points, s.smoothing, ctx.now);
    l.rgb = p.rgb;
    l.run = &card.labels[i];
    card.lines.push_back(l);
    for (const store::Series* x : {p.value, p.lower, p.upper})
      if (x) mix(reinterpret_cast<std::uintptr_t>(x)), mix(x->version);
  }
  mix(static_cast<std::uint64_t>(s.x_axis) | (s.log_y << 4) | (s.ignore_outliers << 5) | (s.all_points << 6));

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
      ctx.downloads->push_back({"custom_scalars.csv", "text/csv", card_csv(card)});
    if (ImGui::MenuItem("Save as PNG")) *ctx.capture = PngCapture{min, max, "custom_scalars.png"};
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
  ChartOptions o;
  o.x_axis = s.x_axis;
  o.log_y = s.log_y;
  o.ignore_outliers = s.ignore_outliers;
  o.smoothing_on = s.smoothing > 0;
  o.sort = s.tooltip_sort;
  o.fonts = ctx.fonts;
  o.now = ctx.now;
  const float chart_h = max.y - ImGui::GetCursorScreenPos().y - 4;
  card.chart.draw("##chart", ImVec2(size.x - 4, chart_h), card.lines, o, key);
  if (!card.lines.empty()) ++charts_drawn_;
  if (ImGui::IsItemHovered() && card.lines.empty())
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

}  // namespace el::ui
