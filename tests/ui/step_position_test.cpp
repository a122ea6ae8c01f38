// Which step an image or audio card shows while records stream in: a linked
// step holds (the card does not jump to the newest record when the file
// reaches past it), -1 follows the newest, and a user's move sets the link.
#include "ui/step_position.h"

#include <gtest/gtest.h>

#include <numeric>

namespace el::ui {
namespace {

// The first `n` records of a series logged every 500 steps from 0.
struct Series {
  std::vector<std::int64_t> steps{0, 500, 1000, 1500, 2000, 2500};
  std::vector<std::uint32_t> first(std::size_t n) const {
    std::vector<std::uint32_t> r(n);
    std::iota(r.begin(), r.end(), 0u);
    return r;
  }
};

TEST(StepPosition, LinkedStepHoldsWhileLaterRecordsArrive) {
  Series s;
  StepPosition at;
  std::int64_t linked = 1000;
  EXPECT_EQ(at.resolve(s.steps, s.first(2), linked), 1u);  // steps 0, 500 so far: 500 is the last <= 1000
  EXPECT_EQ(at.resolve(s.steps, s.first(3), linked), 2u);  // 1000 arrived
  EXPECT_EQ(at.resolve(s.steps, s.first(6), linked), 2u);  // 2500 arrived: still at 1000, not the newest
  EXPECT_EQ(linked, 1000);
}

TEST(StepPosition, NoLinkedStepFollowsTheNewest) {
  Series s;
  StepPosition at;
  std::int64_t linked = -1;
  EXPECT_EQ(at.resolve(s.steps, s.first(2), linked), 1u);
  EXPECT_EQ(at.resolve(s.steps, s.first(5), linked), 4u);
  EXPECT_EQ(at.resolve(s.steps, s.first(6), linked), 5u);
}

TEST(StepPosition, AStepBeforeEveryRecordShowsTheFirst) {
  Series s;
  StepPosition at;
  std::int64_t linked = 100;
  EXPECT_EQ(at.resolve({500, 1000}, s.first(2), linked), 0u);
}

TEST(StepPosition, MovesSetTheLinkAndAnotherCardsStepRepositions) {
  Series s;
  StepPosition a, b;
  std::int64_t linked = -1;
  const auto all = s.first(6);
  EXPECT_EQ(a.resolve(s.steps, all, linked), 5u);
  EXPECT_EQ(b.resolve(s.steps, all, linked), 5u);
  a.moved_to(1, s.steps, all, linked);  // card a to step 500
  EXPECT_EQ(linked, 500);
  EXPECT_EQ(a.resolve(s.steps, all, linked), 1u);
  EXPECT_EQ(b.resolve({0, 250, 750, 1250, 1750, 2250}, all, linked), 1u);  // b's last step <= 500 is 250
  a.moved_to(5, s.steps, all, linked);  // back to the newest: both follow new records again
  EXPECT_EQ(linked, -1);
  std::vector<std::int64_t> more = s.steps;
  more.push_back(3000);
  EXPECT_EQ(a.resolve(more, s.first(6), linked), 5u);
  auto seven = s.first(7);
  EXPECT_EQ(a.resolve(more, seven, linked), 6u);
  EXPECT_EQ(b.resolve(more, seven, linked), 6u);
}

TEST(StepPosition, AMoveToTheLastRecordWhileHoldingFollowsAgain) {
  Series s;
  StepPosition at;
  std::int64_t linked = 1000;
  EXPECT_EQ(at.resolve(s.steps, s.first(3), linked), 2u);  // the held step is the last record so far
  at.moved_to(2, s.steps, s.first(3), linked);             // the user chooses the last record
  EXPECT_EQ(linked, -1);
  EXPECT_EQ(at.resolve(s.steps, s.first(6), linked), 5u);
}

}  // namespace
}  // namespace el::ui
