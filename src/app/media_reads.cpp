#include "app/media_reads.h"

#include <algorithm>

namespace el::app {

void MediaReads::request(const store::BlobRef& ref, const RecordKey& key, events::Kind kind,
                         std::uint8_t part) {
  if (by_record_.count(key)) return;
  const std::uint64_t ticket = next_ticket_++;
  by_ticket_[ticket] = {ref, key, kind, part};
  by_record_[key] = ticket;
  queued_.push_back(ticket);
}

std::vector<std::pair<std::uint64_t, MediaRead>> MediaReads::take_due() {
  std::vector<std::pair<std::uint64_t, MediaRead>> due;
  const std::size_t out = by_ticket_.size() - queued_.size();
  std::size_t free_slots = out < kMaxOutstanding ? kMaxOutstanding - out : 0;
  while (free_slots > 0 && !queued_.empty()) {
    const std::uint64_t ticket = queued_.back();
    queued_.pop_back();
    due.emplace_back(ticket, by_ticket_.at(ticket));
    --free_slots;
  }
  return due;
}

std::optional<MediaRead> MediaReads::answered(std::uint64_t ticket) {
  auto it = by_ticket_.find(ticket);
  if (it == by_ticket_.end()) return std::nullopt;
  MediaRead read = std::move(it->second);
  by_ticket_.erase(it);
  by_record_.erase(read.key);
  // An answer to a read never handed out (a confused platform) must not leave a queued ticket behind.
  if (auto q = std::find(queued_.begin(), queued_.end(), ticket); q != queued_.end()) queued_.erase(q);
  return read;
}

void MediaReads::clear() {
  by_ticket_.clear();
  by_record_.clear();
  queued_.clear();
}

}  // namespace el::app
