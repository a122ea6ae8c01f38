// The Projector's files: the non-event files the platform announced (configs,
// TSVs, checkpoints, sprite sheets), the discovery of embeddings over them,
// and the loading of the one embedding being looked at. Reads go to the
// platform (at once on the desktop, later in the page) and come back through
// arrived(); discovery and loading are re-run over embed::FileCache until
// nothing they need is missing. No GL here: the sprite's texture goes through
// TextureStore, so this is tested natively.
#pragma once
#include <chrono>
#include <cstdint>
#include <map>
#include <string>

#include "app/media_io.h"
#include "embed/file_cache.h"
#include "ui/embedding_provider.h"

namespace el::app {

// Reads the platform carries out for the loader.
class FileReadIo {
 public:
  virtual ~FileReadIo() = default;
  // Read bytes [offset, offset + size) of announced file `path` (whole: all
  // of it) and answer with EmbeddingLoader::arrived(ticket, ...), now or later.
  virtual void read_file(std::uint64_t ticket, const std::string& path, std::uint64_t offset,
                         std::uint64_t size, bool whole) = 0;
};

class EmbeddingLoader final : public ui::EmbeddingProvider {
 public:
  EmbeddingLoader(FileReadIo& io, TextureStore& textures) : io_(io), textures_(textures) {}
  ~EmbeddingLoader() override;

  // A non-event file under what was opened ('/'-separated, relative to it).
  void add_file(const std::string& path, std::uint64_t size);
  // The platform's answer to read_file(): the bytes, or an error message.
  void arrived(std::uint64_t ticket, std::string_view bytes, const std::string& error);
  // ... the bytes, handed over (no copy).
  void arrived(std::uint64_t ticket, std::string&& bytes);
  // Runs discovery and loading as far as the files allow, and hands new reads
  // to the platform. Call once a frame (and after answers arrive).
  void update();
  // Something is being read or parsed: draw again soon.
  bool busy() const { return discovering() || loaded_.state == ui::EmbeddingState::kLoading; }
  void clear();

  // ui::EmbeddingProvider
  const embed::Discovery& discovery() const override { return discovery_; }
  bool discovering() const override { return discovery_dirty_ || discovery_waiting_; }
  std::size_t files() const override { return files_.paths().size(); }
  const ui::LoadedEmbedding& load(const std::string& key) override;
  const ui::LoadedEmbedding& loaded() const override { return loaded_; }

  const embed::FileCache& cache() const { return files_; }

 private:
  void discover();
  void load_step();
  // Hands the cache's misses to the platform; true if any was new.
  bool request_misses();
  void release_sprite();

  FileReadIo& io_;
  TextureStore& textures_;
  embed::FileCache files_;
  std::uint64_t next_ticket_ = 1;
  std::map<std::uint64_t, embed::FileRequest> out_;  // reads handed to the platform
  embed::Discovery discovery_;
  bool discovery_dirty_ = false;    // files were added since the last discovery
  bool discovery_waiting_ = false;  // the last discovery missed files that are being read
  ui::LoadedEmbedding loaded_;
  embed::Embedding loading_;  // what loaded_ is (or is becoming)
  bool points_done_ = false, metadata_done_ = false, bookmarks_done_ = false;  // steps of loading
  std::chrono::steady_clock::time_point load_started_;
  std::uint64_t generation_ = 0;
};

}  // namespace el::app
