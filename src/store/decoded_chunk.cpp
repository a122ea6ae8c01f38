#include "store/decoded_chunk.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>

namespace el::store {

namespace {
// Appends to a log. Values are copied byte for byte (the reader is the same program).
struct LogWriter {
  std::vector<std::uint8_t>& out;
  // Appended with insert (one copy), not resize and memcpy (a zero fill first).
  void bytes(const void* p, std::size_t n) {
    const auto* b = static_cast<const std::uint8_t*>(p);
    out.insert(out.end(), b, b + n);
  }
  template <typename T>
  void put(T x) {
    bytes(&x, sizeof x);
  }
  void op(ChunkOp o) { put(static_cast<std::uint8_t>(o)); }
  void str(std::string_view s) {
    put(static_cast<std::uint32_t>(s.size()));
    out.insert(out.end(), s.begin(), s.end());
  }
  void metadata(const pb::SummaryMetadata& m) {
    str(m.plugin_data().plugin_name());
    str(m.plugin_data().content());
    str(m.display_name());
    str(m.summary_description());
  }
  // Arrays start at an 8-aligned place (the log's buffer is malloc's, aligned
  // beyond that), so the store reads them where they are.
  template <typename T>
  void array(std::span<const T> a) {
    put(static_cast<std::uint32_t>(a.size()));
    out.resize(out.size() + (8 - out.size() % 8) % 8);
    if (!a.empty()) bytes(a.data(), a.size_bytes());
  }
};
}  // namespace

std::size_t held_bytes(const DecodedChunk& c) {
  std::size_t n = c.log.size();
  for (const ScalarBatch& b : c.scalars) n += b.steps.size() * 24;  // step, wall time, value
  return n;
}

ChunkDecoder::ChunkDecoder(FileId file, bool decode, bool checksums, RunTagMemory memory)
    : decode_(decode), checksums_(checksums), reader_(*this) {
  chunk_.file = file;
  adopt_memory(std::move(memory));
}

void ChunkDecoder::adopt_memory(RunTagMemory memory) {
  memory_ = std::move(memory);
  last_tag_ = nullptr;
  for (auto& [tag, m] : memory_) {
    m.chunk = ~std::uint64_t{0};  // named in no chunk of this decoder yet
    m.name = tag;
    m.successor = nullptr;
    m.given = true;
    m.given_metadata = m.metadata_set;
  }
}

ChunkDecoder::~ChunkDecoder() = default;

void ChunkDecoder::feed(std::span<const std::uint8_t> bytes) {
  if (bytes.empty()) return;
  // zlib's crc32 takes a uInt length: in pieces below 4 GiB.
  for (std::size_t at = 0; checksums_ && at < bytes.size(); at += (1u << 30)) {
    const std::size_t n = std::min<std::size_t>(bytes.size() - at, 1u << 30);
    chunk_.crc32 = static_cast<std::uint32_t>(crc32(chunk_.crc32, bytes.data() + at, static_cast<uInt>(n)));
  }
  chunk_.bytes += bytes.size();
  reader_.feed(bytes);
  chunk_.compression = reader_.compression();
}

void ChunkDecoder::finish() {
  reader_.end_of_stream();
  chunk_.compression = reader_.compression();
  chunk_.finished = true;
}

DecodedChunk ChunkDecoder::take(std::vector<std::uint8_t> spare) {
  DecodedChunk out;
  spare.clear();
  out.log = std::move(spare);
  out.file = chunk_.file;
  out.crc32 = chunk_.crc32;  // running: the file's CRC so far
  out.compression = chunk_.compression;
  std::swap(out, chunk_);
  ++chunk_number_;  // the next chunk names its tags afresh
  chunk_tags_ = 0;
  return out;
}

// A record is logged (kRecord) only once something in it needs its offset: a
// scalar-only record costs the log nothing.
void ChunkDecoder::on_record(std::uint64_t offset, std::span<const std::uint8_t> data) {
  ++chunk_.records;
  record_offset_ = offset;
  record_length_ = static_cast<std::uint32_t>(data.size());
  record_logged_ = false;
  if (decode_ && !decoder_.decode(data, *this)) LogWriter{chunk_.log}.op(ChunkOp::kUndecodable);
}

void ChunkDecoder::on_problem(const record::Problem& p) {
  LogWriter w{chunk_.log};
  w.op(ChunkOp::kProblem);
  w.put(static_cast<std::uint8_t>(p.kind));
  w.put(p.offset);
  w.put(p.length);
  w.str(p.message);
}

std::uint32_t ChunkDecoder::tag_id(std::string_view tag) {
  // A bad value's tag may be one the store never makes a series of: it is
  // named in the chunk all the same, outside the memory the store mirrors.
  auto it = bad_value_tags_.find(tag);
  if (it == bad_value_tags_.end()) {
    it = bad_value_tags_.emplace(std::string(tag), TagMemory{}).first;
    it->second.name = it->first;
  }
  name_in_chunk(it->second);
  return it->second.id;
}

std::string_view ChunkDecoder::remembered_plugin(std::string_view tag) {
  auto it = memory_.find(tag);
  return it == memory_.end() ? std::string_view() : std::string_view(it->second.plugin);
}

// The store (Store::series_for) creates a tag's series with the kind of its
// first value, skips values of another kind, and takes the first metadata
// applied; the memory follows the same rules so later values route alike.
TagMemory& ChunkDecoder::remember(const events::ValueContext& v, events::Kind kind) {
  // Tags come in the same order record after record: the one after the last
  // is guessed before it is looked up (as Store::series_for does).
  TagMemory* found = last_tag_ ? last_tag_->successor : nullptr;
  if (!found || found->name != v.tag) {
    auto it = memory_.find(v.tag);
    if (it == memory_.end()) {
      it = memory_.emplace(std::string(v.tag), TagMemory{kind, {}, false}).first;
      it->second.name = it->first;  // the map's own key: it never moves
    }
    found = &it->second;
    if (last_tag_) last_tag_->successor = found;
  }
  last_tag_ = found;
  TagMemory& m = *found;
  name_in_chunk(m);
  return m;
}

void ChunkDecoder::name_in_chunk(TagMemory& m) {
  if (m.chunk == chunk_number_) return;
  m.chunk = chunk_number_;
  m.id = chunk_tags_++;
  m.batch = -1;
  if (record_assumptions_ && !(m.given && m.given_metadata))
    chunk_.assumed.push_back({std::string(m.name), m.given, m.given_metadata});
  LogWriter w{chunk_.log};
  w.op(ChunkOp::kTag);
  w.put(m.id);
  w.str(m.name);
}

void ChunkDecoder::log_record() {
  if (record_logged_) return;
  record_logged_ = true;
  LogWriter w{chunk_.log};
  w.op(ChunkOp::kRecord);
  w.put(record_offset_);
  w.put(record_length_);
}

bool ChunkDecoder::take_metadata(TagMemory& m, const events::ValueContext& v, events::Kind kind) {
  if (!v.metadata || m.kind != kind || m.metadata_set) return false;
  m.plugin = v.metadata->plugin_data().plugin_name();
  m.metadata_set = !m.plugin.empty() || !v.metadata->display_name().empty();
  return true;
}

void ChunkDecoder::value(ChunkOp op, const events::ValueContext& v, events::Kind kind) {
  TagMemory& m = remember(v, kind);
  take_metadata(m, v, kind);
  log_record();
  LogWriter w{chunk_.log};
  w.op(op);
  w.put(m.id);
  w.put(v.step);
  w.put(v.wall_time);
  w.put(static_cast<std::uint8_t>(v.metadata != nullptr));
  if (v.metadata) w.metadata(*v.metadata);
}

// Scalars go to their tag's columns in the chunk, which the store appends
// whole: a value's only cost on the store's thread is its share of a memcpy.
// A value of a tag that holds another kind takes the slow way (the store
// reports it), and a tag's first metadata goes in the log (applied first; it
// does not depend on the order of points).
void ChunkDecoder::on_scalar(const events::ValueContext& v, double x) {
  TagMemory& m = remember(v, events::Kind::kScalars);
  if (m.kind != events::Kind::kScalars) {
    value(ChunkOp::kScalar, v, events::Kind::kScalars);
    LogWriter{chunk_.log}.put(x);
    return;
  }
  if (take_metadata(m, v, events::Kind::kScalars)) {
    LogWriter w{chunk_.log};
    w.op(ChunkOp::kScalarMetadata);
    w.put(m.id);
    w.metadata(*v.metadata);
  }
  if (m.batch < 0) {
    m.batch = static_cast<std::int32_t>(chunk_.scalars.size());
    chunk_.scalars.push_back({m.id, {}, {}, {}});
  }
  ScalarBatch& b = chunk_.scalars[static_cast<std::size_t>(m.batch)];
  b.steps.push_back(v.step);
  b.wall_times.push_back(v.wall_time);
  b.values.push_back(x);
}

void ChunkDecoder::on_histogram(const events::ValueContext& v, std::span<const double> rows) {
  value(ChunkOp::kHistogram, v, events::Kind::kHistograms);
  LogWriter{chunk_.log}.array(rows);
}

void ChunkDecoder::on_touching_histogram(const events::ValueContext& v, std::span<const double> edges,
                                         std::span<const double> counts) {
  value(ChunkOp::kTouching, v, events::Kind::kHistograms);
  LogWriter w{chunk_.log};
  w.array(edges);
  w.array(counts);
}

void ChunkDecoder::on_text(const events::ValueContext& v, std::vector<std::string>& strings,
                           std::span<const std::int64_t> shape) {
  value(ChunkOp::kText, v, events::Kind::kText);
  LogWriter w{chunk_.log};
  w.put(static_cast<std::uint32_t>(strings.size()));
  for (const std::string& s : strings) w.str(s);
  w.array(shape);
}

void ChunkDecoder::on_blob(const events::ValueContext& v, events::Kind kind, std::uint32_t width,
                           std::uint32_t height, std::uint32_t samples) {
  value(ChunkOp::kBlob, v, kind);
  LogWriter w{chunk_.log};
  w.put(static_cast<std::uint8_t>(kind));
  w.put(width);
  w.put(height);
  w.put(samples);
}

void ChunkDecoder::on_layout(const events::ValueContext& v, std::string_view layout) {
  value(ChunkOp::kLayout, v, events::Kind::kCustomScalars);
  LogWriter{chunk_.log}.str(layout);
}

void ChunkDecoder::on_session_log(std::int64_t step, double wall_time, int status) {
  log_record();
  LogWriter w{chunk_.log};
  w.op(ChunkOp::kSessionLog);
  w.put(step);
  w.put(wall_time);
  w.put(static_cast<std::int32_t>(status));
}

void ChunkDecoder::on_bad_value(const events::ValueContext& v, const char* why) {
  // Not a value of any kind: the store leaves the tag's series alone.
  const std::uint32_t id = tag_id(v.tag);
  log_record();
  LogWriter w{chunk_.log};
  w.op(ChunkOp::kBadValue);
  w.put(id);
  w.put(v.step);
  w.put(v.wall_time);
  w.put(std::uint8_t{0});
  w.str(why ? why : "");
}

// [SECTION] reading a log -------------------------------------------------------------
std::span<const std::uint8_t> ChunkLogReader::raw(std::size_t n) {
  if (!ok_ || log_.size() - at_ < n) {
    ok_ = false;
    at_ = log_.size();
    return {};
  }
  auto out = log_.subspan(at_, n);
  at_ += n;
  return out;
}

namespace {
template <typename T>
T read_as(std::span<const std::uint8_t> b) {
  T x{};
  if (b.size() == sizeof x) std::memcpy(&x, b.data(), sizeof x);
  return x;
}
}  // namespace

std::uint8_t ChunkLogReader::u8() { return read_as<std::uint8_t>(raw(1)); }
std::uint32_t ChunkLogReader::u32() { return read_as<std::uint32_t>(raw(4)); }
std::uint64_t ChunkLogReader::u64() { return read_as<std::uint64_t>(raw(8)); }
double ChunkLogReader::f64() { return read_as<double>(raw(8)); }
std::string_view ChunkLogReader::str() {
  const std::uint32_t n = u32();
  auto b = raw(n);
  return {reinterpret_cast<const char*>(b.data()), b.size()};
}

}  // namespace el::store
