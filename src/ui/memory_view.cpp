#include "ui/memory_view.h"

#include "imgui.h"
#include "ui/format.h"
#include "ui/problems_panel.h"

namespace el::ui {

std::string memory_reductions(const MemoryView& m) {
  std::string out;
  auto add = [&out](const std::string& what) { out += (out.empty() ? "" : "; ") + what; };
  if (m.step >= 1 && m.media_dropped > 0)
    add("decoded images and audio dropped (" + format_bytes(m.media_dropped) + ")");
  if (m.step >= 2)
    add("histograms thinned to " + format_count(m.histogram_keep) + " records a series (" +
        format_count(m.histograms_dropped) + " records dropped)");
  if (m.step >= 3) add("new runs not read");
  if (m.files_stopped > 0)
    add(format_count(m.files_stopped) + " file" + (m.files_stopped == 1 ? "" : "s") + " not read to the end");
  if (out.empty() && m.step >= 1)
    out = "nothing yet (no images or audio were decoded); images and audio now kept to 32 MB";
  return out;
}

ImVec4 reduced_color() { return severity_color(record::ProblemSeverity::kDamage); }

void draw_memory_note(const MemoryView& m) {
  if (m.budget == 0 || (m.step == 0 && !m.full)) return;
  ImGui::SameLine(0, 14);
  ImGui::TextColored(reduced_color(), "Memory %s of %s: %s", format_bytes(m.in_use).c_str(),
                     format_bytes(m.budget).c_str(),
                     m.full        ? "full, reading paused"
                     : m.step >= 3 ? "new runs not read"
                                   : "reduced");
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip(
        "%s\n\nThe memory budget (View > Loading limits) is nearly spent. As it fills, EventLens\n"
        "gives way in this order: decoded images and audio, then histogram records (TensorBoard's\n"
        "reservoir keeps an even sample and the newest), then new runs. Scalars are never reduced.\n"
        "Unload runs in the runs panel (right-click a run) to free memory for others.",
        memory_reductions(m).c_str());
}

}  // namespace el::ui
