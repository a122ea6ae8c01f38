// [SECTION] errors
// [SECTION] strings
// [SECTION] numbers and literals
// [SECTION] objects and skipping
#include "profile/json_scan.h"

namespace el::profile {

// [SECTION] errors -----------------------------------------------------------------------

const char* json_error_text(JsonError e) {
  switch (e) {
    case JsonError::kNone: return "no error";
    case JsonError::kCutOff: return "it ends inside a value";
    case JsonError::kExpectedValue: return "expected a value";
    case JsonError::kWrongType: return "a value of the wrong type";
    case JsonError::kExpectedKey: return "expected a member's key";
    case JsonError::kExpectedColon: return "expected ':' after a key";
    case JsonError::kExpectedComma: return "expected ',' or a closing bracket";
    case JsonError::kBadString: return "a control character or bad UTF-8 in a string";
    case JsonError::kBadEscape: return "a bad escape in a string";
    case JsonError::kBadNumber: return "a malformed number";
    case JsonError::kBadLiteral: return "expected true, false or null";
    case JsonError::kTooDeep: return "nested too deeply";
    case JsonError::kTrailing: return "more text after the value";
  }
  return "unknown error";
}

bool JsonScanner::fail(JsonError e) {
  if (error_ == JsonError::kNone) error_ = e;
  end_ = p_;  // every later read finds nothing
  return false;
}

// [SECTION] strings ----------------------------------------------------------------------

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xc0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xe0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  } else {
    out.push_back(static_cast<char>(0xf0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3f)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3f)));
  }
}

}  // namespace

// One UTF-8 sequence at p_ (its lead byte is >= 0x80), checked as RFC 3629
// has it (no overlong forms, no surrogates, nothing past U+10FFFF).
bool JsonScanner::utf8_sequence() {
  const auto lead = static_cast<unsigned char>(*p_);
  int more;
  unsigned char lo = 0x80, hi = 0xbf;  // the range of the second byte
  if (lead >= 0xc2 && lead <= 0xdf) {
    more = 1;
  } else if (lead >= 0xe0 && lead <= 0xef) {
    more = 2;
    if (lead == 0xe0) lo = 0xa0;
    if (lead == 0xed) hi = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    more = 3;
    if (lead == 0xf0) lo = 0x90;
    if (lead == 0xf4) hi = 0x8f;
  } else {
    return fail(JsonError::kBadString);
  }
  if (end_ - p_ <= more) return fail(JsonError::kCutOff);
  for (int k = 1; k <= more; ++k) {
    const auto c = static_cast<unsigned char>(p_[k]);
    if (k == 1 ? (c < lo || c > hi) : (c & 0xc0) != 0x80) return fail(JsonError::kBadString);
  }
  p_ += 1 + more;
  return true;
}

// A string from a byte that special16 stopped at, to just past its closing quote.
bool JsonScanner::string_rest(const char* start, std::string_view& out, bool unescape) {
  for (;;) {
    if (p_ >= end_) return fail(JsonError::kCutOff);
    const unsigned k = json_scan_detail::special16(p_);
    p_ += k;
    if (k == 16) continue;
    if (p_ >= end_) return fail(JsonError::kCutOff);
    const auto c = static_cast<unsigned char>(*p_);
    if (c == '"') {
      out = std::string_view(start, static_cast<std::size_t>(p_ - start));
      ++p_;
      return true;
    }
    if (c == '\\') return escaped_tail(start, out, unescape);
    if (c < 0x20) return fail(JsonError::kBadString);
    if (!utf8_sequence()) return false;
  }
}

// The rest of a string from its first backslash, byte by byte (escapes are
// rare in traces), unescaped into scratch_ when asked.
bool JsonScanner::escaped_tail(const char* start, std::string_view& out, bool unescape) {
  const std::size_t from = scratch_.size();
  if (unescape) scratch_.append(start, static_cast<std::size_t>(p_ - start));
  for (;;) {
    if (p_ >= end_) return fail(JsonError::kCutOff);
    const auto c = static_cast<unsigned char>(*p_);
    if (c == '"') {
      out = unescape ? std::string_view(scratch_).substr(from)
                     : std::string_view(start, static_cast<std::size_t>(p_ - start));
      ++p_;
      return true;
    }
    if (c < 0x20) return fail(JsonError::kBadString);
    if (c >= 0x80) {
      const char* seq = p_;
      if (!utf8_sequence()) return false;
      if (unescape) scratch_.append(seq, static_cast<std::size_t>(p_ - seq));
      continue;
    }
    if (c != '\\') {
      if (unescape) scratch_.push_back(static_cast<char>(c));
      ++p_;
      continue;
    }
    if (end_ - p_ < 2) return fail(JsonError::kCutOff);
    const char e = p_[1];
    p_ += 2;
    char plain;
    switch (e) {
      case '"': plain = '"'; break;
      case '\\': plain = '\\'; break;
      case '/': plain = '/'; break;
      case 'b': plain = '\b'; break;
      case 'f': plain = '\f'; break;
      case 'n': plain = '\n'; break;
      case 'r': plain = '\r'; break;
      case 't': plain = '\t'; break;
      case 'u': {
        auto four_hex = [this](std::uint32_t& cp) {
          if (end_ - p_ < 4) return fail(JsonError::kCutOff);
          cp = 0;
          for (int k = 0; k < 4; ++k) {
            const int d = hex_digit(p_[k]);
            if (d < 0) return fail(JsonError::kBadEscape);
            cp = cp * 16 + static_cast<std::uint32_t>(d);
          }
          p_ += 4;
          return true;
        };
        std::uint32_t cp = 0;
        if (!four_hex(cp)) return false;
        if (cp >= 0xdc00 && cp <= 0xdfff) return fail(JsonError::kBadEscape);  // a low surrogate alone
        if (cp >= 0xd800 && cp <= 0xdbff) {  // a high surrogate: its low half must follow
          if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return fail(JsonError::kBadEscape);
          p_ += 2;
          std::uint32_t low = 0;
          if (!four_hex(low)) return false;
          if (low < 0xdc00 || low > 0xdfff) return fail(JsonError::kBadEscape);
          cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
        }
        if (unescape) append_utf8(scratch_, cp);
        continue;
      }
      default: return fail(JsonError::kBadEscape);
    }
    if (unescape) scratch_.push_back(plain);
  }
}

// [SECTION] numbers and literals ---------------------------------------------------------

bool JsonScanner::literal(std::string_view word) {
  if (static_cast<std::size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word)
    return fail(JsonError::kBadLiteral);
  p_ += word.size();
  return delimited() || fail(JsonError::kBadLiteral);
}

bool JsonScanner::boolean(bool& out) {
  skip_space();
  if (p_ >= end_) return fail(JsonError::kCutOff);
  if (*p_ != 't' && *p_ != 'f') return fail(JsonError::kWrongType);
  out = *p_ == 't';
  return literal(out ? "true" : "false");
}

bool JsonScanner::null() {
  skip_space();
  if (p_ >= end_) return fail(JsonError::kCutOff);
  if (*p_ != 'n') return fail(JsonError::kWrongType);
  return literal("null");
}

// [SECTION] objects and skipping ---------------------------------------------------------

bool JsonScanner::next_key(bool& first, std::string_view& key) {
  std::string_view raw;
  if (!next_raw_key(first, raw)) return false;
  if (raw.find('\\') == std::string_view::npos) {
    key = raw;
    return true;
  }
  // Unescape the key: scan it again from its opening quote, then come back.
  const char* after = p_;
  p_ = raw.data();
  if (!escaped_tail(raw.data(), key, true)) return false;
  p_ = after;
  return true;
}

// Steps over one value of any kind, checking it; containers are walked
// without recursion, their kinds kept one bit per level.
bool JsonScanner::skip() {
  std::uint64_t is_object[kMaxDepth / 64] = {};
  int depth = 0;
  for (;;) {
    // A value starts here.
    skip_space();
    if (p_ >= end_) return fail(JsonError::kCutOff);
    const char c = *p_;
    bool opened_empty = false;
    if (c == '{' || c == '[') {
      if (depth == kMaxDepth) return fail(JsonError::kTooDeep);
      const bool object = c == '{';
      if (object)
        is_object[depth / 64] |= std::uint64_t{1} << (depth % 64);
      else
        is_object[depth / 64] &= ~(std::uint64_t{1} << (depth % 64));
      ++depth;
      ++p_;
      skip_space();
      if (p_ >= end_) return fail(JsonError::kCutOff);
      if (*p_ == (object ? '}' : ']')) {
        ++p_;
        --depth;
        opened_empty = true;
      } else if (object) {
        std::string_view key;
        if (!key_and_colon(key)) return false;
        continue;  // its first member's value
      } else {
        continue;  // its first element
      }
    }
    if (!opened_empty) {
      std::string_view text;
      if (c == '"') {
        ++p_;
        if (!string_body(text, false)) return false;
      } else if (c == '-' || (c >= '0' && c <= '9')) {
        if (!number(text)) return false;
      } else if (c == 't' || c == 'f') {
        bool b;
        if (!boolean(b)) return false;
      } else if (c == 'n') {
        if (!null()) return false;
      } else {
        return fail(JsonError::kExpectedValue);
      }
    }
    // A value ended: close what ends here, or go on to the next member or element.
    for (;;) {
      if (depth == 0) return true;
      skip_space();
      if (p_ >= end_) return fail(JsonError::kCutOff);
      const bool object = (is_object[(depth - 1) / 64] >> ((depth - 1) % 64)) & 1;
      if (*p_ == (object ? '}' : ']')) {
        ++p_;
        --depth;
        continue;
      }
      if (*p_ != ',') return fail(JsonError::kExpectedComma);
      ++p_;
      if (object) {
        skip_space();
        std::string_view key;
        if (!key_and_colon(key)) return false;
      }
      break;
    }
  }
}

bool JsonScanner::raw_value(std::string_view& text) {
  skip_space();
  const char* start = p_;
  if (!skip()) return false;
  text = std::string_view(start, static_cast<std::size_t>(p_ - start));
  return true;
}

}  // namespace el::profile
