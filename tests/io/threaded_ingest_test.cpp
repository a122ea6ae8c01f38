// Reading a logdir on several threads (io::ingest_files: runs decoded by
// ChunkDecoders, applied with Store::apply) must leave the store exactly as
// reading it on one thread does (Store::feed), on every corpus root: the same
// runs, tags, kinds, metadata, every column of every series, session logs,
// and per file the same bytes, records, compression and problems.
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
#include "support/test_files.h"

namespace el::io {
namespace {

using store::Series;
using store::Store;

// Bit-for-bit column equality (NaN values included).
template <typename T>
bool same_bits(const std::vector<T>& a, const std::vector<T>& b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0);
}

void expect_same_series(const Series& a, const Series& b, const std::string& where) {
  SCOPED_TRACE(where);
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.metadata.plugin_name, b.metadata.plugin_name);
  EXPECT_EQ(a.metadata.plugin_content, b.metadata.plugin_content);
  EXPECT_EQ(a.metadata.display_name, b.metadata.display_name);
  EXPECT_EQ(a.metadata.description, b.metadata.description);
  EXPECT_EQ(a.steps, b.steps);
  EXPECT_TRUE(same_bits(a.wall_times, b.wall_times));
  EXPECT_TRUE(same_bits(a.values, b.values));
  EXPECT_TRUE(same_bits(a.counts, b.counts));
  EXPECT_TRUE(same_bits(a.edges, b.edges));
  EXPECT_EQ(a.count_begin, b.count_begin);
  EXPECT_EQ(a.count_size, b.count_size);
  EXPECT_EQ(a.edge_begin, b.edge_begin);
  EXPECT_EQ(a.edge_size, b.edge_size);
  EXPECT_EQ(a.texts, b.texts);
  EXPECT_EQ(a.text_ranks, b.text_ranks);
  EXPECT_EQ(a.text_shapes, b.text_shapes);
  EXPECT_EQ(a.text_lengths, b.text_lengths);
  ASSERT_EQ(a.blobs.size(), b.blobs.size());
  for (std::size_t i = 0; i < a.blobs.size(); ++i) {
    EXPECT_EQ(a.blobs[i].file, b.blobs[i].file);
    EXPECT_EQ(a.blobs[i].offset, b.blobs[i].offset);
    EXPECT_EQ(a.blobs[i].length, b.blobs[i].length);
  }
  EXPECT_EQ(a.widths, b.widths);
  EXPECT_EQ(a.heights, b.heights);
  EXPECT_EQ(a.samples, b.samples);
}

// The problems of a file, in a stable order: a one-thread read reports record
// and value problems interleaved by offset, the chunks by record then value.
std::vector<std::string> problem_lines(const store::FileStatus& f) {
  std::vector<std::string> out;
  for (const record::Problem& p : f.problems)
    out.push_back(std::to_string(p.offset) + " " + record::problem_kind_name(p.kind) + " " +
                  std::to_string(p.length) + " " + p.message);
  std::sort(out.begin(), out.end());
  return out;
}

void expect_same_store(const Store& a, const Store& b) {
  ASSERT_EQ(a.files().size(), b.files().size());
  for (store::FileId id = 0; id < a.files().size(); ++id) {
    const store::FileStatus &fa = a.files().status(id), &fb = b.files().status(id);
    SCOPED_TRACE(fa.path);
    EXPECT_EQ(fa.path, fb.path);
    EXPECT_EQ(fa.bytes_read, fb.bytes_read);
    EXPECT_EQ(fa.crc32, fb.crc32);
    EXPECT_EQ(fa.records, fb.records);
    EXPECT_EQ(fa.finished, fb.finished);
    EXPECT_EQ(fa.not_event_file, fb.not_event_file);
    EXPECT_EQ(fa.compression, fb.compression);
    EXPECT_EQ(problem_lines(fa), problem_lines(fb));
  }
  EXPECT_EQ(a.files().total_bytes_read(), b.files().total_bytes_read());
  EXPECT_EQ(a.undecodable_records(), b.undecodable_records());
  ASSERT_EQ(a.runs().size(), b.runs().size());
  for (const auto& [name, ra] : a.runs()) {
    auto it = b.runs().find(name);
    ASSERT_NE(it, b.runs().end()) << name;
    const store::Run& rb = it->second;
    EXPECT_EQ(ra.files, rb.files) << name;
    ASSERT_EQ(ra.session_logs.size(), rb.session_logs.size()) << name;
    for (std::size_t i = 0; i < ra.session_logs.size(); ++i) {
      EXPECT_EQ(ra.session_logs[i].step, rb.session_logs[i].step);
      EXPECT_EQ(ra.session_logs[i].status, rb.session_logs[i].status);
    }
    ASSERT_EQ(ra.tags.size(), rb.tags.size()) << name;
    for (const auto& [tag, sa] : ra.tags) {
      auto st = rb.tags.find(tag);
      ASSERT_NE(st, rb.tags.end()) << name << "/" << tag;
      expect_same_series(sa, st->second, name + "/" + tag);
    }
  }
}

// Every corpus root, read on one thread and on two and four.
TEST(ThreadedIngest, EveryCorpusRootEndsAsAOneThreadRead) {
  namespace fs = std::filesystem;
  std::vector<std::string> roots;
  for (const auto& e : fs::directory_iterator(el::testing::corpus_dir()))
    if (e.is_directory()) roots.push_back(e.path().string());
  std::sort(roots.begin(), roots.end());
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
