#include "ui/tag_run_cards.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>

#include "ui/format.h"
#include "ui/pins.h"
#include "ui/plot_frame.h"
#include "ui/widgets.h"

namespace el::ui {

std::string file_safe(const std::string& s) {
  std::string out;
  for (char c : s) out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.') ? c : '_';
  return out;
}

void TagFilterBar::draw(const UiContext& ctx) {
  Settings& s = *ctx.settings;
  if (!synced_ || buf_ != s.tag_filter) buf_ = s.tag_filter, synced_ = true;
  if (regex_input("##tagfilter", "Filter tags (regex), e.g. weights|bias", buf_, filter_))
    s.tag_filter = buf_;
  tooltip(
      "Only tags matching this regular expression get cards. An invalid expression\n"
      "turns red and is not applied. The filter is shared by every dashboard.");
  filter_.set(s.tag_filter);
}

std::vector<std::pair<std::string, std::vector<TagRunCard>>> tag_run_groups(const UiContext& ctx,
                                                                            events::Kind kind,
                                                                            const RegexFilter& filter,
                                                                            bool per_sample,
                                                                            const CardChooser& choose) {
  std::map<std::string, std::vector<TagRunCard>> by_tag;  // tag order, then run order (runs() is sorted)
  for (const auto& [name, run] : ctx.store->runs()) {
    if (!ctx.run_shown(name)) continue;
    for (const auto& [tag, s] : run.tags)
      if (s.kind == kind && filter.matches(tag)) {
        std::uint32_t samples = 1;
        if (per_sample)
          for (std::uint32_t n : s.samples) samples = std::max(samples, n);
        const std::string* title = nullptr;
        if (choose && !choose(s, samples, title)) continue;
        const std::string& key = title ? *title : tag;
        for (std::uint32_t k = 0; k < samples; ++k)
          by_tag[key].push_back({&tag, &name, &s, k, samples, title});
      }
  }
  std::vector<std::pair<std::string, std::vector<TagRunCard>>> out;
  out.emplace_back("", std::vector<TagRunCard>{});
  for (auto& [tag, cards] : by_tag) {
    const std::size_t slash = tag.find('/');
    if (slash == std::string::npos) {
      out.front().second.insert(out.front().second.end(), cards.begin(), cards.end());
      continue;
    }
    const std::string group = tag.substr(0, slash);
    if (out.back().first != group || out.size() == 1) out.emplace_back(group, std::vector<TagRunCard>{});
    out.back().second.insert(out.back().second.end(), cards.begin(), cards.end());
  }
  if (out.front().second.empty()) out.erase(out.begin());
  return out;
}

namespace {

// The card's pin key: "<kind>\t<tag>\n<run>\n<sample>".
std::string card_pin_key(events::Kind kind, const TagRunCard& card) {
  return pin_key(events::kind_name(kind), *card.tag + '\n' + *card.run + '\n' + std::to_string(card.sample));
}

void card_frame(const UiContext& ctx, const TagRunCard& card, ImVec2 size, const std::string& pin,
                const std::function<void(const TagRunCard&, ImVec2, ImVec2)>& draw,
                const std::function<void(const TagRunCard&, ImVec2, ImVec2)>& menu) {
  const bool pinned = is_pinned(*ctx.settings, pin);
  ImGui::PushID(card.tag->c_str());
  const std::string& title = card.name();
  ImGui::PushID(card.run->c_str());
  ImGui::PushID(static_cast<int>(card.sample));
  const ImVec2 min = ImGui::GetCursorScreenPos();
  const ImVec2 max(min.x + size.x, min.y + size.y);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(min, max, ImGui::GetColorU32(ImGuiCol_ChildBg), 6.0f);
  dl->AddRect(min, max, ImGui::GetColorU32(ImGuiCol_Border), 6.0f);

  // Title: the tag, then the run with its colour; the menu button at the right
  // (the title is clipped short of it).
  const float pad = 10;
  const float menu_w = ImGui::GetFrameHeight() * 1.4f;
  const float title_right = max.x - menu_w - pad - 4;
  ImGui::PushClipRect(min, ImVec2(title_right, max.y), true);
  ImGui::SetCursorScreenPos(ImVec2(min.x + pad, min.y + 6));
  float grip_w = 0;
  if (pinned) {
    grip_w = pin_grip(pin, ImGui::GetFrameHeight()) + 4;
    ImGui::SameLine(0, 4);
  }
  ImGui::AlignTextToFramePadding();
  // The tag and the run share the width; whichever is longer is elided in the middle.
  const float h = ImGui::GetTextLineHeight();
  const float room = title_right - (min.x + pad) - 14 - h * 0.6f - 5 - grip_w;
  const std::string& run_label = ctx.run_label(*card.run);
  const float tag_w = ImGui::CalcTextSize(title.c_str()).x, run_w = ImGui::CalcTextSize(run_label.c_str()).x;
  const float tag_room = tag_w + run_w <= room ? tag_w : std::max(room * 0.6f, room - run_w);
  const std::string tag_text = fit_middle(title, tag_room);
  ImGui::TextUnformatted(tag_text.c_str());
  if (ImGui::IsItemHovered()) {
    const std::string& d = card.series->metadata.description;
    if (tag_text != title || !d.empty())
      ImGui::SetTooltip("%s%s%s", title.c_str(), d.empty() ? "" : "\n\n", d.c_str());
  }
  ImGui::SameLine(0, 14);
  const ImVec2 c = ImGui::GetCursorScreenPos();
  const float text_y = c.y + ImGui::GetStyle().FramePadding.y;
  dl->AddRectFilled(ImVec2(c.x, text_y + h * 0.2f), ImVec2(c.x + h * 0.6f, text_y + h * 0.8f),
                    rgb_alpha(ctx.run_rgb(*card.run), 1.0f), 2.0f);
  ImGui::Dummy(ImVec2(h * 0.6f, h));
  ImGui::SameLine(0, 5);
  const std::string run_text =
      fit_middle(run_label, std::max(0.0f, title_right - ImGui::GetCursorScreenPos().x));
  ImGui::TextDisabled("%s", run_text.c_str());
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", card.run->c_str());
  if (card.samples > 1) {
    ImGui::SameLine(0, 10);
    ImGui::TextDisabled("sample %u/%u", card.sample + 1, card.samples);
  }
  if (card.series && card.series->records_seen() > card.series->size()) {  // thinned by the memory budget
    ImGui::SameLine(0, 10);
    ImGui::TextColored(reduced_color(), "kept %s of %s", format_count(card.series->size()).c_str(),
                       format_count(card.series->records_seen()).c_str());
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip(
          "The memory budget is nearly spent, so this series keeps an even sample of its\n"
          "records and always the newest (TensorBoard's reservoir rule). The others were read\n"
          "and dropped. Unload runs and read this one again to see every record.");
  }
  ImGui::PopClipRect();
  ImGui::SetCursorScreenPos(ImVec2(max.x - menu_w - pad, min.y + 6));
  if (ImGui::Button("...", ImVec2(menu_w, 0))) ImGui::OpenPopup("##cardmenu");
  tooltip("Card menu: download the data, save as PNG.");
  if (ImGui::BeginPopup("##cardmenu")) {
    pin_menu_item(*ctx.settings, pin);
    ImGui::Separator();
    menu(card, min, max);
    ImGui::EndPopup();
  }

  const float top = ImGui::GetFrameHeight() + 10;
  const ImVec2 content_min(min.x + 2, min.y + top), content_max(max.x - 2, max.y - 4);
  ImGui::SetCursorScreenPos(content_min);
  draw(card, content_min, content_max);
  ImGui::SetCursorScreenPos(min);
  ImGui::Dummy(size);
  if (pinned) pin_drop_target(*ctx.settings, pin, min, max);
  ImGui::PopID();
  ImGui::PopID();
  ImGui::PopID();
}

}  // namespace

double record_time(const aggregate::HistogramSeries& h, std::size_t i, XAxis axis) {
  switch (axis) {
    case XAxis::kStep: return static_cast<double>(h.steps[i]);
    case XAxis::kRelative: return h.walls[i] - h.walls.front();
    case XAxis::kWallTime: return h.walls[i];
    case XAxis::kTag: break;  // a scalar tag on x is for scalar charts: steps here
  }
  return static_cast<double>(h.steps[i]);
}

std::size_t draw_tag_run_dashboard(const UiContext& ctx, TagFilterBar& filter, events::Kind kind,
                                   float min_width, float aspect,
                                   const std::function<void(const TagRunCard&, ImVec2, ImVec2)>& draw,
                                   const std::function<void(const TagRunCard&, ImVec2, ImVec2)>& menu,
                                   bool per_sample, const CardChooser& choose) {
  filter.draw(ctx);
  ImGui::Spacing();
  auto groups = tag_run_groups(ctx, kind, filter.filter(), per_sample, choose);
  // Pinned cards leave their section for the Pinned one, in the pins' order
  // (keys copied: a card's menu may unpin while the cards are drawn).
  std::vector<std::pair<std::string, TagRunCard>> pinned;
  {
    std::map<std::string, TagRunCard> by_key;
    const std::string prefix = pin_key(events::kind_name(kind), "");
    for (const std::string& p : ctx.settings->pins)
      if (p.starts_with(prefix)) by_key.emplace(p, TagRunCard{});
    if (!by_key.empty()) {
      for (auto& [group, cards] : groups)
        std::erase_if(cards, [&](const TagRunCard& c) {
          auto it = by_key.find(card_pin_key(kind, c));
          if (it == by_key.end()) return false;
          it->second = c;
          return true;
        });
      std::erase_if(groups, [](const auto& g) { return g.second.empty(); });
      for (const std::string& p : ctx.settings->pins)
        if (auto it = by_key.find(p); it != by_key.end() && it->second.series) {
          pinned.emplace_back(p, it->second);
          it->second.series = nullptr;  // once
        }
    }
  }
  ImGui::BeginChild("##cards", ImVec2(0, 0), false);
  std::size_t total = 0;
  const float avail = ImGui::GetContentRegionAvail().x;
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  // As many columns as fit, but no more than the largest group has cards:
  // a few cards share the whole width instead of leaving part of it empty.
  std::size_t most = std::max<std::size_t>(1, pinned.size());
  for (const auto& [group, cards] : groups) most = std::max(most, cards.size());
  const int columns = std::clamp(static_cast<int>((avail + spacing) / (min_width + spacing)), 1,
                                 static_cast<int>(std::min<std::size_t>(most, 64)));
  const float card_w = (avail - spacing * (columns - 1)) / columns;
  const float card_h = std::clamp(card_w * aspect, 240.0f, 420.0f);
  if (!pinned.empty()) {
    total += pinned.size();
    char header[64];
    std::snprintf(header, sizeof header, "Pinned  (%zu)###pinned", pinned.size());
    ImGui::SetNextItemOpen(true, ImGuiCond_FirstUseEver);
    if (ImGui::CollapsingHeader(header)) {
      int col = 0;
      for (const auto& [key, card] : pinned) {
        if (col != 0) ImGui::SameLine(0, spacing);
        const ImVec2 size(card_w, card_h);
        if (ImGui::IsRectVisible(size))
          card_frame(ctx, card, size, key, draw, menu);
        else
          ImGui::Dummy(size);
        col = (col + 1) % columns;
      }
      ImGui::Spacing();
    }
  }
  for (const auto& [group, cards] : groups) {
    total += cards.size();
    char header[256];
    std::snprintf(header, sizeof header, "%s  (%zu)###%s", group.empty() ? "Top-level tags" : group.c_str(),
                  cards.size(), group.c_str());
    ImGui::SetNextItemOpen(true, ImGuiCond_FirstUseEver);
    if (!ImGui::CollapsingHeader(header)) continue;
    int col = 0;
    for (const TagRunCard& card : cards) {
      if (col != 0) ImGui::SameLine(0, spacing);
      const ImVec2 size(card_w, card_h);
      if (ImGui::IsRectVisible(size))
        card_frame(ctx, card, size, card_pin_key(kind, card), draw, menu);
      else
        ImGui::Dummy(size);  // off-screen: reserve the space, draw nothing
      col = (col + 1) % columns;
    }
    ImGui::Spacing();
  }
  if (total == 0) {
    ImGui::Spacing();
    ImGui::TextDisabled("No %s data in the shown runs, or no tag matches the tag filter.",
                        events::kind_name(kind));
  }
  ImGui::EndChild();
  return total;
}

}  // namespace el::ui
