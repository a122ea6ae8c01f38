// projector_config.pbtxt (a text-format ProjectorConfig) and the `checkpoint`
// file (a text-format CheckpointState), as the projector reads them.
// ProjectorConfig{model_checkpoint_path=1, embeddings=2, model_checkpoint_dir=3};
// EmbeddingInfo{tensor_name=1, metadata_path=2, bookmarks_path=3,
// tensor_shape=4, sprite=5, tensor_path=6}; SpriteMetadata{image_path=1,
// single_image_dim=2}. Paths are relative to the config's folder.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace el::embed {

struct SpriteInfo {
  std::string image_path;
  std::uint32_t tile_width = 0, tile_height = 0;  // single_image_dim: [width, height]
};

struct EmbeddingInfo {
  std::string tensor_name;  // defaults to tensor_path's file name
  std::string tensor_path, metadata_path, bookmarks_path;
  std::vector<std::uint32_t> tensor_shape;  // for a raw float32 tensor_path: [rows, dims]
  SpriteInfo sprite;                        // image_path empty: none
};

struct ProjectorConfig {
  std::string model_checkpoint_path, model_checkpoint_dir;
  // One entry per tensor name, in order of first appearance. tensorboardX
  // appends to the file on every run, so a name can repeat: the last entry wins.
  std::vector<EmbeddingInfo> embeddings;
  std::size_t repeated_entries = 0;  // entries that replaced an earlier one of the same name
};

// False with `error` (where and what) if `text` is not a ProjectorConfig in text format.
[[nodiscard]] bool parse_projector_config(std::string_view text, ProjectorConfig& out, std::string& error);

// The latest checkpoint's prefix named by a `checkpoint` file
// (model_checkpoint_path), relative to the file's folder unless absolute.
[[nodiscard]] bool parse_checkpoint_state(std::string_view text, std::string& prefix, std::string& error);

}  // namespace el::embed
