#include "io/threaded_ingest.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <fstream>
#include <map>
#include <mutex>
#include <span>
#include <thread>

#include "store/decoded_chunk.h"

namespace el::io {

namespace {
constexpr std::size_t kPieceBytes = 8u << 20;
// Decoded chunks waiting to be applied, at most about this many bytes: the
// workers wait beyond it (a slow apply must not hold the whole logdir twice).
constexpr std::size_t kQueuedBytes = 64u << 20;

#if defined(__EMSCRIPTEN__) && !defined(__EMSCRIPTEN_PTHREADS__)
constexpr bool kHaveThreads = false;
#else
constexpr bool kHaveThreads = true;
#endif

// Chunks from the workers to the applying thread, in the order each worker made them.
class ChunkQueue {
 public:
  explicit ChunkQueue(unsigned workers) : working_(workers) {}
  void push(store::DecodedChunk chunk) {
    std::unique_lock lock(mu_);
    room_.wait(lock, [&] { return queued_ < kQueuedBytes || chunks_.empty(); });
    queued_ += store::held_bytes(chunk);
    chunks_.push_back(std::move(chunk));
    ready_.notify_one();
  }
  void failed(std::string message) {
    std::lock_guard lock(mu_);
    failures_.push_back(std::move(message));
  }
  void worker_done() {
    std::lock_guard lock(mu_);
    --working_;
    ready_.notify_one();
  }
  // The next chunk; false once every worker is done and nothing is left.
  bool pop(store::DecodedChunk& out) {
    std::unique_lock lock(mu_);
    ready_.wait(lock, [&] { return !chunks_.empty() || working_ == 0; });
    if (chunks_.empty()) return false;
    out = std::move(chunks_.front());
    chunks_.pop_front();
    queued_ -= store::held_bytes(out);
    room_.notify_all();
    return true;
  }
  const std::vector<std::string>& failures() const { return failures_; }
  // Applied logs go back to the workers: their memory is mapped already
  // (fresh buffers cost a page fault per 4 KiB).
  void recycle(std::vector<std::uint8_t> log) {
    std::lock_guard lock(mu_);
    if (spares_.size() < 16) spares_.push_back(std::move(log));
  }
  std::vector<std::uint8_t> spare() {
    std::lock_guard lock(mu_);
    if (spares_.empty()) return {};
    std::vector<std::uint8_t> out = std::move(spares_.back());
    spares_.pop_back();
    return out;
  }

 private:
  std::mutex mu_;
  std::condition_variable ready_, room_;
  std::deque<store::DecodedChunk> chunks_;
  std::size_t queued_ = 0;
  unsigned working_;
  std::vector<std::string> failures_;
  std::vector<std::vector<std::uint8_t>> spares_;
};

// Hands `path`'s bytes to `piece` in buf-sized pieces; false if it cannot be opened.
template <typename Piece>
bool read_pieces(const std::string& path, std::vector<std::uint8_t>& buf, Piece piece) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  while (in) {
    in.read(reinterpret_cast<char*>(buf.data()), static_cast<std::streamsize>(buf.size()));
    const auto n = static_cast<std::size_t>(in.gcount());
    if (n) piece(std::span<const std::uint8_t>(buf.data(), n));
  }
  return true;
}

bool ingest_on_this_thread(store::Store& store, const std::vector<DiskFile>& files,
                           const std::vector<store::FileId>& ids) {
  bool ok = true;
  std::vector<std::uint8_t> buf(kPieceBytes);
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (!read_pieces(files[i].path, buf, [&](auto bytes) { store.feed(ids[i], bytes); })) {
      std::fprintf(stderr, "eventlens: %s: cannot open\n", files[i].path.c_str());
      ok = false;
      continue;
    }
    store.finish(ids[i]);
  }
  return ok;
}
// What the workers do, on this thread: each file decoded into chunks
// (ChunkDecoder), each chunk applied at once. Where there are no threads
// (wasm without pthreads), `bench --threads 2` measures what decoding apart
// from the store costs.
bool ingest_via_chunks(store::Store& store, const std::vector<DiskFile>& files,
                       const std::vector<store::FileId>& ids) {
  bool ok = true;
  std::vector<std::uint8_t> buf(kPieceBytes);
  std::map<const store::Run*, store::RunTagMemory> memory;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const store::Run* run = store.run_of(ids[i]);
    auto it = memory.find(run);
    store::ChunkDecoder decoder(ids[i], run != nullptr, store.files().checksums(),
                                it != memory.end() ? std::move(it->second) : store.tag_memory(ids[i]));
    std::vector<std::uint8_t> spare;
    const bool opened = read_pieces(files[i].path, buf, [&](auto bytes) {
      decoder.feed(bytes);
      store::DecodedChunk chunk = decoder.take(std::move(spare));
      store.apply(chunk);
      spare = std::move(chunk.log);
    });
    if (!opened) {
      std::fprintf(stderr, "eventlens: %s: cannot open\n", files[i].path.c_str());
      ok = false;
      continue;
    }
    decoder.finish();
    store.apply(decoder.take());
    memory[run] = decoder.release_memory();
  }
  return ok;
}
}  // namespace

unsigned default_ingest_threads() {
  if (!kHaveThreads) return 1;
  return std::max(1u, std::thread::hardware_concurrency());
}

bool ingest_files(store::Store& store, const std::vector<DiskFile>& files,
                  const std::vector<store::FileId>& ids, unsigned threads) {
  if (threads == 0) threads = default_ingest_threads();
  if (threads <= 1) return ingest_on_this_thread(store, files, ids);
  if (!kHaveThreads) return ingest_via_chunks(store, files, ids);

  // A unit of work is a run: its files in order, on one worker (a run's later
  // files are decoded by what its earlier ones said of their tags). Files in
  // no run (not event files) are units of their own.
  struct Unit {
    std::vector<std::size_t> files;
    store::RunTagMemory memory;  // what the store already knew of the run's tags
  };
  std::vector<Unit> units;
  std::map<const store::Run*, std::size_t> unit_of_run;
  std::vector<bool> decode(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    const store::Run* run = store.run_of(ids[i]);
    decode[i] = run != nullptr;
    auto [it, fresh] = unit_of_run.try_emplace(run, units.size());
    if (!run || fresh) {
      units.push_back({{}, store.tag_memory(ids[i])});
      it->second = units.size() - 1;
    }
    units[run ? it->second : units.size() - 1].files.push_back(i);
  }
  // Larger runs first, so a big one does not start last and finish alone.
  std::vector<std::uint64_t> unit_bytes(units.size());
  for (std::size_t u = 0; u < units.size(); ++u)
    for (std::size_t i : units[u].files) unit_bytes[u] += store.files().status(ids[i]).size;
  std::vector<std::size_t> order(units.size());
  for (std::size_t u = 0; u < order.size(); ++u) order[u] = u;
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return unit_bytes[a] > unit_bytes[b]; });

  const bool checksums = store.files().checksums();
  const unsigned workers = static_cast<unsigned>(std::min<std::size_t>(threads, units.size()));
  ChunkQueue queue(workers);
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    std::vector<std::uint8_t> buf(kPieceBytes);
    for (std::size_t k; (k = next.fetch_add(1)) < order.size();) {
      Unit& unit = units[order[k]];
      store::RunTagMemory memory = std::move(unit.memory);
      for (std::size_t i : unit.files) {
        store::ChunkDecoder decoder(ids[i], decode[i], checksums, std::move(memory));
        const bool opened = read_pieces(files[i].path, buf, [&](auto bytes) {
          decoder.feed(bytes);
          queue.push(decoder.take(queue.spare()));
        });
        if (opened) {
          decoder.finish();
          queue.push(decoder.take());
        } else {
          queue.failed(files[i].path);
        }
        memory = decoder.release_memory();
      }
    }
    queue.worker_done();
  };
  std::vector<std::thread> pool;
  pool.reserve(workers);
  for (unsigned t = 0; t < workers; ++t) pool.emplace_back(work);
  store::DecodedChunk chunk;
  while (queue.pop(chunk)) {
    store.apply(chunk);
    queue.recycle(std::move(chunk.log));
  }
  for (std::thread& t : pool) t.join();
  for (const std::string& path : queue.failures())
    std::fprintf(stderr, "eventlens: %s: cannot open\n", path.c_str());
  return queue.failures().empty();
}

}  // namespace el::io
