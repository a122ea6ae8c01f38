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

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

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
  bool string_body(std::string_view& out, bool unescape);
  bool escaped_tail(const char* start, std::string_view& out, bool unescape);
  bool utf8_sequence();
  bool literal(std::string_view word);
  bool delimited();  // the byte after a number or literal may follow a value

  const char* p_;
  const char* begin_;
  const char* end_;
  JsonError error_ = JsonError::kNone;
  std::string& scratch_;
};

}  // namespace el::profile
