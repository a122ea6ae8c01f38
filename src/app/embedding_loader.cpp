#include "app/embedding_loader.h"

#include "embed/sprites.h"
#include "events/image_decode.h"

namespace el::app {

EmbeddingLoader::~EmbeddingLoader() { release_sprite(); }

void EmbeddingLoader::add_file(const std::string& path, std::uint64_t size) {
  if (files_.has(path) && files_.size_of(path) == size) return;
  files_.add(path, size);
  discovery_dirty_ = true;
}

void EmbeddingLoader::arrived(std::uint64_t ticket, std::string_view bytes, const std::string& error) {
  if (error.empty()) return arrived(ticket, std::string(bytes));
  auto it = out_.find(ticket);
  if (it == out_.end()) return;  // cleared meanwhile
  files_.fail(it->second, error);
  out_.erase(it);
}

void EmbeddingLoader::arrived(std::uint64_t ticket, std::string&& bytes) {
  auto it = out_.find(ticket);
  if (it == out_.end()) return;  // cleared meanwhile
  loaded_.bytes_read += bytes.size();
  files_.put(it->second, std::move(bytes));
  out_.erase(it);
}

void EmbeddingLoader::clear() {
  files_.clear();
  out_.clear();  // late answers are ignored
  discovery_ = {};
  discovery_dirty_ = discovery_waiting_ = false;
  release_sprite();
  loaded_ = {};
  loading_ = {};
}

void EmbeddingLoader::release_sprite() {
  if (loaded_.sprite_texture) textures_.destroy({loaded_.sprite_texture});
  loaded_.sprite_texture = 0;
}

bool EmbeddingLoader::request_misses() {
  bool any = false;
  for (embed::FileRequest& r : files_.take_misses()) {
    bool out = false;
    for (const auto& [t, o] : out_) out |= o == r;
    if (out) continue;
    const std::uint64_t ticket = next_ticket_++;
    out_.emplace(ticket, r);
    loaded_.bytes_to_read += r.size;
    loaded_.reading = r.path;
    io_.read_file(ticket, r.path, r.offset, r.size, r.whole);  // may answer at once
    any = true;
  }
  return any;
}

void EmbeddingLoader::update() {
  // Answers given at once (the desktop) let a step go on in the same call.
  for (int round = 0; round < 8; ++round) {
    const bool was_discovering = discovering();
    const bool was_loading = loaded_.state == ui::EmbeddingState::kLoading;
    if (discovery_dirty_ || (discovery_waiting_ && out_.empty())) discover();
    if (loaded_.state == ui::EmbeddingState::kLoading && out_.empty()) load_step();
    if (!out_.empty()) return;  // wait for the platform
    if (was_discovering == discovering() && was_loading == (loaded_.state == ui::EmbeddingState::kLoading))
      return;
  }
}

void EmbeddingLoader::discover() {
  discovery_dirty_ = false;
  discovery_ = embed::discover_embeddings(files_);
  discovery_waiting_ = request_misses();
}

const ui::LoadedEmbedding& EmbeddingLoader::load(const std::string& key) {
  if (loaded_.key == key && loaded_.state != ui::EmbeddingState::kNone) return loaded_;
  const embed::Embedding* found = nullptr;
  for (const embed::Embedding& e : discovery_.embeddings)
    if (ui::embedding_key(e) == key) found = &e;
  if (!found) return loaded_;  // not (yet) discovered: keep what is shown
  // Drop what the last one read (its large files are not needed again).
  if (!loading_.tensor_path.empty()) files_.drop(loading_.tensor_path);
  release_sprite();
  loaded_ = {};
  loaded_.state = ui::EmbeddingState::kLoading;
  loaded_.key = key;
  loaded_.generation = ++generation_;
  loading_ = *found;
  points_done_ = metadata_done_ = bookmarks_done_ = false;
  load_started_ = std::chrono::steady_clock::now();
  update();
  return loaded_;
}

// One step of loading: points, then metadata, then the sprite sheet; each
// either finishes or leaves reads for the platform.
void EmbeddingLoader::load_step() {
  const embed::Embedding& e = loading_;
  std::string error;
  if (!points_done_) {
    const auto t0 = std::chrono::steady_clock::now();
    if (!embed::load_points(files_, e, loaded_.points, error)) {
      if (request_misses()) return;
      loaded_.state = ui::EmbeddingState::kError;
      loaded_.error = error;
      return;
    }
    points_done_ = true;
    loaded_.parse_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    files_.drop(e.tensor_path);  // parsed: the text or raw bytes are not needed again
    if (e.source == embed::TensorSource::kCheckpoint) files_.drop_ranges();
  }
  if (!metadata_done_) {
    std::string note;
    if (!embed::load_metadata(files_, e, loaded_.points.rows, loaded_.metadata, note, error)) {
      if (request_misses()) return;
      note = "the metadata cannot be read: " + error;
      loaded_.metadata = {};
    }
    metadata_done_ = true;
    if (!e.metadata_path.empty()) files_.drop(e.metadata_path);
    loaded_.note = note;
  }
  if (!e.bookmarks_path.empty() && !bookmarks_done_) {
    if (!files_.read(e.bookmarks_path, loaded_.bookmarks, error)) {
      if (request_misses()) return;
      loaded_.note += (loaded_.note.empty() ? "" : "; ") + std::string("the bookmarks ") + e.bookmarks_path +
                      " cannot be read: " + error;
      loaded_.bookmarks.clear();
    }
    bookmarks_done_ = true;
  }
  if (!e.sprite.image_path.empty() && !loaded_.sprite_texture) {
    std::string bytes;
    auto add_note = [&](const std::string& s) {
      loaded_.note += (loaded_.note.empty() ? "" : "; ") + std::string("the sprite sheet ") +
                      e.sprite.image_path + " cannot be used: " + s;
    };
    if (!files_.read(e.sprite.image_path, bytes, error)) {
      if (request_misses()) return;
      add_note(error);
    } else {
      events::DecodedImage image;
      embed::SpriteGrid grid;
      if (!events::decode_image({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()}, image,
                                error)) {
        add_note(error);
      } else if (!embed::sprite_grid(image.width, image.height, loaded_.points.rows, e.sprite, grid, error)) {
        add_note(error);
      } else {
        loaded_.sprite_texture = textures_.upload(0, image.width, image.height, image.rgba.data());
        loaded_.sprite_width = image.width;
        loaded_.sprite_height = image.height;
        loaded_.sprite_grid = grid;
      }
    }
    files_.drop(e.sprite.image_path);
  }
  loaded_.state = ui::EmbeddingState::kReady;
  loaded_.reading.clear();
  loaded_.load_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - load_started_).count();
}

}  // namespace el::app
