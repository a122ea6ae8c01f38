#include "record/record_reader.h"

#include <gtest/gtest.h>

#include <cstring>
#include <random>

#include "record/collect_records.h"
#include "record/crc32c.h"
#include "record/stream_reader.h"
#include "support/test_files.h"

namespace el::record {
namespace {

using el::testing::corpus_dir;
using el::testing::read_file;

// A small real file: 31 records, 1494 bytes, last record at 1447
// (tests/data/corpus_records.tsv, derived by tests/tools/corpus_facts.py).
const char* kSmall = "/pytorch-small/eval/acc_topk_top1/events.out.tfevents.1795314436.vm.2669.7";

std::uint64_t u64_at(const std::vector<std::uint8_t>& b, std::size_t at) {
  std::uint64_t v;
  std::memcpy(&v, b.data() + at, 8);
  return v;
}

TEST(RecordReader, EveryCorpusFileFramesAsTheIndependentScriptSays) {
  auto rows = el::testing::read_tsv(el::testing::test_data_dir() + "/corpus_records.tsv");
  ASSERT_GE(rows.size(), 50u);
  for (const auto& row : rows) {
    SCOPED_TRACE(row[0]);
    auto bytes = read_file(corpus_dir() + "/" + row[0]);
    ASSERT_EQ(bytes.size(), std::stoull(row[1]));
    Collect c = read_whole(bytes);
    const std::size_t expected = std::stoull(row[2]);
    EXPECT_EQ(c.records.size(), expected);
    if (expected > 0) {
      EXPECT_TRUE(c.problems.empty());
      EXPECT_EQ(c.records.back().first, std::stoull(row[6]));
      EXPECT_EQ(u64_at(bytes, 0), std::stoull(row[5]));
    }
  }
}

TEST(RecordReader, LfsPointerIsReportedOnceAsNotAnEventFile) {
  auto bytes = read_file(corpus_dir() +
                         "/realworld/odd-lfs-pointer/BirgerMoell__swe-gpt/"
                         "events.out.tfevents.1626280018.t1v-n-fa4889f7-w-0.122873.3.v2");
  ASSERT_EQ(bytes.size(), 133u);
  Collect c = read_whole(bytes);
  EXPECT_TRUE(c.records.empty());
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].kind, ProblemKind::kNotEventFile);
  EXPECT_NE(c.problems[0].message.find("Git LFS pointer"), std::string::npos);
}

TEST(RecordReader, OneByteAtATimeAndRandomSplitsGiveIdenticalRecords) {
  auto bytes = read_file(corpus_dir() + "/pytorch-small/eval/events.out.tfevents.1795314436.vm.2669.6");
  ASSERT_EQ(bytes.size(), 22533u);
  Collect whole = read_whole(bytes);
  ASSERT_EQ(whole.records.size(), 73u);
  std::vector<std::size_t> every;
  for (std::size_t i = 1; i < bytes.size(); ++i) every.push_back(i);
  Collect bytewise = read_in_pieces(bytes, every);
  EXPECT_EQ(bytewise.records, whole.records);
  EXPECT_TRUE(bytewise.problems.empty());
  std::mt19937 rng(1234);
  for (int trial = 0; trial < 50; ++trial) {
    std::vector<std::size_t> cuts;
    for (std::size_t at = 0;;) {
      at += 1 + rng() % (trial % 2 ? 40 : 3000);
      if (at >= bytes.size()) break;
      cuts.push_back(at);
    }
    Collect split = read_in_pieces(bytes, cuts);
    ASSERT_EQ(split.records, whole.records) << "trial " << trial;
    ASSERT_TRUE(split.problems.empty());
  }
}

class Corruption : public ::testing::Test {
 protected:
  void SetUp() override {
    bytes = read_file(corpus_dir() + kSmall);
    ASSERT_EQ(bytes.size(), 1494u);
    clean = read_whole(bytes);
    ASSERT_EQ(clean.records.size(), 31u);
    victim = clean.records[10].first;  // offset of the 11th record
  }
  // Every record except the one at `lost` must survive, at the same offset (+shift).
  void expect_all_but(const Collect& c, std::uint64_t lost, std::int64_t shift = 0) {
    std::vector<std::pair<std::uint64_t, std::uint32_t>> want;
    for (auto r : clean.records)
      if (r.first != lost) want.emplace_back(r.first + shift, r.second);
    EXPECT_EQ(c.records, want);
  }
  std::vector<std::uint8_t> bytes;
  Collect clean;
  std::uint64_t victim = 0;
};

TEST_F(Corruption, FlippedLengthByteCostsOnlyThatRecord) {
  bytes[victim] ^= 0x40;
  for (std::size_t piece : {std::size_t{0}, std::size_t{5}}) {  // whole, and 5-byte pieces
    std::vector<std::size_t> cuts;
    for (std::size_t at = piece; piece && at < bytes.size(); at += piece) cuts.push_back(at);
    Collect c = read_in_pieces(bytes, cuts);
    expect_all_but(c, victim);
    ASSERT_EQ(c.problems.size(), 1u);
    EXPECT_EQ(c.problems[0].kind, ProblemKind::kBadHeader);
    EXPECT_EQ(c.problems[0].offset, victim);
    EXPECT_EQ(c.problems[0].length, clean.records[11].first - victim);
  }
}

TEST_F(Corruption, FlippedLengthCrcCostsOnlyThatRecord) {
  bytes[victim + 9] ^= 0x01;
  Collect c = read_whole(bytes);
  expect_all_but(c, victim);
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].kind, ProblemKind::kBadHeader);
  EXPECT_EQ(c.problems[0].offset, victim);
}

TEST_F(Corruption, FlippedDataByteDropsTheRecordWithItsOffset) {
  bytes[victim + 12 + 3] ^= 0xff;
  Collect c = read_whole(bytes);
  expect_all_but(c, victim);
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].kind, ProblemKind::kBadDataCrc);
  EXPECT_EQ(c.problems[0].offset, victim);
}

TEST_F(Corruption, AbsurdLengthWithValidCrcIsNeverTrusted) {
  std::uint64_t huge = std::uint64_t{1} << 40;
  std::memcpy(&bytes[victim], &huge, 8);
  std::uint32_t crc = masked_crc32c({&bytes[victim], 8});
  std::memcpy(&bytes[victim + 8], &crc, 4);
  Collect c = read_whole(bytes);
  expect_all_but(c, victim);
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].kind, ProblemKind::kBadHeader);
  EXPECT_NE(c.problems[0].message.find("implausible"), std::string::npos);
}

TEST_F(Corruption, TruncatedTailIsReportedAtTheLastRecord) {
  bytes.resize(1494 - 20);  // cut inside the last record (offset 1447, 47 bytes)
  Collect c = read_whole(bytes);
  expect_all_but(c, 1447);
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].kind, ProblemKind::kTruncatedTail);
  EXPECT_EQ(c.problems[0].offset, 1447u);
  EXPECT_EQ(c.problems[0].length, 27u);
}

TEST_F(Corruption, PartialTailIsNotAProblemUntilTheStreamEnds) {
  Collect c;
  RecordReader r(c);
  r.feed({bytes.data(), 1460});
  EXPECT_EQ(c.records.size(), 30u);
  EXPECT_TRUE(c.problems.empty());
  EXPECT_EQ(r.pending_bytes(), 13u);
  r.feed({bytes.data() + 1460, bytes.size() - 1460});  // the writer finished the record
  EXPECT_EQ(c.records, clean.records);
  EXPECT_EQ(r.pending_bytes(), 0u);
}

TEST_F(Corruption, GarbageAppendedKeepsEveryRecord) {
  std::mt19937 rng(99);
  for (int i = 0; i < 100; ++i) bytes.push_back(static_cast<std::uint8_t>(rng()));
  Collect c = read_whole(bytes);
  EXPECT_EQ(c.records, clean.records);
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].kind, ProblemKind::kBadHeader);
  EXPECT_EQ(c.problems[0].offset, 1494u);
  EXPECT_EQ(c.problems[0].length, 100u);
}

TEST_F(Corruption, GarbagePrependedKeepsEveryRecord) {
  std::vector<std::uint8_t> garbage(57);
  std::mt19937 rng(5);
  for (auto& g : garbage) g = static_cast<std::uint8_t>(rng());
  bytes.insert(bytes.begin(), garbage.begin(), garbage.end());
  Collect c = read_whole(bytes);
  expect_all_but(c, ~std::uint64_t{0}, 57);
  ASSERT_EQ(c.problems.size(), 1u);
  EXPECT_EQ(c.problems[0].kind, ProblemKind::kBadHeader);
  EXPECT_EQ(c.problems[0].offset, 0u);
  EXPECT_EQ(c.problems[0].length, 57u);
}

}  // namespace
}  // namespace el::record
