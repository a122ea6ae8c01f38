// Peeking at a run's hparams without reading it (store/hparams_peek.h): every
// corpus run's first file, cut to its head, against tests/data/corpus_tags.tsv
// (tests/tools/event_facts.py's own decoding of the whole file); a head that
// cuts the hparams record; a gzip-compressed file; and the hparams table and
// run choice built from peeked, unread runs.
#include "store/hparams_peek.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "aggregate/hparams.h"
#include "proto/event.pb.h"
#include "proto/plugins.pb.h"
#include "record/record_writer.h"
#include "store/run_paths.h"
#include "store/store.h"
#include "support/event_records.h"
#include "support/gzip.h"
#include "support/hparams_digest.h"
#include "support/test_files.h"

namespace el::store {
namespace {

namespace fs = std::filesystem;

std::span<const std::uint8_t> bytes_of(const std::string& s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}

// Each corpus run's event files (paths relative to the root), by run name as the store names runs.
std::map<std::string, std::vector<std::string>> runs_of_root(const std::string& root) {
  std::map<std::string, std::vector<std::string>> runs;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file() || !is_event_file_path(e.path().filename().string())) continue;
    const std::string rel = fs::relative(e.path(), root).generic_string();
    const auto slash = rel.rfind('/');
    runs[slash == std::string::npos ? "." : rel.substr(0, slash)].push_back(rel);
  }
  return runs;
}

TEST(HparamsPeek, TheHeadOfEachCorpusRunsFirstFileHoldsItsHparams) {
  // Expected: the hparams rows event_facts.py found reading whole runs.
  std::map<std::pair<std::string, std::string>, std::map<std::string, std::string>>
      want;                     // (root, run) -> tag -> digest
  std::set<std::string> roots;  // the folders event_facts.py read, each a logdir
  for (const auto& r : el::testing::read_tsv(el::testing::test_data_dir() + "/corpus_tags.tsv")) {
    roots.insert(r[0]);
    if (r[3] == "hparams") want[{r[0], r[1]}][r[2]] = r[8];
  }
  ASSERT_EQ(want.size(), 8u);  // 4 runs in pytorch-small, 1 tf2-keras, 3 pytorch-lightning
  std::size_t runs_seen = 0, sessions = 0;
  std::set<std::pair<std::string, std::string>> found;
  for (const std::string& root : roots) {
    const std::string dir = el::testing::corpus_dir() + "/" + root;
    for (const auto& [run, files] : runs_of_root(dir)) {
      const std::string& tsv_root = root;
      const std::string& tsv_run = run;
      SCOPED_TRACE(tsv_root + " " + tsv_run);
      ++runs_seen;
      const std::vector<std::string_view> views(files.begin(), files.end());
      const int first = first_written(views);
      ASSERT_GE(first, 0);
      std::vector<std::uint8_t> head = el::testing::read_file(dir + "/" + files[first]);
      if (head.size() > kHparamsPeekBytes) head.resize(kHparamsPeekBytes);
      std::map<std::string, std::string> got;
      for (const PeekedTag& t : peek_hparams(files[first], head))
        got[t.tag] = el::testing::hparams_digest(t.plugin_content);
      auto it = want.find({tsv_root, tsv_run});
      if (it == want.end()) {
        EXPECT_TRUE(got.empty());
        continue;
      }
      found.insert(it->first);
      EXPECT_EQ(got, it->second);
      sessions += got.count("_hparams_/session_start_info");
    }
  }
  EXPECT_EQ(runs_seen, 42u);             // every (root, run) of the tsv
  EXPECT_EQ(found.size(), want.size());  // every run with hparams was found by its head
  EXPECT_EQ(sessions, 8u);
}

pb::HParamsPluginData session_start(const char* key, double value) {
  pb::HParamsPluginData d;
  auto* e = d.mutable_session_start_info()->add_hparams();
  e->set_key(key);
  e->mutable_value()->set_number_value(value);
  return d;
}

TEST(HparamsPeek, ARecordCutByTheHeadIsNotRead) {
  const std::string before = el::testing::scalar_record("loss", 0, 1.5f, 100.0);
  const std::string start =
      el::testing::hparams_record("_hparams_/session_start_info", session_start("lr", 0.5));
  const std::string file = before + start + el::testing::scalar_record("loss", 1, 1.0f, 101.0);
  const std::string path = "r/events.out.tfevents.1.h";
  // Cut one byte short of the hparams record's end (its data CRC): nothing.
  EXPECT_TRUE(peek_hparams(path, bytes_of(file.substr(0, before.size() + start.size() - 1))).empty());
  const auto whole = peek_hparams(path, bytes_of(file.substr(0, before.size() + start.size())));
  ASSERT_EQ(whole.size(), 1u);
  EXPECT_EQ(whole[0].tag, "_hparams_/session_start_info");
  EXPECT_EQ(el::testing::hparams_digest(whole[0].plugin_content), "start lr=0.5");
  EXPECT_TRUE(peek_hparams(path, {}).empty());
  EXPECT_TRUE(peek_hparams(path, bytes_of(std::string(100, '\xff'))).empty());  // not an event file
}

TEST(HparamsPeek, AGzipFilesHeadIsInflated) {
  std::string file = el::testing::hparams_record("_hparams_/session_start_info", session_start("lr", 0.25));
  // 200,000 scalar records after it (incompressible enough that the file is past the head).
  for (int i = 0; i < 200000; ++i)
    file += el::testing::scalar_record("loss", i, static_cast<float>(i * 0.37), 100.0 + i);
  const std::string gz = el::testing::gzip(file);
  ASSERT_GT(gz.size(), kHparamsPeekBytes);
  const auto got = peek_hparams("r/events.out.tfevents.1.h.gz",
                                bytes_of(gz.substr(0, static_cast<std::size_t>(kHparamsPeekBytes))));
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(el::testing::hparams_digest(got[0].plugin_content), "start lr=0.25");
}

TEST(HparamsPeek, FirstWrittenIsTheFileWhoseNameSortsFirst) {
  EXPECT_EQ(first_written({}), -1);
  EXPECT_EQ(first_written({"a/events.out.tfevents.200.h", "a/events.out.tfevents.100.h"}), 1);
  // The folder is not compared: only the names.
  EXPECT_EQ(first_written({"b/events.out.tfevents.1.h", "a/sub/events.out.tfevents.2.h"}), 0);
}

// PyTorch's layout, listed and unread: lr_0.1 holds the scalars, lr_0.1/1700
// the session (add_hparams); lr_0.5 likewise; "other" has no session.
TEST(HparamsPeek, PeekedSessionsAreTableRowsAndPickTheirUnreadRuns) {
  Store store;
  for (const char* path : {"lr_0.1/events.out.tfevents.1.h", "lr_0.1/1700/events.out.tfevents.2.h",
                           "lr_0.5/events.out.tfevents.3.h", "lr_0.5/1800/events.out.tfevents.4.h",
                           "other/events.out.tfevents.5.h"})
    store.add_file(path, 1000);
  for (const auto& [name, run] : store.runs()) store.set_wanted(name, false);
  const std::string a = el::testing::hparams_record("_hparams_/session_start_info", session_start("lr", 0.1));
  const std::string b = el::testing::hparams_record("_hparams_/session_start_info", session_start("lr", 0.5));
  store.set_peeked_hparams("lr_0.1/1700", peek_hparams("lr_0.1/1700/events.out.tfevents.2.h", bytes_of(a)));
  store.set_peeked_hparams("lr_0.5/1800", peek_hparams("lr_0.5/1800/events.out.tfevents.4.h", bytes_of(b)));
  store.set_peeked_hparams("other", {});
  EXPECT_TRUE(store.runs().at("other").hparams_peeked);
  EXPECT_FALSE(store.runs().at("lr_0.1").hparams_peeked);

  const aggregate::HparamsTable t = aggregate::build_hparams_table(store);
  ASSERT_EQ(t.sessions.size(), 2u);
  EXPECT_EQ(t.sessions[0].run, "lr_0.1/1700");
  EXPECT_TRUE(t.sessions[0].peeked);
  ASSERT_EQ(t.hparams.size(), 1u);
  EXPECT_EQ(t.sessions[1].hparams[0].number, 0.5);
  EXPECT_TRUE(t.metrics.empty());  // nothing read: no scalar to infer metrics from

  // Filter lr >= 0.3: the second session; its run and the parent holding its scalars are read.
  aggregate::SessionQuery q;
  q.hparam_filters.resize(1);
  q.hparam_filters[0].lo = 0.3;
  const auto rows = aggregate::query_sessions(t, q);
  ASSERT_EQ(rows, std::vector<std::uint32_t>{1});
  EXPECT_EQ(aggregate::unread_runs_of_sessions(t, store, rows),
            (std::vector<std::string>{"lr_0.5", "lr_0.5/1800"}));
  // A run already read is not listed again.
  store.set_wanted("lr_0.5", true);
  EXPECT_EQ(aggregate::unread_runs_of_sessions(t, store, rows), (std::vector<std::string>{"lr_0.5/1800"}));

  // Once the session's run is read, its own record counts (not peeked any more).
  const std::string file = b + el::testing::scalar_record("loss", 3, 0.5f, 103.0);
  store.set_wanted("lr_0.5/1800", true);
  const FileId f = 3;
  store.feed(f, bytes_of(file));
  store.finish(f);
  const aggregate::HparamsTable read = aggregate::build_hparams_table(store);
  ASSERT_EQ(read.sessions.size(), 2u);
  EXPECT_FALSE(read.sessions[1].peeked);
  EXPECT_TRUE(read.sessions[0].peeked);
}

}  // namespace
}  // namespace el::store
