#include "ui/step_cards_dashboard.h"

namespace el::ui {

void StepCardsDashboard::draw(const UiContext& ctx) {
  charts_drawn_ = 0;
  const CardLayout layout = card_layout();
  if (layout.needs_media && !ctx.media) return;
  records_.sync(*ctx.store);
  keys_.begin_frame();
  begin_cards(ctx);
  draw_tag_run_dashboard(
      ctx, filter_, info().kind, layout.min_width, layout.aspect,
      [&](const TagRunCard& card, ImVec2 min, ImVec2 max) { draw_card(ctx, card, min, max); },
      [&](const TagRunCard& card, ImVec2 min, ImVec2 max) { card_menu(ctx, card, min, max); },
      layout.per_sample,
      [&](const store::Series& s, std::uint32_t& samples, const std::string*& title) {
        return choose_card(s, samples, title);
      });
  keys_.end_frame();
}

}  // namespace el::ui
