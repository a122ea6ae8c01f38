#include "store/file_table.h"

#include <gtest/gtest.h>

#include "support/test_files.h"

namespace el::store {
namespace {

struct CountingConsumer final : RecordConsumer {
  std::vector<std::pair<FileId, std::uint64_t>> seen;
  void on_record(FileId file, std::uint64_t offset, std::span<const std::uint8_t>) override {
    seen.emplace_back(file, offset);
  }
};

TEST(FileTable, TracksBytesCrcAndRecordsPerFile) {
  // Expected values from tests/data/corpus_records.tsv (tests/tools/corpus_facts.py).
  const std::string a = "pytorch-small/eval/events.out.tfevents.1795314436.vm.2669.6";
  const std::string b =
      "realworld/odd-lfs-pointer/BirgerMoell__swe-gpt/"
      "events.out.tfevents.1626280018.t1v-n-fa4889f7-w-0.122873.3.v2";
  auto bytes_a = el::testing::read_file(el::testing::corpus_dir() + "/" + a);
  auto bytes_b = el::testing::read_file(el::testing::corpus_dir() + "/" + b);
  CountingConsumer consumer;
  FileTable table(&consumer);
  table.set_checksums(true);
  FileId ia = table.add(a, bytes_a.size());
  FileId ib = table.add(b, bytes_b.size());
  // Interleave the two files in uneven pieces, as a browser might deliver them.
  std::size_t pa = 0, pb = 0;
  while (pa < bytes_a.size() || pb < bytes_b.size()) {
    std::size_t na = std::min<std::size_t>(4099, bytes_a.size() - pa);
    table.feed(ia, {bytes_a.data() + pa, na});
    pa += na;
    std::size_t nb = std::min<std::size_t>(50, bytes_b.size() - pb);
    table.feed(ib, {bytes_b.data() + pb, nb});
    pb += nb;
  }
  table.finish(ia);
  table.finish(ib);

  const FileStatus& sa = table.status(ia);
  EXPECT_EQ(sa.bytes_read, 22533u);
  EXPECT_EQ(sa.crc32, 1052148559u);
  EXPECT_EQ(sa.records, 73u);
  EXPECT_TRUE(sa.problems.empty());
  EXPECT_TRUE(sa.finished);

  const FileStatus& sb = table.status(ib);
  EXPECT_EQ(sb.bytes_read, 133u);
  EXPECT_EQ(sb.crc32, 1177007001u);
  EXPECT_EQ(sb.records, 0u);
  EXPECT_TRUE(sb.not_event_file);
  ASSERT_EQ(sb.problems.size(), 1u);

  EXPECT_EQ(table.total_bytes_read(), 22533u + 133u);
  ASSERT_EQ(consumer.seen.size(), 73u);
  EXPECT_EQ(consumer.seen.front(), std::make_pair(ia, std::uint64_t{0}));
  EXPECT_EQ(consumer.seen.back(), std::make_pair(ia, std::uint64_t{22486}));
}

TEST(FileTable, ClearForgetsEverything) {
  FileTable table;
  FileId id = table.add("x", 3);
  const std::uint8_t junk[3] = {1, 2, 3};
  table.feed(id, junk);
  auto v = table.version();
  table.clear();
  EXPECT_EQ(table.size(), 0u);
  EXPECT_EQ(table.total_bytes_read(), 0u);
  EXPECT_GT(table.version(), v);
}

// A file still being written: reading stops inside a record (a truncated
// tail, for now), then the file grows and reading resumes from there.
TEST(FileTable, GrownFileResumesAndForgetsItsTruncatedTail) {
  const std::string a = "pytorch-small/eval/events.out.tfevents.1795314436.vm.2669.6";  // 73 records
  auto bytes = el::testing::read_file(el::testing::corpus_dir() + "/" + a);
  CountingConsumer consumer;
  FileTable table(&consumer);
  FileId id = table.add(a, bytes.size());
  const std::size_t cut = bytes.size() - 7;  // inside the last record
  table.feed(id, {bytes.data(), cut});
  table.finish(id);
  ASSERT_EQ(table.status(id).problems.size(), 1u);
  EXPECT_EQ(table.status(id).problems[0].kind, record::ProblemKind::kTruncatedTail);
  EXPECT_EQ(consumer.seen.size(), 72u);
  table.feed(id, {bytes.data() + cut, 7});
  EXPECT_FALSE(table.status(id).finished);
  EXPECT_TRUE(table.status(id).problems.empty());
  table.finish(id);
  EXPECT_TRUE(table.status(id).problems.empty());
  EXPECT_EQ(consumer.seen.size(), 73u);
  EXPECT_EQ(table.status(id).records, 73u);
}

TEST(FileTable, AnEmptyFileIsANoticeUntilItGrows) {
  // The corpus file of 1494 bytes and 31 records (tests/data/corpus_records.tsv).
  const std::string path = "pytorch-small/eval/acc_topk_top1/events.out.tfevents.1795314436.vm.2669.7";
  auto bytes = el::testing::read_file(el::testing::corpus_dir() + "/" + path);
  ASSERT_EQ(bytes.size(), 1494u);
  CountingConsumer consumer;
  FileTable table(&consumer);
  const FileId id = table.add(path, 0);
  table.finish(id);
  ASSERT_EQ(table.status(id).problems.size(), 1u);
  EXPECT_EQ(table.status(id).problems[0].kind, record::ProblemKind::kEmptyFile);
  EXPECT_EQ(record::problem_severity(record::ProblemKind::kEmptyFile), record::ProblemSeverity::kNotice);
  EXPECT_STREQ(record::problem_kind_words(record::ProblemKind::kEmptyFile), "empty file");
  // A writer flushed (live reload): the notice goes and every record is read.
  table.feed(id, {bytes.data(), bytes.size()});
  table.finish(id);
  EXPECT_TRUE(table.status(id).problems.empty());
  EXPECT_EQ(consumer.seen.size(), 31u);
}

TEST(FileTable, AnAddressThatCouldNotBeOpenedIsOneProblemNotAlsoEmpty) {
  // The page could not fetch a URL or list a bucket: the file is announced
  // with size 0 and its one problem, then finished.
  CountingConsumer consumer;
  FileTable table(&consumer);
  const FileId id = table.add("s3://closed/logs/", 0);
  table.add_problem(id, {record::ProblemKind::kUnreadable, 0, 0, "the bucket did not answer this page"});
  table.finish(id);
  ASSERT_EQ(table.status(id).problems.size(), 1u);
  EXPECT_EQ(table.status(id).problems[0].kind, record::ProblemKind::kUnreadable);
  EXPECT_EQ(table.status(id).problems[0].message, "the bucket did not answer this page");
  EXPECT_TRUE(table.status(id).finished);
}

}  // namespace
}  // namespace el::store
