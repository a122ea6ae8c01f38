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
#include <vector>

#include "events/event_decoder.h"
#include "store/file_table.h"

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

// Columns shared by every series: one entry per kept record, in read order.
struct Series {
  events::Kind kind = events::Kind::kTensors;
  TagMetadata metadata;
  std::uint64_t version = 0;  // bumped on every append; caches key on it
  std::vector<std::int64_t> steps;
  std::vector<double> wall_times;
  // scalars: one value per record (24 bytes per point with the two columns above)
  std::vector<double> values;
  // histograms: rows (left, right, count) of record i are rows[row_begin[i]*3 .. row_begin[i+1]*3)
  std::vector<std::uint32_t> row_begin;
  std::vector<double> rows;
  // text: the strings of each record joined row-major with '\n', and the tensor's rank
  std::vector<std::string> texts;
  std::vector<std::uint8_t> text_ranks;
  // images, audio, graphs, other tensors
  std::vector<BlobRef> blobs;
  std::vector<std::uint32_t> widths, heights, samples;

  std::size_t size() const { return steps.size(); }
  std::span<const double> histogram(std::size_t i) const {
    const std::uint32_t b = row_begin[i], e = i + 1 < row_begin.size() ? row_begin[i + 1] : rows.size() / 3;
    return {rows.data() + b * 3, (e - b) * 3};
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
  std::vector<FileId> files;
  std::vector<SessionLogEntry> session_logs;
};

class Store final : RecordConsumer, events::EventSink {
 public:
  Store();
  ~Store() override;
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // `path` is relative to what was opened; its directory names the run.
  FileId add_file(std::string path, std::uint64_t size);
  void feed(FileId file, std::span<const std::uint8_t> bytes) { files_.feed(file, bytes); }
  void finish(FileId file) { files_.finish(file); }
  void clear();

  const FileTable& files() const { return files_; }
  // Runs sorted by name (byte-wise).
  const std::map<std::string, Run, std::less<>>& runs() const { return runs_; }
  std::uint64_t version() const { return version_; }
  std::uint64_t undecodable_records() const { return bad_records_; }

 private:
  // RecordConsumer
  void on_record(FileId file, std::uint64_t offset, std::span<const std::uint8_t> data) override;
  // events::EventSink
  std::string_view remembered_plugin(std::string_view tag) override;
  void on_scalar(const events::ValueContext& v, double value) override;
  void on_histogram(const events::ValueContext& v, std::span<const double> rows) override;
  void on_text(const events::ValueContext& v, std::vector<std::string>& strings,
               std::span<const std::int64_t> shape) override;
  void on_blob(const events::ValueContext& v, events::Kind kind, std::uint32_t width, std::uint32_t height,
               std::uint32_t samples) override;
  void on_session_log(std::int64_t step, double wall_time, int status) override;
  void on_bad_value(const events::ValueContext& v, const char* why) override;

  // The series for the value's tag, with a new record appended; nullptr (and a
  // problem reported) if the tag already holds values of another kind.
  Series* series_for(const events::ValueContext& v, events::Kind kind);

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
  std::uint64_t bad_records_ = 0;
};

}  // namespace el::store
