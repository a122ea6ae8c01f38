// Decoding pushed bytes on worker threads (the page's pthreads, the desktop
// app's cores). The owner pushes each file's pieces in order as they are read;
// workers frame, CRC-check and decode them (ChunkDecoder); the owner applies
// the decoded chunks to the store between frames (Store::apply), each run's in
// the order they were pushed, so the store is only ever touched by its own
// thread and ends exactly as a one-thread read leaves it.
//
// A run's one large file is decoded on every worker too: the pieces are cut
// at record boundaries as they come (framing is a cheap scan of the length
// headers), and each segment is decoded on its own, from the record offset
// it starts at, with the run's tag memory as the segments decoded so far
// left it (a guess). Each chunk lists the tags it took to be absent or
// without metadata; if the store, by the time the chunk's turn comes, knows
// otherwise (an earlier segment decoded alongside declared them), the segment
// is decoded again with the store's own memory, before anything later of the
// run is applied. A run's first segment is decoded alone, so in practice
// only segments where a new tag first appears are decoded twice.
//
// Compressed files, whole-file checksums and files whose framing breaks go on
// in order on one worker at a time (a decoder that carries on from piece to
// piece), as they need the bytes before them.
//
// The owner never waits for a worker: apply() takes what is ready and returns.
// Without threads (wasm without pthreads) apply() decodes each segment itself.
#pragma once
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
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
  // Applies decoded chunks, each run's in order, until `budget_ms` has passed
  // or none is ready. Returns the file bytes they covered.
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
  // Time spent so far decoding (all workers together) and applying, in ms;
  // segments decoded twice (benchmarks).
  double decode_ms() const { return static_cast<double>(decode_ns_.load()) / 1e6; }
  double apply_ms() const { return static_cast<double>(apply_ns_) / 1e6; }
  std::uint64_t redecoded() const { return redecoded_; }

 private:
  // Bytes shared by the segments cut from one piece (freed with the last).
  using Buffer = std::shared_ptr<std::uint8_t>;
  enum class SegmentKind : std::uint8_t {
    kRecords,  // whole records from `offset`: a fresh decoder, on the run's memory as guessed
    kEnd,      // the file's end: its unfinished tail, if any, and end_of_stream
    kOrdered,  // the next bytes of a file read in order (carried-on decoder)
  };
  struct Segment {
    SegmentKind kind = SegmentKind::kRecords;
    FileId file = 0;
    Buffer buffer;
    const std::uint8_t* data = nullptr;
    std::size_t size = 0;
    std::uint64_t offset = 0;  // the file offset of data[0]
    std::size_t raw = 0;       // pushed bytes it accounts for (DecodedChunk::bytes when applied)
    std::uint32_t epoch = 0;   // the file's epoch when it was pushed
    bool decode = true;        // the file belongs to a run
    bool checksums = false;
    bool exact = false;               // decoded again with the store's memory (`memory`)
    bool needs_store_memory = false;  // kOrdered starting a file's decoder: waits for the store's memory
    RunTagMemory memory;              // for `exact`
    bool dropped = false;             // its file was dropped: skipped when its turn comes
    bool working = false;             // a worker has it
    bool decoded = false;             // `chunk` is ready
    DecodedChunk chunk;
  };
  // How a file's bytes are being cut (the store's thread only).
  struct Framing {
    std::vector<std::uint8_t> tail;  // bytes of an unfinished record
    std::uint64_t tail_offset = 0;   // the file offset of tail[0] (read in order: of the next byte)
    bool decided = false;            // cut into records, or read in order
    bool ordered = false;            // read in order (compressed, checksummed, framing broke)
  };
  // A run's segments (or a file's, for files of no run), applied in order.
  struct Lane {
    std::deque<Segment> segments;  // pushed and not applied, oldest first (guarded by mu_)
    bool in_ready = false;         // listed in ready_ (guarded by mu_)
    bool dead = false;             // dropped (guarded by mu_)
    bool warm = false;             // a segment was decoded: the guess names the run's early tags
    unsigned working = 0;          // segments workers have now
    bool ordered_working = false;  // an ordered segment is with a worker
    RunTagMemory guess;            // the run's tag memory as segments decoded so far left it
    std::unordered_map<FileId, Framing> framing;  // the store's thread only
    // Carried-on decoders of files read in order, by file: epoch, decoder (the worker with the ordered turn).
    std::unordered_map<FileId, std::pair<std::uint32_t, std::unique_ptr<ChunkDecoder>>> ordered;
  };

  void work();
  // Takes the lane's next segment to decode, and the memory to decode it
  // with (mu_ held); null if none may be taken now.
  Segment* take_segment(Lane& lane, RunTagMemory& memory, std::vector<std::uint8_t>& spare);
  void segment_done(const std::shared_ptr<Lane>& lane, Segment& segment);  // mu_ held
  // The next segment of `lane` a worker may take, or null (mu_ held).
  Segment* next_for_worker(Lane& lane);
  void decode(Lane& lane, Segment& segment, RunTagMemory memory, std::vector<std::uint8_t> spare);
  // Cuts a piece of `file` into segments (the store's thread, mu_ not held).
  void cut(Lane& lane, Segment base, Buffer buffer, std::size_t size, std::vector<Segment>& out);
  std::uint32_t epoch_of(FileId file) const;           // mu_ held
  void list_ready(const std::shared_ptr<Lane>& lane);  // mu_ held
  void forget(Lane& lane, FileId only);                // mu_ held: marks segments dropped

  mutable std::mutex mu_;
  std::condition_variable work_ready_;
  bool stopping_ = false;
  std::map<std::uint64_t, std::shared_ptr<Lane>> lanes_;  // by run (or file of no run)
  std::deque<std::shared_ptr<Lane>> ready_;               // lanes that may have work for a worker
  std::unordered_map<FileId, std::uint32_t> epochs_;      // bumped by drop_file (absent: 0)
  std::size_t pending_bytes_ = 0;
  std::size_t pending_ends_ = 0;
  std::vector<std::vector<std::uint8_t>> spare_logs_;  // applied logs, reused (already mapped)
  std::atomic<std::uint64_t> decode_ns_{0};
  std::uint64_t apply_ns_ = 0;  // the store's thread only
  std::uint64_t redecoded_ = 0;
  std::vector<std::thread> workers_;
};

}  // namespace el::store
