// The decoding pool (the page's threads) takes bytes as a page pushes them:
// pieces of any size, files of several runs interleaved, the store's thread
// applying between pushes. It must end exactly as Store::feed of the same
// bytes, on every corpus root; and a run dropped halfway (unloaded) and read
// again must end as if it had been read once.
#include "store/decode_pool.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "io/loader.h"
#include "record/record_writer.h"
#include "support/store_compare.h"
#include "support/test_files.h"

namespace el::store {
namespace {

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// A malloc'ed copy of bytes [at, at+n) (the pool frees it).
std::uint8_t* piece(const std::string& bytes, std::size_t at, std::size_t n) {
  auto* p = static_cast<std::uint8_t*>(std::malloc(n ? n : 1));
  if (n) std::memcpy(p, bytes.data() + at, n);
  return p;
}

// Applies until everything pushed is in the store.
void apply_all(DecodePool& pool, Store& store) {
  while (!pool.idle()) pool.apply(store, 5);
}

// Pushes every file in pieces of `piece_bytes`, round-robin over the runs
// (as the page's several reads in flight do), applying a little between
// pushes. A run's files come one after another, in order, as the page reads them.
void push_interleaved(DecodePool& pool, Store& store, const std::vector<std::string>& bytes,
                      const std::vector<FileId>& ids, std::size_t piece_bytes) {
  std::vector<std::vector<std::size_t>> runs;  // indexes into ids, by run
  std::map<const Run*, std::size_t> run_index;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const Run* run = store.run_of(ids[i]);
    auto [it, fresh] = run_index.try_emplace(run, runs.size());
    if (fresh || !run) {
      runs.emplace_back();
      it->second = runs.size() - 1;
    }
    runs[it->second].push_back(i);
  }
  std::vector<std::size_t> file(runs.size(), 0), at(runs.size(), 0);
  for (bool more = true; more;) {
    more = false;
    for (std::size_t r = 0; r < runs.size(); ++r) {
      if (file[r] == runs[r].size()) continue;
      more = true;
      const std::size_t i = runs[r][file[r]];
      const std::size_t n = std::min(piece_bytes, bytes[i].size() - at[r]);
      if (n) {
        pool.push(store, ids[i], piece(bytes[i], at[r], n), n);
        at[r] += n;
      } else {
        pool.push(store, ids[i], nullptr, 0);
        ++file[r];
        at[r] = 0;
      }
    }
    pool.apply(store, 0.2);
  }
  apply_all(pool, store);
}

struct Logdir {
  std::vector<io::DiskFile> files;
  std::vector<std::string> bytes;
};

Logdir read_logdir(const std::string& root) {
  Logdir d;
  EXPECT_TRUE(io::list_event_files({root}, d.files));
  for (const io::DiskFile& f : d.files) d.bytes.push_back(read_all(f.path));
  return d;
}

TEST(DecodePool, EveryCorpusRootPushedInInterleavedPiecesEndsAsAOneThreadRead) {
  const std::vector<std::string> roots = el::testing::corpus_roots();
  ASSERT_GE(roots.size(), 4u);
  std::uint64_t values = 0;
  DecodePool pool(2);
  for (const std::string& root : roots) {
    SCOPED_TRACE(root);
    const Logdir d = read_logdir(root);
    // Whole-file checksums: each file in order, on one worker; without: cut at records.
    for (bool checksums : {false, true}) {
      SCOPED_TRACE(checksums);
      Store one;
      one.set_checksums(checksums);
      ASSERT_TRUE(io::load_paths({root}, one, nullptr, 1));
      // Odd sizes: records and their headers split at every kind of place.
      for (std::size_t piece_bytes : {std::size_t{4093}, std::size_t{1} << 20}) {
        SCOPED_TRACE(piece_bytes);
        pool.clear();  // a new store: what the pool knew of the last one's runs goes
        Store many;
        many.set_checksums(checksums);
        const std::vector<FileId> ids = io::add_files(many, d.files);
        push_interleaved(pool, many, d.bytes, ids, piece_bytes);
        el::testing::expect_same_store(one, many);
      }
      for (const auto& [name, run] : one.runs())
        for (const auto& [tag, series] : run.tags) values += series.steps.size();
    }
  }
  EXPECT_GT(values, 10000u);  // the comparison covered real data
}

// The demo's run unloaded with half its bytes pushed (some decoded, some
// applied, some queued), then read again from the start: as one read.
TEST(DecodePool, ARunDroppedHalfwayAndReadAgainEndsAsOneRead) {
  const std::string root = el::testing::corpus_dir() + "/pytorch-small";
  Store one;
  ASSERT_TRUE(io::load_paths({root}, one, nullptr, 1));
  const Logdir d = read_logdir(root);
  ASSERT_FALSE(d.files.empty());
  Store many;
  const std::vector<FileId> ids = io::add_files(many, d.files);
  DecodePool pool(2);
  // Half of the first file, in small pieces, partly applied.
  const std::string& first = d.bytes[0];
  for (std::size_t at = 0; at < first.size() / 2; at += 1000) {
    pool.push(many, ids[0], piece(first, at, 1000), 1000);
    if (at % 8000 == 0) pool.apply(many, 0.1);
  }
  const std::string run = many.run_of(ids[0])->name;
  pool.drop_run(many, ids[0]);
  ASSERT_TRUE(many.unload_run(run));
  // A piece a worker holds is let go when it is done; nothing of the run is applied.
  apply_all(pool, many);
  EXPECT_TRUE(many.runs().at(run).tags.empty());
  EXPECT_EQ(many.files().status(ids[0]).bytes_read, 0u);
  // Read again from byte 0, as the page does when the run is picked again.
  ASSERT_TRUE(many.set_wanted(run, true));
  push_interleaved(pool, many, d.bytes, ids, 64 << 10);
  el::testing::expect_same_store(one, many);
}

// A TF2 scalar (a rank-0 double tensor) of `tag` at `step`; `plugin`: its
// metadata's plugin name, sent with a tag's first value only.
std::string tensor_scalar(const std::string& tag, int step, double value, const char* plugin) {
  pb::Event e;
  e.set_step(step);
  e.set_wall_time(1000 + step);
  pb::Summary::Value* v = e.mutable_summary()->add_value();
  v->set_tag(tag);
  if (plugin) v->mutable_metadata()->mutable_plugin_data()->set_plugin_name(plugin);
  v->mutable_tensor()->set_dtype(pb::DT_DOUBLE);
  v->mutable_tensor()->add_double_val(value);
  std::string bytes;
  record::append_record(bytes, e.SerializeAsString());
  return bytes;
}

// One run, one file: a tag first seen halfway, with its metadata (so its later
// values, which have none, are scalars only by the run's memory), and a
// corrupt stretch near the end. Cut into small pieces, its segments are
// decoded side by side, some before the one that declares the tag: they are
// decoded again, and the framing break is read in order; the store ends as a
// one-thread read of the same bytes.
TEST(DecodePool, SegmentsDecodedOnAGuessOfTheRunsTagsAreCheckedAndRedone) {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "el-decode-pool-test";
  fs::remove_all(dir);
  fs::create_directories(dir / "run");
  std::string bytes;
  for (int i = 0; i < 3000; ++i) {
    bytes += tensor_scalar("early", i, i * 0.5, i == 0 ? "scalars" : nullptr);
    if (i >= 1500) bytes += tensor_scalar("late", i, i * 0.25, i == 1500 ? "scalars" : nullptr);
  }
  const std::size_t corrupt_at = bytes.size() * 9 / 10;
  for (std::size_t k = 0; k < 40; ++k) bytes[corrupt_at + k] = static_cast<char>(0x5a);
  const fs::path file = dir / "run" / "events.out.tfevents.1.host";
  std::ofstream(file, std::ios::binary) << bytes;
  Store one;
  ASSERT_TRUE(io::load_paths({dir.string()}, one, nullptr, 1));
  const Logdir d = read_logdir(dir.string());
  std::uint64_t redone = 0;
  for (int round = 0; round < 5; ++round) {  // threads race: several rounds
    DecodePool pool(2);
    Store many;
    const std::vector<FileId> ids = io::add_files(many, d.files);
    push_interleaved(pool, many, d.bytes, ids, 2000);
    el::testing::expect_same_store(one, many);
    redone += pool.redecoded();
  }
  const Series& late = one.runs().at("run").tags.at("late");
  EXPECT_EQ(late.kind, events::Kind::kScalars);
  EXPECT_GT(late.size(), 1000u);
  EXPECT_FALSE(one.files().status(0).problems.empty());  // the corrupt stretch is named
  std::printf("segments decoded again: %llu over 5 rounds\n", static_cast<unsigned long long>(redone));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace el::store
