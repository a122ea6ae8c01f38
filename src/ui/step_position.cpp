#include "ui/step_position.h"

#include <algorithm>

namespace el::ui {

std::size_t StepPosition::position(std::size_t count) const {
  if (count == 0) return 0;
  return follow_latest_ ? count - 1 : std::min(pos_, count - 1);
}

std::size_t StepPosition::resolve(const std::vector<std::int64_t>& steps,
                                  const std::vector<std::uint32_t>& records, std::int64_t linked_step) {
  const std::size_t n = records.size();
  // A link or another card chose a step, or records arrived while this card
  // holds one: the last record at or before it.
  if (linked_step != seen_step_ || (n != seen_count_ && !follow_latest_ && linked_step >= 0)) {
    follow_latest_ = linked_step < 0;
    pos_ = 0;
    for (std::size_t i = 0; i < n; ++i)
      if (steps[records[i]] <= linked_step) pos_ = i;
    seen_step_ = linked_step;
  }
  seen_count_ = n;
  return position(n);
}

void StepPosition::moved_to(std::size_t pos, const std::vector<std::int64_t>& steps,
                            const std::vector<std::uint32_t>& records, std::int64_t& linked_step) {
  if (records.empty()) return;
  pos_ = std::min(pos, records.size() - 1);
  follow_latest_ = pos_ + 1 == records.size();
  linked_step = follow_latest_ ? -1 : steps[records[pos_]];
  seen_step_ = linked_step;
}

}  // namespace el::ui
