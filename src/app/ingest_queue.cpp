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

void IngestQueue::set_threads(unsigned threads) {
#if defined(__EMSCRIPTEN__) && !defined(__EMSCRIPTEN_PTHREADS__)
  threads = 1;  // a page built without pthreads
#endif
  pool_.reset();
  if (threads > 1) pool_ = std::make_unique<store::DecodePool>(threads);
}

std::size_t IngestQueue::pump(store::Store& files, double budget_ms) {
  if (pool_) {
    for (Item& it : items_) {  // whole items: pieces are cut only on one thread
      pool_->push(files, it.file, it.bytes.release(), it.size);
      queued_bytes_ -= it.size;
    }
    items_.clear();
    return pool_->apply(files, budget_ms);
  }
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
  if (pool_) pool_->clear();
}

void IngestQueue::drop(store::FileId file) {
  std::erase_if(items_, [&](const Item& it) {
    if (it.file != file) return false;
    queued_bytes_ -= it.size - it.done;
    return true;
  });
  if (pool_) pool_->drop_file(file);
}

void IngestQueue::drop_run(const store::Store& store, store::FileId file) {
  const store::Run* run = store.run_of(file);
  std::erase_if(items_, [&](const Item& it) {
    if (store.run_of(it.file) != run || (!run && it.file != file)) return false;
    queued_bytes_ -= it.size - it.done;
    return true;
  });
  if (pool_) pool_->drop_run(store, file);
}

bool IngestQueue::front_file(store::FileId& file) const {
  if (pool_ && pool_->front_file(file)) return true;
  if (items_.empty()) return false;
  file = items_.front().file;
  return true;
}

}  // namespace el::app
