// Markdown for text summaries: one document with every construct the text
// dashboard draws, block by block, and HTML staying literal text.
#include "ui/markdown.h"

#include <gtest/gtest.h>

namespace el::ui::md {
namespace {

Span plain(const char* t) { return {t, kPlain, ""}; }

}  // namespace

void PrintTo(const Span& s, std::ostream* os) {
  *os << "{\"" << s.text << "\", style " << int(s.style) << (s.url.empty() ? "" : ", " + s.url) << "}";
}

namespace {

TEST(Markdown, EveryConstructOfADocument) {
  const char* doc =
      "# Run report\n"
      "Setext title\n"
      "============\n"
      "Loss went **down** by *half*, see `loss/train` and\n"
      "[the docs](https://example.com/docs \"title\").  \n"
      "Next line after a hard break.\n"
      "\n"
      "- first\n"
      "- second with __strong__ and _em_\n"
      "  continued here\n"
      "  - nested\n"
      "1. one\n"
      "2) two\n"
      "\n"
      "> quoted **text**\n"
      "> > deeper\n"
      "\n"
      "```python\n"
      "print('hi')\n"
      "  indented\n"
      "```\n"
      "\n"
      "    indented code\n"
      "\n"
      "| metric | value | note |\n"
      "|:-------|------:|:----:|\n"
      "| loss   | 0.25  | a \\| b |\n"
      "| acc    | 0.9   |\n"
      "\n"
      "---\n"
      "### Small ###\n"
      "snake_case_words stay and 2 * 3 * 4 too; <https://x.org/a> and \\*not em\\*.\n";
  const std::vector<Block> b = parse(doc);
  ASSERT_EQ(b.size(), 16u);

  EXPECT_EQ(b[0].kind, BlockKind::kHeading);
  EXPECT_EQ(b[0].level, 1);
  EXPECT_EQ(b[0].spans, std::vector<Span>{plain("Run report")});
  EXPECT_EQ(b[1].kind, BlockKind::kHeading);
  EXPECT_EQ(b[1].level, 1);
  EXPECT_EQ(plain_text(b[1].spans), "Setext title");

  EXPECT_EQ(b[2].kind, BlockKind::kParagraph);
  const std::vector<Span> para = {plain("Loss went "),
                                  {"down", kStrong, ""},
                                  plain(" by "),
                                  {"half", kEmphasis, ""},
                                  plain(", see "),
                                  {"loss/train", kCode, ""},
                                  plain(" and "),
                                  {"the docs", kLink, "https://example.com/docs"},
                                  plain("."),
                                  {"", kLineBreak, ""},
                                  plain("Next line after a hard break.")};
  EXPECT_EQ(b[2].spans, para);

  EXPECT_EQ(b[3].kind, BlockKind::kListItem);
  EXPECT_EQ(b[3].marker, "\xE2\x80\xA2");
  EXPECT_EQ(b[3].level, 0);
  EXPECT_EQ(plain_text(b[3].spans), "first");
  const std::vector<Span> second = {plain("second with "),
                                    {"strong", kStrong, ""},
                                    plain(" and "),
                                    {"em", kEmphasis, ""},
                                    plain(" continued here")};
  EXPECT_EQ(b[4].spans, second);
  EXPECT_EQ(b[5].kind, BlockKind::kListItem);
  EXPECT_EQ(b[5].level, 1);
  EXPECT_EQ(b[5].marker, "\xE2\x80\x93");
  EXPECT_EQ(plain_text(b[5].spans), "nested");
  EXPECT_EQ(b[6].marker, "1.");
  EXPECT_EQ(plain_text(b[6].spans), "one");
  EXPECT_EQ(b[7].marker, "2.");

  EXPECT_EQ(b[8].kind, BlockKind::kParagraph);
  EXPECT_EQ(b[8].quote, 1);
  EXPECT_EQ(b[8].spans, (std::vector<Span>{plain("quoted "), {"text", kStrong, ""}}));
  EXPECT_EQ(b[9].quote, 2);
  EXPECT_EQ(plain_text(b[9].spans), "deeper");

  EXPECT_EQ(b[10].kind, BlockKind::kCode);
  EXPECT_EQ(b[10].info, "python");
  EXPECT_EQ(b[10].code, "print('hi')\n  indented");
  EXPECT_EQ(b[11].kind, BlockKind::kCode);
  EXPECT_EQ(b[11].code, "indented code");

  ASSERT_EQ(b[12].kind, BlockKind::kTable);
  EXPECT_EQ(b[12].align, (std::vector<char>{'l', 'r', 'c'}));
  ASSERT_EQ(b[12].rows.size(), 3u);
  EXPECT_EQ(plain_text(b[12].rows[0][0]), "metric");
  EXPECT_EQ(plain_text(b[12].rows[1][1]), "0.25");
  EXPECT_EQ(plain_text(b[12].rows[1][2]), "a | b");
  EXPECT_EQ(b[12].rows[2].size(), 3u) << "a short row is padded";
  EXPECT_EQ(plain_text(b[12].rows[2][2]), "");

  EXPECT_EQ(b[13].kind, BlockKind::kRule);
  EXPECT_EQ(b[14].kind, BlockKind::kHeading);
  EXPECT_EQ(b[14].level, 3);
  EXPECT_EQ(plain_text(b[14].spans), "Small");
  const std::vector<Span> last = {plain("snake_case_words stay and 2 * 3 * 4 too; "),
                                  {"https://x.org/a", kLink, "https://x.org/a"},
                                  plain(" and *not em*.")};
  EXPECT_EQ(b[15].spans, last);
}

TEST(Markdown, HtmlIsText) {
  const auto b = parse("<script>alert('x')</script>\n\n<b>bold?</b> <img src=x onerror=alert(1)>");
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[0].spans, std::vector<Span>{plain("<script>alert('x')</script>")});
  EXPECT_EQ(plain_text(b[1].spans), "<b>bold?</b> <img src=x onerror=alert(1)>");
  for (const auto& s : b[1].spans) EXPECT_EQ(s.style, kPlain);
}

TEST(Markdown, UnclosedMarkersStayLiteral) {
  EXPECT_EQ(parse_inline("a **b and `c"), std::vector<Span>{plain("a **b and `c")});
  EXPECT_EQ(parse_inline("[text](no close"), std::vector<Span>{plain("[text](no close")});
  EXPECT_EQ(parse_inline("***both***"), (std::vector<Span>{{"both", kStrong | kEmphasis, ""}}));
  EXPECT_EQ(parse_inline("``a ` b``"), (std::vector<Span>{{"a ` b", kCode, ""}}));
}

}  // namespace
}  // namespace el::ui::md
