// Which recorded step a stepping card (image, audio) shows, apart from
// drawing it, so the rule is testable without ImGui.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace el::ui {

// Which record a stepping card shows, apart from drawing it. A card either
// follows the newest record (linked step -1) or shows the last record at or
// before the linked step, and stays there while more records stream in: only
// a user's move to the last record makes it follow the newest again.
class StepPosition {
 public:
  // The position to show before the user acts this frame.
  std::size_t resolve(const std::vector<std::int64_t>& steps, const std::vector<std::uint32_t>& records,
                      std::int64_t linked_step);
  // The user moved this card to `pos`: every card (and the link) follows.
  void moved_to(std::size_t pos, const std::vector<std::int64_t>& steps,
                const std::vector<std::uint32_t>& records, std::int64_t& linked_step);
  std::size_t position(std::size_t count) const;

 private:
  bool follow_latest_ = true;
  std::size_t pos_ = 0;
  std::int64_t seen_step_ = -1;  // the linked step this card last followed
  std::size_t seen_count_ = 0;   // records when it last looked: new ones may fall before the step
};

}  // namespace el::ui
