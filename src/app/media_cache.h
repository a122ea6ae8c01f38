// Images, audio, PR curves and graphs for the dashboards, read from the event files only when a
// card asks and kept under a memory cap (default 256 MB, least recently used
// out first). A request becomes a read of the record's bytes (file, offset,
// length) that the platform carries out, at once (desktop: from disk) or
// later (page: a File slice in JS); the bytes come back through arrived(),
// are checked against the record's CRCs, decoded within a per-frame time
// budget and uploaded as textures (app/gl_textures: nearest filtering when
// magnified). No GL here, so the cache is tested natively.
#pragma once
#include <chrono>
#include <cstdint>
#include <deque>
#include <string>
#include <unordered_map>
#include <vector>

#include "events/image_decode.h"
#include "events/pr_curve.h"
#include "record/stream_reader.h"
#include "store/store.h"
#include "ui/lru_budget.h"
#include "ui/media_provider.h"

namespace el::app {

// What only the platform can do for media.
class MediaIo {
 public:
  virtual ~MediaIo() = default;
  // Read bytes [offset, offset + length) of the file's (decompressed) stream
  // and answer with MediaCache::arrived(ticket, ...), now or later.
  virtual void read_blob(std::uint64_t ticket, store::FileId file, std::uint64_t offset, std::size_t length,
                         record::Compression compression) = 0;
  // Play interleaved float samples from `from` seconds; false with `error` if it cannot.
  [[nodiscard]] virtual bool play_audio(const events::DecodedAudio& audio, double from, std::string& error) {
    error = "audio playback is not available here";
    return false;
  }
  virtual void stop_audio() {}
};

// Where decoded pixels go to be drawn: GL textures in the app
// (app/gl_textures), a fake in tests. Names are non-zero.
class TextureStore {
 public:
  virtual ~TextureStore() = default;
  // Uploads RGBA pixels into `name` (0: a new texture); returns the name.
  virtual std::uint32_t upload(std::uint32_t name, std::uint32_t width, std::uint32_t height,
                               const std::uint8_t* rgba) = 0;
  virtual void destroy(const std::vector<std::uint32_t>& names) = 0;
};

struct MediaStats {
  std::size_t bytes = 0, peak_bytes = 0, budget = 0;  // decoded + encoded + texture bytes held
  std::size_t entries = 0, textures = 0;
  std::uint64_t reads = 0, decodes = 0, evictions = 0;
  std::size_t reads_waiting = 0;  // asked for, not answered yet
};

class MediaCache final : public ui::MediaProvider {
 public:
  MediaCache(MediaIo& io, TextureStore& textures, std::size_t budget_bytes = 256u << 20)
      : io_(io), textures_(textures), lru_(budget_bytes) {}
  ~MediaCache() override;
  void set_store(const store::Store* store) { store_ = store; }

  // Frame bracket: decoding may use `decode_budget_ms` of this frame; reads
  // asked for during the frame are handed to the platform at its end.
  void begin_frame(double now_seconds, double decode_budget_ms);
  void end_frame();
  // Something asked for is still being decoded, or playback is running: draw again soon.
  bool wants_frame() const { return wants_frame_ || playback_.view.playing; }

  // The platform's answer to read_blob(): the bytes, or an error message.
  void arrived(std::uint64_t ticket, std::string_view bytes, const std::string& error);
  // Forgets everything (the store was cleared: blob references are void).
  void clear();
  MediaStats stats() const;
  void set_budget(std::size_t bytes) { lru_.set_budget(bytes); }

  // ui::MediaProvider
  ui::ImageView image(const store::Series& s, std::size_t record, std::uint32_t sample,
                      const ui::ImageAdjust& adjust) override;
  ui::AudioView audio(const store::Series& s, std::size_t record, std::uint32_t sample) override;
  ui::PrCurveView pr_curve(const store::Series& s, std::size_t record) override;
  ui::GraphBytesView graph(const store::Series& s, std::size_t record) override;
  // The curve of record `record` if it is cached and decoded (asks for nothing).
  const events::PrCurve* cached_pr_curve(const store::Series& s, std::size_t record) const;
  void prefetch(const store::Series& s, std::size_t record, std::uint32_t sample) override;
  void play(const store::Series& s, std::size_t record, std::uint32_t sample, double from) override;
  void pause() override;
  ui::Playback playback() const override;

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
    std::string label;
    std::string error;
    std::size_t bytes = 0;  // what the cap counts
  };
  struct Read {
    store::BlobRef ref;
    std::string tag;
    events::Kind kind = events::Kind::kImages;
  };

  static std::string key_of(const store::BlobRef& ref, std::string_view tag, std::uint32_t sample);
  Entry& find_or_request(const store::Series& s, std::size_t record, std::uint32_t sample);
  // The view of a record whose ready entry needs no further work (PR curves,
  // graphs): its state and error; `fill(view, entry)` adds what is ready.
  template <class View, class Fill>
  View ready_view(const store::Series& s, std::size_t record, Fill fill);
  bool decode_allowed();
  void decode(Entry& e);
  void upload(Entry& e, const ui::ImageAdjust& adjust);
  void account(const std::string& key, Entry& e);
  void evict();
  void free_texture(Entry& e);
  void delete_doomed_textures();

  MediaIo& io_;
  TextureStore& textures_;
  const store::Store* store_ = nullptr;
  std::unordered_map<std::string, Entry> entries_;
  ui::LruBudget<std::string> lru_;
  std::size_t peak_bytes_ = 0;
  std::uint64_t next_ticket_ = 1;
  std::unordered_map<std::uint64_t, Read> in_flight_;       // ticket -> what it reads
  std::unordered_map<std::string, std::uint64_t> reading_;  // "file:offset:tag" -> ticket
  std::deque<std::uint64_t> to_issue_;                      // tickets not yet handed to the platform
  std::vector<std::uint32_t> doomed_textures_;              // deleted after the frame is drawn
  std::uint64_t reads_ = 0, decodes_ = 0, evictions_ = 0;
  // This frame.
  std::chrono::steady_clock::time_point decode_deadline_;
  bool decoded_this_frame_ = false;
  bool wants_frame_ = false;
  double now_ = 0;
  // Playback of one clip.
  struct PlaybackState {
    std::string key;
    ui::Playback view;
    double started_at = 0;  // now_ when position 0 would have played
    double duration = 0;
  } playback_;
};

}  // namespace el::app
