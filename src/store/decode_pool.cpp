#include "store/decode_pool.h"

#include <algorithm>
#include <chrono>
#include <cstdlib>

namespace el::store {

namespace {
// The lane of a file: its run's, or its own for a file of no run.
std::uint64_t lane_key(const Store& store, FileId file) {
  if (const Run* run = store.run_of(file))
    return static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(run));
  return (std::uint64_t{1} << 63) | file;
}
}  // namespace

DecodePool::DecodePool(unsigned threads) {
  workers_.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) workers_.emplace_back([this] { work(); });
}

DecodePool::~DecodePool() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
    for (auto& [key, lane] : lanes_) forget_pieces(*lane);
  }
  work_ready_.notify_all();
  for (std::thread& t : workers_) t.join();
}

std::uint32_t DecodePool::epoch_of(FileId file) const {
  auto it = epochs_.find(file);
  return it == epochs_.end() ? 0 : it->second;
}

void DecodePool::push(const Store& store, FileId file, std::uint8_t* bytes, std::size_t size) {
  const std::uint64_t key = lane_key(store, file);
  // A new lane starts from what the store knows of the run's tags (read on this thread).
  std::shared_ptr<Lane> fresh;
  {
    std::lock_guard lock(mu_);
    if (!lanes_.count(key)) fresh = std::make_shared<Lane>();
  }
  if (fresh) fresh->memory = store.tag_memory(file);
  {
    std::lock_guard lock(mu_);
    std::shared_ptr<Lane>& lane = lanes_[key];
    if (!lane) lane = std::move(fresh);
    lane->pieces.push_back({file, size ? bytes : nullptr, size, epoch_of(file), store.run_of(file) != nullptr,
                            store.files().checksums()});
    if (!size) std::free(bytes);
    pending_bytes_ += size;
    pending_ends_ += size ? 0 : 1;
    if (!lane->queued) {
      lane->queued = true;
      ready_.push_back(lane);
      work_ready_.notify_one();
    }
  }
}

void DecodePool::work() {
  std::vector<std::uint8_t> spare;
  for (;;) {
    std::shared_ptr<Lane> lane;
    Piece piece{};
    std::uint64_t generation = 0;
    {
      std::unique_lock lock(mu_);
      work_ready_.wait(lock, [&] { return stopping_ || !ready_.empty(); });
      if (stopping_) return;
      lane = std::move(ready_.front());
      ready_.pop_front();
      if (lane->pieces.empty()) {  // its pieces were dropped while it waited
        lane->queued = false;
        continue;
      }
      piece = lane->pieces.front();
      lane->pieces.pop_front();
      generation = generation_;
      if (!spare_logs_.empty()) {
        spare = std::move(spare_logs_.back());
        spare_logs_.pop_back();
      }
    }
    // One piece per turn: lanes take turns, and a lane's pieces stay in order
    // (its next piece is handed out only after this one's chunk is queued).
    Decoded out;
    out.chunk = decode(*lane, piece, std::move(spare));
    std::free(piece.bytes);
    std::lock_guard lock(mu_);
    out.lane = lane;
    out.raw = piece.size;
    out.epoch = piece.epoch;
    if (generation != generation_) {
      // cleared meanwhile: the counts started again from zero
    } else if (lane->dead || piece.epoch != epoch_of(piece.file)) {
      pending_bytes_ -= piece.size;  // dropped meanwhile: the drop could not see this piece
      pending_ends_ -= piece.size ? 0 : 1;
    } else {
      decoded_.push_back(std::move(out));
    }
    if (!lane->pieces.empty() && !lane->dead) {
      ready_.push_back(lane);
      work_ready_.notify_one();
    } else {
      lane->queued = false;
    }
  }
}

DecodedChunk DecodePool::decode(Lane& lane, const Piece& piece, std::vector<std::uint8_t> spare) {
  auto& [epoch, decoder] = lane.decoders[piece.file];
  if (!decoder || epoch != piece.epoch) {  // the file's first piece (or first since it was dropped)
    if (decoder && lane.memory_holder == piece.file) lane.memory = decoder->release_memory();
    decoder = std::make_unique<ChunkDecoder>(piece.file, piece.decode, piece.checksums, RunTagMemory{});
    epoch = piece.epoch;
    if (lane.memory_holder == piece.file) lane.memory_holder = ~FileId{0};
  }
  // The run's tag memory goes to the decoder of the file this piece is of.
  if (lane.memory_holder != piece.file) {
    if (lane.memory_holder != ~FileId{0}) {
      auto held = lane.decoders.find(lane.memory_holder);
      if (held != lane.decoders.end() && held->second.second)
        lane.memory = held->second.second->release_memory();
    }
    decoder->adopt_memory(std::move(lane.memory));
    lane.memory_holder = piece.file;
  }
  if (piece.bytes) {
    decoder->feed({piece.bytes, piece.size});
  } else {
    decoder->finish();
  }
  DecodedChunk chunk = decoder->take(std::move(spare));
  if (!piece.bytes) {  // the file is done: its decoder gives the memory back
    lane.memory = decoder->release_memory();
    lane.memory_holder = ~FileId{0};
    lane.decoders.erase(piece.file);
  }
  return chunk;
}

std::size_t DecodePool::apply(Store& store, double budget_ms) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::microseconds(static_cast<long long>(budget_ms * 1000));
  std::size_t applied = 0;
  for (;;) {
    Decoded next;
    {
      std::lock_guard lock(mu_);
      if (decoded_.empty()) break;
      next = std::move(decoded_.front());
      decoded_.pop_front();
      // (Chunks of dropped files were taken out, and off the counts, by the drop.)
      pending_bytes_ -= next.raw;
      pending_ends_ -= next.raw ? 0 : 1;
    }
    store.apply(next.chunk);
    applied += next.raw;
    {
      std::lock_guard lock(mu_);
      if (spare_logs_.size() < 2 * workers_.size()) spare_logs_.push_back(std::move(next.chunk.log));
    }
    if (Clock::now() >= deadline) break;
  }
  return applied;
}

void DecodePool::forget_pieces(Lane& lane, FileId only) {
  std::erase_if(lane.pieces, [&](Piece& p) {
    if (only != ~FileId{0} && p.file != only) return false;
    pending_bytes_ -= p.size;
    pending_ends_ -= p.size ? 0 : 1;
    std::free(p.bytes);
    return true;
  });
}

void DecodePool::uncount_decoded(const std::function<bool(const Decoded&)>& dropped) {
  for (auto it = decoded_.begin(); it != decoded_.end();) {
    if (!dropped(*it)) {
      ++it;
      continue;
    }
    pending_bytes_ -= it->raw;
    pending_ends_ -= it->raw ? 0 : 1;
    it = decoded_.erase(it);
  }
}

void DecodePool::drop_file(FileId file) {
  std::lock_guard lock(mu_);
  for (auto& [key, lane] : lanes_) forget_pieces(*lane, file);
  uncount_decoded([&](const Decoded& d) { return d.chunk.file == file; });
  ++epochs_[file];  // a piece of it being decoded now is dropped when it is done
}

void DecodePool::drop_run(const Store& store, FileId file) {
  std::lock_guard lock(mu_);
  auto it = lanes_.find(lane_key(store, file));
  if (it == lanes_.end()) return;
  std::shared_ptr<Lane> lane = std::move(it->second);
  lanes_.erase(it);
  lane->dead = true;  // a piece of it being decoded now is dropped when it is done
  forget_pieces(*lane);
  uncount_decoded([&](const Decoded& d) { return d.lane == lane; });
}

void DecodePool::clear() {
  std::lock_guard lock(mu_);
  for (auto& [key, lane] : lanes_) {
    lane->dead = true;
    forget_pieces(*lane);
  }
  lanes_.clear();
  ready_.clear();
  decoded_.clear();
  epochs_.clear();
  pending_bytes_ = pending_ends_ = 0;
  ++generation_;
}

std::size_t DecodePool::pending_bytes() const {
  std::lock_guard lock(mu_);
  return pending_bytes_;
}

bool DecodePool::idle() const {
  std::lock_guard lock(mu_);
  return pending_bytes_ == 0 && pending_ends_ == 0;
}

bool DecodePool::front_file(FileId& file) const {
  std::lock_guard lock(mu_);
  if (!decoded_.empty()) {
    file = decoded_.front().chunk.file;
    return true;
  }
  for (const auto& [key, lane] : lanes_)
    if (!lane->pieces.empty()) {
      file = lane->pieces.front().file;
      return true;
    }
  return false;
}

}  // namespace el::store
