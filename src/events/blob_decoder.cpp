#include "events/blob_decoder.h"

#include "events/event_decoder.h"

namespace el::events {

const pb::Summary::Value* BlobDecoder::find(std::span<const std::uint8_t> record, std::string_view tag) {
  if (!event_.ParseFromArray(record.data(), static_cast<int>(record.size())) || !event_.has_summary())
    return nullptr;
  for (const auto& v : event_.summary().value()) {
    const std::string& t = v.tag().empty() ? v.node_name() : v.tag();
    if (t == tag) return &v;
  }
  return nullptr;
}

bool BlobDecoder::images(std::span<const std::uint8_t> record, std::string_view tag,
                         std::vector<std::string>& out) {
  out.clear();
  const pb::Summary::Value* v = find(record, tag);
  if (!v) return false;
  if (v->has_image()) {
    out.push_back(v->image().encoded_image_string());
    return true;
  }
  if (!v->has_tensor() || v->tensor().string_val_size() < 2) return false;
  for (int i = 2; i < v->tensor().string_val_size(); ++i) out.push_back(v->tensor().string_val(i));
  return true;
}

bool BlobDecoder::audio(std::span<const std::uint8_t> record, std::string_view tag,
                        std::vector<AudioClip>& out, double& sample_rate) {
  out.clear();
  sample_rate = 0;
  const pb::Summary::Value* v = find(record, tag);
  if (!v) return false;
  if (v->has_audio()) {
    sample_rate = v->audio().sample_rate();
    out.push_back({v->audio().encoded_audio_string(), {}});
    return true;
  }
  if (!v->has_tensor()) return false;
  // [k, 2] (wav, label) rows, or [k] wavs from older writers.
  const auto& t = v->tensor();
  const bool with_labels = t.tensor_shape().dim_size() == 2 && t.tensor_shape().dim(1).size() == 2;
  const int stride = with_labels ? 2 : 1;
  for (int i = 0; i + stride - 1 < t.string_val_size(); i += stride)
    out.push_back({t.string_val(i), with_labels ? t.string_val(i + 1) : std::string()});
  return !out.empty();
}

bool BlobDecoder::graph(std::span<const std::uint8_t> record, std::string_view tag, std::string& out) {
  out.clear();
  if (tag == kRunGraphTag || tag == kMetaGraphTag) {
    if (!event_.ParseFromArray(record.data(), static_cast<int>(record.size()))) return false;
    if (tag == kRunGraphTag && event_.has_graph_def()) out = event_.graph_def();
    if (tag == kMetaGraphTag && event_.has_meta_graph_def()) out = event_.meta_graph_def();
    return !out.empty();
  }
  if (!event_.ParseFromArray(record.data(), static_cast<int>(record.size()))) return false;
  if (event_.has_tagged_run_metadata() && event_.tagged_run_metadata().tag() == tag) {
    out = event_.tagged_run_metadata().run_metadata();
    return true;
  }
  const pb::Summary::Value* v = find(record, tag);
  if (!v || !v->has_tensor() || v->tensor().string_val_size() < 1) return false;
  out = v->tensor().string_val(0);
  return true;
}

bool BlobDecoder::tensor(std::span<const std::uint8_t> record, std::string_view tag, pb::TensorProto& out) {
  const pb::Summary::Value* v = find(record, tag);
  if (!v || !v->has_tensor()) return false;
  out = v->tensor();
  return true;
}

}  // namespace el::events
