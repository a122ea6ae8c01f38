// record/stream_reader: gzip-compressed event files are detected and read
// like plain ones, whatever the piece boundaries.
#include "record/stream_reader.h"

#include <gtest/gtest.h>

#include "record/collect_records.h"
#include "support/gzip.h"
#include "support/test_files.h"

namespace el::record {
namespace {

using el::testing::corpus_dir;
using el::testing::read_file;

// (tests/data/corpus_records.tsv: 31 records, 1494 bytes.)
const char* kSmall = "/pytorch-small/eval/acc_topk_top1/events.out.tfevents.1795314436.vm.2669.7";

TEST(StreamReader, GzipCompressedFileReadsLikeThePlainOne) {
  // The gzip bytes are made by the test with zlib, in a 3-member stream.
  auto plain = read_file(corpus_dir() + kSmall);
  Collect want = read_whole(plain);
  std::vector<std::uint8_t> gz;
  for (std::size_t part = 0; part < 3; ++part) {
    std::size_t a = plain.size() * part / 3, b = plain.size() * (part + 1) / 3;
    const std::string member = el::testing::gzip({reinterpret_cast<const char*>(plain.data()) + a, b - a});
    gz.insert(gz.end(), member.begin(), member.end());
  }
  ASSERT_EQ(gz[0], 0x1f);
  std::vector<std::size_t> cuts;
  for (std::size_t at = 1; at < gz.size(); at += 7) cuts.push_back(at);
  Collect got = read_in_pieces(gz, cuts);
  EXPECT_EQ(got.records, want.records);
  EXPECT_TRUE(got.problems.empty());
}

}  // namespace
}  // namespace el::record
