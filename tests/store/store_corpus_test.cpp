// Every run and tag of every corpus root, loaded through the Store, against
// tests/data/corpus_tags.tsv, which tests/tools/event_facts.py derives with its
// own protobuf decoding (never from EventLens's output).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <map>

#include "cli/loader.h"
#include "record/crc32c.h"
#include "store/store.h"
#include "support/test_files.h"

namespace el::store {
namespace {

double parse_double(const std::string& s) { return std::strtod(s.c_str(), nullptr); }

TEST(StoreCorpus, EveryRunAndTagMatchesTheIndependentDecoder) {
  auto rows = el::testing::read_tsv(el::testing::test_data_dir() + "/corpus_tags.tsv");
  ASSERT_GE(rows.size(), 200u);
  std::map<std::string, std::vector<std::vector<std::string>>> by_root;
  for (auto& r : rows) by_root[r[0]].push_back(r);
  for (const auto& [root, expected] : by_root) {
    SCOPED_TRACE(root);
    Store store;
    ASSERT_TRUE(cli::load_paths({el::testing::corpus_dir() + "/" + root}, store));
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
        EXPECT_EQ(s.histogram(vis.front()).size() / 3, std::stoull(r[8]));
        EXPECT_EQ(s.histogram(vis.back()).size() / 3, std::stoull(r[9]));
      } else if (s.kind == events::Kind::kText) {
        EXPECT_EQ(s.texts[vis.front()].size(), std::stoull(r[8]));
        EXPECT_EQ(s.texts[vis.back()].size(), std::stoull(r[9]));
      }
    }
  }
}

TEST(StoreCorpus, ProfileEmptyFilesMakeNoRunAndLfsPointerIsAProblem) {
  Store store;
  ASSERT_TRUE(cli::load_paths({el::testing::corpus_dir() + "/realworld/odd-lfs-pointer"}, store));
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
  EXPECT_EQ(s.histogram(0).size(), 3u);
  ASSERT_EQ(store.files().status(id).problems.size(), 1u);
  EXPECT_NE(store.files().status(id).problems[0].message.find("holds histograms"), std::string::npos);
}

}  // namespace
}  // namespace el::store
