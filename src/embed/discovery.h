// Which embeddings a logdir holds, and where each one's points, metadata and
// sprite are, from its file list and its small files (configs, `checkpoint`,
// checkpoint indexes). Every way embeddings are logged:
//   - projector_config.pbtxt naming tensors.tsv files (PyTorch, tensorboardX)
//     or raw float32 files with a tensor_shape;
//   - projector_config.pbtxt naming checkpoint tensors (TF1 Saver, tf.keras),
//     with the checkpoint found through a `checkpoint` file beside the config
//     or, failing that, in a folder below it (tf.keras writes it in train/);
//   - a config naming no tensor: every 2-D float tensor of the checkpoint;
//   - <step>/<tag>/tensors.tsv that no config names (TensorBoard shows nothing).
// What cannot be shown becomes a problem naming the file and the reason.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "embed/paths.h"
#include "embed/projector_config.h"
#include "embed/tensor_bundle.h"
#include "embed/tsv.h"

namespace el::embed {

// The files under what was opened ('/'-separated paths relative to it).
class FileAccess {
 public:
  virtual ~FileAccess() = default;
  virtual const std::vector<std::string>& paths() const = 0;
  // The whole file, or bytes [offset, offset + size) of it.
  [[nodiscard]] virtual bool read(const std::string& path, std::string& out, std::string& error) = 0;
  [[nodiscard]] virtual bool read_range(const std::string& path, std::uint64_t offset, std::uint64_t size,
                                        std::string& out, std::string& error) = 0;
};

enum class TensorSource : std::uint8_t { kTsv, kRawFloat32, kCheckpoint };

struct Embedding {
  std::string run;         // the folder of its config (or of its step folders), "." for the root
  std::string name;        // the tensor name ("default:00003", "embed0:0"...)
  std::int64_t step = -1;  // from a <step>/<tag>/ path, else -1
  TensorSource source = TensorSource::kTsv;
  std::string tensor_path;  // kTsv, kRawFloat32
  std::vector<std::uint32_t> tensor_shape;
  std::string checkpoint_prefix;              // kCheckpoint
  BundleEntry entry;                          // kCheckpoint
  int num_shards = 1;                         // kCheckpoint: .data-NNNNN-of-<num_shards>
  std::string metadata_path, bookmarks_path;  // "" when none
  SpriteInfo sprite;                          // paths resolved; tile size 0 when not given
  bool named_by_config = true;
};

struct EmbeddingProblem {
  std::string path;  // the file concerned
  std::string problem;
};

struct Discovery {
  std::vector<Embedding> embeddings;
  std::vector<EmbeddingProblem> problems;
};

// Finds every embedding and every problem; reads only small files.
Discovery discover_embeddings(FileAccess& files);

// The points of `e`.
[[nodiscard]] bool load_points(FileAccess& files, const Embedding& e, Matrix& out, std::string& error);

// The metadata of `e` (an empty table when it has none). `note` says when its
// rows do not match the points (shown with the points, not instead of them).
[[nodiscard]] bool load_metadata(FileAccess& files, const Embedding& e, std::size_t points,
                                 MetadataTable& out, std::string& note, std::string& error);

}  // namespace el::embed
