// Images, audio, PR curves and graphs for the dashboards, read from the event
// files only when a card asks and kept under a memory cap (default 256 MB,
// least recently used out first). A request becomes a read of the record's
// bytes (file, offset, length) that the platform carries out, at once
// (desktop: from disk) or later (page: a File slice in JS); the bytes come
// back through arrived(), are checked against the record's CRCs, decoded
// within a per-frame time budget and uploaded as textures (app/gl_textures:
// nearest filtering when magnified). No GL here, so the cache is tested
// natively. Its parts: media_reads (which reads are out), record_media (a
// record taken apart), image_adjust, audio_playback.
#pragma once
#include <chrono>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/audio_playback.h"
#include "app/media_io.h"
#include "app/media_key.h"
#include "app/media_reads.h"
#include "app/record_media.h"
#include "events/image_decode.h"
#include "events/pr_curve.h"
#include "store/store.h"
#include "ui/lru_budget.h"
#include "ui/media_provider.h"

namespace el::app {

struct MediaStats {
  std::size_t bytes = 0, peak_bytes = 0, budget = 0;  // decoded + encoded + texture bytes held
  std::size_t entries = 0, textures = 0;
  std::uint64_t reads = 0, decodes = 0, evictions = 0;
  std::size_t reads_waiting = 0;  // asked for, not answered yet
};

class MediaCache final : public ui::MediaProvider {
 public:
  MediaCache(MediaIo& io, TextureStore& textures, std::size_t budget_bytes = 256u << 20)
      : io_(io), textures_(textures), lru_(budget_bytes), playback_(io) {}
  ~MediaCache() override;
  void set_store(const store::Store* store) { store_ = store; }

  // Frame bracket: decoding may use `decode_budget_ms` of this frame; reads
  // asked for during the frame are handed to the platform at its end.
  void begin_frame(double now_seconds, double decode_budget_ms);
  void end_frame();
  // Something asked for is still being decoded, or playback is running: draw again soon.
  bool wants_frame() const { return wants_frame_ || playback_.playing(); }

  // The platform's answer to read_blob(): the bytes, or an error message.
  void arrived(std::uint64_t ticket, std::string_view bytes, const std::string& error);
  // Forgets everything (the store was cleared: blob references are void).
  void clear();
  MediaStats stats() const;
  void set_budget(std::size_t bytes) { lru_.set_budget(bytes); }
  std::size_t bytes() const { return lru_.bytes(); }  // decoded images and audio held

  // ui::MediaProvider
  ui::ImageView image(const store::Series& s, std::size_t record, std::uint32_t sample,
                      const ui::ImageAdjust& adjust) override;
  ui::AudioView audio(const store::Series& s, std::size_t record, std::uint32_t sample) override;
  ui::PrCurveView pr_curve(const store::Series& s, std::size_t record) override;
  ui::GraphBytesView graph(const store::Series& s, std::size_t record) override;
  ui::MeshPartView mesh_part(const store::Series& s, std::size_t record) override;
  // The curve of record `record` if it is cached and decoded (asks for nothing).
  const events::PrCurve* cached_pr_curve(const store::Series& s, std::size_t record) const;
  void prefetch(const store::Series& s, std::size_t record, std::uint32_t sample) override;
  void play(const store::Series& s, std::size_t record, std::uint32_t sample, double from) override;
  void pause() override;
  ui::Playback playback() const override { return playback_.view(); }

 private:
  enum class Stage : std::uint8_t { kReading, kEncoded, kReady, kError };
  struct Entry {
    Stage stage = Stage::kReading;
    events::Kind kind = events::Kind::kImages;  // images, audio, pr_curves or graphs
    std::string encoded;                        // images, audio; graphs: the graph bytes
    const char* mime = "";
    events::DecodedImage image;
    std::uint32_t texture = 0;  // GL name, 0 = none yet
    ui::ImageAdjust texture_adjust;
    events::DecodedAudio clip;
    events::PrCurve pr;
    events::MeshTensor mesh;
    double decode_ms = 0;  // meshes: checking and decoding the record
    std::string label;
    std::string error;
    std::size_t bytes = 0;  // what the cap counts
  };

  // The entry of `key`, asking for its record's read if it is new.
  Entry& find_or_request(const store::Series& s, std::size_t record, const MediaKey& key);
  // Files the entries of a record that came back (or failed with `why`).
  void fill(const MediaRead& read, RecordMedia media);
  // The view of a record whose ready entry needs no further work (PR curves,
  // graphs): its state and error; `fill(view, entry)` adds what is ready.
  template <class View, class Fill>
  View ready_view(const store::Series& s, std::size_t record, Fill fill);
  bool decode_allowed();
  void decode(Entry& e);
  void upload(Entry& e, const ui::ImageAdjust& adjust);
  void account(const MediaKey& key, Entry& e);
  void evict();
  void free_texture(Entry& e);
  void delete_doomed_textures();

  MediaIo& io_;
  TextureStore& textures_;
  const store::Store* store_ = nullptr;
  std::unordered_map<MediaKey, Entry, MediaKeyHash> entries_;
  ui::LruBudget<MediaKey, MediaKeyHash> lru_;
  MediaReads reads_;
  std::size_t peak_bytes_ = 0;
  std::vector<std::uint32_t> doomed_textures_;  // deleted after the frame is drawn
  std::uint64_t reads_issued_ = 0, decodes_ = 0, evictions_ = 0;
  // This frame.
  std::chrono::steady_clock::time_point decode_deadline_;
  bool decoded_this_frame_ = false;
  bool wants_frame_ = false;
  AudioPlayback playback_;
};

}  // namespace el::app
