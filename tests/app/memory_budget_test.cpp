// The memory budget's size and its steps, taken in order as the heap fills
// (app/memory_budget.h), with numbers worked out from the stated rules.
#include "app/memory_budget.h"

#include <gtest/gtest.h>

namespace el::app {
namespace {

constexpr std::uint64_t kMB = 1ull << 20;

TEST(MemoryBudget, SizeComesFromTheSettingTheDeviceOr2GBAndStaysUnderTheHeapLimit) {
  EXPECT_EQ(memory_budget_bytes(0, {}), 2048 * kMB);                     // nothing known
  EXPECT_EQ(memory_budget_bytes(0, {0, 0, 8}), 4096 * kMB);              // half of an 8 GB device
  EXPECT_EQ(memory_budget_bytes(0, {0, 0, 0.5}), 256 * kMB);             // half of 512 MB
  EXPECT_EQ(memory_budget_bytes(0, {0, 4096 * kMB, 8}), 3584 * kMB);     // 7/8 of a 4 GB wasm heap
  EXPECT_EQ(memory_budget_bytes(0, {0, 256 * kMB, 0}), 224 * kMB);       // the small build
  EXPECT_EQ(memory_budget_bytes(1000, {0, 4096 * kMB, 8}), 1000 * kMB);  // the user's setting wins
  EXPECT_EQ(memory_budget_bytes(9000, {0, 4096 * kMB, 8}), 3584 * kMB);  // ... but not past the limit
}

TEST(MemoryBudget, StepsComeInOrderAndStayWhileFullnessComesAndGoes) {
  MemoryBudget b;
  const std::uint64_t budget = 1000 * kMB;
  EXPECT_FALSE(b.update(599 * kMB, budget));
  EXPECT_EQ(b.step(), MemoryStep::kNone);
  EXPECT_TRUE(b.update(600 * kMB, budget));
  EXPECT_EQ(b.step(), MemoryStep::kMediaDropped);
  EXPECT_TRUE(b.update(700 * kMB, budget));
  EXPECT_EQ(b.step(), MemoryStep::kHistogramsThinned);
  EXPECT_FALSE(b.update(650 * kMB, budget));  // thinning freed memory: the step stays
  EXPECT_EQ(b.step(), MemoryStep::kHistogramsThinned);
  EXPECT_TRUE(b.update(800 * kMB, budget));
  EXPECT_EQ(b.step(), MemoryStep::kNewRunsStopped);
  EXPECT_FALSE(b.full());
  EXPECT_FALSE(b.update(999 * kMB, budget));
  EXPECT_FALSE(b.full());
  EXPECT_TRUE(b.update(1000 * kMB, budget));
  EXPECT_TRUE(b.full());
  EXPECT_FALSE(b.update(950 * kMB, budget));  // still full between 95% and 100%
  EXPECT_TRUE(b.full());
  EXPECT_TRUE(b.update(949 * kMB, budget));  // runs unloaded: reading may go on
  EXPECT_FALSE(b.full());
  EXPECT_EQ(b.step(), MemoryStep::kNewRunsStopped);
  EXPECT_EQ(b.peak(), 1000 * kMB);
  b.clear();
  EXPECT_EQ(b.step(), MemoryStep::kNone);
}

// A column doubling its capacity can take the heap past several marks between
// two measures: each step is taken on its own measure, so thinning histograms
// (step 2) gets the chance to free memory before new runs are stopped (step 3).
TEST(MemoryBudget, AJumpTakesOneStepPerMeasure) {
  MemoryBudget b;
  EXPECT_TRUE(b.update(1000, 1000));
  EXPECT_EQ(b.step(), MemoryStep::kMediaDropped);
  EXPECT_FALSE(b.full());
  EXPECT_TRUE(b.update(1000, 1000));  // media dropped freed nothing
  EXPECT_EQ(b.step(), MemoryStep::kHistogramsThinned);
  EXPECT_FALSE(b.full());
  EXPECT_FALSE(b.update(500, 1000));  // thinning freed half: no further step
  EXPECT_EQ(b.step(), MemoryStep::kHistogramsThinned);

  MemoryBudget c;
  for (int measure = 0; measure < 3; ++measure) EXPECT_TRUE(c.update(1000, 1000));
  EXPECT_EQ(c.step(), MemoryStep::kNewRunsStopped);
  EXPECT_FALSE(c.full());  // full only on a measure after the last step
  EXPECT_TRUE(c.update(1000, 1000));
  EXPECT_TRUE(c.full());
  EXPECT_EQ(c.peak(), 1000u);
}

}  // namespace
}  // namespace el::app
