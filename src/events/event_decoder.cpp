#include "events/event_decoder.h"

#include <charconv>

#include "events/tensor.h"

namespace el::events {

const char* kind_name(Kind kind) {
  switch (kind) {
    case Kind::kScalars: return "scalars";
    case Kind::kHistograms: return "histograms";
    case Kind::kImages: return "images";
    case Kind::kAudio: return "audio";
    case Kind::kText: return "text";
    case Kind::kGraphs: return "graphs";
    case Kind::kHparams: return "hparams";
    case Kind::kPrCurves: return "pr_curves";
    case Kind::kCustomScalars: return "custom_scalars";
    case Kind::kMesh: return "mesh";
    case Kind::kTensors: return "tensors";
  }
  return "tensors";
}

Kind kind_for_plugin(std::string_view p) {
  if (p == "scalars") return Kind::kScalars;
  if (p == "histograms") return Kind::kHistograms;
  if (p == "images") return Kind::kImages;
  if (p == "audio") return Kind::kAudio;
  if (p == "text") return Kind::kText;
  if (p == "graphs" || p == "graph_keras_model" || p == "graph_run_metadata" ||
      p == "graph_run_metadata_graph")
    return Kind::kGraphs;
  if (p == "hparams") return Kind::kHparams;
  if (p == "pr_curves") return Kind::kPrCurves;
  if (p == "custom_scalars") return Kind::kCustomScalars;
  if (p == "mesh") return Kind::kMesh;
  return Kind::kTensors;
}

namespace {

std::uint32_t parse_dim(const std::string& s) {
  std::uint32_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

// Legacy HistogramProto -> touching buckets, as TensorBoard migrates it:
// bucket i covers (limit[i-1], limit[i]]; empty buckets at both ends are
// dropped; the first kept bucket starts at `min`, the last ends at `max`.
// Writes the k+1 edges to `edges` and returns the k counts (a view of `counts`).
std::span<const double> migrate_histogram(double min, double max, std::span<const double> limits,
                                          std::span<const double> counts, std::vector<double>& edges) {
  edges.clear();
  const std::size_t n = std::min(limits.size(), counts.size());
  std::size_t first = 0, end = n;
  while (first < n && counts[first] == 0) ++first;
  while (end > first && counts[end - 1] == 0) --end;
  if (first == end) return {};
  edges.resize(end - first + 1);
  edges[0] = min;
  std::copy(limits.begin() + static_cast<std::ptrdiff_t>(first),
            limits.begin() + static_cast<std::ptrdiff_t>(end - 1), edges.begin() + 1);
  edges.back() = max;
  return counts.subspan(first, end - first);
}

}  // namespace

bool EventDecoder::decode(std::span<const std::uint8_t> record, EventSink& sink) {
  if (fast_.parse(record) && emit_fast(sink)) return true;
  if (!event_.ParseFromArray(record.data(), static_cast<int>(record.size()))) return false;
  const std::int64_t step = event_.step();
  const double wall = event_.wall_time();
  switch (event_.what_case()) {
    case pb::Event::kSummary:
      for (const auto& v : event_.summary().value()) decode_value(v, step, wall, sink);
      break;
    case pb::Event::kGraphDef: {
      ValueContext ctx{kRunGraphTag, nullptr, step, wall};
      sink.on_blob(ctx, Kind::kGraphs, 0, 0, 1);
      break;
    }
    case pb::Event::kMetaGraphDef: {
      ValueContext ctx{kMetaGraphTag, nullptr, step, wall};
      sink.on_blob(ctx, Kind::kGraphs, 0, 0, 1);
      break;
    }
    case pb::Event::kTaggedRunMetadata: {
      ValueContext ctx{event_.tagged_run_metadata().tag(), nullptr, step, wall};
      sink.on_blob(ctx, Kind::kGraphs, 0, 0, 1);
      break;
    }
    case pb::Event::kSessionLog: sink.on_session_log(step, wall, event_.session_log().status()); break;
    default: break;  // file_version, log_message: nothing to show
  }
  return true;
}

bool EventDecoder::emit_fast(EventSink& sink) {
  // A tensor is a scalar only if the tag was declared one earlier; otherwise
  // the full path decides (before anything is emitted).
  for (const FastValue& v : fast_.values)
    if (v.type == FastValue::Type::kTensorScalar && sink.remembered_plugin(v.tag) != "scalars") return false;
  for (const FastValue& v : fast_.values) {
    const ValueContext ctx{v.tag, nullptr, fast_.step, fast_.wall_time};
    if (v.type == FastValue::Type::kHistogram) {
      const FastHistogram& h = fast_.histograms[v.histogram];
      const double* pool = fast_.pool.data();
      auto counts = migrate_histogram(h.min, h.max, {pool + h.limits_begin, h.limits_size},
                                      {pool + h.counts_begin, h.counts_size}, doubles_);
      sink.on_touching_histogram(ctx, doubles_, counts);
    } else {
      sink.on_scalar(ctx, v.value);
    }
  }
  return true;
}

void EventDecoder::decode_value(const pb::Summary::Value& value, std::int64_t step, double wall,
                                EventSink& sink) {
  ValueContext ctx{value.tag(), value.has_metadata() ? &value.metadata() : nullptr, step, wall};
  if (ctx.tag.empty()) ctx.tag = value.node_name();  // very old writers
  switch (value.value_case()) {
    case pb::Summary::Value::kSimpleValue:
      sink.on_scalar(ctx, static_cast<double>(value.simple_value()));
      return;
    case pb::Summary::Value::kHisto: {
      const auto& h = value.histo();
      auto counts = migrate_histogram(
          h.min(), h.max(), {h.bucket_limit().data(), static_cast<std::size_t>(h.bucket_limit_size())},
          {h.bucket().data(), static_cast<std::size_t>(h.bucket_size())}, doubles_);
      sink.on_touching_histogram(ctx, doubles_, counts);
      return;
    }
    case pb::Summary::Value::kImage:
      sink.on_blob(ctx, Kind::kImages, static_cast<std::uint32_t>(value.image().width()),
                   static_cast<std::uint32_t>(value.image().height()), 1);
      return;
    case pb::Summary::Value::kAudio: sink.on_blob(ctx, Kind::kAudio, 0, 0, 1); return;
    case pb::Summary::Value::kTensor: {
      std::string_view plugin;
      if (ctx.metadata && ctx.metadata->has_plugin_data()) plugin = ctx.metadata->plugin_data().plugin_name();
      if (plugin.empty()) plugin = sink.remembered_plugin(ctx.tag);
      if (plugin.empty() && ctx.metadata && ctx.metadata->data_class() == pb::DATA_CLASS_SCALAR)
        plugin = "scalars";
      decode_tensor(ctx, plugin, value.tensor(), sink);
      return;
    }
    default:
      // A value with metadata only (Lightning's hparams) still declares its tag;
      // for kinds whose data lives in columns there is nothing to add.
      if (ctx.metadata && ctx.metadata->has_plugin_data()) {
        const Kind kind = kind_for_plugin(ctx.metadata->plugin_data().plugin_name());
        if (kind == Kind::kScalars || kind == Kind::kHistograms || kind == Kind::kText)
          sink.on_bad_value(ctx, "value has metadata but no data");
        else
          sink.on_blob(ctx, kind, 0, 0, 0);
      }
      return;
  }
}

void EventDecoder::decode_tensor(const ValueContext& ctx, std::string_view plugin, const pb::TensorProto& t,
                                 EventSink& sink) {
  const Kind kind = kind_for_plugin(plugin);
  switch (kind) {
    case Kind::kScalars: {
      double v;
      if (tensor_first_double(t, v))
        sink.on_scalar(ctx, v);
      else
        sink.on_bad_value(ctx, "scalar tensor without a numeric value");
      return;
    }
    case Kind::kHistograms: {
      doubles_.clear();
      auto shape = shape_of(t);
      const bool rows_ok = (shape.size() == 2 && shape[1] == 3) || (shape.size() == 1 && shape[0] == 0) ||
                           element_count(t) == 0;
      if (rows_ok && tensor_to_doubles(t, doubles_))
        sink.on_histogram(ctx, doubles_);
      else
        sink.on_bad_value(ctx, "histogram tensor is not [k,3] numbers");
      return;
    }
    case Kind::kText: {
      strings_.clear();
      auto shape = shape_of(t);
      if (tensor_strings(t, strings_))
        sink.on_text(ctx, strings_, shape);
      else
        sink.on_bad_value(ctx, "text tensor is not a string tensor");
      return;
    }
    case Kind::kImages: {
      // [w, h, img0, img1, ...] strings.
      const int n = t.string_val_size();
      if (n >= 2)
        sink.on_blob(ctx, kind, parse_dim(t.string_val(0)), parse_dim(t.string_val(1)),
                     static_cast<std::uint32_t>(n - 2));
      else
        sink.on_bad_value(ctx, "image tensor without width, height and images");
      return;
    }
    case Kind::kAudio: {
      auto shape = shape_of(t);
      sink.on_blob(ctx, kind, 0, 0, shape.empty() ? 1 : static_cast<std::uint32_t>(shape[0]));
      return;
    }
    case Kind::kCustomScalars:
      if (t.string_val_size() >= 1)
        sink.on_layout(ctx, t.string_val(0));
      else
        sink.on_bad_value(ctx, "custom_scalars layout is not a string tensor");
      return;
    default: sink.on_blob(ctx, kind, 0, 0, 1); return;
  }
}

}  // namespace el::events
