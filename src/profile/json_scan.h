// A strict pull scanner for one small JSON document in memory: a trace
// event, or an event's args. It reads values in order and builds nothing;
// the caller asks for what it expects next. Profiles are millions of such
// events, so this is the hot loop of opening a Chrome trace: plain string
// bytes are stepped over 16 at a time, and a string without escapes comes
// back as a view into the input.
//
// Errors are values: the first one stops the scanner (every later call
// fails) and error() says what it was, offset() where.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace el::profile {

enum class JsonError : std::uint8_t {
  kNone,
  kCutOff,         // the text ended inside a value
  kExpectedValue,  // not the start of any JSON value
  kWrongType,      // a value, but not the kind asked for
  kExpectedKey,    // an object member without a string key
  kExpectedColon,  // a key not followed by ':'
  kExpectedComma,  // a member or element not followed by ',' or the closing bracket
  kBadString,      // a control character or malformed UTF-8 inside a string
  kBadEscape,      // an unknown escape, or a \u escape that is not a whole code point
  kBadNumber,      // not JSON's number grammar
  kBadLiteral,     // not true, false or null
  kTooDeep,        // more than kMaxDepth nested containers
  kTrailing,       // something after the document's one value
};
const char* json_error_text(JsonError e);

enum class JsonType : std::uint8_t { kObject, kArray, kString, kNumber, kBoolean, kNull, kInvalid };

class JsonScanner {
 public:
  static constexpr int kMaxDepth = 1024;

  // Scans [begin, end). The 16 bytes after `end` must be readable (their
  // values do not matter): strings are searched 16 bytes at a time.
  // Unescaped strings are written to `scratch` (emptied here); it is
  // reserved to the text's size, which is as long as they can get all
  // together, so it never moves and views into it stay valid.
  JsonScanner(const char* begin, const char* end, std::string& scratch);

  // The kind of the next value, from its first byte (whitespace skipped).
  JsonType peek();

  // Objects: object() consumes '{'; then each next_key() call reads one
  // member's key (and its ':'), after which the caller reads or skips its
  // value. next_key() returns false at the closing '}' (consumed) or on error.
  bool object();
  bool next_key(bool& first, std::string_view& key);
  // The key's raw bytes, escapes left as written (for telling known keys
  // apart quickly; a writer does not escape a plain key).
  bool next_raw_key(bool& first, std::string_view& raw);

  // A string's contents, unescaped. The view is into the input, or into
  // `scratch` when it had escapes; either way it lives as long as they do.
  bool string(std::string_view& out);
  // A number's text, checked against JSON's grammar.
  bool number(std::string_view& text);
  bool boolean(bool& out);
  bool null();
  // Any value, checked and stepped over; raw_value also returns its text.
  bool skip();
  bool raw_value(std::string_view& text);
  // Only whitespace is left.
  bool at_end();

  // Stops the scanner with an error the caller found (a value of the wrong kind); returns false.
  bool fail(JsonError e);

  JsonError error() const { return error_; }
  std::size_t offset() const { return static_cast<std::size_t>(p_ - begin_); }

 private:
  void skip_space();
  bool string_body(std::string_view& out, bool unescape);                     // (the opening quote read)
  bool string_rest(const char* start, std::string_view& out, bool unescape);  // from a byte special16 found
  bool escaped_tail(const char* start, std::string_view& out, bool unescape);
  bool utf8_sequence();
  bool key_and_colon(std::string_view& raw);  // at a key's quote: the key, raw, and its ':'
  bool literal(std::string_view word);
  bool delimited();  // the byte after a number or literal may follow a value

  const char* p_;
  const char* begin_;
  const char* end_;
  JsonError error_ = JsonError::kNone;
  std::string& scratch_;
};

// [SECTION] the hot paths, inline ------------------------------------------------------

namespace json_scan_detail {
// Where in p[0..16) the first byte is that a plain string cannot hold as is:
// a quote, a backslash, a control character or a non-ASCII byte; 16 if none.
// (A signed compare with 0x20 finds control and non-ASCII bytes at once.)
inline unsigned special16(const char* p) {
#if defined(__wasm_simd128__)
  const v128_t v = wasm_v128_load(p);
  const v128_t m = wasm_v128_or(
      wasm_v128_or(wasm_i8x16_eq(v, wasm_i8x16_splat('"')), wasm_i8x16_eq(v, wasm_i8x16_splat('\\'))),
      wasm_i8x16_lt(v, wasm_i8x16_splat(0x20)));
  const auto bits = static_cast<std::uint32_t>(wasm_i8x16_bitmask(m));
#elif defined(__SSE2__)
  const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i m = _mm_or_si128(
      _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')), _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
      _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)));
  const auto bits = static_cast<std::uint32_t>(_mm_movemask_epi8(m));
#else
  std::uint32_t bits = 0;
  for (unsigned k = 0; k < 16; ++k) {
    const auto c = static_cast<unsigned char>(p[k]);
    if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) bits |= 1u << k;
  }
#endif
  return bits ? static_cast<unsigned>(std::countr_zero(bits)) : 16u;
}
}  // namespace json_scan_detail

inline JsonScanner::JsonScanner(const char* begin, const char* end, std::string& scratch)
    : p_(begin), begin_(begin), end_(end), scratch_(scratch) {
  scratch_.clear();
  const auto size = static_cast<std::size_t>(end - begin);
  if (scratch_.capacity() < size) scratch_.reserve(size);
}

inline void JsonScanner::skip_space() {
  while (p_ < end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
}

inline JsonType JsonScanner::peek() {
  skip_space();
  if (p_ >= end_) return JsonType::kInvalid;
  switch (*p_) {
    case '{': return JsonType::kObject;
    case '[': return JsonType::kArray;
    case '"': return JsonType::kString;
    case 't':
    case 'f': return JsonType::kBoolean;
    case 'n': return JsonType::kNull;
    default: return *p_ == '-' || (*p_ >= '0' && *p_ <= '9') ? JsonType::kNumber : JsonType::kInvalid;
  }
}

inline bool JsonScanner::string_body(std::string_view& out, bool unescape) {
  const char* start = p_;
  for (;;) {
    if (p_ >= end_) return fail(JsonError::kCutOff);
    const unsigned k = json_scan_detail::special16(p_);
    p_ += k;
    if (k < 16) break;
  }
  if (p_ < end_ && *p_ == '"') {
    out = std::string_view(start, static_cast<std::size_t>(p_ - start));
    ++p_;
    return true;
  }
  return string_rest(start, out, unescape);
}

inline bool JsonScanner::string(std::string_view& out) {
  skip_space();
  if (p_ >= end_) return fail(JsonError::kCutOff);
  if (*p_ != '"') return fail(JsonError::kWrongType);
  ++p_;
  return string_body(out, true);
}

inline bool JsonScanner::delimited() {
  if (p_ == end_) return true;
  const char c = *p_;
  return c == ',' || c == '}' || c == ']' || c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

inline bool JsonScanner::number(std::string_view& text) {
  skip_space();
  if (p_ >= end_) return fail(JsonError::kCutOff);
  const char* start = p_;
  auto digit = [this] { return p_ < end_ && *p_ >= '0' && *p_ <= '9'; };
  auto digits = [&] {  // one or more
    if (!digit()) return false;
    while (digit()) ++p_;
    return true;
  };
  if (*p_ == '-') ++p_;
  if (p_ < end_ && *p_ == '0') {
    ++p_;
  } else if (!digits()) {
    return fail(p_ == start ? JsonError::kWrongType : JsonError::kBadNumber);
  }
  if (p_ < end_ && *p_ == '.') {
    ++p_;
    if (!digits()) return fail(JsonError::kBadNumber);
  }
  if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) {
    ++p_;
    if (p_ < end_ && (*p_ == '+' || *p_ == '-')) ++p_;
    if (!digits()) return fail(JsonError::kBadNumber);
  }
  if (!delimited()) return fail(JsonError::kBadNumber);
  text = std::string_view(start, static_cast<std::size_t>(p_ - start));
  return true;
}

inline bool JsonScanner::object() {
  skip_space();
  if (p_ >= end_) return fail(JsonError::kCutOff);
  if (*p_ != '{') return fail(JsonError::kWrongType);
  ++p_;
  return true;
}

inline bool JsonScanner::next_raw_key(bool& first, std::string_view& raw) {
  skip_space();
  if (p_ >= end_) return fail(JsonError::kCutOff);
  if (*p_ == '}') {  // the end, or an empty object
    ++p_;
    first = false;
    return false;
  }
  if (!first) {
    if (*p_ != ',') return fail(JsonError::kExpectedComma);
    ++p_;
    skip_space();
    if (p_ >= end_) return fail(JsonError::kCutOff);
  }
  first = false;
  return key_and_colon(raw);
}

inline bool JsonScanner::key_and_colon(std::string_view& raw) {
  if (p_ >= end_) return fail(JsonError::kCutOff);
  if (*p_ != '"') return fail(JsonError::kExpectedKey);
  ++p_;
  if (!string_body(raw, false)) return false;
  skip_space();
  if (p_ >= end_) return fail(JsonError::kCutOff);
  if (*p_ != ':') return fail(JsonError::kExpectedColon);
  ++p_;
  return true;
}

inline bool JsonScanner::at_end() {
  skip_space();
  return p_ == end_ || fail(JsonError::kTrailing);
}

}  // namespace el::profile
