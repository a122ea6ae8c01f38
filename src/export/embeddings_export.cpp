#include "export/embeddings_export.h"

#include "store/json_writer.h"
#include "store/sha256.h"

namespace el::exporting {

const char* tensor_source_name(embed::TensorSource s) {
  switch (s) {
    case embed::TensorSource::kTsv: return "tsv";
    case embed::TensorSource::kRawFloat32: return "float32";
    case embed::TensorSource::kCheckpoint: return "checkpoint";
  }
  return "";
}

std::string export_embeddings_json(embed::FileAccess& files, int& problems) {
  const embed::Discovery d = embed::discover_embeddings(files);
  problems = static_cast<int>(d.problems.size());
  store::JsonWriter j;
  j.begin_object().key("embeddings").begin_array();
  std::vector<std::string> load_errors;
  for (const embed::Embedding& e : d.embeddings) {
    embed::Matrix m;
    std::string error, note;
    if (!embed::load_points(files, e, m, error)) {
      load_errors.push_back(e.name + ": " + error);
      continue;
    }
    embed::MetadataTable meta;
    const bool has_meta = embed::load_metadata(files, e, m.rows, meta, note, error);
    if (!has_meta) load_errors.push_back(e.metadata_path + ": " + error);
    j.begin_object();
    j.key("run").value(e.run).key("name").value(e.name);
    j.key("step");
    if (e.step >= 0)
      j.value(e.step);
    else
      j.null();
    j.key("source").value(tensor_source_name(e.source));
    j.key("path").value(e.source == embed::TensorSource::kCheckpoint ? e.checkpoint_prefix : e.tensor_path);
    j.key("named_by_config").value(e.named_by_config);
    j.key("rows")
        .value(static_cast<std::uint64_t>(m.rows))
        .key("dims")
        .value(static_cast<std::uint64_t>(m.dims));
    j.key("sha256").value(
        store::sha256_hex({reinterpret_cast<const char*>(m.values.data()), m.values.size() * 4}));
    j.key("metadata");
    if (e.metadata_path.empty() || !has_meta) {
      j.null();
    } else {
      j.begin_object().key("path").value(e.metadata_path).key("columns").begin_array();
      for (const std::string& c : meta.columns) j.value(c);
      j.end_array().key("header").value(meta.has_header);
      j.key("rows").value(static_cast<std::uint64_t>(meta.rows.size()));
      if (!note.empty()) j.key("note").value(note);
      j.end_object();
    }
    j.key("sprite");
    if (e.sprite.image_path.empty())
      j.null();
    else
      j.begin_object()
          .key("path")
          .value(e.sprite.image_path)
          .key("tile")
          .begin_array()
          .value(e.sprite.tile_width)
          .value(e.sprite.tile_height)
          .end_array()
          .end_object();
    j.end_object();
  }
  j.end_array().key("problems").begin_array();
  for (const embed::EmbeddingProblem& p : d.problems)
    j.begin_object().key("path").value(p.path).key("problem").value(p.problem).end_object();
  for (const std::string& p : load_errors)
    j.begin_object().key("path").value("").key("problem").value(p).end_object();
  j.end_array().end_object();
  problems += static_cast<int>(load_errors.size());
  return j.take();
}

}  // namespace el::exporting
