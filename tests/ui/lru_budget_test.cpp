// The texture cache's policy: least recently used out first, under a byte
// budget; the newest item always stays.
#include "ui/lru_budget.h"

#include <gtest/gtest.h>

#include <string>

namespace el::ui {
namespace {

TEST(LruBudget, EvictsLeastRecentlyUsedFirst) {
  LruBudget<std::string> lru(100);
  std::vector<std::string> out;
  lru.touch("a", 40);
  lru.touch("b", 40);
  lru.trim(out);
  EXPECT_TRUE(out.empty());
  lru.touch("a", 40);  // a is now newer than b
  lru.touch("c", 40);  // 120 > 100: b goes
  lru.trim(out);
  EXPECT_EQ(out, (std::vector<std::string>{"b"}));
  EXPECT_EQ(lru.bytes(), 80u);
  EXPECT_TRUE(lru.contains("a"));
  EXPECT_FALSE(lru.contains("b"));
}

TEST(LruBudget, ResizedItemsAndTheNewestOversizedOne) {
  LruBudget<int> lru(100);
  std::vector<int> out;
  lru.touch(1, 30);
  lru.touch(2, 30);
  lru.touch(1, 50);  // grew: counted once, at its new size
  EXPECT_EQ(lru.bytes(), 80u);
  EXPECT_EQ(lru.size(), 2u);
  lru.touch(3, 500);  // larger than the budget: everything else goes, it stays
  lru.trim(out);
  EXPECT_EQ(out, (std::vector<int>{2, 1}));
  EXPECT_EQ(lru.size(), 1u);
  EXPECT_EQ(lru.bytes(), 500u);
  lru.erase(3);
  EXPECT_EQ(lru.bytes(), 0u);
}

// Stepping through 1,000 images of 1 MB under a 256 MB budget never holds
// more than the budget after each trim.
TEST(LruBudget, SteppingThroughManyItemsStaysUnderTheBudget) {
  LruBudget<int> lru(256u << 20);
  std::vector<int> out;
  std::size_t peak = 0;
  for (int i = 0; i < 1000; ++i) {
    lru.touch(i, 1u << 20);
    lru.trim(out);
    peak = std::max(peak, lru.bytes());
  }
  EXPECT_EQ(peak, 256u << 20);
  EXPECT_EQ(out.size(), 1000u - 256u);
  EXPECT_EQ(out.front(), 0);
}

}  // namespace
}  // namespace el::ui
