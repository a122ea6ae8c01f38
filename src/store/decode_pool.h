// Decoding pushed bytes on worker threads (the page's pthreads, the desktop
// app's cores). The owner pushes each file's pieces in order as they are read;
// workers frame, CRC-check and decode them (ChunkDecoder), one run's pieces
// at a time on one worker, in the order they came; the owner applies the
// decoded chunks to the store between frames (Store::apply), so the store is
// only ever touched by its own thread and ends as a one-thread read leaves it.
//
// The owner never waits for a worker: apply() takes what is ready and returns.
#pragma once
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "store/decoded_chunk.h"
#include "store/store.h"

namespace el::store {

class DecodePool {
 public:
  explicit DecodePool(unsigned threads);
  ~DecodePool();
  DecodePool(const DecodePool&) = delete;
  DecodePool& operator=(const DecodePool&) = delete;

  unsigned threads() const { return static_cast<unsigned>(workers_.size()); }

  // Queues a piece of `file` (malloc'ed; the pool frees it), or its end
  // (size 0). Called on the store's thread: the piece's run is looked up in `store`.
  void push(const Store& store, FileId file, std::uint8_t* bytes, std::size_t size);
  // Applies decoded chunks, in order, until `budget_ms` has passed or none is
  // ready. Returns the file bytes they covered.
  std::size_t apply(Store& store, double budget_ms);

  // What is queued or decoded of `file` and not applied yet is forgotten
  // (the memory budget stopped it); the run's other files go on.
  void drop_file(FileId file);
  // The same for every file of a run (it was unloaded): the run starts
  // afresh, with what the store then knows of it, if it is read again.
  // `file`: any file of the run, which is still in `store`.
  void drop_run(const Store& store, FileId file);
  // Everything is forgotten (the store was cleared).
  void clear();

  // File bytes pushed and not applied yet.
  std::size_t pending_bytes() const;
  bool idle() const;
  // The file of the oldest piece not applied yet, if any.
  bool front_file(FileId& file) const;

 private:
  struct Piece {
    FileId file;
    std::uint8_t* bytes;  // owned (malloc); null for a file's end
    std::size_t size;
    std::uint32_t epoch;  // the file's epoch when it was pushed
    bool decode;          // the file belongs to a run
    bool checksums;       // whole-file CRC-32s are kept (FileTable::checksums)
  };
  // A run's pieces (or a file's, for files of no run), decoded on one worker at a time.
  struct Lane {
    std::deque<Piece> pieces;  // guarded by mu_
    bool queued = false;       // in ready_ or held by a worker (guarded by mu_)
    bool dead = false;         // dropped: its pieces and chunks are forgotten (guarded by mu_)
    // The worker holding the lane's turn alone touches these:
    RunTagMemory memory;  // the run's tag memory when no decoder holds it
    std::unordered_map<FileId, std::pair<std::uint32_t, std::unique_ptr<ChunkDecoder>>>
        decoders;                       // by file: epoch, decoder
    FileId memory_holder = ~FileId{0};  // the file whose decoder holds `memory`
  };
  struct Decoded {
    std::shared_ptr<Lane> lane;
    DecodedChunk chunk;
    std::size_t raw = 0;  // the piece's size
    std::uint32_t epoch = 0;
  };

  void work();
  // Decodes one piece in its lane (a worker, holding the lane's turn).
  DecodedChunk decode(Lane& lane, const Piece& piece, std::vector<std::uint8_t> spare);
  // Takes decoded chunks that `dropped` names off the counts (mu_ held).
  void uncount_decoded(const std::function<bool(const Decoded&)>& dropped);
  std::uint32_t epoch_of(FileId file) const;  // mu_ held
  // Forgets the lane's queued pieces (mu_ held).
  void forget_pieces(Lane& lane, FileId only = ~FileId{0});

  mutable std::mutex mu_;
  std::condition_variable work_ready_;
  bool stopping_ = false;
  std::uint64_t generation_ = 0;                          // bumped by clear()
  std::map<std::uint64_t, std::shared_ptr<Lane>> lanes_;  // by run (or file of no run)
  std::deque<std::shared_ptr<Lane>> ready_;               // lanes with pieces and no worker
  std::deque<Decoded> decoded_;                           // in the order they were decoded
  std::unordered_map<FileId, std::uint32_t> epochs_;      // bumped by drop_file (absent: 0)
  std::size_t pending_bytes_ = 0;
  std::size_t pending_ends_ = 0;
  std::vector<std::vector<std::uint8_t>> spare_logs_;  // applied logs, reused (already mapped)
  std::vector<std::thread> workers_;
};

}  // namespace el::store
