// app/media_reads: one read per record and tag, at most eight out, newest asks first.
#include "app/media_reads.h"

#include <gtest/gtest.h>

namespace el::app {
namespace {

store::BlobRef ref_at(std::uint64_t offset) { return {1, 100, offset}; }

TEST(MediaReads, OneReadPerRecordAndTagHoweverOftenAsked) {
  MediaReads reads;
  reads.request(ref_at(16), {1, 16, "a"}, events::Kind::kImages);
  reads.request(ref_at(16), {1, 16, "a"}, events::Kind::kImages);
  reads.request(ref_at(16), {1, 16, "b"}, events::Kind::kImages);  // another tag of the same record
  EXPECT_EQ(reads.waiting(), 2u);
  const auto due = reads.take_due();
  ASSERT_EQ(due.size(), 2u);
  EXPECT_EQ(due[0].second.key.tag, "b") << "the newest ask goes first";
  EXPECT_EQ(due[1].second.key.tag, "a");
  EXPECT_TRUE(reads.take_due().empty()) << "handed out once";
  reads.request(ref_at(16), {1, 16, "a"}, events::Kind::kImages);
  EXPECT_TRUE(reads.take_due().empty()) << "already out: not asked again";
}

TEST(MediaReads, AtMostEightOutAndAnAnswerFreesASlot) {
  MediaReads reads;
  for (std::uint64_t i = 0; i < 11; ++i)
    reads.request(ref_at(i * 100), {1, i * 100, "t"}, events::Kind::kAudio);
  auto first = reads.take_due();
  ASSERT_EQ(first.size(), MediaReads::kMaxOutstanding);
  EXPECT_EQ(first.front().second.ref.offset, 1000u) << "newest first";
  EXPECT_EQ(first.back().second.ref.offset, 300u);
  EXPECT_TRUE(reads.take_due().empty()) << "eight are out";
  const std::optional<MediaRead> got = reads.answered(first[2].first);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->ref.offset, 800u);
  EXPECT_EQ(got->kind, events::Kind::kAudio);
  EXPECT_FALSE(reads.answered(first[2].first).has_value()) << "an answer counts once";
  const auto next = reads.take_due();
  ASSERT_EQ(next.size(), 1u);
  EXPECT_EQ(next[0].second.ref.offset, 200u);
  EXPECT_EQ(reads.waiting(), 10u);
}

TEST(MediaReads, ClearForgetsEveryTicketAndAnswersToItAreIgnored) {
  MediaReads reads;
  reads.request(ref_at(0), {1, 0, "t"}, events::Kind::kImages);
  const auto due = reads.take_due();
  ASSERT_EQ(due.size(), 1u);
  reads.clear();
  EXPECT_EQ(reads.waiting(), 0u);
  EXPECT_FALSE(reads.answered(due[0].first).has_value());
  reads.request(ref_at(0), {1, 0, "t"}, events::Kind::kImages);
  ASSERT_EQ(reads.take_due().size(), 1u) << "the record can be asked for again";
}

TEST(MediaReads, AnAnswerToAReadNeverHandedOutLeavesNoQueuedTicket) {
  MediaReads reads;
  reads.request(ref_at(0), {1, 0, "t"}, events::Kind::kImages);
  ASSERT_TRUE(reads.answered(1).has_value()) << "tickets count from 1";
  EXPECT_TRUE(reads.take_due().empty());
  EXPECT_EQ(reads.waiting(), 0u);
}

}  // namespace
}  // namespace el::app
