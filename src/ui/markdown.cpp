// [SECTION] inline spans
// [SECTION] block helpers
// [SECTION] blocks
#include "ui/markdown.h"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace el::ui::md {
namespace {

// [SECTION] inline spans ------------------------------------------------------------------
void append(std::vector<Span>& out, Span s) {
  if (s.text.empty() && !(s.style & kLineBreak)) return;
  if (!out.empty() && !(s.style & kLineBreak) && out.back().style == s.style && out.back().url == s.url) {
    out.back().text += s.text;
    return;
  }
  out.push_back(std::move(s));
}

bool is_punct(char c) { return std::ispunct(static_cast<unsigned char>(c)) != 0; }
bool is_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Where the closing delimiter `delim` of an emphasis opened at `from` is, or npos:
// not right after the opening, not after a space, not escaped; for '_', not inside a word.
std::size_t find_closer(std::string_view t, std::size_t from, std::string_view delim) {
  for (std::size_t j = from; j + delim.size() <= t.size(); ++j) {
    if (t[j] == '\\') {
      ++j;
      continue;
    }
    if (t[j] == '`') {  // code spans bind tighter: skip them
      std::size_t k = t.find('`', j + 1);
      if (k == std::string_view::npos) return std::string_view::npos;
      j = k;
      continue;
    }
    if (t.compare(j, delim.size(), delim) != 0 || j == from) continue;
    if (std::isspace(static_cast<unsigned char>(t[j - 1]))) continue;
    if (delim[0] == '_' && j + delim.size() < t.size() && is_alnum(t[j + delim.size()])) continue;
    // A longer run of the same character closes a longer opener, not this one.
    if (j + delim.size() < t.size() && t[j + delim.size()] == delim[0] && delim.size() < 3) {
      const std::size_t run_end = t.find_first_not_of(delim[0], j);
      if (run_end == std::string_view::npos || run_end - j != delim.size()) {
        j = (run_end == std::string_view::npos ? t.size() : run_end) - 1;
        continue;
      }
    }
    return j;
  }
  return std::string_view::npos;
}

void parse_into(std::string_view t, std::uint8_t style, const std::string& url, std::vector<Span>& out) {
  std::string cur;
  auto flush = [&] {
    append(out, {cur, style, url});
    cur.clear();
  };
  for (std::size_t i = 0; i < t.size();) {
    const char c = t[i];
    if (c == '\\' && i + 1 < t.size() && is_punct(t[i + 1])) {
      cur += t[i + 1];
      i += 2;
      continue;
    }
    if (c == '\\' && i + 1 < t.size() && t[i + 1] == '\n') {  // backslash hard break
      flush();
      append(out, {"", static_cast<std::uint8_t>(kLineBreak), ""});
      i += 2;
      continue;
    }
    if (c == '\n') {
      if (cur.size() >= 2 && cur.compare(cur.size() - 2, 2, "  ") == 0) {  // two spaces: hard break
        while (!cur.empty() && cur.back() == ' ') cur.pop_back();
        flush();
        append(out, {"", static_cast<std::uint8_t>(kLineBreak), ""});
      } else {
        while (!cur.empty() && cur.back() == ' ') cur.pop_back();
        cur += ' ';
      }
      ++i;
      while (i < t.size() && t[i] == ' ') ++i;
      continue;
    }
    if (c == '`') {
      const std::size_t run = t.find_first_not_of('`', i) == std::string_view::npos
                                  ? t.size() - i
                                  : t.find_first_not_of('`', i) - i;
      const std::string ticks(run, '`');
      std::size_t close = t.find(ticks, i + run);
      while (close != std::string_view::npos && close + run < t.size() && t[close + run] == '`')
        close = t.find(ticks, t.find_first_not_of('`', close));
      if (close != std::string_view::npos) {
        std::string code(t.substr(i + run, close - i - run));
        std::replace(code.begin(), code.end(), '\n', ' ');
        if (code.size() >= 2 && code.front() == ' ' && code.back() == ' ' &&
            code.find_first_not_of(' ') != std::string::npos)
          code = code.substr(1, code.size() - 2);
        flush();
        append(out, {code, static_cast<std::uint8_t>(style | kCode), url});
        i = close + run;
        continue;
      }
      cur += ticks;
      i += run;
      continue;
    }
    if ((c == '*' || c == '_') && i + 1 < t.size() && !std::isspace(static_cast<unsigned char>(t[i + 1])) &&
        !(c == '_' && i > 0 && is_alnum(t[i - 1]))) {
      const std::size_t run = std::min<std::size_t>(3, t.find_first_not_of(c, i) == std::string_view::npos
                                                           ? t.size() - i
                                                           : t.find_first_not_of(c, i) - i);
      bool done = false;
      for (std::size_t k = run; k >= 1 && !done; --k) {
        const std::string delim(k, c);
        const std::size_t close = find_closer(t, i + k, delim);
        if (close == std::string_view::npos) continue;
        const std::uint8_t add = k == 3 ? (kStrong | kEmphasis) : k == 2 ? kStrong : kEmphasis;
        flush();
        parse_into(t.substr(i + k, close - i - k), static_cast<std::uint8_t>(style | add), url, out);
        i = close + k;
        done = true;
      }
      if (done) continue;
      cur += c;
      ++i;
      continue;
    }
    if (c == '[' && !(style & kLink)) {
      const std::size_t close = t.find(']', i + 1);
      if (close != std::string_view::npos && close + 1 < t.size() && t[close + 1] == '(') {
        const std::size_t end = t.find(')', close + 2);
        if (end != std::string_view::npos) {
          std::string target(t.substr(close + 2, end - close - 2));
          target.erase(0, target.find_first_not_of(' '));
          if (const std::size_t sp = target.find(' '); sp != std::string::npos) target.resize(sp);  // a title
          if (target.size() >= 2 && target.front() == '<' && target.back() == '>')
            target = target.substr(1, target.size() - 2);
          flush();
          parse_into(t.substr(i + 1, close - i - 1), static_cast<std::uint8_t>(style | kLink), target, out);
          i = end + 1;
          continue;
        }
      }
    }
    if (c == '<' && !(style & kLink)) {
      const std::size_t close = t.find('>', i + 1);
      if (close != std::string_view::npos) {
        const std::string_view inner = t.substr(i + 1, close - i - 1);
        const bool url_like = (inner.rfind("http://", 0) == 0 || inner.rfind("https://", 0) == 0 ||
                               inner.rfind("mailto:", 0) == 0) &&
                              inner.find_first_of(" \t\n<") == std::string_view::npos;
        if (url_like) {
          flush();
          append(out, {std::string(inner), static_cast<std::uint8_t>(style | kLink), std::string(inner)});
          i = close + 1;
          continue;
        }
      }
    }
    cur += c;
    ++i;
  }
  flush();
}

// [SECTION] block helpers ---------------------------------------------------------------------
std::string_view trim(std::string_view s) {
  const std::size_t a = s.find_first_not_of(" \t\r");
  if (a == std::string_view::npos) return {};
  const std::size_t b = s.find_last_not_of(" \t\r");
  return s.substr(a, b - a + 1);
}

bool blank(std::string_view s) { return trim(s).empty(); }

// Without leading blanks (trailing ones stay: two of them make a hard line break).
std::string_view ltrim(std::string_view s) {
  const std::size_t a = s.find_first_not_of(" \t");
  return a == std::string_view::npos ? std::string_view() : s.substr(a);
}

int indent_of(std::string_view s) {
  int n = 0;
  for (char c : s) {
    if (c == ' ')
      ++n;
    else if (c == '\t')
      n += 4 - n % 4;
    else
      break;
  }
  return n;
}

// The line without up to 3 leading spaces (more is indented code).
std::string_view body(std::string_view s) {
  std::size_t k = 0;
  while (k < s.size() && k < 3 && s[k] == ' ') ++k;
  return s.substr(k);
}

bool is_fence(std::string_view s, char& ch, std::size_t& len) {
  if (s.size() < 3 || (s[0] != '`' && s[0] != '~')) return false;
  const std::size_t n =
      s.find_first_not_of(s[0]) == std::string_view::npos ? s.size() : s.find_first_not_of(s[0]);
  if (n < 3) return false;
  if (s[0] == '`' && s.substr(n).find('`') != std::string_view::npos) return false;
  ch = s[0];
  len = n;
  return true;
}

bool is_rule(std::string_view s) {
  s = trim(s);
  if (s.empty() || (s[0] != '-' && s[0] != '*' && s[0] != '_')) return false;
  int count = 0;
  for (char c : s) {
    if (c == s[0])
      ++count;
    else if (c != ' ' && c != '\t')
      return false;
  }
  return count >= 3;
}

// "- item", "* item", "+ item", "1. item", "2) item": marker and text.
bool list_item(std::string_view line, int& indent, std::string& marker, std::string_view& text) {
  indent = indent_of(line);
  std::string_view s = line.substr(
      line.find_first_not_of(" \t") == std::string_view::npos ? line.size() : line.find_first_not_of(" \t"));
  if (s.empty()) return false;
  std::size_t n = 0;
  if (s[0] == '-' || s[0] == '*' || s[0] == '+') {
    n = 1;
    marker.clear();
  } else {
    while (n < s.size() && n < 9 && std::isdigit(static_cast<unsigned char>(s[n]))) ++n;
    if (n == 0 || n >= s.size() || (s[n] != '.' && s[n] != ')')) return false;
    marker = std::string(s.substr(0, n)) + ".";
    ++n;
  }
  if (n < s.size() && s[n] != ' ' && s[n] != '\t') return false;
  text = trim(s.substr(n));
  return true;
}

bool is_delimiter_row(std::string_view s, std::vector<char>& align) {
  s = trim(s);
  if (s.find('-') == std::string_view::npos || s.find('|') == std::string_view::npos) {
    if (s.find('-') == std::string_view::npos) return false;
  }
  if (!s.empty() && s.front() == '|') s.remove_prefix(1);
  if (!s.empty() && s.back() == '|') s.remove_suffix(1);
  align.clear();
  std::size_t start = 0;
  while (start <= s.size()) {
    const std::size_t bar = std::min(s.find('|', start), s.size());
    const std::string_view cell = trim(s.substr(start, bar - start));
    if (cell.empty()) return false;
    const bool left = cell.front() == ':', right = cell.back() == ':';
    const std::string_view dashes = cell.substr(left ? 1 : 0, cell.size() - (left ? 1 : 0) - (right ? 1 : 0));
    if (dashes.empty() || dashes.find_first_not_of('-') != std::string_view::npos) return false;
    align.push_back(left && right ? 'c' : right ? 'r' : 'l');
    start = bar + 1;
  }
  return !align.empty();
}

std::vector<std::string> split_row(std::string_view s) {
  s = trim(s);
  if (!s.empty() && s.front() == '|') s.remove_prefix(1);
  if (!s.empty() && s.back() == '|' && (s.size() < 2 || s[s.size() - 2] != '\\')) s.remove_suffix(1);
  std::vector<std::string> cells;
  std::string cur;
  bool code = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == '|') {
      cur += '|';
      ++i;
    } else if (s[i] == '`') {
      code = !code;
      cur += '`';
    } else if (s[i] == '|' && !code) {
      cells.emplace_back(trim(cur));
      cur.clear();
    } else {
      cur += s[i];
    }
  }
  cells.emplace_back(trim(cur));
  return cells;
}

// [SECTION] blocks ----------------------------------------------------------------------------
void parse_lines(const std::vector<std::string_view>& lines, int quote, std::vector<Block>& out) {
  std::string para;
  auto flush_para = [&] {
    if (trim(para).empty()) {
      para.clear();
      return;
    }
    Block b;
    b.kind = BlockKind::kParagraph;
    b.quote = quote;
    b.spans = parse_inline(trim(para));
    out.push_back(std::move(b));
    para.clear();
  };
  const std::size_t n = lines.size();
  for (std::size_t i = 0; i < n;) {
    const std::string_view line = lines[i];
    if (blank(line)) {
      flush_para();
      ++i;
      continue;
    }
    const int indent = indent_of(line);
    const std::string_view s = body(line);
    char fence_ch;
    std::size_t fence_len;
    int item_indent;
    std::string marker;
    std::string_view item_text;
    std::vector<char> align;
    if (indent >= 4 && para.empty()) {  // indented code
      Block b;
      b.kind = BlockKind::kCode;
      b.quote = quote;
      std::size_t j = i;
      std::vector<std::string_view> code;
      while (j < n && (blank(lines[j]) || indent_of(lines[j]) >= 4)) {
        std::string_view l = lines[j];
        int strip = 0;
        std::size_t k = 0;
        while (k < l.size() && strip < 4 && (l[k] == ' ' || l[k] == '\t')) strip += l[k++] == '\t' ? 4 : 1;
        code.push_back(l.substr(k));
        ++j;
      }
      while (!code.empty() && blank(code.back())) code.pop_back();
      for (std::size_t k = 0; k < code.size(); ++k) b.code += (k ? "\n" : "") + std::string(code[k]);
      out.push_back(std::move(b));
      i = j;
      continue;
    }
    if (is_fence(s, fence_ch, fence_len)) {
      flush_para();
      Block b;
      b.kind = BlockKind::kCode;
      b.quote = quote;
      b.info = std::string(trim(s.substr(fence_len)));
      std::size_t j = i + 1;
      bool first = true;
      for (; j < n; ++j) {
        char c2;
        std::size_t len2;
        const std::string_view l = body(lines[j]);
        if (is_fence(l, c2, len2) && c2 == fence_ch && len2 >= fence_len && blank(l.substr(len2))) break;
        if (!first) b.code += '\n';
        b.code += lines[j];
        first = false;
      }
      out.push_back(std::move(b));
      i = j + 1;
      continue;
    }
    if (!s.empty() && s[0] == '#') {
      const std::size_t hashes =
          s.find_first_not_of('#') == std::string_view::npos ? s.size() : s.find_first_not_of('#');
      if (hashes <= 6 && (hashes == s.size() || s[hashes] == ' ' || s[hashes] == '\t')) {
        flush_para();
        std::string_view text = trim(s.substr(hashes));
        const std::size_t last = text.find_last_not_of('#');  // closing #s
        if (last == std::string_view::npos)
          text = {};
        else if (last + 1 < text.size() && (text[last] == ' ' || text[last] == '\t'))
          text = trim(text.substr(0, last + 1));
        Block b;
        b.kind = BlockKind::kHeading;
        b.level = static_cast<int>(hashes);
        b.quote = quote;
        b.spans = parse_inline(text);
        out.push_back(std::move(b));
        ++i;
        continue;
      }
    }
    if (!para.empty() && (trim(s).find_first_not_of('=') == std::string_view::npos ||
                          trim(s).find_first_not_of('-') == std::string_view::npos)) {  // setext heading
      Block b;
      b.kind = BlockKind::kHeading;
      b.level = trim(s)[0] == '=' ? 1 : 2;
      b.quote = quote;
      b.spans = parse_inline(trim(para));
      para.clear();
      out.push_back(std::move(b));
      ++i;
      continue;
    }
    if (is_rule(s)) {
      flush_para();
      Block b;
      b.kind = BlockKind::kRule;
      b.quote = quote;
      out.push_back(std::move(b));
      ++i;
      continue;
    }
    if (!s.empty() && s[0] == '>') {
      flush_para();
      std::vector<std::string_view> inner;
      std::size_t j = i;
      while (j < n && !blank(lines[j])) {
        std::string_view l = body(lines[j]);
        if (!l.empty() && l[0] == '>') {
          l.remove_prefix(1);
          if (!l.empty() && l[0] == ' ') l.remove_prefix(1);
        } else if (j > i && (list_item(lines[j], item_indent, marker, item_text) || is_rule(l))) {
          break;
        }
        inner.push_back(l);  // (a line without '>' continues the quoted paragraph)
        ++j;
      }
      parse_lines(inner, quote + 1, out);
      i = j;
      continue;
    }
    if (list_item(line, item_indent, marker, item_text) &&
        !(para.size() && marker.size() && marker != "1.")) {
      flush_para();
      Block b;
      b.kind = BlockKind::kListItem;
      b.level = std::min(6, item_indent / 2);
      b.quote = quote;
      b.marker = marker.empty() ? (b.level % 2 ? "\xE2\x80\x93" : "\xE2\x80\xA2") : marker;  // – or •
      std::string text(item_text);
      std::size_t j = i + 1;
      int dummy_indent;
      std::string dummy_marker;
      std::string_view dummy_text;
      while (j < n && !blank(lines[j]) && !list_item(lines[j], dummy_indent, dummy_marker, dummy_text)) {
        const std::string_view l = body(lines[j]);
        if (is_fence(l, fence_ch, fence_len) || (!l.empty() && (l[0] == '#' || l[0] == '>')) || is_rule(l))
          break;
        text += '\n';
        text += ltrim(lines[j]);
        ++j;
      }
      b.spans = parse_inline(text);
      out.push_back(std::move(b));
      i = j;
      continue;
    }
    if (s.find('|') != std::string_view::npos && i + 1 < n && is_delimiter_row(lines[i + 1], align) &&
        split_row(s).size() == align.size()) {
      flush_para();
      Block b;
      b.kind = BlockKind::kTable;
      b.quote = quote;
      b.align = align;
      std::size_t j = i;
      for (; j < n && !blank(lines[j]) && (j == i || lines[j].find('|') != std::string_view::npos); ++j) {
        if (j == i + 1) continue;  // the delimiter row
        std::vector<std::vector<Span>> row;
        std::vector<std::string> cells = split_row(lines[j]);
        cells.resize(align.size());  // GFM: missing cells are empty, extra ones dropped
        for (const std::string& c : cells) row.push_back(parse_inline(c));
        b.rows.push_back(std::move(row));
      }
      out.push_back(std::move(b));
      i = j;
      continue;
    }
    if (!para.empty()) para += '\n';
    para += ltrim(line);
    ++i;
  }
  flush_para();
}

}  // namespace

std::vector<Span> parse_inline(std::string_view text) {
  std::vector<Span> out;
  parse_into(text, kPlain, "", out);
  return out;
}

std::string plain_text(const std::vector<Span>& spans) {
  std::string out;
  for (const Span& s : spans) out += (s.style & kLineBreak) ? "\n" : s.text;
  return out;
}

std::vector<Block> parse(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view l = text.substr(start, nl - start);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    lines.push_back(l);
    start = nl + 1;
  }
  std::vector<Block> out;
  parse_lines(lines, 0, out);
  return out;
}

}  // namespace el::ui::md
