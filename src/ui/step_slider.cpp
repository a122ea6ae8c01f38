#include "ui/step_slider.h"

#include <algorithm>
#include <cstdio>

#include "aggregate/ticks.h"
#include "imgui_internal.h"  // ClearActiveID: a hovered card takes the keys from a text field
#include "ui/format.h"
#include "ui/plot_frame.h"
#include "ui/widgets.h"

namespace el::ui {

const std::vector<std::uint32_t>& ShownRecords::get(const store::Series& s, bool all_points) {
  Entry& e = cache_[&s];
  if (e.version != s.version || e.all_points != all_points) {
    if (all_points) {
      e.records.resize(s.size());
      for (std::uint32_t i = 0; i < e.records.size(); ++i) e.records[i] = i;
    } else {
      e.records = store::visible_indices(s.steps);
    }
    e.version = s.version;
    e.all_points = all_points;
  }
  return e.records;
}

std::string step_and_time(const store::Series& s, std::uint32_t record) {
  const std::int64_t step = s.steps[record];
  std::string out = step < 0 ? "step -" : "step ";
  out += format_count(static_cast<std::uint64_t>(step < 0 ? -step : step));
  out += "  \xC2\xB7  ";  // a middle dot
  out += aggregate::format_time(s.wall_times[record], 1.0, local_utc_offset());
  return out;
}

bool ArrowKeyTarget::wants_keys(const std::string& id, ImVec2 min, ImVec2 max) {
  // (the card may hold child windows: a scrolling text, a read-only text box)
  const bool hovered = ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows |
                                              ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) &&
                       ImGui::IsMouseHoveringRect(min, max);
  if (hovered) {
    hovered_any_ = true;
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) clicked_ = id;
  }
  if (ImGui::GetIO().WantTextInput) {
    // A text field is being edited. The card under the mouse takes the
    // stepping keys from it (the field stops editing); otherwise they are the text's.
    if (!hovered) return false;
    auto pressed = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k), true); };
    if (!pressed(ImGuiKey_LeftArrow) && !pressed(ImGuiKey_RightArrow) && !pressed(ImGuiKey_Home) &&
        !pressed(ImGuiKey_End))
      return false;
    ImGui::ClearActiveID();
    return true;
  }
  return hovered || (!hovered_last_ && clicked_ == id);
}

SteppedRecord draw_step_footer(const UiContext& ctx, const TagRunCard& card, StepSlider& slider,
                               ShownRecords& shown, ArrowKeyTarget& keys, ImVec2 min, ImVec2 max) {
  SteppedRecord r;
  r.records = &shown.get(*card.series, ctx.settings->all_points);
  r.footer_top = max.y - (ImGui::GetFrameHeightWithSpacing() + ImGui::GetTextLineHeight() + 6);
  r.keys = keys.wants_keys(card_id(card), min, max) && !r.records->empty();
  ImGui::SetCursorScreenPos(ImVec2(min.x + kCardPad, r.footer_top + 6));
  // Linked: every card follows one step (in the link); else each card keeps its own.
  std::int64_t& step = ctx.settings->link_steps ? ctx.settings->step : slider.own_step();
  r.pos = slider.draw(*card.series, *r.records, max.x - min.x - 2 * kCardPad, r.keys, step);
  if (!r.records->empty()) r.record = (*r.records)[r.pos];
  return r;
}

std::string card_id(const TagRunCard& card) {
  std::string id = *card.tag;
  id += '\n';
  id += *card.run;
  id += '\n';
  id += std::to_string(card.sample);
  return id;
}

MediaCardInfo media_card_info(const char* kind, const TagRunCard& card,
                              const std::vector<std::uint32_t>& records, std::size_t pos) {
  MediaCardInfo info;
  info.kind = kind;
  info.run = *card.run;
  info.tag = *card.tag;
  info.sample = card.sample;
  info.position = pos;
  info.count = records.size();
  info.step = card.series->steps[records[pos]];
  return info;
}

void prefetch_neighbours(MediaProvider& media, const TagRunCard& card,
                         const std::vector<std::uint32_t>& records, std::size_t pos) {
  if (pos + 1 < records.size()) media.prefetch(*card.series, records[pos + 1], card.sample);
  if (pos > 0) media.prefetch(*card.series, records[pos - 1], card.sample);
}

std::size_t StepSlider::draw(const store::Series& s, const std::vector<std::uint32_t>& records, float width,
                             bool keys, std::int64_t& linked_step) {
  const std::size_t n = records.size();
  if (n == 0) return 0;
  std::size_t pos = at_.resolve(s.steps, records, linked_step);
  const std::size_t before = pos;
  if (keys) {
    auto pressed = [](ImGuiKey k) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(k), true); };
    if (pressed(ImGuiKey_LeftArrow) && pos > 0) --pos;
    if (pressed(ImGuiKey_RightArrow) && pos + 1 < n) ++pos;
    if (pressed(ImGuiKey_Home)) pos = 0;
    if (pressed(ImGuiKey_End)) pos = n - 1;
  }
  const float x0 = ImGui::GetCursorScreenPos().x;
  int v = static_cast<int>(pos);
  char label[48];
  std::snprintf(label, sizeof label, "%d of %zu", v + 1, n);
  ImGui::SetNextItemWidth(width);
  if (n > 1) {
    slider_int("##step", &v, 0, static_cast<int>(n - 1), label, ImGuiSliderFlags_AlwaysClamp);
    tooltip(
        "Every recorded step of this series. Drag, or hover the card and use the arrow keys\n"
        "(Home and End for the first and last). At the newest step the card follows new data.\n"
        "With \"Link steps across cards\" on (the sidebar), every card follows this one.");
  } else {
    ImGui::BeginDisabled();
    ImGui::SliderInt("##step", &v, 0, 0, "the only step", ImGuiSliderFlags_AlwaysClamp);
    ImGui::EndDisabled();
  }
  pos = static_cast<std::size_t>(std::clamp(v, 0, static_cast<int>(n - 1)));
  if (pos != before) at_.moved_to(pos, s.steps, records, linked_step);
  ImGui::SetCursorScreenPos(ImVec2(x0, ImGui::GetCursorScreenPos().y));
  ImGui::TextDisabled("%s", step_and_time(s, records[pos]).c_str());
  return pos;
}

}  // namespace el::ui
