// Bytes waiting to enter the engine. Platforms push whole slices as they are
// read; each frame the shell feeds queued bytes for a fixed time budget and
// then draws, so a large drop never freezes the UI. With decoding threads
// (set_threads), pump hands the bytes to them and applies what they decoded.
#pragma once
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <memory>

#include "store/decode_pool.h"
#include "store/store.h"

namespace el::app {

class IngestQueue {
 public:
  // Takes ownership of `bytes` (allocated with malloc). size 0 = end of file.
  void push(store::FileId file, std::uint8_t* bytes, std::size_t size);
  void push_end(store::FileId file) { push(file, nullptr, 0); }

  // Decodes on `threads` worker threads from now on (0 or 1: on the calling
  // thread). Set before the first push.
  void set_threads(unsigned threads);
  unsigned threads() const { return pool_ ? pool_->threads() : 1; }
  const store::DecodePool* pool() const { return pool_.get(); }

  // Feeds queued bytes into `store` in pieces of at most kPieceBytes until
  // `budget_ms` has passed or the queue is empty. Returns the bytes fed.
  // With threads: queues everything for them, then applies what they
  // decoded for up to `budget_ms`.
  std::size_t pump(store::Store& store, double budget_ms);
  void clear();
  // Drops what is queued of `file` (reading it was stopped).
  void drop(store::FileId file);
  // Drops what is queued of the run `file` is of (it is being unloaded; still in `store`).
  void drop_run(const store::Store& store, store::FileId file);

  std::size_t queued_bytes() const { return queued_bytes_ + (pool_ ? pool_->pending_bytes() : 0); }
  bool empty() const { return items_.empty() && (!pool_ || pool_->idle()); }
  // The file being fed right now (or next), if any.
  bool front_file(store::FileId& file) const;

  static constexpr std::size_t kPieceBytes = 1u << 20;

 private:
  struct Item {
    store::FileId file;
    std::unique_ptr<std::uint8_t, decltype(&std::free)> bytes{nullptr, &std::free};
    std::size_t size = 0;
    std::size_t done = 0;
  };
  std::deque<Item> items_;
  std::size_t queued_bytes_ = 0;
  std::unique_ptr<store::DecodePool> pool_;  // decoding threads, if any
};

}  // namespace el::app
