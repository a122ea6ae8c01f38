// The heavy part of a kept record, decoded again on demand. The store keeps
// only (file, offset, length) for images, audio, graphs and generic tensors;
// a dashboard (or the exporter) reads those record bytes back and asks this
// decoder for the payload of one tag.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "proto/event.pb.h"

namespace el::events {

struct AudioClip {
  std::string wav;    // encoded audio (usually WAV)
  std::string label;  // markdown label, may be empty
};

class BlobDecoder {
 public:
  // Encoded images of `tag` in the record (legacy image value, or the images
  // plugin's [w, h, img...] string tensor). False if the record has none.
  [[nodiscard]] bool images(std::span<const std::uint8_t> record, std::string_view tag,
                            std::vector<std::string>& out);
  // Audio clips of `tag` (legacy audio value, or the audio plugin's [k,2] tensor).
  [[nodiscard]] bool audio(std::span<const std::uint8_t> record, std::string_view tag,
                           std::vector<AudioClip>& out, double& sample_rate);
  // Graph bytes: a GraphDef for "__run_graph__", a MetaGraphDef for
  // "__meta_graph__", RunMetadata for a tagged run-metadata tag, or the first
  // string of a graph plugin tensor (Keras model JSON).
  [[nodiscard]] bool graph(std::span<const std::uint8_t> record, std::string_view tag, std::string& out);
  // The tensor value of `tag` (generic tensors, pr_curves, mesh...).
  [[nodiscard]] bool tensor(std::span<const std::uint8_t> record, std::string_view tag, pb::TensorProto& out);

 private:
  const pb::Summary::Value* find(std::span<const std::uint8_t> record, std::string_view tag);
  pb::Event event_;
};

}  // namespace el::events
