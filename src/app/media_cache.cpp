// [SECTION] keys, reads and arrivals
// [SECTION] decoding and textures
// [SECTION] the cap
// [SECTION] images and audio for the dashboards
// [SECTION] playback
#include "app/media_cache.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "events/blob_decoder.h"
#include "events/media.h"
#include "store/blob_source.h"

namespace el::app {
namespace {

constexpr std::size_t kMaxOutstandingReads = 8;  // the rest wait; the newest asks go first

}  // namespace

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

// [SECTION] keys, reads and arrivals -----------------------------------------------------
namespace {

// "file:offset:" (what every key of one record starts with).
std::string record_prefix(const store::BlobRef& ref) {
  std::string key = std::to_string(ref.file);
  key += ':';
  key += std::to_string(ref.offset);
  key += ':';
  return key;
}

}  // namespace

// "file:offset:sample:tag"
std::string MediaCache::key_of(const store::BlobRef& ref, std::string_view tag, std::uint32_t sample) {
  std::string key = record_prefix(ref);
  key += std::to_string(sample);
  key += ':';
  key += tag;
  return key;
}

void MediaCache::begin_frame(double now_seconds, double decode_budget_ms) {
  now_ = now_seconds;
  decode_deadline_ = std::chrono::steady_clock::now() +
                     std::chrono::microseconds(static_cast<std::int64_t>(decode_budget_ms * 1000));
  decoded_this_frame_ = false;
  wants_frame_ = false;
  if (playback_.view.playing) {
    playback_.view.position = now_ - playback_.started_at;
    if (playback_.view.position >= playback_.duration) {  // played to the end
      playback_.view.playing = false;
      playback_.view.position = 0;
    }
  }
}

void MediaCache::end_frame() {
  delete_doomed_textures();
  // Hand the newest reads to the platform first: they are what is on screen now.
  const std::size_t outstanding = in_flight_.size() - to_issue_.size();
  std::size_t free_slots = outstanding < kMaxOutstandingReads ? kMaxOutstandingReads - outstanding : 0;
  std::vector<std::uint64_t> issue;
  while (free_slots > 0 && !to_issue_.empty()) {
    issue.push_back(to_issue_.back());
    to_issue_.pop_back();
    --free_slots;
  }
  for (std::uint64_t ticket : issue) {
    auto it = in_flight_.find(ticket);
    if (it == in_flight_.end()) continue;
    const store::BlobRef ref = it->second.ref;
    ++reads_;
    // The platform may answer inside this call (desktop); arrived() copes.
    io_.read_blob(ticket, ref.file, ref.offset, store::framed_length(ref),
                  store_->files().status(ref.file).compression);
  }
}

MediaCache::Entry& MediaCache::find_or_request(const store::Series& s, std::size_t record,
                                               std::uint32_t sample) {
  const store::BlobRef& ref = s.blobs[record];
  const std::string key = key_of(ref, s.tag, sample);
  auto [it, inserted] = entries_.try_emplace(key);
  Entry& e = it->second;
  if (inserted) {
    e.kind = s.kind;
    std::string read_key = record_prefix(ref);
    read_key += s.tag;
    if (!reading_.count(read_key)) {
      const std::uint64_t ticket = next_ticket_++;
      in_flight_[ticket] = {ref, std::string(s.tag), s.kind};
      reading_[read_key] = ticket;
      to_issue_.push_back(ticket);
    }
  }
  lru_.touch(key, e.bytes);
  return e;
}

void MediaCache::arrived(std::uint64_t ticket, std::string_view bytes, const std::string& error) {
  auto it = in_flight_.find(ticket);
  if (it == in_flight_.end()) return;  // cleared meanwhile
  const Read read = std::move(it->second);
  in_flight_.erase(it);
  const std::string prefix = record_prefix(read.ref);
  reading_.erase(prefix + read.tag);
  wants_frame_ = true;

  std::string data, why = error;
  if (why.empty()) {
    if (!store::unframe_blob(*store_, read.ref, bytes, data, why) && why.empty())
      why = "the record could not be read back";
  } else {
    why = store_->files().status(read.ref.file).path + " at offset " + std::to_string(read.ref.offset) +
          ": " + why;
  }
  events::BlobDecoder decoder;
  const auto record = std::span(reinterpret_cast<const std::uint8_t*>(data.data()), data.size());
  const bool audio = read.kind == events::Kind::kAudio;
  if (read.kind == events::Kind::kGraphs) {  // the bytes only: the dashboard decodes them
    const std::string key = key_of(read.ref, read.tag, 0);
    Entry& e = entries_[key];
    e.kind = read.kind;
    if (why.empty() && !decoder.graph(record, read.tag, e.encoded))
      why = "the record holds no graph for tag '" + read.tag + "'";
    e.stage = why.empty() ? Stage::kReady : Stage::kError;
    e.error = why;
    account(key, e);
    evict();
    return;
  }
  if (read.kind == events::Kind::kPrCurves) {  // one curve per record, decoded at once (it is small)
    const std::string key = key_of(read.ref, read.tag, 0);
    Entry& e = entries_[key];
    e.kind = read.kind;
    pb::TensorProto t;
    if (why.empty() && !decoder.tensor(record, read.tag, t))
      why = "the record no longer holds tag '" + read.tag + "'";
    if (why.empty() && !events::pr_curve_from_tensor(t, e.pr, why) && why.empty())
      why = "the record's tensor is not a PR curve";
    e.stage = why.empty() ? Stage::kReady : Stage::kError;
    e.error = why;
    account(key, e);
    evict();
    return;
  }
  std::vector<std::string> images;
  std::vector<events::AudioClip> clips;
  double sample_rate = 0;
  if (why.empty()) {
    const bool found = audio ? decoder.audio(record, read.tag, clips, sample_rate)
                             : decoder.images(record, read.tag, images);
    if (!found) why = "the record no longer holds tag '" + read.tag + "'";
  }
  const std::size_t n = audio ? clips.size() : images.size();
  // Fill every sample of the record: cards of the other samples want them too.
  for (std::uint32_t i = 0; i < std::max<std::size_t>(n, 1); ++i) {
    const std::string key = key_of(read.ref, read.tag, i);
    auto [eit, inserted] = entries_.try_emplace(key);
    Entry& e = eit->second;
    if (!inserted && e.stage != Stage::kReading) continue;
    e.kind = read.kind;
    if (!why.empty() || i >= n) {
      e.stage = Stage::kError;
      e.error = why.empty() ? "no such sample in the record" : why;
    } else {
      e.stage = Stage::kEncoded;
      e.encoded = audio ? std::move(clips[i].wav) : std::move(images[i]);
      if (audio) e.label = std::move(clips[i].label);
      e.mime = events::sniff_mime(e.encoded);
    }
    account(key, e);
  }
  // Sample indices the record lacks (asked for by a card of a longer step).
  for (auto& [key, e] : entries_) {
    if (e.stage != Stage::kReading) continue;
    if (key.rfind(prefix, 0) != 0) continue;
    const auto sample = std::strtoul(key.c_str() + prefix.size(), nullptr, 10);
    if (key != key_of(read.ref, read.tag, static_cast<std::uint32_t>(sample))) continue;  // another tag
    e.stage = Stage::kError;
    e.error = why.empty() ? "this step has fewer samples" : why;
  }
  evict();
}

void MediaCache::clear() {
  for (auto& [key, e] : entries_) free_texture(e);
  entries_.clear();
  lru_ = ui::LruBudget<std::string>(lru_.budget());
  in_flight_.clear();
  reading_.clear();
  to_issue_.clear();
  if (playback_.view.playing) io_.stop_audio();
  playback_ = {};
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

// Uploads the decoded pixels with `adjust` applied (CSS filter order:
// brightness, then contrast).
void MediaCache::upload(Entry& e, const ui::ImageAdjust& adjust) {
  const std::vector<std::uint8_t>* pixels = &e.image.rgba;
  std::vector<std::uint8_t> adjusted;
  if (!(adjust == ui::ImageAdjust{})) {
    std::uint8_t lut[256];
    for (int v = 0; v < 256; ++v) {
      const float b = static_cast<float>(v) / 255.0f * adjust.brightness;
      const float c = (b - 0.5f) * adjust.contrast + 0.5f;
      lut[v] = static_cast<std::uint8_t>(std::lround(std::clamp(c, 0.0f, 1.0f) * 255.0f));
    }
    adjusted = e.image.rgba;
    for (std::size_t i = 0; i < adjusted.size(); i += 4) {
      adjusted[i] = lut[adjusted[i]];
      adjusted[i + 1] = lut[adjusted[i + 1]];
      adjusted[i + 2] = lut[adjusted[i + 2]];
    }
    pixels = &adjusted;
  }
  e.texture = textures_.upload(e.texture, e.image.width, e.image.height, pixels->data());
  e.texture_adjust = adjust;
}

// [SECTION] the cap ------------------------------------------------------------------------
// What an entry holds: the stored bytes, the decoded pixels or samples, and
// its texture (RGBA plus a third for the mipmaps).
void MediaCache::account(const std::string& key, Entry& e) {
  std::size_t bytes = e.encoded.capacity() + e.image.rgba.capacity() +
                      e.clip.samples.capacity() * sizeof(float) +
                      6 * e.pr.precision.capacity() * sizeof(double);
  if (e.texture) bytes += e.image.rgba.size() * 4 / 3;
  e.bytes = bytes;
  lru_.touch(key, bytes);
}

void MediaCache::evict() {
  std::vector<std::string> out;
  lru_.trim(out);
  for (const std::string& key : out) {
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
  s.reads = reads_;
  s.decodes = decodes_;
  s.evictions = evictions_;
  s.reads_waiting = in_flight_.size();
  return s;
}

// [SECTION] images and audio for the dashboards ---------------------------------------------
ui::ImageView MediaCache::image(const store::Series& s, std::size_t record, std::uint32_t sample,
                                const ui::ImageAdjust& adjust) {
  ui::ImageView v;
  if (!store_ || record >= s.blobs.size()) {
    v.state = ui::MediaState::kError;
    v.error = "no such record";
    return v;
  }
  const std::string key = key_of(s.blobs[record], s.tag, sample);
  Entry& e = find_or_request(s, record, sample);
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
  const std::string key = key_of(s.blobs[record], s.tag, sample);
  Entry& e = find_or_request(s, record, sample);
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
  const std::string key = key_of(s.blobs[record], s.tag, sample);
  Entry& e = find_or_request(s, record, sample);
  if (e.stage == Stage::kEncoded && decode_allowed()) {
    decode(e);
    account(key, e);
  }
  evict();
}

const events::PrCurve* MediaCache::cached_pr_curve(const store::Series& s, std::size_t record) const {
  if (record >= s.blobs.size()) return nullptr;
  auto it = entries_.find(key_of(s.blobs[record], s.tag, 0));
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
  const Entry& e = find_or_request(s, record, 0);
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

// [SECTION] playback --------------------------------------------------------------------------
void MediaCache::play(const store::Series& s, std::size_t record, std::uint32_t sample, double from) {
  if (record >= s.blobs.size()) return;
  const std::string key = key_of(s.blobs[record], s.tag, sample);
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second.stage != Stage::kReady) return;
  const events::DecodedAudio& clip = it->second.clip;
  if (playback_.view.playing) io_.stop_audio();
  playback_.key = key;
  playback_.view = {};
  playback_.view.series = &s;
  playback_.view.record = record;
  playback_.view.sample = sample;
  playback_.duration = clip.seconds();
  from = std::clamp(from, 0.0, std::max(0.0, playback_.duration));
  if (from >= playback_.duration - 1e-3) from = 0;  // at the end: start over
  std::string error;
  if (!io_.play_audio(clip, from, error)) {
    playback_.view.error = error;
    return;
  }
  playback_.view.playing = true;
  playback_.view.position = from;
  playback_.started_at = now_ - from;
}

void MediaCache::pause() {
  if (!playback_.view.playing) return;
  io_.stop_audio();
  playback_.view.playing = false;
  playback_.view.position = std::clamp(now_ - playback_.started_at, 0.0, playback_.duration);
}

ui::Playback MediaCache::playback() const { return playback_.view; }

}  // namespace el::app
