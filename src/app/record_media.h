// One record's value for one tag, taken apart into what the media cache
// keeps: the encoded samples of images and audio (decoded later, within a
// frame's budget), a PR curve or a mesh part (decoded at once), or a graph's
// bytes (the graph dashboard decodes them).
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "events/event_decoder.h"
#include "events/mesh.h"
#include "events/pr_curve.h"

namespace el::app {

struct RecordMedia {
  struct Sample {
    std::string encoded;  // a PNG/JPEG/GIF/BMP image or a WAV clip, as stored
    std::string label;    // audio: the clip's markdown label
    const char* mime = "";
  };
  std::string error;            // empty: the record held what its kind needs
  std::vector<Sample> samples;  // images, audio
  events::PrCurve pr;           // pr_curves
  std::string graph;            // graphs: a GraphDef, MetaGraphDef, RunMetadata or Keras JSON
  events::MeshTensor mesh;      // meshes: one part (vertices, faces or colours)
};

// `record` is the serialized Event as stored (checked against its CRCs already).
// `part` says which part of a mesh the tag holds (events::MeshContent; meshes only).
RecordMedia split_record(events::Kind kind, std::string_view tag, std::span<const std::uint8_t> record,
                         std::uint8_t part = 0);

}  // namespace el::app
