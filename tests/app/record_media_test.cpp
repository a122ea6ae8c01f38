// app/record_media: a stored Event taken apart per kind, for one tag, with
// a reason when the record does not hold what its kind needs.
#include "app/record_media.h"

#include <gtest/gtest.h>

#include "events/media_encode.h"
#include "proto/event.pb.h"

namespace el::app {
namespace {

std::vector<std::uint8_t> bytes_of(const pb::Event& e) {
  std::string s;
  e.SerializeToString(&s);
  return {s.begin(), s.end()};
}

TEST(RecordMedia, ImagesOfOneTagWithTheirMimeTypes) {
  const std::vector<std::uint8_t> px = {1, 2, 3};
  const std::string png = events::encode_png(1, 1, 3, px);
  pb::Event e;
  auto* other = e.mutable_summary()->add_value();
  other->set_tag("other");
  other->mutable_image()->set_encoded_image_string("not this one");
  auto* v = e.mutable_summary()->add_value();
  v->set_tag("camera");
  v->mutable_image()->set_encoded_image_string(png);
  const auto record = bytes_of(e);
  const RecordMedia m = split_record(events::Kind::kImages, "camera", record);
  EXPECT_EQ(m.error, "");
  ASSERT_EQ(m.samples.size(), 1u);
  EXPECT_EQ(m.samples[0].encoded, png);
  EXPECT_STREQ(m.samples[0].mime, "image/png");
  const RecordMedia missing = split_record(events::Kind::kImages, "nope", record);
  EXPECT_EQ(missing.error, "the record no longer holds tag 'nope'");
  EXPECT_TRUE(missing.samples.empty());
}

TEST(RecordMedia, AudioKeepsTheClipAndItsType) {
  const std::vector<std::int16_t> samples = {0, 1000, -1000, 0};
  const std::string wav = events::encode_wav(8000, samples);
  pb::Event e;
  auto* v = e.mutable_summary()->add_value();
  v->set_tag("voice");
  v->mutable_audio()->set_encoded_audio_string(wav);
  v->mutable_audio()->set_sample_rate(8000);
  const RecordMedia m = split_record(events::Kind::kAudio, "voice", bytes_of(e));
  EXPECT_EQ(m.error, "");
  ASSERT_EQ(m.samples.size(), 1u);
  EXPECT_EQ(m.samples[0].encoded, wav);
  EXPECT_STREQ(m.samples[0].mime, "audio/wav");
}

TEST(RecordMedia, APrCurveIsDecodedAndAWrongShapeIsExplained) {
  pb::Event e;
  auto* v = e.mutable_summary()->add_value();
  v->set_tag("pr");
  pb::TensorProto* t = v->mutable_tensor();
  t->set_dtype(pb::DT_DOUBLE);
  t->mutable_tensor_shape()->add_dim()->set_size(6);
  t->mutable_tensor_shape()->add_dim()->set_size(2);
  for (double x : {5.0, 3.0, 4.0, 1.0, 0.0, 2.0, 1.0, 3.0, 0.5556, 0.75, 1.0, 0.5}) t->add_double_val(x);
  const RecordMedia m = split_record(events::Kind::kPrCurves, "pr", bytes_of(e));
  ASSERT_EQ(m.error, "");
  EXPECT_EQ(m.pr.tp, (std::vector<double>{5.0, 3.0}));
  EXPECT_EQ(m.pr.recall, (std::vector<double>{1.0, 0.5}));

  t->mutable_tensor_shape()->mutable_dim(0)->set_size(5);
  const RecordMedia bad = split_record(events::Kind::kPrCurves, "pr", bytes_of(e));
  EXPECT_NE(bad.error, "");
  EXPECT_EQ(bad.pr.size(), 0u);
}

TEST(RecordMedia, AGraphIsHandedOnAsBytes) {
  pb::Event e;
  e.set_graph_def("\x0a\x03\x0a\x01x");  // GraphDef{node{name: "x"}}
  const RecordMedia m = split_record(events::Kind::kGraphs, "__run_graph__", bytes_of(e));
  EXPECT_EQ(m.error, "");
  EXPECT_EQ(m.graph, std::string("\x0a\x03\x0a\x01x"));
  const RecordMedia none = split_record(events::Kind::kGraphs, "__meta_graph__", bytes_of(e));
  EXPECT_EQ(none.error, "the record holds no graph for tag '__meta_graph__'");
}

}  // namespace
}  // namespace el::app
