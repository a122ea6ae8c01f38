#include "store/store.h"

#include "store/run_paths.h"

namespace el::store {

void HistogramView::rows(std::vector<double>& out) const {
  out.clear();
  out.reserve(size() * 3);
  for (std::size_t j = 0; j < size(); ++j) {
    out.push_back(left(j));
    out.push_back(right(j));
    out.push_back(count(j));
  }
}

std::vector<std::uint32_t> visible_indices(std::span<const std::int64_t> steps) {
  std::vector<std::uint32_t> keep;
  keep.reserve(steps.size());
  for (std::uint32_t i = 0; i < steps.size(); ++i) {
    while (!keep.empty() && steps[keep.back()] >= steps[i]) keep.pop_back();
    keep.push_back(i);
  }
  return keep;
}

Store::Store() : files_(this) {}
Store::~Store() = default;

FileId Store::add_unreadable(std::string path) {
  const FileId id = files_.add(std::move(path), 0);
  run_of_file_.push_back(nullptr);
  ++version_;
  return id;
}

FileId Store::add_file(std::string path, std::uint64_t size, std::string run_name) {
  Run* run = nullptr;
  if (is_event_file_path(path)) {
    std::string name = run_name.empty() ? run_name_for(path) : std::move(run_name);
    auto it = runs_.find(name);
    if (it == runs_.end()) {
      it = runs_.emplace(name, Run{}).first;
      it->second.name = name;
    }
    run = &it->second;
  }
  FileId id = files_.add(std::move(path), size);
  run_of_file_.push_back(run);
  if (run) {
    run->files.push_back(id);
    run->announced_bytes += size;
    announced_bytes_ += size;
  }
  ++version_;
  return id;
}

void Store::set_file_size(FileId file, std::uint64_t size) {
  if (file >= files_.size()) return;
  const std::uint64_t old = files_.status(file).size;
  files_.set_size(file, size);
  if (Run* run = run_of_file_[file]) {
    run->announced_bytes = run->announced_bytes - old + size;
    announced_bytes_ = announced_bytes_ - old + size;
  }
  ++version_;
}

bool Store::set_wanted(std::string_view name, bool wanted) {
  auto it = runs_.find(name);
  if (it == runs_.end()) return false;
  if (it->second.wanted != wanted) ++version_;
  it->second.wanted = wanted;
  return true;
}

void Store::set_peeked_hparams(std::string_view name, std::vector<PeekedTag> tags) {
  auto it = runs_.find(name);
  if (it == runs_.end()) return;
  it->second.hparams_peeked = true;
  for (PeekedTag& t : tags) it->second.peeked_hparams.emplace(std::move(t.tag), std::move(t.plugin_content));
  ++version_;
}

bool Store::unload_run(std::string_view name) {
  auto it = runs_.find(name);
  if (it == runs_.end()) return false;
  Run& run = it->second;
  for (const auto& [tag, s] : run.tags)
    if (s.reservoir) histogram_dropped_ -= s.reservoir->seen - s.size();
  // Swapped out, not cleared: clear() keeps a vector's capacity and a map's buckets.
  run.index = {};
  run.tags = decltype(run.tags)();
  run.session_logs = {};
  run.last_appended = nullptr;
  run.wanted = false;
  for (FileId f : run.files) files_.reset(f);
  if (cur_run_ == &run) cur_run_ = nullptr;
  ++version_;
  ++generation_;
  return true;
}

void Store::finish(FileId file) {
  files_.finish(file);
  trim_run(file);
}

void Store::trim_run(FileId file) {
  Run* run = file < run_of_file_.size() ? run_of_file_[file] : nullptr;
  if (!run) return;
  // Only columns with real slack are copied (shrink_to_fit reallocates).
  auto trim = [](auto& column) {
    if (column.capacity() - column.size() > column.size() / 16) column.shrink_to_fit();
  };
  for (auto& [tag, s] : run->tags) {
    trim(s.steps);
    trim(s.wall_times);
    trim(s.values);
    trim(s.count_begin);
    trim(s.count_size);
    trim(s.edge_begin);
    trim(s.edge_size);
    trim(s.counts);
    trim(s.edges);
    trim(s.blobs);
    trim(s.widths);
    trim(s.heights);
    trim(s.samples);
  }
}

MemoryUse Store::memory_use() const {
  MemoryUse m;
  for (const auto& [name, run] : runs_)
    for (const auto& [tag, s] : run.tags) {
      const std::uint64_t common =
          s.steps.capacity() * sizeof(std::int64_t) + s.wall_times.capacity() * sizeof(double);
      switch (s.kind) {
        case events::Kind::kScalars:
          m.scalar_points += s.size();
          m.scalar_bytes += common + s.values.capacity() * sizeof(double);
          break;
        case events::Kind::kHistograms:
          m.histogram_records += s.size();
          m.histogram_bytes += common +
                               (s.count_begin.capacity() + s.count_size.capacity() + s.edge_begin.capacity() +
                                s.edge_size.capacity()) *
                                   sizeof(std::uint32_t) +
                               (s.counts.capacity() + s.edges.capacity()) * sizeof(double);
          break;
        case events::Kind::kText:
          m.text_bytes += common + s.texts.capacity() * sizeof(std::string) + s.text_ranks.capacity();
          for (const auto& t : s.texts) m.text_bytes += t.capacity() > 15 ? t.capacity() : 0;
          break;
        default:
          m.blobs += s.size();
          m.blob_bytes +=
              common + s.blobs.capacity() * sizeof(BlobRef) +
              (s.widths.capacity() + s.heights.capacity() + s.samples.capacity()) * sizeof(std::uint32_t);
          break;
      }
    }
  return m;
}

void Store::clear() {
  files_.clear();
  runs_.clear();
  run_of_file_.clear();
  announced_bytes_ = 0;
  histogram_dropped_ = 0;
  histogram_keep_ = 0;
  ++version_;
  ++generation_;
}

void Store::on_record(FileId file, std::uint64_t offset, std::span<const std::uint8_t> data) {
  cur_run_ = file < run_of_file_.size() ? run_of_file_[file] : nullptr;
  if (!cur_run_) return;  // e.g. *.profile-empty: framed, but makes no data
  cur_file_ = file;
  cur_offset_ = offset;
  cur_length_ = static_cast<std::uint32_t>(data.size());
  if (!decoder_.decode(data, *this)) ++bad_records_;
  ++version_;
}

Series* Store::series_for(const events::ValueContext& v, events::Kind kind) {
  Series* found = cur_run_->last_appended ? cur_run_->last_appended->successor : nullptr;
  if (!found || found->tag != v.tag) {
    if (auto hit = cur_run_->index.find(v.tag); hit != cur_run_->index.end()) {
      found = hit->second;
    } else {
      auto it = cur_run_->tags.emplace(std::string(v.tag), Series{}).first;
      found = &it->second;
      found->tag = it->first;
      found->kind = kind;
      cur_run_->index.emplace(found->tag, found);
    }
    if (cur_run_->last_appended) cur_run_->last_appended->successor = found;
  }
  Series& s = *found;
  if (s.kind != kind) {  // one tag, one kind: the columns of a series must stay aligned
    files_.add_problem(cur_file_, {record::ProblemKind::kBadEvent, cur_offset_, cur_length_,
                                   "tag '" + std::string(v.tag) + "' holds " + events::kind_name(s.kind) +
                                       " but the record at offset " + std::to_string(cur_offset_) + " has " +
                                       events::kind_name(kind) + "; value skipped"});
    return nullptr;
  }
  if (v.metadata) take_metadata(s, *v.metadata);
  cur_run_->last_appended = &s;
  s.steps.push_back(v.step);
  s.wall_times.push_back(v.wall_time);
  ++s.version;
  return &s;
}

// Metadata comes with a tag's first value; the first seen in the run wins.
void Store::take_metadata(Series& s, const pb::SummaryMetadata& m) {
  if (!s.metadata.plugin_name.empty() || !s.metadata.display_name.empty()) return;
  s.metadata.plugin_name = m.plugin_data().plugin_name();
  s.metadata.plugin_content = m.plugin_data().content();
  s.metadata.display_name = m.display_name();
  s.metadata.description = m.summary_description();
}

Series* Store::series_of(Run& run, std::string_view tag, events::Kind kind) {
  if (auto hit = run.index.find(tag); hit != run.index.end()) return hit->second;
  auto it = run.tags.emplace(std::string(tag), Series{}).first;
  Series* s = &it->second;
  s->tag = it->first;
  s->kind = kind;
  run.index.emplace(s->tag, s);
  return s;
}

std::string_view Store::remembered_plugin(std::string_view tag) {
  auto it = cur_run_->index.find(tag);
  return it == cur_run_->index.end() ? std::string_view()
                                     : std::string_view(it->second->metadata.plugin_name);
}

void Store::on_scalar(const events::ValueContext& v, double value) {
  if (Series* s = series_for(v, events::Kind::kScalars)) s->values.push_back(value);
}

void Store::on_histogram(const events::ValueContext& v, std::span<const double> rows) {
  Series* s = series_for(v, events::Kind::kHistograms);
  if (!s) return;
  const std::size_t k = rows.size() / 3;
  const std::size_t counts_at = s->counts.size(), edges_at = s->edges.size();
  bool touching = true;
  for (std::size_t j = 0; j + 1 < k && touching; ++j) touching = rows[3 * j + 1] == rows[3 * (j + 1)];
  if (k > 0) s->edges.push_back(rows[0]);
  for (std::size_t j = 0; j < k; ++j) {
    if (!touching && j > 0) s->edges.push_back(rows[3 * j]);
    s->edges.push_back(rows[3 * j + 1]);
    s->counts.push_back(rows[3 * j + 2]);
  }
  s->count_begin.push_back(static_cast<std::uint32_t>(counts_at));
  s->count_size.push_back(static_cast<std::uint32_t>(s->counts.size() - counts_at));
  s->edge_begin.push_back(static_cast<std::uint32_t>(edges_at));
  s->edge_size.push_back(static_cast<std::uint32_t>(s->edges.size() - edges_at));
  offer_histogram(*s);
}

void Store::on_touching_histogram(const events::ValueContext& v, std::span<const double> edges,
                                  std::span<const double> counts) {
  Series* s = series_for(v, events::Kind::kHistograms);
  if (!s) return;
  s->count_begin.push_back(static_cast<std::uint32_t>(s->counts.size()));
  s->count_size.push_back(static_cast<std::uint32_t>(counts.size()));
  s->edge_begin.push_back(static_cast<std::uint32_t>(s->edges.size()));
  s->edge_size.push_back(static_cast<std::uint32_t>(edges.size()));
  s->edges.insert(s->edges.end(), edges.begin(), edges.end());
  s->counts.insert(s->counts.end(), counts.begin(), counts.end());
  offer_histogram(*s);
}

void Store::on_text(const events::ValueContext& v, std::vector<std::string>& strings,
                    std::span<const std::int64_t> shape) {
  Series* s = series_for(v, events::Kind::kText);
  if (!s) return;
  std::string joined;
  for (std::size_t i = 0; i < strings.size(); ++i) {
    if (i) joined += '\n';
    joined += strings[i];
  }
  s->texts.push_back(std::move(joined));
  s->text_ranks.push_back(static_cast<std::uint8_t>(shape.size()));
  s->text_shapes.emplace_back(shape.begin(), shape.end());
  std::vector<std::uint32_t> lengths;
  if (!shape.empty())
    for (const std::string& str : strings) lengths.push_back(static_cast<std::uint32_t>(str.size()));
  s->text_lengths.push_back(std::move(lengths));
}

std::vector<std::string_view> Series::text_strings(std::size_t i) const {
  const std::string_view all = texts[i];
  if (i >= text_lengths.size() || text_lengths[i].empty()) return {all};
  std::vector<std::string_view> out;
  std::size_t at = 0;
  for (std::uint32_t len : text_lengths[i]) {
    if (at > all.size()) break;
    out.push_back(all.substr(at, len));
    at += len + 1;  // and the '\n' between strings
  }
  return out;
}

void Store::on_blob(const events::ValueContext& v, events::Kind kind, std::uint32_t width,
                    std::uint32_t height, std::uint32_t samples) {
  append_blob(v, kind, width, height, samples);
}

Series* Store::append_blob(const events::ValueContext& v, events::Kind kind, std::uint32_t width,
                           std::uint32_t height, std::uint32_t samples) {
  Series* s = series_for(v, kind);
  if (!s) return nullptr;
  s->blobs.push_back({cur_file_, cur_length_, cur_offset_});
  s->widths.push_back(width);
  s->heights.push_back(height);
  s->samples.push_back(samples);
  return s;
}

void Store::on_layout(const events::ValueContext& v, std::string_view layout) {
  Series* s = append_blob(v, events::Kind::kCustomScalars, 0, 0, 1);
  if (!s) return;
  s->texts.resize(s->size() - 1);  // records without a layout (metadata only) hold ""
  s->texts.emplace_back(layout);
}

void Store::on_session_log(std::int64_t step, double wall_time, int status) {
  cur_run_->session_logs.push_back({step, wall_time, status});
}

void Store::on_bad_value(const events::ValueContext& v, const char* why) {
  files_.add_problem(
      cur_file_, {record::ProblemKind::kBadEvent, cur_offset_, cur_length_,
                  "tag '" + std::string(v.tag) + "' at offset " + std::to_string(cur_offset_) + ": " + why});
}

}  // namespace el::store
