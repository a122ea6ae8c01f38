#include "app/ingest_queue.h"

#include <chrono>

namespace el::app {

void IngestQueue::push(store::FileId file, std::uint8_t* bytes, std::size_t size) {
  Item item;
  item.file = file;
  item.bytes.reset(bytes);
  item.size = size;
  queued_bytes_ += size;
  items_.push_back(std::move(item));
}

std::size_t IngestQueue::pump(store::Store& files, double budget_ms) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::microseconds(static_cast<long long>(budget_ms * 1000));
  std::size_t fed = 0;
  while (!items_.empty()) {
    Item& it = items_.front();
    if (it.size == 0) {
      files.finish(it.file);
      items_.pop_front();
      continue;
    }
    const std::size_t n = std::min(kPieceBytes, it.size - it.done);
    files.feed(it.file, {it.bytes.get() + it.done, n});
    it.done += n;
    fed += n;
    queued_bytes_ -= n;
    if (it.done == it.size) items_.pop_front();
    if (Clock::now() >= deadline) break;
  }
  return fed;
}

void IngestQueue::clear() {
  items_.clear();
  queued_bytes_ = 0;
}

void IngestQueue::drop(store::FileId file) {
  std::erase_if(items_, [&](const Item& it) {
    if (it.file != file) return false;
    queued_bytes_ -= it.size - it.done;
    return true;
  });
}

bool IngestQueue::front_file(store::FileId& file) const {
  if (items_.empty()) return false;
  file = items_.front().file;
  return true;
}

}  // namespace el::app
