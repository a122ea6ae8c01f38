// The media cache's reads: which records were asked for, which went to the
// platform, and which came back. One read per record and tag however many of
// its samples are asked for; at most a few outstanding, newest asks first
// (they are what is on screen). Tickets tie an answer to its read.
#pragma once
#include <cstdint>
#include <deque>
#include <optional>
#include <unordered_map>
#include <vector>

#include "app/media_key.h"
#include "events/event_decoder.h"

namespace el::app {

struct MediaRead {
  store::BlobRef ref;
  RecordKey key;
  events::Kind kind = events::Kind::kImages;
  std::uint8_t part = 0;  // meshes: which part the record's tensor is (events::MeshContent)
};

class MediaReads {
 public:
  static constexpr std::size_t kMaxOutstanding = 8;

  // Queues a read of `ref` unless one for that record and tag is already queued or out.
  void request(const store::BlobRef& ref, const RecordKey& key, events::Kind kind, std::uint8_t part = 0);
  // The reads to hand to the platform now: the newest first, up to kMaxOutstanding out at once.
  std::vector<std::pair<std::uint64_t, MediaRead>> take_due();
  // The read `ticket` answered; nothing if it is unknown (cleared meanwhile).
  std::optional<MediaRead> answered(std::uint64_t ticket);
  void clear();
  // Asked for and not answered yet (queued or out).
  std::size_t waiting() const { return by_ticket_.size(); }

 private:
  std::uint64_t next_ticket_ = 1;
  std::unordered_map<std::uint64_t, MediaRead> by_ticket_;
  std::unordered_map<RecordKey, std::uint64_t, RecordKeyHash> by_record_;
  std::deque<std::uint64_t> queued_;  // not yet handed to the platform, oldest first
};

}  // namespace el::app
