// [SECTION] lanes and framing (the store's thread)
// [SECTION] workers
// [SECTION] applying, in each run's order (the store's thread)
// [SECTION] dropping
#include "store/decode_pool.h"

#include <chrono>
#include <cstdlib>
#include <cstring>

#include "record/record_reader.h"

namespace el::store {

namespace {
using Clock = std::chrono::steady_clock;
using record::RecordReader;
// Records are decoded in segments of about this many bytes.
constexpr std::size_t kSegmentBytes = 2u << 20;

// The lane of a file: its run's, or its own for a file of no run.
std::uint64_t lane_key(const Store& store, FileId file) {
  if (const Run* run = store.run_of(file))
    return static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(run));
  return (std::uint64_t{1} << 63) | file;
}

// What the segments decoded so far learnt of the run's tags joins the guess
// (first metadata wins, as in the store).
void merge_memory(RunTagMemory& guess, const RunTagMemory& learnt) {
  for (const auto& [tag, m] : learnt) {
    auto [it, fresh] = guess.try_emplace(tag, TagMemory{m.kind, m.plugin, m.metadata_set});
    if (!fresh && !it->second.metadata_set && m.metadata_set) {
      it->second.plugin = m.plugin;
      it->second.metadata_set = true;
    }
  }
}

std::uint64_t since_ns(Clock::time_point t) {
  return static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - t).count());
}
}  // namespace

DecodePool::DecodePool(unsigned threads) {
#if defined(__EMSCRIPTEN__) && !defined(__EMSCRIPTEN_PTHREADS__)
  threads = 0;  // no threads to start: apply() decodes each segment when its turn comes
#endif
  workers_.reserve(threads);
  for (unsigned t = 0; t < threads; ++t) workers_.emplace_back([this] { work(); });
}

DecodePool::~DecodePool() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  work_ready_.notify_all();
  for (std::thread& t : workers_) t.join();
}

std::uint32_t DecodePool::epoch_of(FileId file) const {
  auto it = epochs_.find(file);
  return it == epochs_.end() ? 0 : it->second;
}

void DecodePool::list_ready(const std::shared_ptr<Lane>& lane) {
  if (lane->in_ready || lane->dead || workers_.empty()) return;
  lane->in_ready = true;
  ready_.push_back(lane);
  work_ready_.notify_one();
}

// [SECTION] lanes and framing (the store's thread) -------------------------------------------

void DecodePool::push(const Store& store, FileId file, std::uint8_t* bytes, std::size_t size) {
  const std::uint64_t key = lane_key(store, file);
  std::shared_ptr<Lane> lane;
  {
    std::lock_guard lock(mu_);
    auto it = lanes_.find(key);
    if (it != lanes_.end()) lane = it->second;
  }
  if (!lane) {  // a new lane starts from what the store knows of the run's tags
    lane = std::make_shared<Lane>();
    lane->guess = store.tag_memory(file);
  }
  Segment base;
  base.file = file;
  base.decode = store.run_of(file) != nullptr;
  base.checksums = store.files().checksums();
  Buffer buffer(size ? bytes : nullptr, &std::free);
  if (!size) std::free(bytes);
  std::vector<Segment> cut_out;
  {
    std::lock_guard lock(mu_);
    base.epoch = epoch_of(file);
  }
  cut(*lane, std::move(base), std::move(buffer), size, cut_out);
  std::lock_guard lock(mu_);
  lanes_.try_emplace(key, lane);
  pending_bytes_ += size;
  for (Segment& s : cut_out) {
    pending_ends_ += s.kind == SegmentKind::kEnd || (s.kind == SegmentKind::kOrdered && !s.data);
    lane->segments.push_back(std::move(s));
  }
  list_ready(lane);
}

// The first segment cut from a piece accounts its bytes (Segment::raw, DecodedChunk::bytes
// is set from `raw` after decoding); the records' bytes go to the decoders.
void DecodePool::cut(Lane& lane, Segment base, Buffer buffer, std::size_t size, std::vector<Segment>& out) {
  Framing& f = lane.framing[base.file];
  std::size_t raw = size;  // not yet given to a segment
  auto emit = [&](SegmentKind kind, Buffer owner, const std::uint8_t* data, std::size_t n,
                  std::uint64_t offset) {
    Segment s;
    s.kind = kind;
    s.file = base.file;
    s.epoch = base.epoch;
    s.decode = base.decode;
    s.checksums = base.checksums;
    s.buffer = std::move(owner);
    s.data = data;
    s.size = n;
    s.offset = offset;
    s.raw = raw;
    raw = 0;
    out.push_back(std::move(s));
  };
  auto copy_of = [](const std::uint8_t* p, std::size_t n) {
    Buffer b(static_cast<std::uint8_t*>(std::malloc(n ? n : 1)), &std::free);
    if (n) std::memcpy(b.get(), p, n);
    return b;
  };
  const std::uint8_t* p = buffer.get();
  std::size_t n = size;
  if (!size) {  // the file's end
    if (f.ordered) {
      emit(SegmentKind::kOrdered, nullptr, nullptr, 0, 0);
    } else {  // its unfinished tail (kept: the file may grow) and end_of_stream
      Buffer t = copy_of(f.tail.data(), f.tail.size());
      const std::uint8_t* d = t.get();
      emit(SegmentKind::kEnd, std::move(t), d, f.tail.size(), f.tail_offset);
    }
    return;
  }
  if (!f.decided) {  // told from the first 12 bytes, as record::StreamReader does
    f.tail.insert(f.tail.end(), p, p + n);
    if (f.tail.size() < RecordReader::kHeaderSize) {
      emit(SegmentKind::kRecords, nullptr, nullptr, 0, 0);  // accounts the bytes
      return;
    }
    std::uint64_t length;
    f.decided = true;
    f.ordered = base.checksums || !RecordReader::plausible_header(f.tail.data(), length);
    // Compressed, checksummed or not an event file: every byte in order, to one decoder.
    std::vector<std::uint8_t> head = std::move(f.tail);
    f.tail.clear();
    Buffer h = copy_of(head.data(), head.size());
    p = h.get();
    n = head.size();
    buffer = std::move(h);
    if (f.ordered) {
      emit(SegmentKind::kOrdered, std::move(buffer), p, n, 0);
      out.back().needs_store_memory = true;
      f.tail_offset = n;
      return;
    }
  } else if (f.ordered) {
    emit(SegmentKind::kOrdered, std::move(buffer), p, n, f.tail_offset);
    f.tail_offset += n;
    return;
  }
  // Records: first the one begun in the last piece, completed from this one.
  auto go_ordered = [&](Buffer owner, const std::uint8_t* d, std::size_t len, std::uint64_t offset) {
    // The framing broke: from here the file is read in order, as one reader
    // does (it scans for the next valid header).
    f.ordered = true;
    emit(SegmentKind::kOrdered, std::move(owner), d, len, offset);
    out.back().needs_store_memory = true;
    f.tail_offset = offset + len;
    f.tail.clear();
  };
  if (!f.tail.empty()) {
    if (f.tail.size() < RecordReader::kHeaderSize) {
      const std::size_t k = std::min(n, RecordReader::kHeaderSize - f.tail.size());
      f.tail.insert(f.tail.end(), p, p + k);
      p += k;
      n -= k;
      if (f.tail.size() < RecordReader::kHeaderSize) {
        emit(SegmentKind::kRecords, nullptr, nullptr, 0, 0);
        return;
      }
    }
    std::uint64_t length;
    if (!RecordReader::plausible_header(f.tail.data(), length)) {
      std::vector<std::uint8_t> rest(f.tail);
      rest.insert(rest.end(), p, p + n);
      Buffer b = copy_of(rest.data(), rest.size());
      const std::uint8_t* d = b.get();
      go_ordered(std::move(b), d, rest.size(), f.tail_offset);
      return;
    }
    const std::uint64_t whole = RecordReader::kHeaderSize + length + RecordReader::kFooterSize;
    const std::uint64_t missing = whole - f.tail.size();
    if (n < missing) {
      f.tail.insert(f.tail.end(), p, p + n);
      emit(SegmentKind::kRecords, nullptr, nullptr, 0, 0);
      return;
    }
    f.tail.insert(f.tail.end(), p, p + missing);
    p += missing;
    n -= missing;
    Buffer b = copy_of(f.tail.data(), f.tail.size());
    const std::uint8_t* d = b.get();
    emit(SegmentKind::kRecords, std::move(b), d, f.tail.size(), f.tail_offset);
    f.tail_offset += f.tail.size();
    f.tail.clear();
  }
  // Then every whole record of this piece, where they lie (no copy), in
  // segments of about kSegmentBytes: every worker gets a share of a large
  // piece, and the first is applied while the rest are decoded.
  std::size_t at = 0, from = 0;
  bool broke = false;
  while (at + RecordReader::kHeaderSize <= n) {
    std::uint64_t length;
    if (!RecordReader::plausible_header(p + at, length)) {
      broke = true;
      break;
    }
    const std::uint64_t whole = RecordReader::kHeaderSize + length + RecordReader::kFooterSize;
    if (at + whole > n) break;
    at += whole;
    if (at - from >= kSegmentBytes) {
      emit(SegmentKind::kRecords, buffer, p + from, at - from, f.tail_offset);
      f.tail_offset += at - from;
      from = at;
    }
  }
  if (at > from) {
    emit(SegmentKind::kRecords, buffer, p + from, at - from, f.tail_offset);
    f.tail_offset += at - from;
  }
  if (broke) {
    go_ordered(buffer, p + at, n - at, f.tail_offset);
    return;
  }
  f.tail.assign(p + at, p + n);  // an unfinished record: completed by the next piece
  if (raw) emit(SegmentKind::kRecords, nullptr, nullptr, 0, 0);
}

// [SECTION] workers ---------------------------------------------------------------------------

DecodePool::Segment* DecodePool::next_for_worker(Lane& lane) {
  if (lane.dead) return nullptr;
  bool ordered_waits = lane.ordered_working;  // pieces read in order: one after another
  for (Segment& s : lane.segments) {
    if (s.dropped || s.working || s.decoded) continue;
    if (s.kind == SegmentKind::kOrdered) {
      if (ordered_waits) continue;
      // Its decoder starts on the store's memory, once everything before it is applied;
      // the pieces after it wait for it.
      if (s.needs_store_memory && !s.exact) {
        ordered_waits = true;
        continue;
      }
      return &s;
    }
    // A run's first segment is decoded alone: the rest then start from its tags.
    if (s.kind == SegmentKind::kRecords && !s.exact && !lane.warm && lane.working > 0) continue;
    return &s;
  }
  return nullptr;
}

DecodePool::Segment* DecodePool::take_segment(Lane& lane, RunTagMemory& memory,
                                              std::vector<std::uint8_t>& spare) {
  Segment* segment = next_for_worker(lane);
  if (!segment) return nullptr;
  segment->working = true;
  ++lane.working;
  if (segment->kind == SegmentKind::kOrdered) lane.ordered_working = true;
  memory = segment->exact ? std::move(segment->memory) : lane.guess;
  if (!spare_logs_.empty()) {
    spare = std::move(spare_logs_.back());
    spare_logs_.pop_back();
  }
  return segment;
}

void DecodePool::segment_done(const std::shared_ptr<Lane>& lane, Segment& segment) {
  segment.working = false;
  segment.decoded = true;
  --lane->working;
  if (segment.kind == SegmentKind::kOrdered) lane->ordered_working = false;
  lane->warm = true;
  if (next_for_worker(*lane)) list_ready(lane);
}

void DecodePool::work() {
  for (;;) {
    std::shared_ptr<Lane> lane;
    Segment* segment = nullptr;
    RunTagMemory memory;
    std::vector<std::uint8_t> spare;
    {
      std::unique_lock lock(mu_);
      work_ready_.wait(lock, [&] { return stopping_ || !ready_.empty(); });
      if (stopping_) return;
      lane = std::move(ready_.front());
      ready_.pop_front();
      lane->in_ready = false;
      segment = take_segment(*lane, memory, spare);
      if (!segment) continue;
      if (next_for_worker(*lane)) list_ready(lane);  // another worker may take its next segment
    }
    const auto started = Clock::now();
    decode(*lane, *segment, std::move(memory), std::move(spare));
    decode_ns_ += since_ns(started);
    std::lock_guard lock(mu_);
    segment_done(lane, *segment);
  }
}

void DecodePool::decode(Lane& lane, Segment& s, RunTagMemory memory, std::vector<std::uint8_t> spare) {
  RunTagMemory learnt;
  if (s.kind == SegmentKind::kOrdered) {
    auto& [epoch, decoder] = lane.ordered[s.file];
    if (!decoder || epoch != s.epoch) {
      decoder = std::make_unique<ChunkDecoder>(s.file, s.decode, s.checksums, std::move(memory));
      decoder->start_at(s.offset);
      epoch = s.epoch;
    }
    if (s.data)
      decoder->feed({s.data, s.size});
    else
      decoder->finish();
    s.chunk = decoder->take(std::move(spare));
    learnt = decoder->release_memory();
    decoder->adopt_memory(learnt);  // kept after the end too: the file may grow
  } else {
    ChunkDecoder decoder(s.file, s.decode, false, std::move(memory));
    decoder.start_at(s.offset);
    if (s.kind == SegmentKind::kRecords && !s.exact) decoder.record_assumptions();
    if (s.size) decoder.feed({s.data, s.size});
    if (s.kind == SegmentKind::kEnd) decoder.finish();
    s.chunk = decoder.take(std::move(spare));
    learnt = decoder.release_memory();
  }
  s.chunk.bytes = s.raw;
  std::lock_guard lock(mu_);
  merge_memory(lane.guess, learnt);
}

// [SECTION] applying, in each run's order (the store's thread) -------------------------------

std::size_t DecodePool::apply(Store& store, double budget_ms) {
  const auto started = Clock::now();
  const auto deadline = started + std::chrono::microseconds(static_cast<long long>(budget_ms * 1000));
  std::size_t applied = 0;
  std::vector<std::shared_ptr<Lane>> lanes;
  {
    std::lock_guard lock(mu_);
    for (auto& [key, lane] : lanes_) lanes.push_back(lane);
  }
  for (bool progress = true; progress && Clock::now() < deadline;) {
    progress = false;
    for (const std::shared_ptr<Lane>& lane : lanes) {
      if (workers_.empty()) {  // no threads (wasm without pthreads): the lane's next segment, here
        Segment* segment = nullptr;
        RunTagMemory memory;
        std::vector<std::uint8_t> spare;
        {
          std::lock_guard lock(mu_);
          if (!lane->dead) segment = take_segment(*lane, memory, spare);
        }
        if (segment) {
          const auto t = Clock::now();
          decode(*lane, *segment, std::move(memory), std::move(spare));
          decode_ns_ += since_ns(t);
          std::lock_guard lock(mu_);
          segment_done(lane, *segment);
        }
      }
      Segment next;
      {
        std::lock_guard lock(mu_);
        if (lane->dead || lane->segments.empty()) continue;
        Segment& front = lane->segments.front();
        if (front.dropped && !front.working) {  // its bytes left the counts when it was dropped
          lane->segments.pop_front();
          progress = true;
          continue;
        }
        if (!front.decoded) {
          if (front.kind == SegmentKind::kOrdered && front.needs_store_memory && !front.exact &&
              !front.working) {
            front.exact = true;  // everything before it is applied: the store's memory is the run's
            front.memory = store.tag_memory(front.file);
            list_ready(lane);
            progress = workers_.empty();  // without workers, decoded here on the next pass
          }
          continue;
        }
        // A segment decoded on a guess of the run's tags: the store, with
        // everything before it applied, must agree with what it assumed.
        bool agrees = true;
        for (const DecodedChunk::Assumed& a : front.chunk.assumed) {
          bool present = false, metadata_set = false;
          store.tag_state(front.file, a.tag, present, metadata_set);
          if (present != a.present || metadata_set != a.metadata_set) {
            agrees = false;
            break;
          }
        }
        if (!agrees) {  // decoded again, with the store's memory, before anything after it
          front.decoded = false;
          front.exact = true;
          front.memory = store.tag_memory(front.file);
          front.chunk = DecodedChunk{};
          ++redecoded_;
          list_ready(lane);
          continue;
        }
        next = std::move(front);
        lane->segments.pop_front();
        pending_bytes_ -= next.raw;
        pending_ends_ -= next.kind == SegmentKind::kEnd || (next.kind == SegmentKind::kOrdered && !next.data);
      }
      store.apply(next.chunk);
      applied += next.chunk.bytes;
      progress = true;
      {
        std::lock_guard lock(mu_);
        if (spare_logs_.size() < 2 * workers_.size()) spare_logs_.push_back(std::move(next.chunk.log));
      }
      if (Clock::now() >= deadline) break;
    }
  }
  apply_ns_ += since_ns(started);
  return applied;
}

// [SECTION] dropping --------------------------------------------------------------------------

void DecodePool::forget(Lane& lane, FileId only) {
  for (Segment& s : lane.segments) {
    if (s.dropped || (only != ~FileId{0} && s.file != only)) continue;
    s.dropped = true;
    pending_bytes_ -= s.raw;
    pending_ends_ -= s.kind == SegmentKind::kEnd || (s.kind == SegmentKind::kOrdered && !s.data);
  }
}

void DecodePool::drop_file(FileId file) {
  std::lock_guard lock(mu_);
  for (auto& [key, lane] : lanes_) {
    forget(*lane, file);
    lane->framing.erase(file);  // read again, it starts from byte 0
  }
  ++epochs_[file];  // its carried-on decoder, if any, starts afresh
}

void DecodePool::drop_run(const Store& store, FileId file) {
  std::lock_guard lock(mu_);
  auto it = lanes_.find(lane_key(store, file));
  if (it == lanes_.end()) return;
  Lane& lane = *it->second;
  forget(lane, ~FileId{0});
  lane.dead = true;  // segments workers hold are let go when done
  lanes_.erase(it);
}

void DecodePool::clear() {
  std::lock_guard lock(mu_);
  for (auto& [key, lane] : lanes_) {
    forget(*lane, ~FileId{0});
    lane->dead = true;
  }
  lanes_.clear();
  ready_.clear();
  epochs_.clear();
  pending_bytes_ = pending_ends_ = 0;
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
  for (const auto& [key, lane] : lanes_)
    for (const Segment& s : lane->segments)
      if (!s.dropped) {
        file = s.file;
        return true;
      }
  return false;
}

}  // namespace el::store
