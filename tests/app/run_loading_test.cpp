// Which runs are read (app/run_loading.h), and unloading a run (Store::unload_run),
// on the corpus's PyTorch logdir: accuracy of run "train" has 3400 records
// (tests/data/corpus_tags.tsv, derived by tests/tools/event_facts.py).
#include "app/run_loading.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "app/ingest_queue.h"
#include "store/store.h"
#include "support/test_files.h"

namespace el::app {
namespace {

namespace fs = std::filesystem;

// Every event file under pytorch-small, in path order: (relative path, bytes).
std::vector<std::pair<std::string, std::vector<std::uint8_t>>> pytorch_small() {
  const fs::path root = fs::path(el::testing::corpus_dir()) / "pytorch-small";
  std::vector<std::pair<std::string, std::vector<std::uint8_t>>> files;
  for (const auto& e : fs::recursive_directory_iterator(root))
    if (e.is_regular_file() && e.path().filename().string().find("tfevents") != std::string::npos)
      files.emplace_back(fs::relative(e.path(), root).generic_string(),
                         el::testing::read_file(e.path().string()));
  std::sort(files.begin(), files.end());
  return files;
}

std::size_t points(const store::Store& s, const std::string& run, const std::string& tag) {
  auto r = s.runs().find(run);
  if (r == s.runs().end()) return 0;
  auto t = r->second.tags.find(tag);
  return t == r->second.tags.end() ? 0 : t->second.size();
}

TEST(RunLoading, WithinTheLimitsEveryRunIsRead) {
  store::Store s;
  RunLoading loading;
  const auto files = pytorch_small();
  ASSERT_GE(files.size(), 6u);
  for (const auto& [path, bytes] : files) s.add_file(path, bytes.size());
  loading.decide(s, {1000, 1ull << 40});
  EXPECT_FALSE(loading.selective());
  for (store::FileId f = 0; f < s.files().size(); ++f) EXPECT_TRUE(s.file_wanted(f)) << f;
}

TEST(RunLoading, PastTheLimitsOnlyPickedRunsAreRead) {
  store::Store s;
  RunLoading loading;
  const auto files = pytorch_small();
  std::uint64_t total = 0;
  for (const auto& [path, bytes] : files) {
    s.add_file(path, bytes.size());
    total += bytes.size();
  }
  const std::size_t runs = s.runs().size();
  ASSERT_GT(runs, 3u);
  // Past the run limit: nothing is read until picked.
  loading.decide(s, {3, 1ull << 40});
  EXPECT_TRUE(loading.selective());
  RunLoadCounts c = count_run_loads(s);
  EXPECT_EQ(c.runs, runs);
  EXPECT_EQ(c.wanted, 0u);
  EXPECT_EQ(c.bytes, total);  // listed with their sizes before a byte is read
  loading.pick(s, "train");
  for (store::FileId f = 0; f < s.files().size(); ++f)
    EXPECT_EQ(s.file_wanted(f), s.run_of(f)->name == "train") << s.files().status(f).path;
  // Past the byte limit alone, likewise; a later decide keeps the pick.
  store::FileId extra = s.add_file("late/events.out.tfevents.1.x", 10);
  loading.decide(s, {3, 1ull << 40});
  EXPECT_FALSE(s.file_wanted(extra));
  EXPECT_TRUE(s.runs().find("train")->second.wanted);
  store::Store bytes_only;
  RunLoading by_bytes;
  for (const auto& [path, bytes] : files) bytes_only.add_file(path, bytes.size());
  by_bytes.decide(bytes_only, {1000, total - 1});
  EXPECT_EQ(count_run_loads(bytes_only).wanted, 0u);
}

TEST(RunLoading, SizesLearntAfterTheListingCanCrossTheByteLimit) {
  store::Store s;
  RunLoading loading;
  const auto files = pytorch_small();
  std::uint64_t total = 0;
  for (const auto& [path, bytes] : files) s.add_file(path, 0);  // listed before their sizes are known
  loading.decide(s, {1000, 1000000});
  EXPECT_FALSE(loading.selective());
  for (store::FileId f = 0; f < s.files().size(); ++f) {
    s.set_file_size(f, files[f].second.size());
    total += files[f].second.size();
  }
  EXPECT_EQ(s.announced_bytes(), total);
  EXPECT_EQ(count_run_loads(s).bytes, total);
  ASSERT_GT(total, 1000000u);
  loading.decide(s, {1000, 1000000});
  EXPECT_TRUE(loading.selective());
  EXPECT_EQ(count_run_loads(s).wanted, 0u);
}

TEST(RunLoading, RunsAlreadyReadStayWhenTheLimitIsCrossed) {
  store::Store s;
  RunLoading loading;
  const auto files = pytorch_small();
  for (const auto& [path, bytes] : files) {
    const store::FileId id = s.add_file(path, bytes.size());
    if (s.run_of(id)->name == "train") s.feed(id, bytes);
  }
  loading.decide(s, {3, 1ull << 40});
  EXPECT_TRUE(s.runs().find("train")->second.wanted);
  EXPECT_FALSE(s.runs().find("eval")->second.wanted);
  EXPECT_EQ(points(s, "train", "accuracy"), 3400u);
}

TEST(RunLoading, StoppingNewRunsHoldsBackEvenPickedRunsNotStarted) {
  // Within the limits, every run is wanted; "train" is read, "eval" and the
  // rest were picked by the user but nothing of them has arrived yet.
  store::Store s;
  RunLoading loading;
  const auto files = pytorch_small();
  for (const auto& [path, bytes] : files) s.add_file(path, bytes.size());
  loading.decide(s, {1000, 1ull << 40});
  for (const auto& [name, run] : s.runs()) loading.pick(s, name);
  for (store::FileId id = 0; id < s.files().size(); ++id)
    if (s.run_of(id)->name == "train") s.feed(id, files[id].second);
  loading.stop_new_runs(s);  // the memory budget's third step
  EXPECT_TRUE(loading.selective());
  for (const auto& [name, run] : s.runs()) EXPECT_EQ(run.wanted, name == "train") << name;
  EXPECT_EQ(points(s, "train", "accuracy"), 3400u);
  // Picked again now, a run is read (the user's choice, after unloading others).
  loading.pick(s, "eval");
  loading.decide(s, {1000, 1ull << 40});
  EXPECT_TRUE(s.runs().at("eval").wanted);
}

TEST(RunLoading, UnloadingFreesARunAndReadingItAgainGivesTheSameData) {
  store::Store s;
  IngestQueue queue;
  const auto files = pytorch_small();
  std::vector<store::FileId> train;
  for (const auto& [path, bytes] : files) {
    const store::FileId id = s.add_file(path, bytes.size());
    s.feed(id, bytes);
    s.finish(id);
    if (s.run_of(id)->name == "train") train.push_back(id);
  }
  ASSERT_FALSE(train.empty());
  const std::uint64_t all_points = s.memory_use().scalar_points;
  const std::size_t train_tags = s.runs().find("train")->second.tags.size();
  const std::uint64_t read_before = s.files().total_bytes_read();
  ASSERT_EQ(points(s, "train", "accuracy"), 3400u);
  ASSERT_EQ(points(s, "eval", "accuracy"), 30u);
  const std::uint64_t generation = s.generation();
  std::uint64_t train_points = 0;
  for (const auto& [tag, ser] : s.runs().find("train")->second.tags)
    if (ser.kind == events::Kind::kScalars) train_points += ser.size();
  ASSERT_GE(train_points, 3400u * 2);  // accuracy and grad_norm at least

  // Bytes of it still queued are dropped with it.
  auto* spare = static_cast<std::uint8_t*>(std::malloc(100));
  queue.push(train[0], spare, 100);
  queue.drop(train[0]);
  EXPECT_EQ(queue.queued_bytes(), 0u);
  EXPECT_TRUE(queue.empty());

  ASSERT_TRUE(s.unload_run("train"));
  EXPECT_NE(s.generation(), generation);  // pointers into its series are gone
  const store::Run& run = s.runs().find("train")->second;
  EXPECT_FALSE(run.wanted);
  EXPECT_TRUE(run.tags.empty());
  EXPECT_EQ(points(s, "eval", "accuracy"), 30u);  // other runs untouched
  std::uint64_t train_bytes = 0;
  for (store::FileId f : train) {
    EXPECT_EQ(s.files().status(f).bytes_read, 0u);
    EXPECT_EQ(s.files().status(f).records, 0u);
    EXPECT_FALSE(s.files().status(f).finished);
    train_bytes += s.files().status(f).size;
  }
  EXPECT_EQ(s.files().total_bytes_read(), read_before - train_bytes);
  EXPECT_EQ(s.memory_use().scalar_points, all_points - train_points);

  // Picked again: read from byte 0, the same as the first time.
  ASSERT_TRUE(s.set_wanted("train", true));
  for (store::FileId f : train) {
    for (const auto& [path, bytes] : files)
      if (path == s.files().status(f).path) s.feed(f, bytes);
    s.finish(f);
  }
  EXPECT_EQ(points(s, "train", "accuracy"), 3400u);
  EXPECT_EQ(s.runs().find("train")->second.tags.size(), train_tags);
  EXPECT_EQ(s.memory_use().scalar_points, all_points);
  EXPECT_EQ(s.files().total_bytes_read(), read_before);
}

}  // namespace
}  // namespace el::app
