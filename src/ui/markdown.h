// Markdown as text summaries use it (TensorBoard renders rank-0 text tensors
// as Markdown), parsed into blocks and styled spans that the text dashboard
// draws with ImGui. Never HTML: tags in the text are text. Plain C++, tested
// on its own.
//
// Blocks: ATX headings (#..######), paragraphs, fenced (``` or ~~~) and
// indented code blocks, bullet (-, *, +) and ordered (1. or 1)) list items
// with nesting by indentation, block quotes (> , nested), GFM pipe tables
// with alignment, and thematic breaks (---, ***, ___).
// Inline: **strong** / __strong__, *emphasis* / _emphasis_, `code`,
// [links](url), <https://autolinks>, backslash escapes, hard line breaks.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace el::ui::md {

enum SpanStyle : std::uint8_t {
  kPlain = 0,
  kStrong = 1,
  kEmphasis = 2,
  kCode = 4,
  kLink = 8,
  kLineBreak = 16,  // a forced line break (the span's text is empty)
};

struct Span {
  std::string text;
  std::uint8_t style = kPlain;
  std::string url;  // kLink
  bool operator==(const Span&) const = default;
};

enum class BlockKind : std::uint8_t { kParagraph, kHeading, kCode, kListItem, kTable, kRule };

struct Block {
  BlockKind kind = BlockKind::kParagraph;
  int level = 0;                                     // heading: 1..6; list item: nesting depth from 0
  int quote = 0;                                     // block-quote depth
  std::string marker;                                // list item: "•" or "3."
  std::vector<Span> spans;                           // paragraph, heading, list item
  std::string code;                                  // code block (lines joined with '\n')
  std::string info;                                  // code block: the fence's info string (a language)
  std::vector<std::vector<std::vector<Span>>> rows;  // table: header row first, then body rows
  std::vector<char> align;                           // table: 'l', 'c' or 'r' per column
};

std::vector<Block> parse(std::string_view text);
std::vector<Span> parse_inline(std::string_view text);
// The text of spans without styling (for tests and copying).
std::string plain_text(const std::vector<Span>& spans);

}  // namespace el::ui::md
