// Every run and tag of every corpus root, loaded through the Store, against
// tests/data/corpus_tags.tsv, which tests/tools/event_facts.py derives with its
// own protobuf decoding (never from EventLens's output).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>

#include "cli/commands.h"
#include "events/blob_decoder.h"
#include "events/media.h"
#include "io/disk_blob_source.h"
#include "io/loader.h"
#include "proto/plugins.pb.h"
#include "record/crc32c.h"
#include "record/record_writer.h"
#include "store/sha256.h"
#include "store/store.h"
#include "support/hparams_digest.h"
#include "support/test_files.h"

namespace el::store {
namespace {

double parse_double(const std::string& s) { return std::strtod(s.c_str(), nullptr); }

std::string plugin_summary(const Series& s, const std::string& tag, io::DiskBlobSource& blobs,
                           const Store& store, std::uint32_t i) {
  const std::string& content = s.metadata.plugin_content;
  switch (s.kind) {
    case events::Kind::kHparams: return el::testing::hparams_digest(content);
    case events::Kind::kPrCurves: {
      pb::PrCurvePluginData d;
      return d.ParseFromString(content) ? "thresholds=" + std::to_string(d.num_thresholds()) : "unparseable";
    }
    case events::Kind::kMesh: {
      pb::MeshPluginData d;
      if (!d.ParseFromString(content)) return "unparseable";
      std::string shape;
      for (int k = 0; k < d.shape_size(); ++k) shape += (k ? "x" : "") + std::to_string(d.shape(k));
      return "mesh " + d.name() + " type=" + std::to_string(d.content_type()) + " shape=" + shape;
    }
    case events::Kind::kCustomScalars: {
      std::string record, error;
      pb::TensorProto t;
      pb::Layout layout;
      events::BlobDecoder dec;
      if (!read_blob(store, blobs, s.blobs[i], record, error) ||
          !dec.tensor({reinterpret_cast<const std::uint8_t*>(record.data()), record.size()}, tag, t) ||
          t.string_val_size() < 1 || !layout.ParseFromString(t.string_val(0)))
        return "unreadable: " + error;
      std::string out = "layout ";
      for (int k = 0; k < layout.category_size(); ++k)
        out += (k ? "|" : "") + layout.category(k).title() + ":" +
               std::to_string(layout.category(k).chart_size());
      return out;
    }
    default: return "-";
  }
}

// "WxH/count/sha256 of the first image" of record i, as event_facts.py prints it.
std::string image_fact(const Series& s, const std::string& tag, io::DiskBlobSource& blobs, const Store& store,
                       std::uint32_t i) {
  std::string record, error;
  std::vector<std::string> images;
  events::BlobDecoder dec;
  if (!read_blob(store, blobs, s.blobs[i], record, error)) return "unreadable: " + error;
  if (!dec.images({reinterpret_cast<const std::uint8_t*>(record.data()), record.size()}, tag, images))
    return "undecodable";
  std::uint32_t w = s.widths[i], h = s.heights[i];
  if (images.empty()) return std::to_string(w) + "x" + std::to_string(h) + "/0/-";
  if (!w || !h) {
    auto px = events::sniff_image_size(images[0]);
    w = px.width;
    h = px.height;
  }
  return std::to_string(w) + "x" + std::to_string(h) + "/" + std::to_string(images.size()) + "/" +
         sha256_hex(images[0]);
}

// Loads `dir` and checks every (run, tag) against rows of an event_facts.py TSV.
void expect_matches_facts(const std::string& dir, const std::vector<std::vector<std::string>>& expected) {
  Store store;
  std::vector<std::string> disk_paths;
  ASSERT_TRUE(io::load_paths({dir}, store, &disk_paths));
  io::DiskBlobSource blobs(store, disk_paths);
  std::size_t tags_seen = 0;
  for (const auto& [name, run] : store.runs()) tags_seen += run.tags.size();
  EXPECT_EQ(tags_seen, expected.size()) << "number of (run, tag) pairs";
  for (const auto& r : expected) {
    SCOPED_TRACE(r[1] + " / " + r[2]);
    auto run = store.runs().find(r[1]);
    ASSERT_NE(run, store.runs().end());
    auto tag = run->second.tags.find(r[2]);
    ASSERT_NE(tag, run->second.tags.end());
    const Series& s = tag->second;
    EXPECT_STREQ(events::kind_name(s.kind), r[3].c_str());
    EXPECT_EQ(s.size(), std::stoull(r[4]));
    auto vis = visible_indices(s.steps);
    ASSERT_EQ(vis.size(), std::stoull(r[5]));
    EXPECT_EQ(s.steps[vis.front()], std::stoll(r[6]));
    EXPECT_EQ(s.steps[vis.back()], std::stoll(r[7]));
    if (s.kind == events::Kind::kScalars) {
      const double first = s.values[vis.front()], last = s.values[vis.back()];
      if (std::isnan(parse_double(r[8])))
        EXPECT_TRUE(std::isnan(first));
      else
        EXPECT_EQ(first, parse_double(r[8]));
      if (std::isnan(parse_double(r[9])))
        EXPECT_TRUE(std::isnan(last));
      else
        EXPECT_EQ(last, parse_double(r[9]));
    } else if (s.kind == events::Kind::kHistograms) {
      EXPECT_EQ(s.histogram(vis.front()).size(), std::stoull(r[8]));
      EXPECT_EQ(s.histogram(vis.back()).size(), std::stoull(r[9]));
    } else if (s.kind == events::Kind::kText) {
      EXPECT_EQ(s.texts[vis.front()].size(), std::stoull(r[8]));
      EXPECT_EQ(s.texts[vis.back()].size(), std::stoull(r[9]));
    } else if (s.kind == events::Kind::kImages) {
      EXPECT_EQ(image_fact(s, r[2], blobs, store, vis.front()), r[8]);
      EXPECT_EQ(image_fact(s, r[2], blobs, store, vis.back()), r[9]);
    } else if (r[8] != "-") {
      EXPECT_EQ(plugin_summary(s, r[2], blobs, store, vis.front()), r[8]);
      EXPECT_EQ(plugin_summary(s, r[2], blobs, store, vis.back()), r[9]);
    }
  }
}

TEST(StoreCorpus, EveryRunAndTagMatchesTheIndependentDecoder) {
  auto rows = el::testing::read_tsv(el::testing::test_data_dir() + "/corpus_tags.tsv");
  ASSERT_GE(rows.size(), 200u);
  std::map<std::string, std::vector<std::vector<std::string>>> by_root;
  for (auto& r : rows) by_root[r[0]].push_back(r);
  for (const auto& [root, expected] : by_root) {
    SCOPED_TRACE(root);
    expect_matches_facts(el::testing::corpus_dir() + "/" + root, expected);
  }
}

// `eventlens demo` output (our own writer) read back, against facts the
// independent decoder derived from the same command's output
// (tests/data/demo_tags.tsv; scripts/test checks it is current).
TEST(Demo, WrittenLogdirMatchesTheIndependentDecoder) {
  const std::string dir = ::testing::TempDir() + "/eventlens-demo-test";
  std::filesystem::remove_all(dir);
  ASSERT_EQ(cli::cmd_demo({dir}), 0);
  auto rows = el::testing::read_tsv(el::testing::test_data_dir() + "/demo_tags.tsv");
  ASSERT_GE(rows.size(), 30u);
  expect_matches_facts(dir, rows);
  std::filesystem::remove_all(dir);
}

TEST(StoreCorpus, ProfileEmptyFilesMakeNoRunAndLfsPointerIsAProblem) {
  Store store;
  ASSERT_TRUE(io::load_paths({el::testing::corpus_dir() + "/realworld/odd-lfs-pointer"}, store));
  ASSERT_EQ(store.files().size(), 1u);
  EXPECT_TRUE(store.files().status(0).not_event_file);
  ASSERT_EQ(store.runs().size(), 1u);
  EXPECT_TRUE(store.runs().begin()->second.tags.empty());
}

TEST(RestartRule, LaterLowerStepHidesEarlierHigherOrEqualSteps) {
  const std::int64_t steps[] = {0, 1, 2, 3, 4, 2, 3, 5, 1};
  auto v = visible_indices(steps);
  EXPECT_EQ(v, (std::vector<std::uint32_t>{0, 8}));
  const std::int64_t steps2[] = {0, 10, 20, 15, 16, 30};
  EXPECT_EQ(visible_indices(steps2), (std::vector<std::uint32_t>{0, 1, 3, 4, 5}));
}

// Found by the decoder fuzzer: a histogram then a scalar under one tag once
// misaligned the series' columns.
TEST(Store, ValueOfAnotherKindUnderATagIsSkippedAndReported) {
  pb::Event hist, scalar;
  hist.set_step(1);
  auto* hv = hist.mutable_summary()->add_value();
  hv->set_tag("w");
  hv->mutable_histo()->set_min(0);
  hv->mutable_histo()->set_max(1);
  hv->mutable_histo()->add_bucket_limit(1);
  hv->mutable_histo()->add_bucket(3);
  scalar.set_step(2);
  auto* sv = scalar.mutable_summary()->add_value();
  sv->set_tag("w");
  sv->set_simple_value(0.5f);
  std::vector<std::uint8_t> file;
  for (const pb::Event* e : {&hist, &scalar}) {
    std::string data = e->SerializeAsString();
    std::uint64_t len = data.size();
    std::uint8_t head[12];
    std::memcpy(head, &len, 8);
    std::uint32_t lcrc = record::masked_crc32c({head, 8});
    std::memcpy(head + 8, &lcrc, 4);
    file.insert(file.end(), head, head + 12);
    file.insert(file.end(), data.begin(), data.end());
    std::uint32_t dcrc =
        record::masked_crc32c({reinterpret_cast<const std::uint8_t*>(data.data()), data.size()});
    file.insert(file.end(), reinterpret_cast<std::uint8_t*>(&dcrc),
                reinterpret_cast<std::uint8_t*>(&dcrc) + 4);
  }
  Store store;
  FileId id = store.add_file("events.out.tfevents.x", file.size());
  store.feed(id, file);
  store.finish(id);
  const Series& s = store.runs().at(".").tags.at("w");
  EXPECT_EQ(s.kind, events::Kind::kHistograms);
  EXPECT_EQ(s.size(), 1u);
  EXPECT_EQ(s.histogram(0).size(), 1u);
  ASSERT_EQ(store.files().status(id).problems.size(), 1u);
  EXPECT_NE(store.files().status(id).problems[0].message.find("holds histograms"), std::string::npos);
}

// Histograms are kept as shared edges when buckets touch and as (left, right)
// pairs when they do not; both read back as the writer's rows.
TEST(Store, HistogramsKeepTouchingAndGappedBucketsExactly) {
  auto hist_event = [](const char* tag, std::initializer_list<double> rows, bool first) {
    pb::Event e;
    e.set_step(1);
    auto* v = e.mutable_summary()->add_value();
    v->set_tag(tag);
    if (first) v->mutable_metadata()->mutable_plugin_data()->set_plugin_name("histograms");
    auto* t = v->mutable_tensor();
    t->set_dtype(pb::DT_DOUBLE);
    t->mutable_tensor_shape()->add_dim()->set_size(static_cast<std::int64_t>(rows.size() / 3));
    t->mutable_tensor_shape()->add_dim()->set_size(3);
    for (double d : rows) t->add_double_val(d);
    return e.SerializeAsString();
  };
  std::string file;
  record::append_record(file, hist_event("touching", {0, 1, 2, 1, 3, 4, 3, 3.5, 0}, true));
  record::append_record(file, hist_event("gapped", {0, 1, 2, 2, 3, 4, 3, 5, 1}, true));
  record::append_record(file, hist_event("single", {-1, -1, 7}, true));
  Store store;
  FileId id = store.add_file("events.out.tfevents.h", file.size());
  store.feed(id, {reinterpret_cast<const std::uint8_t*>(file.data()), file.size()});
  store.finish(id);
  const auto& tags = store.runs().at(".").tags;
  std::vector<double> rows;
  const HistogramView touching = tags.at("touching").histogram(0);
  EXPECT_FALSE(touching.paired());
  EXPECT_EQ(touching.edges.size(), 4u);
  touching.rows(rows);
  EXPECT_EQ(rows, (std::vector<double>{0, 1, 2, 1, 3, 4, 3, 3.5, 0}));
  const HistogramView gapped = tags.at("gapped").histogram(0);
  EXPECT_TRUE(gapped.paired());
  gapped.rows(rows);
  EXPECT_EQ(rows, (std::vector<double>{0, 1, 2, 2, 3, 4, 3, 5, 1}));
  tags.at("single").histogram(0).rows(rows);
  EXPECT_EQ(rows, (std::vector<double>{-1, -1, 7}));
}

}  // namespace
}  // namespace el::store
