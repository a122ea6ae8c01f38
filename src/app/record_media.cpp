#include "app/record_media.h"

#include "events/blob_decoder.h"
#include "events/media.h"

namespace el::app {

RecordMedia split_record(events::Kind kind, std::string_view tag, std::span<const std::uint8_t> record,
                         std::uint8_t part) {
  RecordMedia out;
  events::BlobDecoder decoder;
  const std::string tag_text(tag);
  switch (kind) {
    case events::Kind::kGraphs:
      if (!decoder.graph(record, tag, out.graph))
        out.error = "the record holds no graph for tag '" + tag_text + "'";
      return out;
    case events::Kind::kPrCurves: {
      pb::TensorProto t;
      if (!decoder.tensor(record, tag, t)) {
        out.error = "the record no longer holds tag '" + tag_text + "'";
      } else if (!events::pr_curve_from_tensor(t, out.pr, out.error) && out.error.empty()) {
        out.error = "the record's tensor is not a PR curve";
      }
      return out;
    }
    case events::Kind::kMesh: {
      pb::TensorProto t;
      if (!decoder.tensor(record, tag, t))
        out.error = "the record no longer holds tag '" + tag_text + "'";
      else if (!events::decode_mesh_tensor(t, static_cast<events::MeshContent>(part), out.mesh, out.error) &&
               out.error.empty())
        out.error = "the record's tensor is not a mesh part";
      return out;
    }
    case events::Kind::kAudio: {
      std::vector<events::AudioClip> clips;
      double sample_rate = 0;
      if (!decoder.audio(record, tag, clips, sample_rate)) {
        out.error = "the record no longer holds tag '" + tag_text + "'";
        return out;
      }
      for (events::AudioClip& c : clips) {
        RecordMedia::Sample& s = out.samples.emplace_back();
        s.encoded = std::move(c.wav);
        s.label = std::move(c.label);
        s.mime = events::sniff_mime(s.encoded);
      }
      return out;
    }
    default: {
      std::vector<std::string> images;
      if (!decoder.images(record, tag, images)) {
        out.error = "the record no longer holds tag '" + tag_text + "'";
        return out;
      }
      for (std::string& image : images) {
        RecordMedia::Sample& s = out.samples.emplace_back();
        s.encoded = std::move(image);
        s.mime = events::sniff_mime(s.encoded);
      }
      return out;
    }
  }
}

}  // namespace el::app
