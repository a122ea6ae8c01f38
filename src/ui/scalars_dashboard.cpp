// [SECTION] tags and groups
// [SECTION] card data export
// [SECTION] cards
// [SECTION] dashboard
#include "ui/scalars_dashboard.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <string_view>

#include "export/groups_export.h"
#include "imgui.h"
#include "store/csv_writer.h"
#include "store/json_writer.h"
#include "ui/pins.h"
#include "ui/sidebar_sections.h"
#include "ui/tag_run_cards.h"
#include "ui/widgets.h"

namespace el::ui {
namespace {

constexpr float kMinCardWidth = 400;

// The tags a card draws: its own, then those added to it (multi-tag overlay).
std::vector<std::string> card_tags(const Settings& s, const std::string& tag) {
  std::vector<std::string> tags{tag};
  if (auto it = s.card_overlays.find(tag); it != s.card_overlays.end())
    for (const std::string& t : it->second)
      if (t != tag) tags.push_back(t);
  return tags;
}

}  // namespace

// [SECTION] tags and groups ----------------------------------------------------------
std::vector<std::pair<std::string, std::vector<std::string>>> ScalarsDashboard::groups(const UiContext& ctx) {
  std::set<std::string> tags;
  for (const auto& [name, run] : ctx.store->runs()) {
    if (!ctx.run_shown(name)) continue;
    for (const auto& [tag, s] : run.tags)
      if (s.kind == events::Kind::kScalars) tags.insert(tag);
  }
  // Tags without a '/' share one section, first; the others group by prefix.
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  out.emplace_back("", std::vector<std::string>{});
  for (const std::string& tag : tags) {
    const std::size_t slash = tag.find('/');
    if (slash == std::string::npos) {
      out.front().second.push_back(tag);
      continue;
    }
    const std::string group = tag.substr(0, slash);
    if (out.back().first != group || out.size() == 1) out.emplace_back(group, std::vector<std::string>{});
    out.back().second.push_back(tag);
  }
  if (out.front().second.empty()) out.erase(out.begin());
  return out;
}

// [SECTION] card data export -----------------------------------------------------------
// Exactly the card's data: every point the UI holds for every shown run.
std::string ScalarsDashboard::card_csv(const UiContext& ctx, const std::string& tag) const {
  std::string out = "run,tag,step,wall_time,value\n";
  for (const std::string& t : card_tags(*ctx.settings, tag))
    for (const auto& [name, run] : ctx.store->runs()) {
      auto it = run.tags.find(t);
      if (!ctx.run_shown(name) || it == run.tags.end() || it->second.kind != events::Kind::kScalars) continue;
      const PreparedSeries& p =
          ctx.cache->get(it->second, ctx.settings->all_points, ctx.settings->smoothing, ctx.now);
      for (std::size_t i = 0; i < p.values.size(); ++i) {
        store::append_csv_field(out, name);
        out += ',';
        store::append_csv_field(out, t);
        out += ',' + std::to_string(static_cast<std::int64_t>(p.steps[i])) + ',';
        store::append_csv_number(out, p.walls[i]);
        out += ',';
        store::append_csv_number(out, p.values[i]);
        out += '\n';
      }
    }
  return out;
}

std::string ScalarsDashboard::card_json(const UiContext& ctx, const std::string& tag) const {
  store::JsonWriter j;
  j.begin_object().key("tag").value(tag).key("runs").begin_array();
  for (const std::string& t : card_tags(*ctx.settings, tag))
    for (const auto& [name, run] : ctx.store->runs()) {
      auto it = run.tags.find(t);
      if (!ctx.run_shown(name) || it == run.tags.end() || it->second.kind != events::Kind::kScalars) continue;
      const PreparedSeries& p =
          ctx.cache->get(it->second, ctx.settings->all_points, ctx.settings->smoothing, ctx.now);
      j.begin_object().key("run").value(name).key("tag").value(t).key("points").begin_array();
      for (std::size_t i = 0; i < p.values.size(); ++i)
        j.begin_array()
            .value(static_cast<std::int64_t>(p.steps[i]))
            .value(p.walls[i])
            .value(p.values[i])
            .end_array();
      j.end_array().end_object();
    }
  j.end_array().end_object();
  return j.take();
}

// [SECTION] cards ----------------------------------------------------------------------
void ScalarsDashboard::card_menu(const UiContext& ctx, const std::string& tag, Card& card, ImVec2 card_min,
                                 ImVec2 card_max) {
  if (!ImGui::BeginPopup("##cardmenu")) return;
  if (menu_item("Full width", "Let this card take the whole row.", card.full_width))
    card.full_width = !card.full_width;
  if (menu_item("Fit to data", "Undo the zoom.", false, card.chart.zoomed())) card.chart.fit();
  pin_menu_item(*ctx.settings, pin_key("scalars", tag));
  ImGui::Separator();
  if (menu_item("Download CSV", "Every point of every shown run: run,tag,step,wall_time,value"))
    ctx.downloads->push_back({file_safe(tag) + ".csv", "text/csv", card_csv(ctx, tag)});
  if (menu_item("Download JSON", "Every point of every shown run as [step, wall_time, value]"))
    ctx.downloads->push_back({file_safe(tag) + ".json", "application/json", card_json(ctx, tag)});
  if (!card.lines.groups.empty()) {
    // The groups' aggregates as drawn (smoothed first when that is on), tensorboard-reducer's columns.
    // (computed on click: the charts leave out the median unless they draw it)
    const std::vector<std::string> tags = card_tags(*ctx.settings, tag);
    const std::vector<std::string> reduce{"mean", "std", "sem", "min", "max", "median"};
    auto aggregates = [&] {
      std::vector<aggregate::GroupAggregate> full;
      for (const ScalarLines::GroupLineRef& g : card.lines.groups)
        full.push_back(full_aggregate(*g.series, *ctx.settings));
      return full;
    };
    auto refs = [&](const std::vector<aggregate::GroupAggregate>& full) {
      std::vector<exporting::GroupTagAggregate> all;
      for (std::size_t i = 0; i < full.size(); ++i) {
        const ScalarLines::GroupLineRef& g = card.lines.groups[i];
        all.push_back({&ctx.grouping->groups()[static_cast<std::size_t>(g.group)], tags[g.tag], &full[i]});
      }
      return all;
    };
    if (menu_item("Download group aggregates (CSV)",
                  "Per group and step: group,tag,step,n,mean,std,sem,min,max,median over the shown members\n"
                  "(std with ddof 1; members smoothed first when that setting is on)."))
      ctx.downloads->push_back({file_safe(tag) + "-groups.csv", "text/csv",
                                exporting::write_groups_csv(refs(aggregates()), reduce)});
    if (menu_item("Download group aggregates (JSON)",
                  "{\"groups\":[{\"group\",\"runs\",\"tag\",\"points\":[{\"step\",\"n\",\"mean\",...}]}]}"))
      ctx.downloads->push_back({file_safe(tag) + "-groups.json", "application/json",
                                exporting::write_groups_json(refs(aggregates()), reduce)});
  }
  if (menu_item("Save as PNG", "The card as an image."))
    *ctx.capture = PngCapture{card_min, card_max, file_safe(tag) + ".png"};
  ImGui::Separator();
  if (ImGui::BeginMenu("Add tags to this card")) {
    // Every other scalar tag of the shown runs, with a filter for long lists.
    ImGui::SetNextItemWidth(260);
    ImGui::InputTextWithHint("##overlayfilter", "Filter tags (regex)", overlay_filter_buf_,
                             sizeof overlay_filter_buf_);
    overlay_filter_.set(overlay_filter_buf_);
    std::vector<std::string>& extras = ctx.settings->card_overlays[tag];
    int listed = 0;
    for (const auto& [group, tags] : groups(ctx))
      for (const std::string& t : tags) {
        if (t == tag || !overlay_filter_.matches(t) || listed >= 200) continue;
        ++listed;
        bool on = std::find(extras.begin(), extras.end(), t) != extras.end();
        if (ImGui::Checkbox(t.c_str(), &on)) {
          if (on)
            extras.push_back(t);
          else
            std::erase(extras, t);
        }
      }
    if (listed == 0) ImGui::TextDisabled("No other scalar tag matches.");
    if (listed >= 200) ImGui::TextDisabled("First 200 tags listed: filter to find others.");
    if (extras.empty()) ctx.settings->card_overlays.erase(tag);
    ImGui::EndMenu();
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "Overlay other scalar tags on this chart (each run's line per tag). Saved in the link.");
  ImGui::EndPopup();
}

void ScalarsDashboard::draw_card(const UiContext& ctx, const std::string& tag, Card& card, ImVec2 size) {
  ImGui::PushID(tag.c_str());
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + size.x, min.y + size.y);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(min, max, ImGui::GetColorU32(ImGuiCol_ChildBg), 6.0f);
  dl->AddRect(min, max, ImGui::GetColorU32(ImGuiCol_Border), 6.0f);
  const Settings& s = *ctx.settings;

  // Title row: the tag, and the card menu at the right.
  const float pad = 10;
  const std::string pin = pin_key("scalars", tag);
  const bool pinned = is_pinned(s, pin);
  ImGui::SetCursorScreenPos(ImVec2(min.x + pad, min.y + 6));
  float grip_w = 0;
  if (pinned) {
    grip_w = pin_grip(pin, ImGui::GetFrameHeight()) + 4;
    ImGui::SameLine(0, 4);
  }
  ImGui::AlignTextToFramePadding();
  const std::vector<std::string> tags = card_tags(s, tag);
  // The title ends short of the menu button, elided in the middle when long.
  const float menu_w = ImGui::GetFrameHeight() * 1.4f;
  const float title_w = max.x - menu_w - pad - 6 - (min.x + pad) - grip_w;
  collect_scalar_lines(ctx, tags, card.lines);
  std::string title = tag;
  if (tags.size() > 1)
    title += "  + " + std::to_string(tags.size() - 1) + (tags.size() == 2 ? " tag" : " tags");
  if (card.lines.x_sorted) title += "  (x sorted)";
  const std::string shown_title = fit_middle(title, title_w);
  ImGui::TextUnformatted(shown_title.c_str());
  std::string description;
  if (tags.size() > 1) description = "Also shows: ";
  for (std::size_t i = 1; i < tags.size(); ++i) {
    if (i > 1) description += ", ";
    description += tags[i];
  }
  if (description.empty() && !card.lines.sources.empty())
    description = card.lines.sources[0].series->metadata.description;
  if (card.lines.x_sorted)
    description += (description.empty() ? "" : "\n\n") + s.x_tag +
                   " does not only grow with the step in some run: its points are drawn in order of " +
                   s.x_tag + ".";
  if (card.lines.x_missing)
    description += (description.empty() ? "" : "\n\n") + std::to_string(card.lines.x_missing) +
                   (card.lines.x_missing == 1 ? " line is" : " lines are") + " not drawn: no " + s.x_tag +
                   " in the run.";
  if (ImGui::IsItemHovered() && (!description.empty() || shown_title != title))
    ImGui::SetTooltip("%s%s%s", title.c_str(), description.empty() ? "" : "\n\n", description.c_str());
  ImGui::SetCursorScreenPos(ImVec2(max.x - menu_w - pad, min.y + 6));
  if (ImGui::Button("...", ImVec2(menu_w, 0))) ImGui::OpenPopup("##cardmenu");
  tooltip("Card menu: full width, fit, download the data (CSV, JSON), save as PNG.");
  card_menu(ctx, tag, card, min, max);

  const float top = ImGui::GetFrameHeight() + 10;
  ImGui::SetCursorScreenPos(ImVec2(min.x + 2, min.y + top));
  card.chart.draw("##chart", ImVec2(size.x - 4, size.y - top - 4), card.lines.lines, chart_options(ctx),
                  card.lines.key);
  if (!card.lines.lines.empty()) ++charts_drawn_;
  DrawnCard& drawn = drawn_cards_.emplace_back();
  drawn.tag = tag;
  drawn.lines = card.lines.labels;
  drawn.chart = &card.chart;
  drawn.pinned = pinned;
  for (const ChartLine& l : card.lines.lines)
    drawn.line_facts.push_back({l.data->values.size(), !l.data->xs.empty(),
                                l.data->xs.empty() ? 0 : l.data->xs.front(),
                                l.data->xs.empty() ? 0 : l.data->xs.back()});
  for (const ScalarLines::GroupLineRef& g : card.lines.groups) {
    const GroupSeries& gs = *g.series;
    drawn.group_facts.push_back({g.line, gs.centre.values.size(), gs.members,
                                 gs.counts.empty() ? 0 : gs.counts.back(), gs.interpolated,
                                 !gs.lower.values.empty()});
  }
  drawn.x_sorted = card.lines.x_sorted;
  drawn.x_missing = card.lines.x_missing;
  if (ImGui::IsItemHovered() && !ImGui::IsMouseDown(ImGuiMouseButton_Left) && card.lines.lines.empty())
    ImGui::SetTooltip("No shown run has this tag.");
  ImGui::SetCursorScreenPos(min);
  ImGui::Dummy(size);
  if (pinned) pin_drop_target(*ctx.settings, pin, min, max);
  ImGui::PopID();
}

// [SECTION] dashboard -------------------------------------------------------------------
void ScalarsDashboard::draw(const UiContext& ctx) {
  Settings& s = *ctx.settings;
  charts_drawn_ = 0;
  drawn_cards_.clear();
  ctx.cache->sync(*ctx.store);
  if (!tag_filter_synced_ || tag_filter_buf_ != s.tag_filter)
    tag_filter_buf_ = s.tag_filter, tag_filter_synced_ = true;
  if (regex_input("##tagfilter", "Filter tags (regex), e.g. loss|acc", tag_filter_buf_, tag_filter_))
    s.tag_filter = tag_filter_buf_;
  tooltip(
      "Only tags matching this regular expression get a card. An invalid expression\n"
      "turns red and is not applied.");
  tag_filter_.set(s.tag_filter);
  ImGui::Spacing();

  auto all = groups(ctx);
  std::size_t shown_tags = 0;
  ImGui::BeginChild("##cards", ImVec2(0, 0), false);
  const float avail = ImGui::GetContentRegionAvail().x;
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  // As many columns as fit, but no more than the largest group shows cards.
  std::size_t most = 1;
  for (const auto& [group, tags] : all) {
    std::size_t n = 0;
    for (const std::string& t : tags) n += tag_filter_.matches(t);
    most = std::max(most, n);
  }
  const int columns = std::clamp(static_cast<int>((avail + spacing) / (kMinCardWidth + spacing)), 1,
                                 static_cast<int>(std::min<std::size_t>(most, 64)));
  const float card_w = (avail - spacing * (columns - 1)) / columns;
  const float card_h = std::clamp(card_w * 0.62f, 240.0f, 380.0f);
  // Pinned cards first, in the pins' order; they leave their own section.
  // (copies: a card's menu may unpin while the cards are drawn)
  std::set<std::string> pinned;
  std::vector<std::string> pinned_names;
  {
    std::set<std::string_view> present;
    for (const auto& [group, tags] : all)
      for (const std::string& t : tags)
        if (tag_filter_.matches(t)) present.insert(t);
    for (const std::string& p : s.pins)
      if (p.starts_with("scalars\t"))
        if (auto it = present.find(std::string_view(p).substr(8));
            it != present.end() && pinned.insert(std::string(*it)).second)
          pinned_names.emplace_back(*it);
  }
  auto draw_row = [&](const std::vector<const std::string*>& visible) {
    int col = 0;
    for (const std::string* tag_at : visible) {
      const std::string& tag = *tag_at;
      Card& card = cards_[tag];
      const bool full = card.full_width;
      if (full && col != 0) col = 0;  // a full-width card starts its own row
      if (col != 0) ImGui::SameLine(0, spacing);
      const ImVec2 size(full ? avail : card_w, full ? card_h * 1.3f : card_h);
      if (ImGui::IsRectVisible(size))
        draw_card(ctx, tag, card, size);
      else
        ImGui::Dummy(size);  // off-screen: reserve the space, draw nothing
      col = full ? 0 : (col + 1) % columns;
    }
    ImGui::Spacing();
  };
  if (!pinned_names.empty()) {
    shown_tags += pinned_names.size();
    std::vector<const std::string*> row;
    for (const std::string& t : pinned_names) row.push_back(&t);
    char header[64];
    std::snprintf(header, sizeof header, "Pinned  (%zu)###pinned", pinned_names.size());
    ImGui::SetNextItemOpen(true, ImGuiCond_FirstUseEver);
    if (ImGui::CollapsingHeader(header)) draw_row(row);
  }
  for (auto& [group, tags] : all) {
    std::vector<const std::string*> visible;
    for (const std::string& t : tags)
      if (tag_filter_.matches(t) && !pinned.count(t)) visible.push_back(&t);
    if (visible.empty()) continue;
    shown_tags += visible.size();
    char header[256];
    std::snprintf(header, sizeof header, "%s  (%zu)###%s", group.empty() ? "Top-level tags" : group.c_str(),
                  visible.size(), group.c_str());
    ImGui::SetNextItemOpen(true, ImGuiCond_FirstUseEver);
    if (!ImGui::CollapsingHeader(header)) continue;
    draw_row(visible);
  }
  if (shown_tags == 0) {
    ImGui::Spacing();
    ImGui::TextDisabled(all.empty() ? "No scalar data in the shown runs." : "No tag matches the tag filter.");
  }
  ImGui::EndChild();
}

const DashboardInfo& ScalarsDashboard::info() const {
  static const DashboardInfo kInfo{
      "scalars", "Scalars", "One chart per scalar tag, every shown run overlaid.", events::Kind::kScalars};
  return kInfo;
}

void ScalarsDashboard::draw_sidebar(const UiContext& ctx) {
  draw_chart_settings(ctx);
  draw_group_settings(ctx);
}

std::vector<std::string_view> ScalarsDashboard::link_keys() const {
  return {"smoothing", "x", "y", "xscale", "xtag", "symw", "outliers", "sort", "points", "overlay"};
}

void ScalarsDashboard::write_state(store::JsonWriter& j, const store::Store&) const {
  j.key("scalarCards").begin_array();
  for (const DrawnCard& c : drawn_cards_) {
    j.begin_object().key("tag").value(c.tag).key("pinned").value(c.pinned).key("lines").begin_array();
    for (const std::string& l : c.lines) j.value(l);
    j.end_array();
    // What the chart showed: zoomed or fitted, the range (y in log10 units on
    // a log axis), the tick labels, and where it is on screen (CSS pixels).
    const LineChart& chart = *c.chart;
    j.key("zoomed").value(chart.zoomed());
    // How often its lines' GPU geometry was built: a frame that only moves the cursor builds none.
    j.key("geometryBuilds").value(chart.geometry_builds());
    const PlotRange& v = chart.view();
    j.key("view").begin_array().value(v.x0).value(v.x1).value(v.y0).value(v.y1).end_array();
    j.key("xLabels").begin_array();
    for (const std::string& l : chart.x_labels()) j.value(l);
    j.end_array().key("yLabels").begin_array();
    for (const std::string& l : chart.y_labels()) j.value(l);
    j.end_array().key("rect").begin_array();
    for (float f : chart.rect()) j.value(static_cast<double>(f));
    j.end_array();
    // Each line as drawn: its label, points, and its first and last x (the scale's input).
    j.key("lineInfo").begin_array();
    for (std::size_t i = 0; i < c.line_facts.size(); ++i) {
      const DrawnCard::LineFacts& f = c.line_facts[i];
      j.begin_object().key("label").value(c.lines[i]).key("points").value(f.points);
      if (f.has_x) j.key("xFirst").value(f.x_first).key("xLast").value(f.x_last);
      j.end_object();
    }
    j.end_array();
    j.key("xSorted").value(c.x_sorted).key("xMissing").value(c.x_missing);
    // Each run group's line: its label, points, members, whether it interpolated, n at the last point.
    j.key("groupLines").begin_array();
    for (const DrawnCard::GroupFacts& g : c.group_facts) {
      j.begin_object().key("label").value(c.lines[g.line]).key("points").value(g.points);
      j.key("members").value(g.members).key("interpolated").value(g.interpolated);
      j.key("band").value(g.band).key("lastN").value(g.last_n).end_object();
    }
    j.end_array().end_object();
  }
  j.end_array();
}

}  // namespace el::ui
