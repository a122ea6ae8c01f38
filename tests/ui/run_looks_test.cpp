// ui/run_looks: run labels that tell runs apart, and distinct colours that
// stay with a run's name.
#include "ui/run_looks.h"

#include <gtest/gtest.h>

#include <set>

#include "ui/palette.h"

namespace el::ui {
namespace {

// Width in characters (UTF-8 code points): every glyph one unit wide.
float chars(std::string_view s) {
  float n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xc0) != 0x80;
  return n;
}

TEST(RunLabels, TheSharedPathPrefixIsDropped) {
  // Eleven runs of one Keras folder, as the corpus' tf2-keras logdir has them.
  std::vector<std::string> names;
  for (int i = 0; i < 11; ++i)
    names.push_back("tf2-keras/TheCodeheadMT__TensorBoard/run" + std::to_string(i) + "/train");
  EXPECT_EQ(shared_run_prefix(names), "tf2-keras/TheCodeheadMT__TensorBoard/");
  EXPECT_EQ(shared_run_prefix({"exp_lr0.1/train", "exp_lr0.2/train"}), "") << "only whole segments go";
  EXPECT_EQ(shared_run_prefix({"a/b", "a/b/c"}), "a/") << "no run is left without a label";
  EXPECT_EQ(shared_run_prefix({"a/b/c", "a/b/c"}), "a/b/");
  EXPECT_EQ(shared_run_prefix({"only/one/run"}), "") << "one run keeps its name";
  EXPECT_EQ(shared_run_prefix({".", "train", "validation"}), "");
  EXPECT_EQ(shared_run_prefix({}), "");
}

TEST(RunLabels, ElisionKeepsTheStartAndTwiceAsMuchOfTheEnd) {
  EXPECT_EQ(elide_middle("short", 10, chars), "short");
  // 26 letters in 10: "…" takes 1, the end 6 (two thirds of 9), the start 3.
  EXPECT_EQ(elide_middle("abcdefghijklmnopqrstuvwxyz", 10, chars), "abc\xe2\x80\xa6uvwxyz");
  // Greek: cuts fall between characters, never inside one. 12 letters in 7: end 4, start 2.
  EXPECT_EQ(
      elide_middle(
          "\xce\xb1\xce\xb2\xce\xb3\xce\xb4\xce\xb5\xce\xb6\xce\xb7\xce\xb8\xce\xb9\xce\xba\xce\xbb\xce\xbc",
          7, chars),
      "\xce\xb1\xce\xb2\xe2\x80\xa6\xce\xb9\xce\xba\xce\xbb\xce\xbc");
  EXPECT_EQ(elide_middle("abcdef", 0.5f, chars), "\xe2\x80\xa6") << "no room: the ellipsis alone";
}

TEST(RunColors, OpenRunsGetDistinctColoursInListOrder) {
  std::vector<std::string> names;
  for (int i = 0; i < 11; ++i) names.push_back("prefix/run" + std::to_string(i));
  ColorMemory memory;
  RunLooks looks;
  looks.assign(names, memory);
  for (int i = 0; i < 11; ++i)
    EXPECT_EQ(looks.color(names[static_cast<std::size_t>(i)]), palette_color(i)) << i;
  EXPECT_EQ(looks.label("prefix/run3"), "run3");
  EXPECT_EQ(looks.label("prefix/session-7"), "session-7") << "not a run with data, but under the prefix";
  EXPECT_EQ(looks.label("prefix/"), "prefix/");
  EXPECT_EQ(looks.prefix(), "prefix/");
  EXPECT_EQ(memory.size(), 11u);
}

TEST(RunColors, DistinctUpToThePaletteSizeThenEvenlyShared) {
  std::vector<std::string> names;
  for (int i = 0; i < kPaletteSize + 6; ++i) names.push_back("r" + std::to_string(i));
  ColorMemory memory;
  RunLooks looks;
  looks.assign(names, memory);
  std::set<std::uint32_t> first;
  for (int i = 0; i < kPaletteSize; ++i) first.insert(looks.color(names[static_cast<std::size_t>(i)]));
  EXPECT_EQ(first.size(), static_cast<std::size_t>(kPaletteSize));
  // Beyond the palette, colours repeat from the first again.
  EXPECT_EQ(looks.color(names[static_cast<std::size_t>(kPaletteSize)]), palette_color(0));
}

TEST(RunColors, AColourStaysWithItsNameAcrossReloads) {
  ColorMemory memory;
  {
    RunLooks looks;
    looks.assign({"a", "b", "c"}, memory);  // 0, 1, 2
  }
  // Reload with a new run listed first and "a" gone: b and c keep theirs; the
  // new run takes the first colour no open run holds (a's, now free).
  RunLooks looks;
  looks.assign({"0-new", "b", "c"}, memory);
  EXPECT_EQ(looks.color("b"), palette_color(1));
  EXPECT_EQ(looks.color("c"), palette_color(2));
  EXPECT_EQ(looks.color("0-new"), palette_color(0));
  // "a" comes back: its colour is taken, so it gets the first free one and is remembered with it.
  looks.assign({"0-new", "a", "b", "c"}, memory);
  EXPECT_EQ(looks.color("a"), palette_color(3));
  EXPECT_EQ(memory.at("a"), 3);
  RunLooks again;
  again.assign({"0-new", "a", "b", "c"}, memory);
  for (const char* n : {"0-new", "a", "b", "c"}) EXPECT_EQ(again.color(n), looks.color(n)) << n;
}

TEST(RunColors, ARunWhoseDataArrivesLaterKeepsItsColour) {
  ColorMemory memory;
  RunLooks looks;
  looks.assign({"a", "b", "c"}, memory);  // 0, 1, 2
  // Reopened with a new run: "0-new" and "a" have data, "b" and "c" wait.
  // The new run must not take b's or c's remembered colour.
  RunLooks again;
  again.assign({"0-new", "a"}, memory, {"b", "c"});
  EXPECT_EQ(again.color("a"), palette_color(0));
  EXPECT_EQ(again.color("0-new"), palette_color(3));
  again.assign({"0-new", "a", "b", "c"}, memory);
  EXPECT_EQ(again.color("b"), palette_color(1));
  EXPECT_EQ(again.color("c"), palette_color(2));
  EXPECT_EQ(again.color("0-new"), palette_color(3));
}

TEST(RunColors, ClashingOrBadMemoryIsRepaired) {
  ColorMemory memory{{"x", 5}, {"y", 5}, {"z", 99}};
  RunLooks looks;
  looks.assign({"x", "y", "z"}, memory);
  EXPECT_EQ(looks.color("x"), palette_color(5));
  EXPECT_EQ(looks.color("y"), palette_color(0));
  EXPECT_EQ(looks.color("z"), palette_color(1));
  EXPECT_EQ(memory.at("z"), 1);
}

TEST(RunColors, MemoryIsBoundedAndKeepsTheOpenRuns) {
  ColorMemory memory;
  for (std::size_t i = 0; i < RunLooks::kMaxRemembered; ++i) memory["old" + std::to_string(i)] = 7;
  RunLooks looks;
  looks.assign({"new1", "new2"}, memory);
  EXPECT_LE(memory.size(), RunLooks::kMaxRemembered);
  EXPECT_EQ(memory.count("new1") + memory.count("new2"), 2u);
  EXPECT_EQ(looks.label("not open"), "not open");
}

}  // namespace
}  // namespace el::ui
