// Store::apply: a ChunkDecoder's log (store/decoded_chunk.h) replayed into the
// store, as if the store had framed and decoded the bytes itself.
#include <cstring>

#include "store/store.h"

namespace el::store {

namespace {
// Whether a tag's metadata was taken (first wins): what a decoder's memory calls metadata_set.
bool metadata_taken(const Series& s) {
  return !s.metadata.plugin_name.empty() || !s.metadata.display_name.empty();
}
}  // namespace

RunTagMemory Store::tag_memory(FileId file) const {
  RunTagMemory memory;
  const Run* run = run_of(file);
  if (!run) return memory;
  for (const auto& [tag, s] : run->tags)
    memory.emplace(tag, TagMemory{s.kind, s.metadata.plugin_name, metadata_taken(s)});
  return memory;
}

void Store::tag_state(FileId file, std::string_view tag, bool& present, bool& metadata_set) const {
  present = metadata_set = false;
  const Run* run = run_of(file);
  if (!run) return;
  auto it = run->tags.find(tag);
  if (it == run->tags.end()) return;
  present = true;
  metadata_set = metadata_taken(it->second);
}

void Store::apply(const DecodedChunk& chunk) {
  const FileId file = chunk.file;
  if (file >= files_.size()) return;
  files_.account(file, chunk.bytes, chunk.crc32, chunk.compression);
  Run* run = file < run_of_file_.size() ? run_of_file_[file] : nullptr;
  ApplyScratch& x = apply_scratch_;
  ChunkLogReader r(chunk.log);
  // A value's context: tag, step, wall time and, with the tag's first value, its metadata.
  x.tags.clear();
  std::uint32_t id = 0;  // the tag id of the value read last
  // Plugin name, plugin content, display name, description (LogWriter::metadata).
  auto read_metadata = [&]() -> const pb::SummaryMetadata& {
    x.metadata.mutable_plugin_data()->set_plugin_name(std::string(r.str()));
    x.metadata.mutable_plugin_data()->set_content(std::string(r.str()));
    x.metadata.set_display_name(std::string(r.str()));
    x.metadata.set_summary_description(std::string(r.str()));
    return x.metadata;
  };
  auto value = [&]() {
    events::ValueContext v;
    id = r.u32();
    if (id >= x.tags.size()) {  // not named in this chunk: not a log this program wrote
      r.raw(~std::size_t{0});
      return v;
    }
    v.tag = x.tags[id];
    v.step = static_cast<std::int64_t>(r.u64());
    v.wall_time = r.f64();
    if (r.u8()) v.metadata = &read_metadata();
    return v;
  };
  while (!r.done() && r.ok()) {
    switch (r.op()) {
      case ChunkOp::kRecord:
        cur_run_ = run;
        cur_file_ = file;
        cur_offset_ = r.u64();
        cur_length_ = r.u32();
        break;
      case ChunkOp::kScalarMetadata: {
        const std::uint32_t tag = r.u32();
        const pb::SummaryMetadata& m = read_metadata();
        if (!r.ok() || tag >= x.tags.size() || !run) break;
        Series* s = series_of(*run, x.tags[tag], events::Kind::kScalars);
        if (s->kind == events::Kind::kScalars) take_metadata(*s, m);
        break;
      }
      case ChunkOp::kUndecodable: ++bad_records_; break;
      case ChunkOp::kTag: {
        const std::uint32_t n = r.u32();
        if (n != x.tags.size()) {  // ids count up from 0 in each chunk
          r.raw(~std::size_t{0});
          break;
        }
        x.tags.push_back(r.str());
        break;
      }
      case ChunkOp::kProblem: {
        record::Problem p;
        p.kind = static_cast<record::ProblemKind>(r.u8());
        p.offset = r.u64();
        p.length = r.u64();
        p.message = std::string(r.str());
        files_.add_record_problem(file, std::move(p));
        break;
      }
      case ChunkOp::kScalar: {  // a tag that holds another kind: the store reports it
        const events::ValueContext v = value();
        const double y = r.f64();
        if (r.ok()) on_scalar(v, y);
        break;
      }
      case ChunkOp::kHistogram: {
        const events::ValueContext v = value();
        on_histogram(v, r.array<double>());
        break;
      }
      case ChunkOp::kTouching: {
        const events::ValueContext v = value();
        const auto edges = r.array<double>();
        on_touching_histogram(v, edges, r.array<double>());
        break;
      }
      case ChunkOp::kText: {
        const events::ValueContext v = value();
        x.strings.resize(r.u32());
        for (std::string& s : x.strings) s = r.str();
        on_text(v, x.strings, r.array<std::int64_t>());
        break;
      }
      case ChunkOp::kBlob: {
        const events::ValueContext v = value();
        const auto kind = static_cast<events::Kind>(r.u8());
        const std::uint32_t width = r.u32(), height = r.u32(), samples = r.u32();
        on_blob(v, kind, width, height, samples);
        break;
      }
      case ChunkOp::kLayout: {
        const events::ValueContext v = value();
        on_layout(v, r.str());
        break;
      }
      case ChunkOp::kSessionLog: {
        const auto step = static_cast<std::int64_t>(r.u64());
        const double wall_time = r.f64();
        const auto status = static_cast<std::int32_t>(r.u32());
        if (cur_run_) on_session_log(step, wall_time, status);
        break;
      }
      case ChunkOp::kBadValue: {
        const events::ValueContext v = value();
        x.text = r.str();
        on_bad_value(v, x.text.c_str());
        break;
      }
      default: r.raw(~std::size_t{0});  // not a log this program wrote: stop (ok() turns false)
    }
  }
  // The chunk's scalars, a tag's columns at a time.
  for (const ScalarBatch& b : chunk.scalars) {
    if (!r.ok() || b.tag >= x.tags.size() || !run) break;
    Series* s = series_of(*run, x.tags[b.tag], events::Kind::kScalars);
    if (s->kind != events::Kind::kScalars) continue;  // the decoder sends these the slow way
    s->steps.insert(s->steps.end(), b.steps.begin(), b.steps.end());
    s->wall_times.insert(s->wall_times.end(), b.wall_times.begin(), b.wall_times.end());
    s->values.insert(s->values.end(), b.values.begin(), b.values.end());
    s->version += b.steps.size();
  }
  files_.count_records(file, chunk.records);
  version_ += chunk.records;
  if (!r.ok())
    files_.add_problem(file,
                       {record::ProblemKind::kBadEvent, cur_offset_, 0,
                        "internal error: a decoded chunk could not be read back; the rest of it is skipped"});
  if (chunk.finished) {
    files_.mark_finished(file);
    trim_run(file);
  }
  ++version_;
}

}  // namespace el::store
