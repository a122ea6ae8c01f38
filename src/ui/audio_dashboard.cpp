#include "ui/audio_dashboard.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/images_dashboard.h"
#include "ui/markdown_view.h"
#include "ui/plot_frame.h"
#include "ui/sidebar_sections.h"
#include "ui/widgets.h"

namespace el::ui {

void AudioDashboard::draw_card(const UiContext& ctx, const TagRunCard& card, ImVec2 min, ImVec2 max) {
  const Key key{*card.tag, *card.run, card.sample};
  Card& c = cards_[key];
  const store::Series& s = *card.series;
  const SteppedRecord step = draw_step_footer(ctx, card, c.slider, records_, keys_, min, max);
  if (step.empty()) return;
  const std::vector<std::uint32_t>& records = *step.records;
  const std::size_t pos = step.pos;
  const std::uint32_t rec = step.record;
  const bool keys = step.keys;
  const float pad = kCardPad, footer = max.y - step.footer_top;
  const AudioView v = ctx.media->audio(s, rec, card.sample);
  if (keys && v.state == MediaState::kReady) prefetch_neighbours(*ctx.media, card, records, pos);
  const Playback pb = ctx.media->playback();
  const bool this_clip = pb.series == &s && pb.record == rec && pb.sample == card.sample;
  ++charts_drawn_;
  if (ctx.media_cards) {
    MediaCardInfo info = media_card_info("audio", card, records, pos);
    info.state = v.state;
    info.seconds = v.audio ? v.audio->seconds() : 0;
    info.error = v.error;
    ctx.media_cards->push_back(std::move(info));
  }

  // Controls: play/pause, then the time and the clip's format.
  ImGui::SetCursorScreenPos(ImVec2(min.x + pad, min.y));
  const bool ready = v.state == MediaState::kReady;
  if (!ready) ImGui::BeginDisabled();
  const bool playing = this_clip && pb.playing;
  if (ImGui::Button(playing ? "Pause" : "Play", ImVec2(70, 0))) {
    if (playing)
      ctx.media->pause();
    else
      ctx.media->play(s, rec, card.sample, this_clip ? pb.position : 0.0);
  }
  if (!ready) ImGui::EndDisabled();
  tooltip("Play or pause this clip. Playing another clip stops this one.");
  ImGui::SameLine();
  if (ready) {
    const events::DecodedAudio& a = *v.audio;
    ImGui::Text("%.2f / %.2f s", this_clip ? pb.position : 0.0, a.seconds());
    ImGui::SameLine();
    ImGui::TextDisabled("%.3g kHz, %d channel%s, %d-bit", a.sample_rate / 1000.0, a.channels,
                        a.channels == 1 ? "" : "s", a.bits);
  } else if (v.state == MediaState::kLoading) {
    ImGui::TextDisabled("reading...");
  }
  if (this_clip && !pb.error.empty()) {
    ImGui::SameLine();
    ImGui::TextColored(ImVec4(0.93f, 0.45f, 0.35f, 1.0f), "%s", pb.error.c_str());
  }

  // The label above the slider.
  float label_h = 0;
  if (!v.label.empty()) label_h = ImGui::GetTextLineHeightWithSpacing() * 2;
  const ImVec2 wmin(min.x + pad, min.y + ImGui::GetFrameHeightWithSpacing() + 4);
  const ImVec2 wmax(max.x - pad, max.y - footer - label_h);
  if (v.state == MediaState::kError) {
    draw_broken_tile(wmin, ImVec2(wmax.x, max.y - footer), v.error);
    return;
  }
  if (!ready) {
    draw_loading_tile(wmin, wmax, "Reading the clip...");
    return;
  }
  // Waveform: a min/max band per pixel column (no peak is lost).
  const int cols = std::max(1, static_cast<int>(wmax.x - wmin.x));
  if (c.wave_of != v.audio || static_cast<int>(c.lows.size()) != cols) {
    events::waveform(*v.audio, cols, c.lows, c.highs);
    c.wave_of = v.audio;
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(wmin, wmax, ImGui::GetColorU32(ImGuiCol_FrameBg), 4.0f);
  const float mid = (wmin.y + wmax.y) * 0.5f, half = (wmax.y - wmin.y) * 0.5f - 3;
  dl->AddLine(ImVec2(wmin.x, mid), ImVec2(wmax.x, mid), ImGui::GetColorU32(ImGuiCol_Border));
  const ImU32 wave = rgb_alpha(ctx.run_rgb(*card.run), 0.9f);
  for (int x = 0; x < cols; ++x) {
    const float y0 = mid - std::clamp(c.highs[x], -1.0f, 1.0f) * half;
    const float y1 = mid - std::clamp(c.lows[x], -1.0f, 1.0f) * half;
    dl->AddRectFilled(ImVec2(wmin.x + x, y0), ImVec2(wmin.x + x + 1, std::max(y1, y0 + 1)), wave);
  }
  const double seconds = v.audio->seconds();
  if (this_clip && seconds > 0) {
    const float px = wmin.x + static_cast<float>(pb.position / seconds) * (wmax.x - wmin.x);
    dl->AddLine(ImVec2(px, wmin.y), ImVec2(px, wmax.y), ImGui::GetColorU32(ImGuiCol_Text), 2.0f);
  }
  ImGui::SetCursorScreenPos(wmin);
  ImGui::InvisibleButton("##wave", ImVec2(wmax.x - wmin.x, wmax.y - wmin.y));
  if (ImGui::IsItemHovered() && seconds > 0) {
    const double at =
        std::clamp((ImGui::GetIO().MousePos.x - wmin.x) / (wmax.x - wmin.x), 0.0f, 1.0f) * seconds;
    ImGui::SetTooltip("%.2f s: click to play from here", at);
    if (ImGui::IsItemClicked()) ctx.media->play(s, rec, card.sample, at);
  }
  if (!v.label.empty()) {
    // The label is Markdown (as TensorBoard renders it), clipped to its strip.
    ImGui::SetCursorScreenPos(ImVec2(min.x + pad, wmax.y + 4));
    ImGui::PushClipRect(ImVec2(min.x, wmax.y), ImVec2(max.x, max.y - footer), true);
    draw_markdown(md::parse(v.label), ctx.fonts, max.x - min.x - 2 * pad, ctx.open_urls);
    ImGui::PopClipRect();
  }
}

void AudioDashboard::card_menu(const UiContext& ctx, const TagRunCard& card, ImVec2 min, ImVec2 max) {
  Card& c = cards_[Key{*card.tag, *card.run, card.sample}];
  const auto& records = records_.get(*card.series, ctx.settings->all_points);
  if (records.empty()) return;
  const std::uint32_t rec = records[c.slider.position(records.size())];
  const AudioView v = ctx.media->audio(*card.series, rec, card.sample);
  const bool ready = v.encoded && !v.encoded->empty();
  const std::string name =
      file_safe(*card.run + "_" + *card.tag) + "_step" + std::to_string(card.series->steps[rec]) + ".wav";
  if (ImGui::MenuItem("Download clip as stored", nullptr, false, ready))
    ctx.downloads->push_back({name, "audio/wav", *v.encoded});
  if (ImGui::MenuItem("Save card as PNG"))
    *ctx.capture = PngCapture{min, max, file_safe(*card.run + "_" + *card.tag) + "_card.png"};
}

const DashboardInfo& AudioDashboard::info() const {
  static const DashboardInfo kInfo{
      "audio", "Audio",
      "Each audio tag per run and sample, at any recorded step: listen and see the waveform.",
      events::Kind::kAudio};
  return kInfo;
}

StepCardsDashboard::CardLayout AudioDashboard::card_layout() const {
  return {.min_width = 380, .aspect = 0.5f, .per_sample = true, .needs_media = true};
}

void AudioDashboard::draw_sidebar(const UiContext& ctx) {
  section_heading(ctx.fonts, "Audio settings");
  draw_link_steps_checkbox(*ctx.settings);
  ImGui::TextWrapped("Press a card's play button to listen; one clip plays at a time.");
  draw_restart_checkbox(*ctx.settings);
}

std::vector<std::string_view> AudioDashboard::link_keys() const { return {"step", "points"}; }

}  // namespace el::ui
