// Reading a logdir on several threads (io::ingest_files: runs decoded by
// ChunkDecoders, applied with Store::apply) must leave the store exactly as
// reading it on one thread does (Store::feed), on every corpus root
// (support/store_compare.h says what "exactly" covers).
#include "io/threaded_ingest.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "io/loader.h"
#include "record/record_writer.h"
#include "store/store.h"
#include "support/store_compare.h"
#include "support/test_files.h"

namespace el::io {
namespace {

using el::testing::expect_same_store;
using store::Series;
using store::Store;

// Every corpus root, read on one thread and on two and four.
TEST(ThreadedIngest, EveryCorpusRootEndsAsAOneThreadRead) {
  const std::vector<std::string> roots = el::testing::corpus_roots();
  ASSERT_GE(roots.size(), 4u);
  std::uint64_t series = 0;
  for (const std::string& root : roots) {
    SCOPED_TRACE(root);
    Store one;
    one.set_checksums(true);
    ASSERT_TRUE(load_paths({root}, one, nullptr, 1));
    for (unsigned threads : {2u, 4u}) {
      SCOPED_TRACE(threads);
      Store many;
      many.set_checksums(true);
      ASSERT_TRUE(load_paths({root}, many, nullptr, threads));
      expect_same_store(one, many);
    }
    for (const auto& [name, run] : one.runs()) series += run.tags.size();
  }
  EXPECT_GT(series, 100u);  // the comparison covered real data
}

// A run's second file names a tensor tag's plugin only in its first file
// (writers send metadata with a tag's first value): on a worker, the second
// file is still decoded as scalars, as a one-thread read does.
TEST(ThreadedIngest, ALaterFileOfARunKnowsTheTagsItsFirstFileDeclared) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "el-threaded-ingest-test";
  fs::remove_all(dir);
  fs::create_directories(dir / "run_a");
  fs::create_directories(dir / "run_b");
  // A TF2 scalar: a rank-0 float tensor; metadata (plugin "scalars") with the first value only.
  auto file = [](const fs::path& path, int first_step, bool with_metadata, double base) {
    std::string bytes;
    for (int i = 0; i < 3; ++i) {
      pb::Event e;
      e.set_step(first_step + i);
      e.set_wall_time(1000 + first_step + i);
      pb::Summary::Value* v = e.mutable_summary()->add_value();
      v->set_tag("loss");
      if (with_metadata && i == 0) v->mutable_metadata()->mutable_plugin_data()->set_plugin_name("scalars");
      v->mutable_tensor()->set_dtype(pb::DT_DOUBLE);
      v->mutable_tensor()->add_double_val(base + i);
      record::append_record(bytes, e.SerializeAsString());
    }
    std::ofstream(path, std::ios::binary) << bytes;
  };
  file(dir / "run_a" / "events.out.tfevents.1.host", 0, true, 1.5);
  file(dir / "run_a" / "events.out.tfevents.2.host", 3, false, 10.5);
  file(dir / "run_b" / "events.out.tfevents.1.host", 0, true, 100.5);
  Store one, many;
  ASSERT_TRUE(load_paths({dir.string()}, one, nullptr, 1));
  ASSERT_TRUE(load_paths({dir.string()}, many, nullptr, 2));
  expect_same_store(one, many);
  const Series& loss = many.runs().at("run_a").tags.at("loss");
  EXPECT_EQ(loss.kind, events::Kind::kScalars);
  EXPECT_EQ(loss.steps, (std::vector<std::int64_t>{0, 1, 2, 3, 4, 5}));
  EXPECT_EQ(loss.values, (std::vector<double>{1.5, 2.5, 3.5, 10.5, 11.5, 12.5}));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace el::io
