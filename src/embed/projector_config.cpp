#include "embed/projector_config.h"

#include <charconv>
#include <unordered_map>

#include "embed/paths.h"
#include "embed/text_format.h"

namespace el::embed {
namespace {

std::uint32_t to_u32(const std::string& s) {
  std::uint32_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

EmbeddingInfo embedding_of(const TextField& f) {
  EmbeddingInfo e;
  for (const TextField& c : f.children) {
    if (c.name == "tensor_name")
      e.tensor_name = c.scalar;
    else if (c.name == "tensor_path")
      e.tensor_path = c.scalar;
    else if (c.name == "metadata_path")
      e.metadata_path = c.scalar;
    else if (c.name == "bookmarks_path")
      e.bookmarks_path = c.scalar;
    else if (c.name == "tensor_shape")
      e.tensor_shape.push_back(to_u32(c.scalar));
    else if (c.name == "sprite" && c.is_message) {
      e.sprite.image_path = last_scalar(c.children, "image_path");
      std::vector<std::uint32_t> dims;
      for (const TextField& d : c.children)
        if (d.name == "single_image_dim") dims.push_back(to_u32(d.scalar));
      if (dims.size() >= 2) {
        e.sprite.tile_width = dims[0];
        e.sprite.tile_height = dims[1];
      }
    }
  }
  if (e.tensor_name.empty()) e.tensor_name = file_name(e.tensor_path);
  return e;
}

}  // namespace

bool parse_projector_config(std::string_view text, ProjectorConfig& out, std::string& error) {
  out = {};
  TextMessage m;
  if (!parse_text_format(text, m, error)) return false;
  out.model_checkpoint_path = last_scalar(m.fields, "model_checkpoint_path");
  out.model_checkpoint_dir = last_scalar(m.fields, "model_checkpoint_dir");
  std::unordered_map<std::string, std::size_t> index;
  for (const TextField* f : m.all("embeddings")) {
    if (!f->is_message) {
      error = "'embeddings' is not a message";
      return false;
    }
    EmbeddingInfo e = embedding_of(*f);
    auto [it, inserted] = index.try_emplace(e.tensor_name, out.embeddings.size());
    if (inserted) {
      out.embeddings.push_back(std::move(e));
    } else {
      out.embeddings[it->second] = std::move(e);
      ++out.repeated_entries;
    }
  }
  return true;
}

bool parse_checkpoint_state(std::string_view text, std::string& prefix, std::string& error) {
  TextMessage m;
  if (!parse_text_format(text, m, error)) return false;
  prefix = last_scalar(m.fields, "model_checkpoint_path");
  if (prefix.empty()) {
    error = "it names no model_checkpoint_path";
    return false;
  }
  return true;
}

}  // namespace el::embed
