// embed/file_cache: answers from what arrived, notes each miss once, and
// discovery over it (fed until nothing is missing) equals discovery on disk.
#include "embed/file_cache.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "io/disk_files.h"
#include "support/test_files.h"

namespace el::embed {
namespace {

TEST(FileCache, AMissIsNotedOnceAndAnsweredAfterItArrives) {
  FileCache c;
  c.add("a/config.pbtxt", 5);
  std::string out, error;
  EXPECT_FALSE(c.read("a/config.pbtxt", out, error));
  EXPECT_EQ(error, "not read yet");
  EXPECT_FALSE(c.read("a/config.pbtxt", out, error));
  EXPECT_FALSE(c.read("nope", out, error));
  EXPECT_EQ(error, "no such file");
  std::vector<FileRequest> misses = c.take_misses();
  ASSERT_EQ(misses.size(), 1u);
  EXPECT_EQ(misses[0].path, "a/config.pbtxt");
  EXPECT_TRUE(misses[0].whole);
  EXPECT_EQ(misses[0].size, 5u);
  c.put(misses[0], "hello");
  ASSERT_TRUE(c.read("a/config.pbtxt", out, error));
  EXPECT_EQ(out, "hello");
  // A range of a file held whole needs no read.
  ASSERT_TRUE(c.read_range("a/config.pbtxt", 1, 3, out, error));
  EXPECT_EQ(out, "ell");
  EXPECT_FALSE(c.read_range("a/config.pbtxt", 4, 3, out, error));
  EXPECT_EQ(error, "the file ends before byte 7");
  EXPECT_FALSE(c.has_misses());
  EXPECT_EQ(c.bytes_held(), 5u);
  c.drop("a/config.pbtxt");
  EXPECT_EQ(c.bytes_held(), 0u);
}

TEST(FileCache, AFailedReadIsItsErrorAndAChangedSizeForgetsTheBytes) {
  FileCache c;
  c.add("x.tsv", 3);
  std::string out, error;
  EXPECT_FALSE(c.read("x.tsv", out, error));
  const FileRequest r = c.take_misses().at(0);
  c.fail(r, "permission denied");
  EXPECT_FALSE(c.read("x.tsv", out, error));
  EXPECT_EQ(error, "permission denied");
  EXPECT_FALSE(c.has_misses());
  c.put(r, "1\t2");
  ASSERT_TRUE(c.read("x.tsv", out, error));
  c.add("x.tsv", 7);  // grew
  EXPECT_FALSE(c.read("x.tsv", out, error));
  EXPECT_EQ(c.take_misses().at(0).size, 7u);
}

TEST(FileCache, DiscoveryFedThroughTheCacheEqualsDiscoveryOnDisk) {
  for (const char* dir :
       {"projector/pytorch-sprite", "projector/pytorch-two-tags", "projector/tensorboardx-appended",
        "projector/tf1-saver-checkpoint", "keras-embedding-and-profile"}) {
    SCOPED_TRACE(dir);
    const std::string root = testing::corpus_dir() + "/" + dir;
    io::DiskFiles disk(root);
    const Discovery want = discover_embeddings(disk);
    FileCache cache;
    for (const std::string& p : disk.paths()) cache.add(p, std::filesystem::file_size(root + "/" + p));
    Discovery got;
    int rounds = 0;
    for (;; ++rounds) {
      got = discover_embeddings(cache);
      std::vector<FileRequest> misses = cache.take_misses();
      if (misses.empty()) break;
      for (const FileRequest& r : misses) {
        std::string bytes, error;
        ASSERT_TRUE(r.whole ? disk.read(r.path, bytes, error)
                            : disk.read_range(r.path, r.offset, r.size, bytes, error));
        cache.put(r, bytes);
      }
      ASSERT_LT(rounds, 10);
    }
    EXPECT_GE(rounds, 1);
    ASSERT_EQ(got.embeddings.size(), want.embeddings.size());
    for (std::size_t i = 0; i < got.embeddings.size(); ++i) {
      EXPECT_EQ(got.embeddings[i].name, want.embeddings[i].name);
      EXPECT_EQ(got.embeddings[i].tensor_path, want.embeddings[i].tensor_path);
      EXPECT_EQ(got.embeddings[i].entry.offset, want.embeddings[i].entry.offset);
    }
    ASSERT_EQ(got.problems.size(), want.problems.size());
    for (std::size_t i = 0; i < got.problems.size(); ++i)
      EXPECT_EQ(got.problems[i].problem, want.problems[i].problem);
  }
}

}  // namespace
}  // namespace el::embed
