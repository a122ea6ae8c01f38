// The Problems panel: every file's problems from the engine (not an event
// file, corrupt records skipped at offsets, truncated tail), in a table at the
// bottom of the window. Never modal: loading and charts carry on.
#pragma once
#include <cstdint>

#include "ui/ui_context.h"

namespace el::ui {

// The event files' problems, and (given `embeddings`) those of the Projector's
// files once their discovery is done.
std::uint64_t problem_count(const store::Store& store, const EmbeddingProvider* embeddings = nullptr);
// Returns false when the user closed the panel.
bool draw_problems_panel(const UiContext& ctx);

}  // namespace el::ui
