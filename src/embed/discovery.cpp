#include "embed/discovery.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

// [SECTION] index
//   paths
//   checkpoints
//   configs
//   step folders no config names
//   loading

namespace el::embed {
namespace {

// [SECTION] paths ------------------------------------------------------------------------------
// `rel` (relative to folder `dir`, unless it is absolute) as a path under the root.
std::string resolve(const std::string& dir, const std::string& rel) {
  if (rel.empty()) return "";
  if (rel.front() == '/') return normalize_path(rel.substr(1));
  return normalize_path(dir.empty() ? rel : dir + "/" + rel);
}

std::string run_name(const std::string& dir) { return dir.empty() ? "." : dir; }

// "00003" -> 3; -1 if `s` is not all digits.
std::int64_t step_of(std::string_view s) {
  if (s.empty() || s.size() > 18 ||
      !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return -1;
  std::int64_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

// [SECTION] checkpoints --------------------------------------------------------------------------
struct Checkpoint {
  std::string prefix;  // under the root
  BundleIndex index;
  bool ok = false;
};

class Checkpoints {
 public:
  Checkpoints(FileAccess& files, const std::set<std::string>& paths, Discovery& out)
      : files_(files), paths_(paths), out_(out) {}

  // The checkpoint a config in `dir` uses: its model_checkpoint_path, else the
  // `checkpoint` file in `dir`, else the first `checkpoint` file below `dir`.
  const Checkpoint* for_config(const std::string& dir, const ProjectorConfig& c) {
    if (!c.model_checkpoint_path.empty()) return load(resolve(dir, c.model_checkpoint_path));
    const std::string ckdir = c.model_checkpoint_dir.empty() ? dir : resolve(dir, c.model_checkpoint_dir);
    const std::string here = ckdir.empty() ? "checkpoint" : ckdir + "/checkpoint";
    if (paths_.count(here)) return from_state_file(here);
    for (const std::string& p : paths_)
      if (file_name(p) == "checkpoint" && (ckdir.empty() || p.rfind(ckdir + "/", 0) == 0))
        return from_state_file(p);
    return nullptr;
  }

 private:
  const Checkpoint* from_state_file(const std::string& path) {
    std::string text, error, prefix;
    if (!files_.read(path, text, error) || !parse_checkpoint_state(text, prefix, error)) {
      out_.problems.push_back({path, "cannot use this checkpoint file: " + error});
      return nullptr;
    }
    return load(resolve(folder_of(path), prefix));
  }

  const Checkpoint* load(const std::string& prefix) {
    auto [it, inserted] = cache_.try_emplace(prefix);
    Checkpoint& c = it->second;
    if (!inserted) return c.ok ? &c : nullptr;
    c.prefix = prefix;
    const std::string index = prefix + ".index";
    std::string bytes, error;
    if (!paths_.count(index)) {
      out_.problems.push_back({index, "the checkpoint's index is not there (only " + file_name(prefix) +
                                          ".index and its .data files make a checkpoint)"});
      return nullptr;
    }
    if (!files_.read(index, bytes, error) || !parse_bundle_index(bytes, c.index, error)) {
      out_.problems.push_back({index, "cannot read this checkpoint: " + error});
      return nullptr;
    }
    c.ok = true;
    return &c;
  }

  FileAccess& files_;
  const std::set<std::string>& paths_;
  Discovery& out_;
  std::map<std::string, Checkpoint> cache_;
};

// [SECTION] configs --------------------------------------------------------------------------------
// Names of the checkpoint's embedding candidates, for "it has: ..." messages.
std::string candidate_list(const BundleIndex& index) {
  std::string s;
  int n = 0;
  for (const BundleEntry& e : index.entries) {
    if (!is_embedding_candidate(e)) continue;
    if (n == 8) {
      s += ", ...";
      break;
    }
    s += (n++ ? ", " : "") + e.name;
  }
  return n ? s : "no 2-D float tensor";
}

void from_config(const std::string& path, FileAccess& files, const std::set<std::string>& paths,
                 Checkpoints& checkpoints, std::set<std::string>& named_tsvs, Discovery& out) {
  std::string text, error;
  ProjectorConfig c;
  if (!files.read(path, text, error) || !parse_projector_config(text, c, error)) {
    out.problems.push_back({path, "cannot read this projector config: " + error});
    return;
  }
  const std::string dir = folder_of(path);
  const Checkpoint* ck = nullptr;
  bool looked_for_checkpoint = false;
  auto checkpoint = [&]() {
    if (!looked_for_checkpoint) ck = checkpoints.for_config(dir, c);
    looked_for_checkpoint = true;
    return ck;
  };
  auto base = [&](const EmbeddingInfo& info) {
    Embedding e;
    e.run = run_name(dir);
    e.name = info.tensor_name;
    e.metadata_path = resolve(dir, info.metadata_path);
    e.bookmarks_path = resolve(dir, info.bookmarks_path);
    e.sprite = info.sprite;
    e.sprite.image_path = resolve(dir, info.sprite.image_path);
    return e;
  };
  for (const EmbeddingInfo& info : c.embeddings) {
    Embedding e = base(info);
    if (!info.tensor_path.empty()) {
      e.tensor_path = resolve(dir, info.tensor_path);
      e.tensor_shape = info.tensor_shape;
      e.source = e.tensor_path.ends_with(".tsv") ? TensorSource::kTsv : TensorSource::kRawFloat32;
      // <step>/<tag>/tensors.tsv: the step is the folder two above the file.
      const std::string tag_dir = folder_of(e.tensor_path);
      e.step = step_of(file_name(folder_of(tag_dir)));
      if (!paths.count(e.tensor_path)) {
        out.problems.push_back({path, "'" + e.name + "' names " + e.tensor_path + ", which is not there"});
        continue;
      }
      if (e.source == TensorSource::kRawFloat32 && e.tensor_shape.size() != 2) {
        out.problems.push_back({path, "'" + e.name + "' names raw float32 data in " + e.tensor_path +
                                          " without a 2-D tensor_shape"});
        continue;
      }
      named_tsvs.insert(e.tensor_path);
    } else {
      const Checkpoint* k = checkpoint();
      if (!k) {
        out.problems.push_back(
            {path, "'" + e.name + "' is a checkpoint tensor, and no checkpoint was found (no " +
                       "model_checkpoint_path in the config, no `checkpoint` file beside it or "
                       "below it)"});
        continue;
      }
      std::string key = e.name;
      if (key.ends_with(":0")) key.resize(key.size() - 2);  // a graph tensor name: the variable's
      const BundleEntry* entry = k->index.find(key);
      if (!entry) {
        out.problems.push_back({path, "'" + e.name + "' is not in the checkpoint " + k->prefix +
                                          "; it has: " + candidate_list(k->index)});
        continue;
      }
      e.source = TensorSource::kCheckpoint;
      e.checkpoint_prefix = k->prefix;
      e.entry = *entry;
      e.num_shards = k->index.num_shards;
    }
    out.embeddings.push_back(std::move(e));
  }
  // A config naming no tensor: every candidate of the checkpoint, as TensorBoard does.
  if (c.embeddings.empty()) {
    const Checkpoint* k = checkpoint();
    if (!k) {
      out.problems.push_back({path, "this config names no tensor and no checkpoint was found"});
      return;
    }
    for (const BundleEntry& entry : k->index.entries) {
      if (!is_embedding_candidate(entry)) continue;
      Embedding e;
      e.run = run_name(dir);
      e.name = entry.name;
      e.source = TensorSource::kCheckpoint;
      e.checkpoint_prefix = k->prefix;
      e.entry = entry;
      e.num_shards = k->index.num_shards;
      out.embeddings.push_back(std::move(e));
    }
  }
}

}  // namespace

Discovery discover_embeddings(FileAccess& files) {
  Discovery out;
  const std::set<std::string> paths(files.paths().begin(), files.paths().end());
  Checkpoints checkpoints(files, paths, out);
  std::set<std::string> named_tsvs;
  for (const std::string& p : paths) {
    const std::string name = file_name(p);
    if (name == "projector_config.pbtxt") from_config(p, files, paths, checkpoints, named_tsvs, out);
    if (name.ends_with(".weights.h5") || name.ends_with(".keras"))
      out.problems.push_back({p,
                              "a Keras 3 weights file (HDF5) is not read: EventLens reads TensorFlow "
                              "checkpoints (.index + .data) and tensors.tsv"});
  }
  // [SECTION] step folders no config names
  for (const std::string& p : paths) {
    if (file_name(p) != "tensors.tsv" || named_tsvs.count(p)) continue;
    const std::string tag_dir = folder_of(p), step_dir = folder_of(tag_dir);
    const std::int64_t step = step_of(file_name(step_dir));
    if (step < 0) continue;  // not <step>/<tag>/tensors.tsv
    Embedding e;
    e.run = run_name(folder_of(step_dir));
    e.name = file_name(tag_dir) + ":" + file_name(step_dir);
    e.step = step;
    e.source = TensorSource::kTsv;
    e.tensor_path = p;
    e.named_by_config = false;
    if (paths.count(tag_dir + "/metadata.tsv")) e.metadata_path = tag_dir + "/metadata.tsv";
    if (paths.count(tag_dir + "/sprite.png")) e.sprite.image_path = tag_dir + "/sprite.png";
    out.embeddings.push_back(std::move(e));
  }
  return out;
}

// [SECTION] loading ----------------------------------------------------------------------------------
bool load_points(FileAccess& files, const Embedding& e, Matrix& out, std::string& error) {
  std::string bytes;
  switch (e.source) {
    case TensorSource::kTsv:
      if (!files.read(e.tensor_path, bytes, error)) return false;
      if (!parse_tensors_tsv(bytes, out, error)) {
        error = e.tensor_path + ": " + error;
        return false;
      }
      return true;
    case TensorSource::kRawFloat32:
      if (!files.read(e.tensor_path, bytes, error)) return false;
      if (!parse_tensor_bytes(bytes, e.tensor_shape[0], e.tensor_shape[1], out, error)) {
        error = e.tensor_path + ": " + error;
        return false;
      }
      return true;
    case TensorSource::kCheckpoint: {
      const std::string path = bundle_shard_path(e.checkpoint_prefix, e.entry.shard, e.num_shards);
      if (std::find(files.paths().begin(), files.paths().end(), path) == files.paths().end()) {
        error = "the checkpoint's data file " + path + " is not there";
        return false;
      }
      if (!files.read_range(path, e.entry.offset, e.entry.size, bytes, error)) return false;
      if (!bundle_matrix(e.entry, bytes, out, error)) {
        error = path + ": " + error;
        return false;
      }
      return true;
    }
  }
  return false;
}

bool load_metadata(FileAccess& files, const Embedding& e, std::size_t points, MetadataTable& out,
                   std::string& note, std::string& error) {
  out = {};
  note.clear();
  if (e.metadata_path.empty()) return true;
  std::string text;
  if (!files.read(e.metadata_path, text, error)) return false;
  out = parse_metadata_tsv(text);
  if (out.rows.size() != points)
    note = e.metadata_path + " has " + std::to_string(out.rows.size()) + " rows for " +
           std::to_string(points) + " points: labels are matched by position" +
           (out.rows.size() > points ? ", the extra rows are ignored" : ", points without a row have none");
  return true;
}

}  // namespace el::embed
