// app/profile_loader: the profiles among announced files, read the way the
// page reads them (the answer arrives later), parsed a slice at a time with
// progress, indexed; a read that fails, and a profile asked for while another
// is being read.
#include "app/profile_loader.h"

#include <gtest/gtest.h>

#include <deque>

#include "io/disk_files.h"
#include "profile/trace_summary.h"
#include "support/test_files.h"

namespace el::app {
namespace {

class LaterIo final : public FileReadIo {
 public:
  explicit LaterIo(const std::string& root) : disk(root) {}
  void read_file(std::uint64_t ticket, const std::string& path, std::uint64_t offset, std::uint64_t size,
                 bool whole) override {
    asked.push_back({ticket, path, whole ? 0 : offset, whole ? ~0ull : size});
  }
  // Answers the reads asked for so far (and none asked meanwhile) with the file's bytes, or `error`.
  void answer_all(ProfileLoader& loader, const std::string& error = {}) {
    std::deque<Read> now;
    now.swap(asked);
    for (const Read& r : now) {
      std::string bytes, e;
      const bool ok = disk.read(r.path, bytes, e);
      bytes = bytes.substr(std::min<std::size_t>(r.offset, bytes.size()), r.size);
      loader.arrived(r.ticket, std::move(bytes), !error.empty() ? error : ok ? "" : e);
    }
  }
  io::DiskFiles disk;
  struct Read {
    std::uint64_t ticket;
    std::string path;
    std::uint64_t offset, size;
  };
  std::deque<Read> asked;
};

constexpr const char* kResnet =
    "pytorch-kineto-2021/samples/resnet50_num_workers_0/worker0.1623143089861.pt.trace.json.gz";

TEST(ProfileLoader, FindsReadsParsesAndIndexesAProfile) {
  LaterIo io(testing::corpus_dir() + "/profiler");
  ProfileLoader loader(io);
  loader.add_file("notes.txt", 10);
  loader.add_file(kResnet, 1159569);
  loader.add_file("chrome-trace-json/trace_viewer/tf_trace_viewer/data/trace.json", 4735);
  ASSERT_EQ(loader.profiles().size(), 2u);
  EXPECT_EQ(loader.profiles()[1].run, "pytorch-kineto-2021/samples/resnet50_num_workers_0");
  EXPECT_EQ(loader.load(kResnet).state, ui::ProfileState::kLoading);
  EXPECT_FALSE(loader.work(5));  // nothing has arrived yet
  ASSERT_EQ(io.asked.size(), 1u);
  EXPECT_GE(io.asked.front().ticket, ProfileLoader::kFirstTicket);
  io.answer_all(loader);
  // A short budget: parsed over several calls, progress growing.
  int calls = 0;
  std::uint64_t done = 0;
  while (loader.busy()) {
    ASSERT_TRUE(loader.work(0.01));
    EXPECT_GE(loader.loaded().bytes_done, done);
    done = loader.loaded().bytes_done;
    ++calls;
  }
  EXPECT_GT(calls, 1);
  const ui::LoadedProfile& p = loader.loaded();
  ASSERT_EQ(p.state, ui::ProfileState::kReady);
  EXPECT_TRUE(p.trace.problems.empty());
  ASSERT_TRUE(p.timeline);
  EXPECT_EQ(profile::summarize(p.trace).slices, 44666u);  // profile_facts.py
  EXPECT_FALSE(p.timeline->rows().empty());
  EXPECT_EQ(&loader.load(kResnet), &p);  // asked again: the same, not reloaded
  EXPECT_TRUE(io.asked.empty());
}

TEST(ProfileLoader, AFailedReadAndALateAnswerForAnother) {
  LaterIo io(testing::corpus_dir() + "/profiler");
  ProfileLoader loader(io);
  loader.add_file(kResnet, 1159569);
  loader.add_file("chrome-trace-json/trace_viewer/tf_trace_viewer/data/trace.json", 4735);
  loader.load(kResnet);
  loader.load("chrome-trace-json/trace_viewer/tf_trace_viewer/data/trace.json");  // before the first answers
  ASSERT_EQ(io.asked.size(), 2u);
  for (const auto& r : io.asked) {  // distinct, and exact as the doubles JS carries
    EXPECT_GE(r.ticket, ProfileLoader::kFirstTicket);
    EXPECT_EQ(static_cast<std::uint64_t>(static_cast<double>(r.ticket)), r.ticket);
  }
  EXPECT_NE(io.asked[0].ticket, io.asked[1].ticket);
  io.answer_all(loader);  // the first answer is for a profile no longer wanted
  while (loader.work(50)) {
  }
  EXPECT_EQ(loader.loaded().state, ui::ProfileState::kReady);
  EXPECT_EQ(profile::summarize(loader.loaded().trace).slices, 12u);  // the sample's 4 X and 8 B/E pairs
  loader.load(kResnet);
  io.answer_all(loader, "the file went away");
  EXPECT_EQ(loader.loaded().state, ui::ProfileState::kError);
  EXPECT_EQ(loader.loaded().error, std::string(kResnet) + ": the file went away");
  EXPECT_EQ(loader.load("nope.pt.trace.json").state, ui::ProfileState::kError);
}

TEST(ProfileLoader, AChromeTraceIsReadInChunksOneAheadOfTheParser) {
  LaterIo io(testing::corpus_dir() + "/profiler");
  ProfileLoader loader(io, 100000);  // 1,159,569 bytes: 12 chunks
  loader.add_file(kResnet, 1159569);
  loader.load(kResnet);
  std::uint64_t expected_offset = 0;
  int reads = 0;
  while (loader.busy()) {
    for (const auto& r : io.asked) {  // in order, back to back, never more than one in flight
      EXPECT_EQ(r.offset, expected_offset);
      expected_offset += r.size;
      ++reads;
    }
    EXPECT_LE(io.asked.size(), 1u);
    io.answer_all(loader);
    loader.work(0.01);
  }
  EXPECT_EQ(reads, 12);
  EXPECT_EQ(expected_offset, 1159569u);
  ASSERT_EQ(loader.loaded().state, ui::ProfileState::kReady);
  EXPECT_TRUE(loader.loaded().trace.problems.empty());
  EXPECT_EQ(profile::summarize(loader.loaded().trace).slices, 44666u);  // profile_facts.py
}

TEST(ProfileLoader, AReadFailingMidwayKeepsWhatWasRead) {
  LaterIo io(testing::corpus_dir() + "/profiler");
  ProfileLoader loader(io, 100000);
  loader.add_file(kResnet, 1159569);
  loader.load(kResnet);
  for (int i = 0; i < 6; ++i) {  // half of it arrives and is parsed
    io.answer_all(loader);
    while (loader.work(50)) {
      if (!io.asked.empty()) break;
    }
  }
  io.answer_all(loader, "the file went away");
  while (loader.work(50)) {
  }
  const ui::LoadedProfile& p = loader.loaded();
  ASSERT_EQ(p.state, ui::ProfileState::kReady);
  ASSERT_FALSE(p.trace.problems.empty());
  // Named first: where it stopped and why (the reader then says the JSON was cut there).
  EXPECT_NE(p.trace.problems.front().find("stopped reading at byte 600000: the file went away"),
            std::string::npos)
      << p.trace.problems.front();
  const std::uint64_t slices = profile::summarize(p.trace).slices;
  EXPECT_GT(slices, 1000u);
  EXPECT_LT(slices, 44666u);
}

}  // namespace
}  // namespace el::app
