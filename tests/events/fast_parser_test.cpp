// events/fast_parser: every field and wire type of the records it takes, each
// checked against exact values and against protobuf's own parser; and the
// records it must leave to the full parser.
#include "events/fast_parser.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "proto/event.pb.h"
#include "support/wire.h"

namespace el::events {
namespace {

using testing::Wire;

// Event fields.
constexpr int kWallTime = 1, kStep = 2, kFileVersion = 3, kGraphDef = 4, kSummary = 5;
// Summary.Value fields.
constexpr int kTag = 1, kSimpleValue = 2, kImage = 4, kHisto = 5, kTensor = 8, kNodeName = 7, kMetadata = 9;

pb::Event full_parse(const Wire& w) {
  pb::Event e;
  EXPECT_TRUE(e.ParseFromString(w.str()));
  return e;
}

Wire scalar_value(const std::string& tag, float v) { return Wire().len(kTag, tag).fixed32(kSimpleValue, v); }

TEST(FastParser, ReadsWallTimeStepAndSimpleValues) {
  const Wire w =
      Wire()
          .fixed64(kWallTime, 1626280018.25)
          .varint(kStep, 1234567)
          .len(kSummary, Wire().len(1, scalar_value("loss", 0.5f)).len(1, scalar_value("acc", 0.75f)));
  FastEventParser p;
  ASSERT_TRUE(p.parse(w.span()));
  EXPECT_EQ(p.wall_time, 1626280018.25);
  EXPECT_EQ(p.step, 1234567);
  ASSERT_EQ(p.values.size(), 2u);
  EXPECT_EQ(p.values[0].tag, "loss");
  EXPECT_EQ(p.values[0].type, FastValue::Type::kSimpleValue);
  EXPECT_EQ(p.values[0].value, 0.5);
  EXPECT_EQ(p.values[1].tag, "acc");
  EXPECT_EQ(p.values[1].value, 0.75);
  const pb::Event e = full_parse(w);
  EXPECT_EQ(e.wall_time(), p.wall_time);
  EXPECT_EQ(e.step(), p.step);
  ASSERT_EQ(e.summary().value_size(), 2);
  EXPECT_EQ(e.summary().value(1).tag(), p.values[1].tag);
  EXPECT_EQ(e.summary().value(1).simple_value(), p.values[1].value);
}

// A negative int64 is a ten-byte varint.
TEST(FastParser, NegativeStepsRoundTrip) {
  const Wire w = Wire().varint(kStep, static_cast<std::uint64_t>(std::int64_t{-5})).len(kSummary, Wire());
  FastEventParser p;
  ASSERT_TRUE(p.parse(w.span()));
  EXPECT_EQ(p.step, -5);
  EXPECT_EQ(full_parse(w).step(), -5);
}

TEST(FastParser, AValueWithoutATagIsNamedByItsNodeName) {
  const Wire w =
      Wire().len(kSummary, Wire().len(1, Wire().len(kNodeName, "old/name").fixed32(kSimpleValue, 2)));
  FastEventParser p;
  ASSERT_TRUE(p.parse(w.span()));
  ASSERT_EQ(p.values.size(), 1u);
  EXPECT_EQ(p.values[0].tag, "old/name");
  EXPECT_EQ(p.values[0].value, 2.0);
}

TEST(FastParser, ReadsPackedHistograms) {
  const Wire histo = Wire()
                         .fixed64(1, -1.5)
                         .fixed64(2, 4.0)
                         .fixed64(3, 6)  // num, sum, sum_squares: not needed, skipped
                         .len(6, Wire::doubles({0, 1, 4}))
                         .len(7, Wire::doubles({1, 2, 3}));
  const Wire w = Wire().len(kSummary, Wire().len(1, Wire().len(kTag, "w").len(kHisto, histo)));
  FastEventParser p;
  ASSERT_TRUE(p.parse(w.span()));
  ASSERT_EQ(p.values.size(), 1u);
  EXPECT_EQ(p.values[0].type, FastValue::Type::kHistogram);
  const FastHistogram& h = p.histograms[p.values[0].histogram];
  EXPECT_EQ(h.min, -1.5);
  EXPECT_EQ(h.max, 4.0);
  const std::vector<double> limits(p.pool.begin() + h.limits_begin,
                                   p.pool.begin() + h.limits_begin + h.limits_size);
  const std::vector<double> counts(p.pool.begin() + h.counts_begin,
                                   p.pool.begin() + h.counts_begin + h.counts_size);
  EXPECT_EQ(limits, (std::vector<double>{0, 1, 4}));
  EXPECT_EQ(counts, (std::vector<double>{1, 2, 3}));
  const pb::Event event = full_parse(w);
  const pb::HistogramProto& full = event.summary().value(0).histo();
  EXPECT_EQ(std::vector<double>(full.bucket_limit().begin(), full.bucket_limit().end()), limits);
  EXPECT_EQ(std::vector<double>(full.bucket().begin(), full.bucket().end()), counts);
}

// Unpacked repeated doubles, limits and counts interleaved, max before min:
// legal on the wire, so protobuf and the fast path must read the same.
TEST(FastParser, ReadsUnpackedInterleavedHistograms) {
  const Wire histo = Wire()
                         .fixed64(2, 9.0)
                         .fixed64(6, 1.0)
                         .fixed64(7, 10.0)
                         .fixed64(6, 5.0)
                         .fixed64(7, 20.0)
                         .len(6, Wire::doubles({9.0}))
                         .fixed64(7, 30.0)
                         .fixed64(1, 0.5);
  const Wire w = Wire().len(kSummary, Wire().len(1, Wire().len(kTag, "h").len(kHisto, histo)));
  FastEventParser p;
  ASSERT_TRUE(p.parse(w.span()));
  const FastHistogram& h = p.histograms.at(0);
  EXPECT_EQ(h.min, 0.5);
  EXPECT_EQ(h.max, 9.0);
  EXPECT_EQ(
      std::vector<double>(p.pool.begin() + h.limits_begin, p.pool.begin() + h.limits_begin + h.limits_size),
      (std::vector<double>{1, 5, 9}));
  EXPECT_EQ(
      std::vector<double>(p.pool.begin() + h.counts_begin, p.pool.begin() + h.counts_begin + h.counts_size),
      (std::vector<double>{10, 20, 30}));
  const pb::Event event = full_parse(w);
  const pb::HistogramProto& full = event.summary().value(0).histo();
  EXPECT_EQ(full.bucket_limit_size(), 3);
  EXPECT_EQ(full.bucket(2), 30.0);
}

Wire tensor_value(const Wire& tensor) { return Wire().len(kTag, "t").len(kTensor, tensor); }
Wire one_dim(std::uint64_t size) { return Wire().len(2, Wire().varint(1, size)); }  // TensorShapeProto.dim

TEST(FastParser, ReadsOneElementFloatAndDoubleTensors) {
  struct Case {
    const char* what;
    Wire tensor;
    double want;
  };
  float f = 0.1f;
  double d = 0.1;
  const Case cases[] = {
      {"float_val", Wire().varint(1, 1).fixed32(5, 0.1f), static_cast<double>(0.1f)},
      {"float_val packed", Wire().varint(1, 1).len(5, std::string(reinterpret_cast<char*>(&f), 4)),
       static_cast<double>(0.1f)},
      {"double_val", Wire().varint(1, 2).fixed64(6, 0.1), 0.1},
      {"double_val packed", Wire().varint(1, 2).len(6, std::string(reinterpret_cast<char*>(&d), 8)), 0.1},
      {"float tensor_content, shape [1]",
       Wire().varint(1, 1).len(2, one_dim(1)).len(4, std::string(reinterpret_cast<char*>(&f), 4)),
       static_cast<double>(0.1f)},
      {"double tensor_content", Wire().varint(1, 2).len(4, std::string(reinterpret_cast<char*>(&d), 8)), 0.1},
  };
  for (const Case& c : cases) {
    const Wire event = Wire().len(kSummary, Wire().len(1, tensor_value(c.tensor)));
    FastEventParser p;
    ASSERT_TRUE(p.parse(event.span())) << c.what;
    ASSERT_EQ(p.values.size(), 1u) << c.what;
    EXPECT_EQ(p.values[0].type, FastValue::Type::kTensorScalar) << c.what;
    EXPECT_EQ(p.values[0].value, c.want) << c.what;
  }
}

TEST(FastParser, LeavesOtherTensorsToTheFullParser) {
  const Wire cases[] = {
      Wire().varint(1, 1).fixed32(5, 1).fixed32(5, 2),       // two values
      Wire().varint(1, 1).fixed64(6, 1.0),                   // float dtype, double storage
      Wire().varint(1, 3).varint(7, 1),                      // DT_INT32
      Wire().varint(1, 1).len(2, one_dim(2)).fixed32(5, 1),  // shape [2]
      Wire().varint(1, 1),                                   // no value
      Wire().varint(1, 1).len(4, std::string(3, '\0')),      // 3-byte content
  };
  for (std::size_t i = 0; i < std::size(cases); ++i) {
    FastEventParser p;
    EXPECT_FALSE(p.parse(Wire().len(kSummary, Wire().len(1, tensor_value(cases[i]))).span())) << i;
  }
}

TEST(FastParser, LeavesEverythingElseToTheFullParser) {
  const Wire cases[] = {
      Wire().len(kSummary, Wire().len(1, scalar_value("x", 1).len(kMetadata, Wire().len(1, Wire())))),
      Wire().len(kSummary, Wire().len(1, Wire().len(kTag, "img").len(kImage, Wire().varint(1, 4)))),
      Wire().len(kSummary, Wire().len(1, Wire().len(kTag, "empty"))),  // a value with no data
      Wire().len(kGraphDef, "graph"),
      Wire().varint(kStep, 1).raw(std::string(1, '\x80')),           // truncated varint
      Wire().raw(std::string("\x00\x01", 2)),                        // field number 0
      Wire().fixed64(kWallTime, 1).raw(std::string("\x09\x00", 2)),  // truncated fixed64
  };
  for (std::size_t i = 0; i < std::size(cases); ++i) {
    FastEventParser p;
    EXPECT_FALSE(p.parse(cases[i].span())) << i;
  }
}

// file_version and summary share a oneof: the last on the wire wins, as in protobuf.
TEST(FastParser, FileVersionAndSummaryShareAOneof) {
  const Wire summary_last =
      Wire().len(kFileVersion, "brain.Event:2").len(kSummary, Wire().len(1, scalar_value("a", 1)));
  const Wire version_last =
      Wire().len(kSummary, Wire().len(1, scalar_value("a", 1))).len(kFileVersion, "brain.Event:2");
  FastEventParser p;
  ASSERT_TRUE(p.parse(summary_last.span()));
  EXPECT_EQ(p.values.size(), 1u);
  EXPECT_TRUE(full_parse(summary_last).has_summary());
  ASSERT_TRUE(p.parse(version_last.span()));
  EXPECT_EQ(p.values.size(), 0u);
  EXPECT_FALSE(full_parse(version_last).has_summary());
}

TEST(FastParser, ReusesItsBuffersAcrossRecords) {
  FastEventParser p;
  ASSERT_TRUE(p.parse(Wire()
                          .fixed64(kWallTime, 5)
                          .varint(kStep, 9)
                          .len(kSummary, Wire().len(1, scalar_value("a", 1)))
                          .span()));
  ASSERT_TRUE(p.parse(Wire().len(kSummary, Wire()).span()));
  EXPECT_EQ(p.wall_time, 0.0);
  EXPECT_EQ(p.step, 0);
  EXPECT_TRUE(p.values.empty());
}

}  // namespace
}  // namespace el::events
