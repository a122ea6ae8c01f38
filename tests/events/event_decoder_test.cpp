// events/event_decoder: one record -> the sink calls TensorBoard's migration
// rules call for, the same whether the fast path or protobuf reads it.
#include "events/event_decoder.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "proto/event.pb.h"
#include "support/wire.h"

namespace el::events {
namespace {

struct Call {
  std::string what, tag;
  std::int64_t step = 0;
  double wall = 0;
  bool metadata = false;
  std::vector<double> a, b;  // scalar: {value}; histogram: edges, counts
  std::vector<std::string> strings;
  std::vector<std::int64_t> shape;
  Kind kind = Kind::kTensors;
  std::uint32_t width = 0, height = 0, samples = 0;
};

// Records every call; remembers each tag's plugin from its first metadata, as the store does.
struct RecordingSink final : EventSink {
  std::vector<Call> calls;
  std::map<std::string, std::string, std::less<>> plugins;
  Call& add(const char* what, const ValueContext& v) {
    if (v.metadata && v.metadata->has_plugin_data())
      plugins.emplace(std::string(v.tag), v.metadata->plugin_data().plugin_name());
    Call c;
    c.what = what;
    c.tag = std::string(v.tag);
    c.step = v.step;
    c.wall = v.wall_time;
    c.metadata = v.metadata != nullptr;
    return calls.emplace_back(std::move(c));
  }
  std::string_view remembered_plugin(std::string_view tag) override {
    auto it = plugins.find(tag);
    return it == plugins.end() ? std::string_view() : std::string_view(it->second);
  }
  void on_scalar(const ValueContext& v, double value) override { add("scalar", v).a = {value}; }
  void on_histogram(const ValueContext& v, std::span<const double> rows) override {
    add("histogram", v).a.assign(rows.begin(), rows.end());
  }
  void on_touching_histogram(const ValueContext& v, std::span<const double> edges,
                             std::span<const double> counts) override {
    Call& c = add("touching", v);
    c.a.assign(edges.begin(), edges.end());
    c.b.assign(counts.begin(), counts.end());
  }
  void on_text(const ValueContext& v, std::vector<std::string>& strings,
               std::span<const std::int64_t> shape) override {
    Call& c = add("text", v);
    c.strings = strings;
    c.shape.assign(shape.begin(), shape.end());
  }
  void on_blob(const ValueContext& v, Kind kind, std::uint32_t width, std::uint32_t height,
               std::uint32_t samples) override {
    Call& c = add("blob", v);
    c.kind = kind;
    c.width = width;
    c.height = height;
    c.samples = samples;
  }
  void on_session_log(std::int64_t step, double wall_time, int status) override {
    Call c;
    c.what = "session_log";
    c.step = step;
    c.wall = wall_time;
    c.a = {static_cast<double>(status)};
    calls.push_back(c);
  }
  void on_bad_value(const ValueContext& v, const char* why) override { add("bad", v).strings = {why}; }
};

std::vector<std::uint8_t> bytes_of(const pb::Event& e) {
  const std::string s = e.SerializeAsString();
  return {s.begin(), s.end()};
}

pb::Event event_at(std::int64_t step, double wall) {
  pb::Event e;
  e.set_step(step);
  e.set_wall_time(wall);
  return e;
}

// TensorBoard's data_compat: empty buckets at both ends dropped, the first kept
// bucket starts at min, the last ends at max, the edges between are the limits.
TEST(EventDecoder, LegacyHistogramsMigrateLikeTensorBoard) {
  pb::Event e = event_at(3, 10.5);
  auto* v = e.mutable_summary()->add_value();
  v->set_tag("weights");
  auto* h = v->mutable_histo();
  h->set_min(-1);
  h->set_max(3);
  for (double l : {-2.0, 0.0, 1.0, 5.0, 9.0}) h->add_bucket_limit(l);
  for (double c : {0.0, 2.0, 3.0, 4.0, 0.0}) h->add_bucket(c);
  // Read twice: as is (the fast path takes it), and with metadata (protobuf's path).
  pb::Event with_metadata = e;
  with_metadata.mutable_summary()->mutable_value(0)->mutable_metadata()->set_display_name("w");
  for (const pb::Event* ev : {&e, &with_metadata}) {
    RecordingSink sink;
    EventDecoder d;
    ASSERT_TRUE(d.decode(bytes_of(*ev), sink));
    ASSERT_EQ(sink.calls.size(), 1u);
    const Call& c = sink.calls[0];
    EXPECT_EQ(c.what, "touching");
    EXPECT_EQ(c.tag, "weights");
    EXPECT_EQ(c.step, 3);
    EXPECT_EQ(c.wall, 10.5);
    EXPECT_EQ(c.a, (std::vector<double>{-1, 0, 1, 3}));
    EXPECT_EQ(c.b, (std::vector<double>{2, 3, 4}));
  }
}

// A scalar tensor is known as one by its tag's first metadata; later values
// (no metadata, taken by the fast path) follow what the sink remembered.
TEST(EventDecoder, ScalarTensorsFollowTheirTagsFirstMetadata) {
  RecordingSink sink;
  EventDecoder d;
  for (int step = 0; step < 3; ++step) {
    pb::Event e = event_at(step, 100 + step);
    auto* v = e.mutable_summary()->add_value();
    v->set_tag("loss");
    if (step == 0) v->mutable_metadata()->mutable_plugin_data()->set_plugin_name("scalars");
    v->mutable_tensor()->set_dtype(pb::DT_FLOAT);
    v->mutable_tensor()->add_float_val(0.25f * static_cast<float>(step + 1));
    ASSERT_TRUE(d.decode(bytes_of(e), sink));
  }
  ASSERT_EQ(sink.calls.size(), 3u);
  for (int step = 0; step < 3; ++step) {
    EXPECT_EQ(sink.calls[step].what, "scalar");
    EXPECT_EQ(sink.calls[step].step, step);
    EXPECT_EQ(sink.calls[step].a, (std::vector<double>{0.25 * (step + 1)}));
    EXPECT_EQ(sink.calls[step].metadata, step == 0);
  }
}

// The same one-element float tensor with no plugin known is not a scalar: it is
// kept as a generic tensor, never guessed.
TEST(EventDecoder, ATensorOfNoKnownPluginIsKeptAsATensor) {
  pb::Event e = event_at(1, 1);
  auto* v = e.mutable_summary()->add_value();
  v->set_tag("x");
  v->mutable_tensor()->set_dtype(pb::DT_FLOAT);
  v->mutable_tensor()->add_float_val(1);
  RecordingSink sink;
  EventDecoder d;
  ASSERT_TRUE(d.decode(bytes_of(e), sink));
  ASSERT_EQ(sink.calls.size(), 1u);
  EXPECT_EQ(sink.calls[0].what, "blob");
  EXPECT_EQ(sink.calls[0].kind, Kind::kTensors);
}

TEST(EventDecoder, TextTensorsKeepEveryStringAndTheShape) {
  pb::Event e = event_at(2, 2);
  auto* v = e.mutable_summary()->add_value();
  v->set_tag("notes");
  v->mutable_metadata()->mutable_plugin_data()->set_plugin_name("text");
  auto* t = v->mutable_tensor();
  t->set_dtype(pb::DT_STRING);
  t->mutable_tensor_shape()->add_dim()->set_size(2);
  t->mutable_tensor_shape()->add_dim()->set_size(1);
  t->add_string_val("# a");
  t->add_string_val("b|c");
  RecordingSink sink;
  EventDecoder d;
  ASSERT_TRUE(d.decode(bytes_of(e), sink));
  ASSERT_EQ(sink.calls.size(), 1u);
  EXPECT_EQ(sink.calls[0].what, "text");
  EXPECT_EQ(sink.calls[0].strings, (std::vector<std::string>{"# a", "b|c"}));
  EXPECT_EQ(sink.calls[0].shape, (std::vector<std::int64_t>{2, 1}));
}

TEST(EventDecoder, LegacyImagesAndGraphsAreBlobs) {
  RecordingSink sink;
  EventDecoder d;
  pb::Event img = event_at(4, 4);
  auto* v = img.mutable_summary()->add_value();
  v->set_tag("sample");
  v->mutable_image()->set_width(32);
  v->mutable_image()->set_height(24);
  v->mutable_image()->set_encoded_image_string("\x89PNG");
  ASSERT_TRUE(d.decode(bytes_of(img), sink));
  pb::Event graph = event_at(0, 5);
  graph.set_graph_def("not parsed here");
  ASSERT_TRUE(d.decode(bytes_of(graph), sink));
  ASSERT_EQ(sink.calls.size(), 2u);
  EXPECT_EQ(sink.calls[0].kind, Kind::kImages);
  EXPECT_EQ(sink.calls[0].width, 32u);
  EXPECT_EQ(sink.calls[0].height, 24u);
  EXPECT_EQ(sink.calls[0].samples, 1u);
  EXPECT_EQ(sink.calls[1].kind, Kind::kGraphs);
  EXPECT_EQ(sink.calls[1].tag, kRunGraphTag);
}

TEST(EventDecoder, SessionLogsCarryTheirStatus) {
  pb::Event e = event_at(700, 7);
  e.mutable_session_log()->set_status(static_cast<pb::SessionLog::SessionStatus>(3));  // CHECKPOINT
  RecordingSink sink;
  EventDecoder d;
  ASSERT_TRUE(d.decode(bytes_of(e), sink));
  ASSERT_EQ(sink.calls.size(), 1u);
  EXPECT_EQ(sink.calls[0].what, "session_log");
  EXPECT_EQ(sink.calls[0].step, 700);
  EXPECT_EQ(sink.calls[0].a, (std::vector<double>{3}));
}

TEST(EventDecoder, BytesThatAreNotAnEventAreRefused) {
  const std::vector<std::uint8_t> junk = {0xff, 0xff, 0xff, 0xff, 0x0f};
  RecordingSink sink;
  EventDecoder d;
  EXPECT_FALSE(d.decode(junk, sink));
  EXPECT_TRUE(sink.calls.empty());
}

TEST(EventDecoder, AScalarTagWithMetadataButNoDataIsReported) {
  pb::Event e = event_at(1, 1);
  auto* v = e.mutable_summary()->add_value();
  v->set_tag("lost");
  v->mutable_metadata()->mutable_plugin_data()->set_plugin_name("scalars");
  RecordingSink sink;
  EventDecoder d;
  ASSERT_TRUE(d.decode(bytes_of(e), sink));
  ASSERT_EQ(sink.calls.size(), 1u);
  EXPECT_EQ(sink.calls[0].what, "bad");
  EXPECT_EQ(sink.calls[0].strings, (std::vector<std::string>{"value has metadata but no data"}));
}

}  // namespace
}  // namespace el::events
