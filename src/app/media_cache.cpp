// [SECTION] frames, reads and arrivals
// [SECTION] decoding and textures
// [SECTION] the cap
// [SECTION] views for the dashboards
// [SECTION] playback
#include "app/media_cache.h"

#include <algorithm>

#include "app/image_adjust.h"
#include "events/audio_decode.h"
#include "store/blob_source.h"

namespace el::app {

MediaCache::~MediaCache() {
  for (auto& [key, e] : entries_) free_texture(e);
  delete_doomed_textures();
}

// Textures evicted during a frame may still be drawn by it: they go after rendering.
void MediaCache::delete_doomed_textures() {
  if (doomed_textures_.empty()) return;
  textures_.destroy(doomed_textures_);
  doomed_textures_.clear();
}

// [SECTION] frames, reads and arrivals --------------------------------------------------------
void MediaCache::begin_frame(double now_seconds, double decode_budget_ms) {
  decode_deadline_ = std::chrono::steady_clock::now() +
                     std::chrono::microseconds(static_cast<std::int64_t>(decode_budget_ms * 1000));
  decoded_this_frame_ = false;
  wants_frame_ = false;
  playback_.tick(now_seconds);
}

void MediaCache::end_frame() {
  delete_doomed_textures();
  for (const auto& [ticket, read] : reads_.take_due()) {
    ++reads_issued_;
    // The platform may answer inside this call (desktop); arrived() copes.
    io_.read_blob(ticket, read.ref.file, read.ref.offset, store::framed_length(read.ref),
                  store_->files().status(read.ref.file).compression);
  }
}

MediaCache::Entry& MediaCache::find_or_request(const store::Series& s, std::size_t record,
                                               const MediaKey& key) {
  auto [it, inserted] = entries_.try_emplace(key);
  Entry& e = it->second;
  if (inserted) {
    e.kind = s.kind;
    // A mesh part's record is decoded as the part its metadata names (a prefetch asks too).
    events::MeshMetadata m;
    const bool mesh =
        s.kind == events::Kind::kMesh && events::mesh_metadata(s.metadata.plugin_content, s.tag, m);
    reads_.request(s.blobs[record], key.record, s.kind, mesh ? static_cast<std::uint8_t>(m.content) : 0);
  }
  lru_.touch(key, e.bytes);
  return e;
}

void MediaCache::arrived(std::uint64_t ticket, std::string_view bytes, const std::string& error) {
  const std::optional<MediaRead> read = reads_.answered(ticket);
  if (!read) return;  // cleared meanwhile
  wants_frame_ = true;
  RecordMedia media;
  const auto t0 = std::chrono::steady_clock::now();
  if (!error.empty()) {
    media.error = store_->files().status(read->ref.file).path + " at offset " +
                  std::to_string(read->ref.offset) + ": " + error;
  } else {
    std::string data;
    if (!store::unframe_blob(*store_, read->ref, bytes, data, media.error)) {
      if (media.error.empty()) media.error = "the record could not be read back";
    } else {
      media = split_record(read->kind, read->key.tag,
                           std::span(reinterpret_cast<const std::uint8_t*>(data.data()), data.size()),
                           read->part);
    }
  }
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  fill(*read, std::move(media));
  if (read->kind == events::Kind::kMesh)
    if (auto it = entries_.find(MediaKey{read->key, 0}); it != entries_.end()) it->second.decode_ms = ms;
  evict();
}

void MediaCache::fill(const MediaRead& read, RecordMedia media) {
  const std::string& why = media.error;
  if (read.kind == events::Kind::kGraphs || read.kind == events::Kind::kPrCurves ||
      read.kind == events::Kind::kMesh) {  // one value per record
    const MediaKey key{read.key, 0};
    Entry& e = entries_[key];
    e.kind = read.kind;
    e.encoded = std::move(media.graph);
    e.pr = std::move(media.pr);
    e.mesh = std::move(media.mesh);
    e.stage = why.empty() ? Stage::kReady : Stage::kError;
    e.error = why;
    account(key, e);
    return;
  }
  // Fill every sample of the record: cards of the other samples want them too.
  const std::size_t n = media.samples.size();
  for (std::uint32_t i = 0; i < std::max<std::size_t>(n, 1); ++i) {
    const MediaKey key{read.key, i};
    auto [it, inserted] = entries_.try_emplace(key);
    Entry& e = it->second;
    if (!inserted && e.stage != Stage::kReading) continue;
    e.kind = read.kind;
    if (!why.empty() || i >= n) {
      e.stage = Stage::kError;
      e.error = why.empty() ? "no such sample in the record" : why;
    } else {
      e.stage = Stage::kEncoded;
      e.encoded = std::move(media.samples[i].encoded);
      e.label = std::move(media.samples[i].label);
      e.mime = media.samples[i].mime;
    }
    account(key, e);
  }
  // Sample indices the record lacks (asked for by a card of a longer step).
  for (auto& [key, e] : entries_) {
    if (e.stage != Stage::kReading || !(key.record == read.key)) continue;
    e.stage = Stage::kError;
    e.error = why.empty() ? "this step has fewer samples" : why;
  }
}

void MediaCache::clear() {
  for (auto& [key, e] : entries_) free_texture(e);
  entries_.clear();
  lru_ = ui::LruBudget<MediaKey, MediaKeyHash>(lru_.budget());
  reads_.clear();
  playback_.reset();
}

// [SECTION] decoding and textures -----------------------------------------------------------
// Decoding runs within the frame's budget, but at least one item per frame
// is decoded so progress never stalls behind a slow image.
bool MediaCache::decode_allowed() {
  if (!decoded_this_frame_ || std::chrono::steady_clock::now() < decode_deadline_) return true;
  wants_frame_ = true;
  return false;
}

void MediaCache::decode(Entry& e) {
  decoded_this_frame_ = true;
  ++decodes_;
  const auto bytes = std::span(reinterpret_cast<const std::uint8_t*>(e.encoded.data()), e.encoded.size());
  std::string why;
  const bool ok = e.kind == events::Kind::kAudio ? events::decode_wav(bytes, e.clip, why)
                                                 : events::decode_image(bytes, e.image, why);
  if (ok) {
    e.stage = Stage::kReady;
  } else {
    e.stage = Stage::kError;
    e.error = why;
  }
}

void MediaCache::free_texture(Entry& e) {
  if (e.texture) doomed_textures_.push_back(e.texture);
  e.texture = 0;
}

void MediaCache::upload(Entry& e, const ui::ImageAdjust& adjust) {
  if (adjust == ui::ImageAdjust{}) {
    e.texture = textures_.upload(e.texture, e.image.width, e.image.height, e.image.rgba.data());
  } else {
    const std::vector<std::uint8_t> pixels = adjusted_rgba(e.image.rgba, adjust);
    e.texture = textures_.upload(e.texture, e.image.width, e.image.height, pixels.data());
  }
  e.texture_adjust = adjust;
}

// [SECTION] the cap ------------------------------------------------------------------------
// What an entry holds: the stored bytes, the decoded pixels or samples, and
// its texture (RGBA plus a third for the mipmaps).
void MediaCache::account(const MediaKey& key, Entry& e) {
  std::size_t bytes = e.encoded.capacity() + e.image.rgba.capacity() +
                      e.clip.samples.capacity() * sizeof(float) +
                      6 * e.pr.precision.capacity() * sizeof(double) + e.mesh.bytes();
  if (e.texture) bytes += e.image.rgba.size() * 4 / 3;
  e.bytes = bytes;
  lru_.touch(key, bytes);
}

void MediaCache::evict() {
  std::vector<MediaKey> out;
  lru_.trim(out);
  for (const MediaKey& key : out) {
    auto it = entries_.find(key);
    if (it == entries_.end()) continue;
    free_texture(it->second);
    entries_.erase(it);
    ++evictions_;
  }
  peak_bytes_ = std::max(peak_bytes_, lru_.bytes());
}

MediaStats MediaCache::stats() const {
  MediaStats s;
  s.bytes = lru_.bytes();
  s.peak_bytes = std::max(peak_bytes_, s.bytes);
  s.budget = lru_.budget();
  s.entries = entries_.size();
  for (const auto& [key, e] : entries_) s.textures += e.texture != 0;
  s.reads = reads_issued_;
  s.decodes = decodes_;
  s.evictions = evictions_;
  s.reads_waiting = reads_.waiting();
  return s;
}

// [SECTION] views for the dashboards -------------------------------------------------------
ui::ImageView MediaCache::image(const store::Series& s, std::size_t record, std::uint32_t sample,
                                const ui::ImageAdjust& adjust) {
  ui::ImageView v;
  if (!store_ || record >= s.blobs.size()) {
    v.state = ui::MediaState::kError;
    v.error = "no such record";
    return v;
  }
  const MediaKey key{record_key(s.blobs[record], s.tag), sample};
  Entry& e = find_or_request(s, record, key);
  if (e.stage == Stage::kEncoded && decode_allowed()) decode(e);
  if (e.stage == Stage::kReady && (!e.texture || !(e.texture_adjust == adjust))) {
    upload(e, adjust);
    account(key, e);
  }
  v.encoded = &e.encoded;
  v.mime = e.mime;
  switch (e.stage) {
    case Stage::kReading:
    case Stage::kEncoded: v.state = ui::MediaState::kLoading; break;
    case Stage::kError:
      v.state = ui::MediaState::kError;
      v.error = e.error;
      break;
    case Stage::kReady:
      v.state = ui::MediaState::kReady;
      v.texture = e.texture;
      v.width = e.image.width;
      v.height = e.image.height;
      v.rgba = e.image.rgba.data();
      break;
  }
  evict();  // (the entry just touched is the most recent: it stays)
  return v;
}

ui::AudioView MediaCache::audio(const store::Series& s, std::size_t record, std::uint32_t sample) {
  ui::AudioView v;
  if (!store_ || record >= s.blobs.size()) {
    v.state = ui::MediaState::kError;
    v.error = "no such record";
    return v;
  }
  const MediaKey key{record_key(s.blobs[record], s.tag), sample};
  Entry& e = find_or_request(s, record, key);
  if (e.stage == Stage::kEncoded && decode_allowed()) {
    decode(e);
    account(key, e);
  }
  v.encoded = &e.encoded;
  v.mime = e.mime;
  v.label = e.label;
  if (e.stage == Stage::kReady) {
    v.state = ui::MediaState::kReady;
    v.audio = &e.clip;
  } else if (e.stage == Stage::kError) {
    v.state = ui::MediaState::kError;
    v.error = e.error;
  }
  evict();
  return v;
}

void MediaCache::prefetch(const store::Series& s, std::size_t record, std::uint32_t sample) {
  if (!store_ || record >= s.blobs.size()) return;
  const MediaKey key{record_key(s.blobs[record], s.tag), sample};
  Entry& e = find_or_request(s, record, key);
  if (e.stage == Stage::kEncoded && decode_allowed()) {
    decode(e);
    account(key, e);
  }
  evict();
}

const events::PrCurve* MediaCache::cached_pr_curve(const store::Series& s, std::size_t record) const {
  if (record >= s.blobs.size()) return nullptr;
  auto it = entries_.find(MediaKey{record_key(s.blobs[record], s.tag), 0});
  return it != entries_.end() && it->second.stage == Stage::kReady ? &it->second.pr : nullptr;
}

template <class View, class Fill>
View MediaCache::ready_view(const store::Series& s, std::size_t record, Fill fill) {
  View v;
  if (!store_ || record >= s.blobs.size()) {
    v.state = ui::MediaState::kError;
    v.error = "no such record";
    return v;
  }
  const Entry& e = find_or_request(s, record, MediaKey{record_key(s.blobs[record], s.tag), 0});
  if (e.stage == Stage::kReady) {
    v.state = ui::MediaState::kReady;
    fill(v, e);
  } else if (e.stage == Stage::kError) {
    v.state = ui::MediaState::kError;
    v.error = e.error;
  }
  evict();
  return v;
}

ui::PrCurveView MediaCache::pr_curve(const store::Series& s, std::size_t record) {
  return ready_view<ui::PrCurveView>(s, record, [](ui::PrCurveView& v, const Entry& e) { v.curve = &e.pr; });
}

ui::GraphBytesView MediaCache::graph(const store::Series& s, std::size_t record) {
  return ready_view<ui::GraphBytesView>(s, record,
                                        [](ui::GraphBytesView& v, const Entry& e) { v.bytes = &e.encoded; });
}

ui::MeshPartView MediaCache::mesh_part(const store::Series& s, std::size_t record) {
  events::MeshMetadata m;
  if (!events::mesh_metadata(s.metadata.plugin_content, s.tag, m)) {
    ui::MeshPartView v;
    v.state = ui::MediaState::kError;
    v.error = "tag '" + std::string(s.tag) + "' does not say which part of a mesh it holds";
    return v;
  }
  return ready_view<ui::MeshPartView>(s, record, [](ui::MeshPartView& v, const Entry& e) {
    v.part = &e.mesh;
    v.decode_ms = e.decode_ms;
  });
}

// [SECTION] playback --------------------------------------------------------------------------
void MediaCache::play(const store::Series& s, std::size_t record, std::uint32_t sample, double from) {
  if (record >= s.blobs.size()) return;
  auto it = entries_.find(MediaKey{record_key(s.blobs[record], s.tag), sample});
  if (it == entries_.end() || it->second.stage != Stage::kReady) return;
  playback_.play(it->second.clip, s, record, sample, from);
}

void MediaCache::pause() { playback_.pause(); }

}  // namespace el::app
