// What the Projector asks of the app: which embeddings the opened files hold
// (and the problems found on the way), and the points, metadata and sprite
// sheet of the one being looked at. Reading (asynchronous in the page),
// parsing and the sprite's texture belong to the implementation in src/app
// (app/embedding_loader); the dashboard only draws.
#pragma once
#include <cstdint>
#include <string>

#include "embed/discovery.h"
#include "embed/sprites.h"
#include "embed/tsv.h"
#include "ui/media_provider.h"

namespace el::ui {

enum class EmbeddingState : std::uint8_t {
  kNone,     // nothing asked for
  kLoading,  // its files are being read, or parsed
  kReady,
  kError,  // `error` says why (the file and the problem)
};

struct LoadedEmbedding {
  EmbeddingState state = EmbeddingState::kNone;
  std::string key;  // embedding_key() of the embedding these are
  embed::Matrix points;
  embed::MetadataTable metadata;
  std::string bookmarks;  // the config's bookmark file (JSON), "" when none
  std::string note;   // shown with the points: metadata rows that do not match, a sprite that cannot be used
  std::string error;  // kError
  // The sprite sheet (texture 0: none), cut into one tile per point.
  TextureHandle sprite_texture = 0;
  std::uint32_t sprite_width = 0, sprite_height = 0;
  embed::SpriteGrid sprite_grid;
  std::uint64_t bytes_to_read = 0, bytes_read = 0;  // kLoading: progress
  std::string reading;                              // kLoading: the file being read
  double load_ms = 0;                               // reading and parsing took this long
  double parse_ms = 0;                              // ... of which parsing the points
  std::uint64_t generation = 0;                     // changes whenever another embedding is loaded
};

// "run\tname\tstep": names one embedding across re-discoveries and in links.
std::string embedding_key(const embed::Embedding& e);

class EmbeddingProvider {
 public:
  virtual ~EmbeddingProvider() = default;
  // Every embedding found so far, and the problems (final once discovering() is false).
  virtual const embed::Discovery& discovery() const = 0;
  virtual bool discovering() const = 0;
  // Non-event files announced (0: there is nothing for the Projector).
  virtual std::size_t files() const = 0;
  // The embedding `key` names: starts loading it (and forgets the one loaded
  // before) unless it is the one loaded or loading.
  virtual const LoadedEmbedding& load(const std::string& key) = 0;
  // The embedding loaded or loading now (state kNone: none).
  virtual const LoadedEmbedding& loaded() const = 0;
};

}  // namespace el::ui
