#include "ui/text_dashboard.h"

#include <algorithm>
#include <cstdio>

#include "ui/markdown_view.h"
#include "ui/sidebar_sections.h"
#include "ui/widgets.h"

namespace el::ui {
namespace {

// A rank-1 or rank-2 string tensor (or a 2-D slice of a higher one) as a
// table whose cells are Markdown, as TensorBoard draws them.
void draw_string_table(const std::vector<std::vector<md::Block>>& cells,
                       const std::vector<std::int64_t>& shape, float width, const Fonts* fonts,
                       std::vector<std::string>* open_urls) {
  const std::size_t rank = shape.size();
  const std::int64_t rows = rank == 1 ? shape[0] : shape[rank - 2];
  const std::int64_t cols = rank == 1 ? 1 : shape[rank - 1];
  if (rank > 2) {
    std::string dims;
    for (std::size_t d = 0; d < rank; ++d) {
      if (d) dims += " x ";
      dims += std::to_string(shape[d]);
    }
    std::string index;
    for (std::size_t d = 0; d + 2 < rank; ++d) index += "0, ";
    ImGui::TextDisabled("A %zu-D tensor (%s): showing [%s:, :]", rank, dims.c_str(), index.c_str());
  }
  const int ncols = static_cast<int>(std::clamp<std::int64_t>(cols, 1, 63)) + 1;
  const ImGuiTableFlags flags =
      ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
  if (!ImGui::BeginTable("##strings", ncols, flags, ImVec2(width, 0))) return;
  ImGui::TableSetupColumn("#", ImGuiTableColumnFlags_WidthFixed, ImGui::CalcTextSize("0000").x);
  for (int c = 1; c < ncols; ++c)
    ImGui::TableSetupColumn(rank == 1 ? "value" : std::to_string(c - 1).c_str());
  ImGui::TableHeadersRow();
  for (std::int64_t r = 0; r < std::min<std::int64_t>(rows, 10000); ++r) {
    ImGui::TableNextRow();
    ImGui::TableSetColumnIndex(0);
    ImGui::TextDisabled("%lld", static_cast<long long>(r));
    for (int c = 1; c < ncols; ++c) {
      ImGui::TableSetColumnIndex(c);
      const std::size_t at = static_cast<std::size_t>(r * cols + (c - 1));
      if (at < cells.size()) {
        ImGui::PushID(static_cast<int>(at));
        draw_markdown(cells[at], fonts, ImGui::GetContentRegionAvail().x, open_urls);
        ImGui::PopID();
      }
    }
  }
  ImGui::EndTable();
}

}  // namespace

void TextDashboard::draw_card(const UiContext& ctx, const TagRunCard& card, ImVec2 min, ImVec2 max) {
  Card& c = cards_[{*card.tag, *card.run}];
  const store::Series& s = *card.series;
  const SteppedRecord step = draw_step_footer(ctx, card, c.slider, records_, keys_, min, max);
  if (step.empty()) return;
  const std::vector<std::uint32_t>& records = *step.records;
  const std::size_t pos = step.pos;
  const std::uint32_t rec = step.record;
  const float pad = kCardPad, footer = max.y - step.footer_top;
  const std::vector<std::string_view> strings = s.text_strings(rec);
  const std::vector<std::int64_t> shape =
      rec < s.text_shapes.size() ? s.text_shapes[rec] : std::vector<std::int64_t>{};
  if (c.parsed_series != &s || c.parsed_record != rec || c.parsed_generation != ctx.store->generation()) {
    c.raw.clear();
    for (std::size_t i = 0; i < strings.size(); ++i) {
      if (i) c.raw += "\n\n";
      c.raw += strings[i];
    }
    c.cells.clear();
    for (std::string_view str : strings) c.cells.push_back(md::parse(str));
    c.parsed_series = &s;
    c.parsed_record = rec;
    c.parsed_generation = ctx.store->generation();
  }
  ++charts_drawn_;
  if (ctx.media_cards) {
    MediaCardInfo info = media_card_info("text", card, records, pos);
    info.state = MediaState::kReady;
    info.width = static_cast<std::uint32_t>(shape.size());  // (the rank, for state())
    info.height = static_cast<std::uint32_t>(c.cells.size() == 1 ? c.cells[0].size() : c.cells.size());
    ctx.media_cards->push_back(std::move(info));
  }
  const ImVec2 area(max.x - min.x - 2 * pad, max.y - footer - min.y - 4);
  ImGui::SetCursorScreenPos(ImVec2(min.x + pad, min.y));
  if (ctx.settings->text_raw) {
    // Read-only, but selectable: the text as stored, for copying.
    ImGui::InputTextMultiline("##raw", c.raw.data(), c.raw.size() + 1, area, ImGuiInputTextFlags_ReadOnly);
    return;
  }
  ImGui::BeginChild("##text", area, false, ImGuiWindowFlags_HorizontalScrollbar);
  const float width = ImGui::GetContentRegionAvail().x;
  if (c.cells.size() == 1)  // a scalar, or a one-element vector (what PyTorch's add_text writes)
    draw_markdown(c.cells[0], ctx.fonts, width, ctx.open_urls);
  else
    draw_string_table(c.cells, shape, width, ctx.fonts, ctx.open_urls);
  ImGui::EndChild();
}

void TextDashboard::card_menu(const UiContext& ctx, const TagRunCard& card, ImVec2, ImVec2) {
  const Card& c = cards_[{*card.tag, *card.run}];
  if (ImGui::MenuItem("Copy text", nullptr, false, !c.raw.empty()) && ctx.copy_text) *ctx.copy_text = c.raw;
  tooltip("The text of the shown step, as stored (Markdown source).");
  if (ImGui::MenuItem("Download text", nullptr, false, !c.raw.empty())) {
    const std::string step =
        c.parsed_record < card.series->size() ? std::to_string(card.series->steps[c.parsed_record]) : "";
    ctx.downloads->push_back(
        {file_safe(*card.run + "_" + *card.tag) + "_step" + step + ".md", "text/markdown", c.raw});
  }
}

const DashboardInfo& TextDashboard::info() const {
  static const DashboardInfo kInfo{
      "text", "Text", "Text logged at each step: Markdown rendered, tables as tables.", events::Kind::kText};
  return kInfo;
}

StepCardsDashboard::CardLayout TextDashboard::card_layout() const {
  return {.min_width = 420, .aspect = 0.75f, .per_sample = false, .needs_media = false};
}

void TextDashboard::draw_sidebar(const UiContext& ctx) {
  Settings& s = *ctx.settings;
  section_heading(ctx.fonts, "Text settings");
  draw_link_steps_checkbox(*ctx.settings);
  ImGui::Checkbox("Raw text", &s.text_raw);
  tooltip(
      "Show the strings as they were logged instead of rendered Markdown. The text can then\n"
      "be selected and copied (Ctrl+C).");
  draw_restart_checkbox(s);
}

std::vector<std::string_view> TextDashboard::link_keys() const { return {"raw", "step", "points"}; }

}  // namespace el::ui
