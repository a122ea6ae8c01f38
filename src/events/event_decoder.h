// One record's bytes -> an Event -> values in TensorBoard's tensor form.
//
// Legacy summaries are migrated as TensorBoard does (data_compat): simple_value
// -> scalars; histo -> [k,3] rows; image -> images; audio -> audio; graph_def ->
// graphs under the tag "__run_graph__". Tensor values are routed by their plugin
// name, taken from the value's metadata or, as writers send metadata only with a
// tag's first value, from what the sink remembers for the tag.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "events/fast_parser.h"
#include "proto/event.pb.h"

namespace el::events {

// TensorBoard's dashboards; every tag belongs to exactly one.
enum class Kind : std::uint8_t {
  kScalars,
  kHistograms,
  kImages,
  kAudio,
  kText,
  kGraphs,
  kHparams,
  kPrCurves,
  kCustomScalars,
  kMesh,
  kTensors,  // any other plugin, or none: kept as a generic tensor series
};
constexpr int kKindCount = 11;
const char* kind_name(Kind kind);  // "scalars", "histograms", ... as in state()

// The tag holding a run's GraphDef, as TensorBoard names it.
inline constexpr std::string_view kRunGraphTag = "__run_graph__";
inline constexpr std::string_view kMetaGraphTag = "__meta_graph__";

struct ValueContext {
  std::string_view tag;
  const pb::SummaryMetadata* metadata = nullptr;  // present on the tag's first value only
  std::int64_t step = 0;
  double wall_time = 0;
};

class EventSink {
 public:
  virtual ~EventSink() = default;
  // The plugin name recorded for `tag` from an earlier value, or empty.
  virtual std::string_view remembered_plugin(std::string_view tag) = 0;

  virtual void on_scalar(const ValueContext& v, double value) = 0;
  // rows: k rows of (left, right, count), flattened.
  virtual void on_histogram(const ValueContext& v, std::span<const double> rows) = 0;
  // The same for buckets that touch (each starts where the previous ends), as
  // every legacy histogram does after migration: k+1 edges and k counts.
  virtual void on_touching_histogram(const ValueContext& v, std::span<const double> edges,
                                     std::span<const double> counts) = 0;
  // Strings of a text tensor, row-major, with its shape.
  virtual void on_text(const ValueContext& v, std::vector<std::string>& strings,
                       std::span<const std::int64_t> shape) = 0;
  // A value whose heavy bytes stay in the file (images, audio, graphs, other
  // tensors): the store keeps a reference to this record. width/height for
  // images, `samples` = images or clips in the value.
  virtual void on_blob(const ValueContext& v, Kind kind, std::uint32_t width, std::uint32_t height,
                       std::uint32_t samples) = 0;
  // A custom_scalars layout (a serialized Layout, a few hundred bytes): kept
  // in memory, since the dashboard needs every run's layout at once.
  // Sinks that only count kinds may treat it as a blob.
  virtual void on_layout(const ValueContext& v, std::string_view layout) {
    (void)layout;
    on_blob(v, Kind::kCustomScalars, 0, 0, 1);
  }
  virtual void on_session_log(std::int64_t step, double wall_time, int status) = 0;
  // A value that could not be understood (bad tensor shape, ...).
  virtual void on_bad_value(const ValueContext& v, const char* why) = 0;
};

class EventDecoder {
 public:
  // Returns false if the bytes are not an Event (the record is then ignored).
  [[nodiscard]] bool decode(std::span<const std::uint8_t> record, EventSink& sink);

 private:
  bool emit_fast(EventSink& sink);
  void decode_value(const pb::Summary::Value& value, std::int64_t step, double wall_time, EventSink& sink);
  void decode_tensor(const ValueContext& ctx, std::string_view plugin, const pb::TensorProto& t,
                     EventSink& sink);

  FastEventParser fast_;  // scalars and histograms, straight from the wire
  pb::Event event_;       // everything else
  std::vector<double> doubles_;
  std::vector<std::string> strings_;
};

Kind kind_for_plugin(std::string_view plugin);

}  // namespace el::events
