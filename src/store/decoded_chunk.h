// Decoding off the store's thread: a ChunkDecoder frames, CRC-checks and
// decodes a file's bytes into a DecodedChunk, a flat log of what the store is
// to append (values, records, problems); Store::apply replays it. Decoders of
// different runs work in parallel (io/loader.cpp), and each run's chunks are
// applied in order, so the store ends exactly as if it had read the bytes itself.
//
// The log is plain bytes (native byte order, no pointers): it can cross a
// thread, or a worker's memory.
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "events/event_decoder.h"
#include "record/stream_reader.h"
#include "store/file_table.h"

namespace el::store {

// The log's entries, each an op byte and its fields.
enum class ChunkOp : std::uint8_t {
  kRecord = 1,      // offset u64, length u32: the ops that follow are this record's
  kTag,             // id u32, tag: the tag values of this chunk name by id
  kUndecodable,     // the record is not an Event
  kProblem,         // kind u8, offset u64, length u64, message
  kScalar,          // value, f64
  kHistogram,       // value, rows (k x (left, right, count))
  kTouching,        // value, edges, counts
  kText,            // value, strings, shape
  kBlob,            // value, kind u8, width u32, height u32, samples u32
  kLayout,          // value, layout string
  kSessionLog,      // step i64, wall time f64, status i32
  kBadValue,        // value, why
  kScalarMetadata,  // tag id u32, plugin name, plugin content, display name, description
};
// "value" above: tag id u32, step i64, wall time f64, and the tag's metadata
// if the record carried it (a u8 flag, then plugin name, plugin content,
// display name, description). Strings and arrays are a u32 count and their
// items. A tag is named once per chunk (kTag) and then by id: a scalar costs
// 29 bytes of log, and the store finds its series once per chunk, not per value.

// A chunk's scalars of one tag, in order (DecodedChunk::scalars).
struct ScalarBatch {
  std::uint32_t tag = 0;  // its id in the chunk
  std::vector<std::int64_t> steps;
  std::vector<double> wall_times, values;
};

struct DecodedChunk;
std::size_t held_bytes(const DecodedChunk& c);  // the log and the scalar columns

struct DecodedChunk {
  FileId file = 0;
  std::vector<std::uint8_t> log;
  std::vector<ScalarBatch> scalars;  // appended after the log is applied
  std::uint64_t records = 0;         // records framed
  std::uint64_t bytes = 0;           // file bytes this chunk covers
  std::uint32_t crc32 = 0;           // zlib CRC-32 of the file so far (with checksums on)
  record::Compression compression = record::Compression::kUnknown;
  bool finished = false;  // the file ended here (end_of_stream was run)
  // With ChunkDecoder::record_assumptions: each tag named in the chunk that
  // its decoder's memory had absent, or without metadata, and how.
  struct Assumed {
    std::string tag;
    bool present = false, metadata_set = false;
  };
  std::vector<Assumed> assumed;
};

// What a run already knows of its tags when a decoder starts on one of its
// files: each tag's kind and plugin (writers send metadata with a tag's first
// value only, so later files are decoded by what earlier ones said).
struct TagMemory {
  events::Kind kind;
  std::string plugin;
  bool metadata_set = false;                // a value with metadata was applied (the first one wins)
  std::uint32_t id = 0;                     // its id in the chunk being written...
  std::uint64_t chunk = ~std::uint64_t{0};  // ... if that chunk is this one
  std::int32_t batch = -1;                  // its ScalarBatch in that chunk (-1: none yet)
  std::string_view name;                    // the map's key (set by the decoder)
  TagMemory* successor = nullptr;           // the tag of the value after this one, last time (a guess)
  bool given = false;                       // it was in the memory the decoder was given...
  bool given_metadata = false;              // ... with its metadata set (record_assumptions)
};
// Looked up by string_view (no string made per value).
struct TagHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using RunTagMemory = std::unordered_map<std::string, TagMemory, TagHash, std::equal_to<>>;

class ChunkDecoder final : record::RecordSink, events::EventSink {
 public:
  // `decode`: the file belongs to a run (else records are framed and counted only).
  ChunkDecoder(FileId file, bool decode, bool checksums, RunTagMemory memory = {});
  ~ChunkDecoder() override;
  ChunkDecoder(const ChunkDecoder&) = delete;
  ChunkDecoder& operator=(const ChunkDecoder&) = delete;

  // The bytes fed next start at file offset `offset`, at a record's start
  // (record::StreamReader::start_at). Before the first feed.
  void start_at(std::uint64_t offset) { reader_.start_at(offset); }
  // Lists in each chunk the tags it assumed absent, or without metadata, as
  // the memory it was given had them (DecodedChunk::assumed): a decoder that
  // started on a guess of the run's memory is checked against the store.
  void record_assumptions() { record_assumptions_ = true; }
  void feed(std::span<const std::uint8_t> bytes);
  void finish();
  // What was decoded since the last take. `spare`: a used log to write the
  // next chunk into (its memory is already mapped).
  DecodedChunk take(std::vector<std::uint8_t> spare = {});
  // The run's tag memory as this file left it (for the run's next file).
  RunTagMemory release_memory() {
    last_tag_ = nullptr;
    for (auto& [tag, m] : memory_) m.successor = nullptr;
    return std::move(memory_);
  }
  // Takes the run's tag memory back (between chunks) after another file of
  // the run was decoded with it: a run's files read interleaved share one memory.
  void adopt_memory(RunTagMemory memory);

 private:
  // record::RecordSink
  void on_record(std::uint64_t offset, std::span<const std::uint8_t> data) override;
  void on_problem(const record::Problem& problem) override;
  // events::EventSink
  std::string_view remembered_plugin(std::string_view tag) override;
  void on_scalar(const events::ValueContext& v, double value) override;
  void on_histogram(const events::ValueContext& v, std::span<const double> rows) override;
  void on_touching_histogram(const events::ValueContext& v, std::span<const double> edges,
                             std::span<const double> counts) override;
  void on_text(const events::ValueContext& v, std::vector<std::string>& strings,
               std::span<const std::int64_t> shape) override;
  void on_blob(const events::ValueContext& v, events::Kind kind, std::uint32_t width, std::uint32_t height,
               std::uint32_t samples) override;
  void on_layout(const events::ValueContext& v, std::string_view layout) override;
  void on_session_log(std::int64_t step, double wall_time, int status) override;
  void on_bad_value(const events::ValueContext& v, const char* why) override;

  // The tag's memory (made with `kind` if new), named in this chunk.
  TagMemory& remember(const events::ValueContext& v, events::Kind kind);
  void name_in_chunk(TagMemory& m);  // a kTag op, the first time in this chunk
  void log_record();                 // the kRecord op of the record being decoded, once
  // The value's metadata taken into the tag's memory, as the store takes it
  // (true: it is the tag's first; the store applies it).
  bool take_metadata(TagMemory& m, const events::ValueContext& v, events::Kind kind);
  // Writes a value's op and context, and keeps the tag memory as the store will.
  void value(ChunkOp op, const events::ValueContext& v, events::Kind kind);
  // The tag's id in this chunk, naming it (kTag) the first time.
  std::uint32_t tag_id(std::string_view tag);

  DecodedChunk chunk_;
  bool decode_;
  bool checksums_;
  RunTagMemory memory_;
  TagMemory* last_tag_ = nullptr;    // the tag of the previous value
  std::uint64_t chunk_number_ = 0;   // chunks taken so far
  std::uint32_t chunk_tags_ = 0;     // tags named in this chunk
  std::uint64_t record_offset_ = 0;  // the record being decoded
  std::uint32_t record_length_ = 0;
  bool record_logged_ = false;
  bool record_assumptions_ = false;
  RunTagMemory bad_value_tags_;  // tags named only for bad values (their ids)
  events::EventDecoder decoder_;
  record::StreamReader reader_;
};

// Reads a chunk's log (Store::apply): the fields in the order they were written.
class ChunkLogReader {
 public:
  explicit ChunkLogReader(std::span<const std::uint8_t> log) : log_(log) {}
  bool done() const { return at_ >= log_.size(); }
  bool ok() const { return ok_; }
  ChunkOp op() { return static_cast<ChunkOp>(u8()); }
  std::uint8_t u8();
  std::uint32_t u32();
  std::uint64_t u64();
  double f64();
  std::string_view str();
  std::span<const std::uint8_t> raw(std::size_t n);
  // An array of doubles (or int64s) as LogWriter::array wrote it, viewed in place.
  template <typename T>
  std::span<const T> array() {
    const std::uint32_t n = u32();
    raw((8 - at_ % 8) % 8);  // arrays start 8-aligned in the log
    const auto bytes = raw(static_cast<std::size_t>(n) * sizeof(T));
    return {reinterpret_cast<const T*>(bytes.data()), bytes.size() / sizeof(T)};
  }

 private:
  std::span<const std::uint8_t> log_;
  std::size_t at_ = 0;
  bool ok_ = true;
};

}  // namespace el::store
