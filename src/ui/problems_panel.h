// The Problems panel: every file's problems from the engine (not an event
// file, corrupt records skipped at offsets, truncated tail), in a table at the
// bottom of the window. Never modal: loading and charts carry on.
#pragma once
#include <cstdint>

#include "ui/ui_context.h"

namespace el::ui {

// The event files' problems, and (given `embeddings`) those of the Projector's
// files once their discovery is done.
// With `memory`, a memory budget that reduced what is shown counts as one problem too.
std::uint64_t problem_count(const store::Store& store, const EmbeddingProvider* embeddings = nullptr,
                            const MemoryView* memory = nullptr);

// For the status bar's badge: how many, and the most severe kind among them.
struct ProblemSummary {
  std::uint64_t count = 0;
  record::ProblemSeverity worst = record::ProblemSeverity::kNotice;
  const char* worst_words = "";  // the first problem of the worst severity, in words
  std::uint64_t by_severity[3] = {};
};
ProblemSummary summarize_problems(const store::Store& store, const EmbeddingProvider* embeddings = nullptr,
                                  const MemoryView* memory = nullptr);
// The colour a severity is shown in (text and badge).
ImVec4 severity_color(record::ProblemSeverity severity);
// Returns false when the user closed the panel.
bool draw_problems_panel(const UiContext& ctx);

}  // namespace el::ui
