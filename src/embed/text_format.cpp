#include "embed/text_format.h"

#include <cctype>

namespace el::embed {
namespace {

class Parser {
 public:
  explicit Parser(std::string_view text) : s_(text) {}

  bool message(std::vector<TextField>& out, char close, int depth) {
    if (depth > 64) return fail("messages nested more than 64 deep");
    for (;;) {
      skip_space();
      if (at_end()) {
        if (close) return fail(std::string("missing '") + close + "' at the end");
        return true;
      }
      if (close && s_[pos_] == close) {
        ++pos_;
        return true;
      }
      TextField f;
      if (!identifier(f.name)) return fail("expected a field name");
      skip_space();
      const bool colon = !at_end() && s_[pos_] == ':';
      if (colon) {
        ++pos_;
        skip_space();
      }
      if (!at_end() && (s_[pos_] == '{' || s_[pos_] == '<')) {
        const char end = s_[pos_] == '{' ? '}' : '>';
        ++pos_;
        f.is_message = true;
        if (!message(f.children, end, depth + 1)) return false;
      } else if (!colon) {
        return fail("expected ':' after '" + f.name + "'");
      } else if (!scalar(f.scalar)) {
        return false;
      }
      out.push_back(std::move(f));
      skip_space();
      if (!at_end() && (s_[pos_] == ',' || s_[pos_] == ';')) ++pos_;
    }
  }

  const std::string& error() const { return error_; }

 private:
  bool at_end() const { return pos_ >= s_.size(); }

  void skip_space() {
    while (!at_end()) {
      const char c = s_[pos_];
      if (c == '#') {
        while (!at_end() && s_[pos_] != '\n') ++pos_;
      } else if (std::isspace(static_cast<unsigned char>(c))) {
        if (c == '\n') ++line_;
        ++pos_;
      } else {
        return;
      }
    }
  }

  static bool name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-' || c == '+' ||
           c == '/' || c == '[' || c == ']';
  }

  bool identifier(std::string& out) {
    const std::size_t start = pos_;
    while (!at_end() && name_char(s_[pos_])) ++pos_;
    out.assign(s_.substr(start, pos_ - start));
    return !out.empty();
  }

  bool scalar(std::string& out) {
    if (at_end()) return fail("expected a value at the end");
    if (s_[pos_] != '"' && s_[pos_] != '\'') {
      if (!identifier(out)) return fail("expected a value");
      return true;
    }
    out.clear();
    // Adjacent string literals are one value.
    while (!at_end() && (s_[pos_] == '"' || s_[pos_] == '\'')) {
      if (!quoted(out)) return false;
      skip_space();
    }
    return true;
  }

  bool quoted(std::string& out) {
    const char quote = s_[pos_++];
    while (!at_end() && s_[pos_] != quote) {
      char c = s_[pos_++];
      if (c == '\n') return fail("a string runs past the end of its line");
      if (c != '\\') {
        out += c;
        continue;
      }
      if (at_end()) break;
      c = s_[pos_++];
      switch (c) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'a': out += '\a'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'v': out += '\v'; break;
        case 'x': {
          int v = 0, n = 0;
          while (n < 2 && !at_end() && std::isxdigit(static_cast<unsigned char>(s_[pos_]))) {
            const char h = s_[pos_++];
            v = v * 16 +
                (std::isdigit(static_cast<unsigned char>(h)) ? h - '0' : (std::tolower(h) - 'a' + 10));
            ++n;
          }
          if (!n) return fail("\\x without hex digits");
          out += static_cast<char>(v);
          break;
        }
        default:
          if (c >= '0' && c <= '7') {
            int v = c - '0', n = 1;
            while (n < 3 && !at_end() && s_[pos_] >= '0' && s_[pos_] <= '7') {
              v = v * 8 + (s_[pos_++] - '0');
              ++n;
            }
            out += static_cast<char>(v & 0xff);
          } else {
            out += c;  // \" \' \\ \? and anything else: the character itself
          }
      }
    }
    if (at_end()) return fail("a string is not closed");
    ++pos_;
    return true;
  }

  bool fail(const std::string& why) {
    error_ = "line " + std::to_string(line_) + ": " + why;
    return false;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  int line_ = 1;
  std::string error_;
};

}  // namespace

std::vector<const TextField*> TextMessage::all(std::string_view name) const {
  std::vector<const TextField*> out;
  for (const TextField& f : fields)
    if (f.name == name) out.push_back(&f);
  return out;
}

bool parse_text_format(std::string_view text, TextMessage& out, std::string& error) {
  out.fields.clear();
  Parser p(text);
  if (p.message(out.fields, 0, 0)) return true;
  error = p.error();
  return false;
}

std::string last_scalar(const std::vector<TextField>& fields, std::string_view name) {
  std::string v;
  for (const TextField& f : fields)
    if (f.name == name && !f.is_message) v = f.scalar;
  return v;
}

}  // namespace el::embed
