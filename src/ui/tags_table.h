// A plain listing of the tags of one kind, for kinds whose dashboard is not
// built yet: every run and tag with its point count and step range, so no
// data is ever invisible.
#pragma once
#include "events/event_decoder.h"
#include "ui/ui_context.h"

namespace el::ui {

void draw_tags_table(const UiContext& ctx, events::Kind kind);

}  // namespace el::ui
