// [SECTION] series types
// [SECTION] runs and the store
//
// Everything the engine knows about the opened files: runs (from paths), tags
// with their kind and metadata, append-only columnar series, and references
// (file, offset, length) to heavy values that stay in the files. Every record
// is kept; TensorBoard's restart rule is a view (visible_indices()).
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "events/event_decoder.h"
#include "store/decoded_chunk.h"
#include "store/file_table.h"
#include "store/hparams_peek.h"

namespace el::store {

// [SECTION] series types ---------------------------------------------------------
// Where a heavy value's record is: data bytes [offset + 12, offset + 12 + length)
// of the file's (decompressed) stream. Readers re-decode that one record.
struct BlobRef {
  FileId file = 0;
  std::uint32_t length = 0;
  std::uint64_t offset = 0;
};
static_assert(sizeof(BlobRef) == 16, "BlobRef is packed: one per image/audio/graph value");

struct TagMetadata {
  std::string plugin_name;
  std::string plugin_content;  // plugin-specific bytes (hparams, pr_curves, custom_scalars...)
  std::string display_name;
  std::string description;
};

// One record's histogram: k buckets with their counts, and either k+1 shared
// edges (the usual case: each bucket starts where the previous one ends) or
// 2k (left, right) pairs when the writer's buckets do not touch.
struct HistogramView {
  std::span<const double> edges, counts;
  std::size_t size() const { return counts.size(); }
  bool paired() const { return counts.size() > 1 && edges.size() == 2 * counts.size(); }
  double left(std::size_t j) const { return paired() ? edges[2 * j] : edges[j]; }
  double right(std::size_t j) const { return paired() ? edges[2 * j + 1] : edges[j + 1]; }
  double count(std::size_t j) const { return counts[j]; }
  // As (left, right, count) rows, TensorBoard's [k,3] form.
  void rows(std::vector<double>& out) const;
};

// A histogram series thinned under memory pressure (Store::set_histogram_keep):
// TensorBoard's reservoir rule keeps at most `keep` records, spread uniformly
// over all it has seen, and always the newest.
struct HistogramReservoir {
  std::uint32_t keep = 0;
  std::uint64_t seen = 0;  // records offered, kept or not
  std::uint64_t rng = 0;   // splitmix64 state; every series starts from seed 0, so thinning is repeatable
  // Values of dropped records still in `counts` / `edges`, compacted away at an eighth of them.
  std::uint64_t dead_counts = 0, dead_edges = 0;
};

// Columns shared by every series: one entry per kept record, in read order.
struct Series {
  std::string_view tag;  // views the key of Run::tags
  events::Kind kind = events::Kind::kTensors;
  TagMetadata metadata;
  std::uint64_t version = 0;  // bumped on every append; caches key on it
  std::vector<std::int64_t> steps;
  std::vector<double> wall_times;
  // scalars: one value per record (24 bytes per point with the two columns above)
  std::vector<double> values;
  // histograms (compact: 16 bytes per bucket, not 24): record i's counts are
  // counts[count_begin[i] .. + count_size[i]), its edges likewise (explicit sizes,
  // so a thinned series drops a record without moving the others' values)
  std::vector<std::uint32_t> count_begin, count_size, edge_begin, edge_size;
  std::vector<double> counts, edges;
  std::unique_ptr<HistogramReservoir> reservoir;  // set once the series is thinned
  // text: the strings of each record joined row-major with '\n', and the tensor's rank;
  // for rank >= 1, the shape and each string's length (strings may hold '\n' themselves)
  std::vector<std::string> texts;
  std::vector<std::uint8_t> text_ranks;
  std::vector<std::vector<std::int64_t>> text_shapes;
  std::vector<std::vector<std::uint32_t>> text_lengths;
  // custom_scalars: each record's serialized Layout is kept in `texts` too
  // images, audio, graphs, other tensors
  std::vector<BlobRef> blobs;
  std::vector<std::uint32_t> widths, heights, samples;

  // Ingest hint: the series whose record came after this one's last time.
  // Writers log tags in the same order every step, so this usually finds the
  // next series without hashing the tag.
  Series* successor = nullptr;

  std::size_t size() const { return steps.size(); }
  // Records read for this series: more than size() once histograms are thinned ("kept N of M").
  std::uint64_t records_seen() const { return reservoir ? reservoir->seen : size(); }
  // The strings of text record i (one for rank 0), viewing texts[i].
  std::vector<std::string_view> text_strings(std::size_t i) const;
  HistogramView histogram(std::size_t i) const {
    return {{edges.data() + edge_begin[i], edge_size[i]}, {counts.data() + count_begin[i], count_size[i]}};
  }
};

// TensorBoard's (rustboard's) restart rule: reading in order, a record at step
// s hides every earlier record of the series with step >= s. Returns the
// indices of the records that stay visible, in order.
std::vector<std::uint32_t> visible_indices(std::span<const std::int64_t> steps);

// [SECTION] runs and the store ------------------------------------------------------
struct SessionLogEntry {
  std::int64_t step;
  double wall_time;
  int status;  // 1 START, 2 STOP, 3 CHECKPOINT
};

struct Run {
  std::string name;
  std::map<std::string, Series, std::less<>> tags;  // sorted by name (byte-wise)
  // Hash index over `tags` (keys view the map's own strings, which never
  // move): the per-record lookup is the hot path of scalar-heavy logs.
  std::unordered_map<std::string_view, Series*> index;
  Series* last_appended = nullptr;  // ingest hint, see Series::successor
  std::vector<FileId> files;
  std::vector<SessionLogEntry> session_logs;
  // Whether the run's files are to be read. A logdir above the load limits
  // lists its runs from their paths only (wanted = false) until the user
  // picks them; an unloaded run is listed again, its data freed.
  bool wanted = true;
  std::uint64_t announced_bytes = 0;  // its files' sizes as announced (listing before reading)
  // The hparams plugin's tags read from the head of its first file while it
  // was unread (store/hparams_peek.h): tag -> plugin content. The run's own
  // series, once read, take precedence. Kept when the run is unloaded.
  std::map<std::string, std::string, std::less<>> peeked_hparams;
  bool hparams_peeked = false;  // its head was looked at (whether or not it held any)
};

// Heap bytes held by the store's columns (capacity, not size), for benchmarks
// and the memory targets: <= 24 bytes per scalar point, O(blobs) for blobs.
struct MemoryUse {
  std::uint64_t scalar_points = 0, scalar_bytes = 0;
  std::uint64_t histogram_records = 0, histogram_bytes = 0;
  std::uint64_t blobs = 0, blob_bytes = 0;
  std::uint64_t text_bytes = 0;
  std::uint64_t total() const { return scalar_bytes + histogram_bytes + blob_bytes + text_bytes; }
};

class Store final : RecordConsumer, events::EventSink {
 public:
  Store();
  ~Store() override;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // `path` is relative to what was opened; its directory names the run,
  // unless `run` is given (a file opened on its own is named after itself).
  FileId add_file(std::string path, std::uint64_t size, std::string run = {});
  // An entry that only carries problems (a URL that could not be opened): no run.
  FileId add_unreadable(std::string path);
  void feed(FileId file, std::span<const std::uint8_t> bytes) { files_.feed(file, bytes); }
  // The source has no more bytes for now. Trims the run's columns to their
  // size (growth slack would otherwise cost up to 2x per point).
  void finish(FileId file);
  // What a ChunkDecoder made of a file's bytes on another thread, appended as
  // feed() and finish() would have (store/decoded_chunk.h; store_apply.cpp).
  // A run's chunks must come in the order they were decoded.
  void apply(const DecodedChunk& chunk);
  // What `file`'s run knows of its tags, for a ChunkDecoder starting on it.
  RunTagMemory tag_memory(FileId file) const;
  // One tag of that memory: whether `file`'s run has `tag`, and its metadata set.
  void tag_state(FileId file, std::string_view tag, bool& present, bool& metadata_set) const;
  void clear();
  // Sets whether `run`'s files are to be read (Run::wanted). Returns false if there is no such run.
  bool set_wanted(std::string_view run, bool wanted);
  // Frees everything read of `run` and marks it not wanted; its files are read
  // from byte 0 if it is wanted again. Pointers into its series dangle, so the
  // generation changes. Returns false if there is no such run.
  bool unload_run(std::string_view run);
  // What the head of `run`'s first file held of the hparams plugin (Run::peeked_hparams).
  void set_peeked_hparams(std::string_view run, std::vector<PeekedTag> tags);
  // `file`'s size, learnt after it was announced (FileTable::set_size).
  void set_file_size(FileId file, std::uint64_t size);
  // The sizes of every announced file in runs, summed (changes as sizes become known).
  std::uint64_t announced_bytes() const { return announced_bytes_; }
  // Whether `file` belongs to a wanted run (files outside runs are always read).
  bool file_wanted(FileId file) const {
    return file >= run_of_file_.size() || !run_of_file_[file] || run_of_file_[file]->wanted;
  }
  // The run `file` belongs to (nullptr: not an event file).
  const Run* run_of(FileId file) const { return file < run_of_file_.size() ? run_of_file_[file] : nullptr; }
  void set_checksums(bool on) { files_.set_checksums(on); }
  // A problem found outside the bytes (the page could not fetch the file...).
  void add_problem(FileId file, record::Problem problem) {
    files_.add_problem(file, std::move(problem));
    ++version_;
  }

  const FileTable& files() const { return files_; }
  // Runs sorted by name (byte-wise).
  const std::map<std::string, Run, std::less<>>& runs() const { return runs_; }
  std::uint64_t version() const { return version_; }
  // Changes only on clear(): pointers to runs and series from an older
  // generation are dangling (caches keyed by them must be dropped).
  std::uint64_t generation() const { return generation_; }
  std::uint64_t undecodable_records() const { return bad_records_; }
  MemoryUse memory_use() const;
  // Thins every histogram series, now and as records arrive, to at most `keep`
  // records (TensorBoard's reservoir rule; it keeps 500). A memory budget's
  // second step: scalars are never thinned. Only lowers: 0 or a larger `keep`
  // than already set does nothing.
  void set_histogram_keep(std::uint32_t keep);
  std::uint32_t histogram_keep() const { return histogram_keep_; }
  // Histogram records dropped by thinning, over the loaded runs.
  std::uint64_t histogram_records_dropped() const { return histogram_dropped_; }

 private:
  // RecordConsumer
  void on_record(FileId file, std::uint64_t offset, std::span<const std::uint8_t> data) override;
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

  // on_blob's work: the record's reference appended to the tag's series (nullptr: skipped).
  Series* append_blob(const events::ValueContext& v, events::Kind kind, std::uint32_t width,
                      std::uint32_t height, std::uint32_t samples);
  // The series for the value's tag, with a new record appended; nullptr (and a
  // problem reported) if the tag already holds values of another kind.
  Series* series_for(const events::ValueContext& v, events::Kind kind);
  // The tag's first metadata in the run (later ones are ignored).
  static void take_metadata(Series& s, const pb::SummaryMetadata& m);
  // `run`'s series for `tag`, made with `kind` if it has none (its kind may differ).
  Series* series_of(Run& run, std::string_view tag, events::Kind kind);
  // A histogram record was appended to `s`: with thinning on, the reservoir decides what stays.
  void offer_histogram(Series& s);
  // Trims `file`'s run's columns to their size (a file finished).
  void trim_run(FileId file);
  // Scratch for apply(): a value's metadata and arrays, reused.
  struct ApplyScratch {
    pb::SummaryMetadata metadata;
    std::vector<std::string> strings;
    std::string text;
    std::vector<std::string_view> tags;  // the chunk's tags by id (viewing its log)
  };
  ApplyScratch apply_scratch_;

  std::uint32_t histogram_keep_ = 0;  // 0: every histogram record is kept
  std::uint64_t histogram_dropped_ = 0;

  FileTable files_;
  std::map<std::string, Run, std::less<>> runs_;
  std::vector<Run*> run_of_file_;  // FileId -> run (nullptr: not an event file)
  events::EventDecoder decoder_;
  // The record being decoded.
  Run* cur_run_ = nullptr;
  FileId cur_file_ = 0;
  std::uint64_t cur_offset_ = 0;
  std::uint32_t cur_length_ = 0;
  std::uint64_t version_ = 0;
  std::uint64_t generation_ = 0;
  std::uint64_t bad_records_ = 0;
  std::uint64_t announced_bytes_ = 0;
};

}  // namespace el::store
