// JsonScanner: strict JSON, read in order, with unescaped strings that stay
// put. Expected bytes are worked out by hand from RFC 8259 and RFC 3629.
#include "profile/json_scan.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace el::profile {
namespace {

// The text with 16 bytes after it that could mislead a scanner reading past
// its end (quotes), as the reader's buffers have readable bytes there.
struct Text {
  explicit Text(std::string t) : bytes(t + std::string(16, '"')), size(t.size()) {}
  std::string bytes;
  std::size_t size;
  const char* begin() const { return bytes.data(); }
  const char* end() const { return bytes.data() + size; }
};

JsonError string_error(const std::string& json, std::string* out = nullptr) {
  Text t(json);
  std::string scratch;
  JsonScanner s(t.begin(), t.end(), scratch);
  std::string_view v;
  if (s.string(v) && out) *out = std::string(v);
  return s.error();
}

JsonError number_error(const std::string& json, std::string* out = nullptr) {
  Text t(json);
  std::string scratch;
  JsonScanner s(t.begin(), t.end(), scratch);
  std::string_view v;
  if (s.number(v) && s.at_end() && out) *out = std::string(v);
  return s.error();
}

JsonError skip_error(const std::string& json, std::size_t* offset = nullptr) {
  Text t(json);
  std::string scratch;
  JsonScanner s(t.begin(), t.end(), scratch);
  if (s.skip()) s.at_end();
  if (offset) *offset = s.offset();
  return s.error();
}

TEST(JsonScan, StringsUnescapedAndChecked) {
  std::string out;
  EXPECT_EQ(string_error(R"("aten::conv2d")", &out), JsonError::kNone);
  EXPECT_EQ(out, "aten::conv2d");
  // Longer than one 16-byte step, with the quote past the first two steps.
  EXPECT_EQ(string_error(R"( "void at::native::vectorized_elementwise_kernel")", &out), JsonError::kNone);
  EXPECT_EQ(out, "void at::native::vectorized_elementwise_kernel");
  EXPECT_EQ(string_error(R"("a\"b\\c\/d\b\f\n\r\t")", &out), JsonError::kNone);
  EXPECT_EQ(out, std::string("a\"b\\c/d\b\f\n\r\t"));
  EXPECT_EQ(string_error(R"("caf\u00e9 \u20AC")", &out), JsonError::kNone);
  EXPECT_EQ(out, "caf\xc3\xa9 \xe2\x82\xac");  // U+00E9 and U+20AC in UTF-8
  EXPECT_EQ(string_error(R"("\ud83d\ude00")", &out), JsonError::kNone);
  EXPECT_EQ(out, "\xf0\x9f\x98\x80");  // U+1F600 from its surrogate pair
  EXPECT_EQ(string_error("\"caf\xc3\xa9\"", &out), JsonError::kNone);
  EXPECT_EQ(out, "caf\xc3\xa9");

  EXPECT_EQ(string_error(R"("\ude00")"), JsonError::kBadEscape);           // a low surrogate alone
  EXPECT_EQ(string_error(R"("\ud83d x")"), JsonError::kBadEscape);         // a high one alone
  EXPECT_EQ(string_error(R"("\u12g4")"), JsonError::kBadEscape);           // not hex
  EXPECT_EQ(string_error(R"("\q")"), JsonError::kBadEscape);               // no such escape
  EXPECT_EQ(string_error("\"tab\there\""), JsonError::kBadString);         // a raw control character
  EXPECT_EQ(string_error("\"\xc0\x80\""), JsonError::kBadString);          // an overlong NUL
  EXPECT_EQ(string_error("\"\xed\xa0\x80\""), JsonError::kBadString);      // a surrogate in UTF-8
  EXPECT_EQ(string_error("\"\xf4\x90\x80\x80\""), JsonError::kBadString);  // past U+10FFFF
  EXPECT_EQ(string_error("\"\xe2\x82\""), JsonError::kBadString);          // a sequence cut short
  EXPECT_EQ(string_error(R"("abc)"), JsonError::kCutOff);                  // (quotes follow the end, unread)
  EXPECT_EQ(string_error(R"("0123456789abcdefXYZ)"), JsonError::kCutOff);
  EXPECT_EQ(string_error("12"), JsonError::kWrongType);
}

TEST(JsonScan, UnescapedStringsStayWhereTheyAre) {
  // 200 members whose keys and values all need unescaping: every view read
  // along the way must still hold its text at the end.
  std::string json = "{";
  for (int i = 0; i < 200; ++i)
    json +=
        std::string(i ? "," : "") + "\"k\\u00e9" + std::to_string(i) + "\":\"v\\n" + std::to_string(i) + "\"";
  json += "}";
  Text t(json);
  std::string scratch;
  JsonScanner s(t.begin(), t.end(), scratch);
  ASSERT_TRUE(s.object());
  std::vector<std::string_view> keys, values;
  bool first = true;
  std::string_view key, value;
  while (s.next_key(first, key)) {
    ASSERT_TRUE(s.string(value));
    keys.push_back(key);
    values.push_back(value);
  }
  ASSERT_EQ(s.error(), JsonError::kNone);
  ASSERT_EQ(keys.size(), 200u);
  for (int i = 0; i < 200; ++i) {
    EXPECT_EQ(keys[i], "k\xc3\xa9" + std::to_string(i));
    EXPECT_EQ(values[i], "v\n" + std::to_string(i));
  }
}

TEST(JsonScan, Numbers) {
  std::string out;
  for (const char* ok : {"0", "-0", "12.5e-3", "1E+2", "1623142623460123.004", "-7"}) {
    EXPECT_EQ(number_error(ok, &out), JsonError::kNone) << ok;
    EXPECT_EQ(out, ok);
  }
  EXPECT_EQ(number_error("01"), JsonError::kBadNumber);
  EXPECT_EQ(number_error("1."), JsonError::kBadNumber);
  EXPECT_EQ(number_error("1e"), JsonError::kBadNumber);
  EXPECT_EQ(number_error("-"), JsonError::kBadNumber);
  EXPECT_EQ(number_error("1x"), JsonError::kBadNumber);
  EXPECT_EQ(number_error(".5"), JsonError::kWrongType);
  EXPECT_EQ(number_error("+1"), JsonError::kWrongType);
  EXPECT_EQ(number_error("1 2"), JsonError::kTrailing);
}

TEST(JsonScan, ObjectsKeyByKey) {
  Text t(R"( {"ph":"X", "n\u0061me" : "k", "args":{"a":[1,{"b":null}],"t":true}} )");
  std::string scratch;
  JsonScanner s(t.begin(), t.end(), scratch);
  ASSERT_TRUE(s.object());
  bool first = true;
  std::string_view key, value;
  ASSERT_TRUE(s.next_key(first, key));
  EXPECT_EQ(key, "ph");
  ASSERT_TRUE(s.string(value));
  EXPECT_EQ(value, "X");
  ASSERT_TRUE(s.next_raw_key(first, key));
  EXPECT_EQ(key, R"(n\u0061me)");  // raw: as written
  ASSERT_TRUE(s.string(value));
  ASSERT_TRUE(s.next_key(first, key));
  EXPECT_EQ(key, "args");
  ASSERT_EQ(s.peek(), JsonType::kObject);
  ASSERT_TRUE(s.raw_value(value));
  EXPECT_EQ(value, R"({"a":[1,{"b":null}],"t":true})");
  EXPECT_FALSE(s.next_key(first, key));
  EXPECT_EQ(s.error(), JsonError::kNone);
  EXPECT_TRUE(s.at_end());

  Text escaped_key(R"({"n\u0061me":1})");
  JsonScanner k(escaped_key.begin(), escaped_key.end(), scratch);
  first = true;
  ASSERT_TRUE(k.object());
  ASSERT_TRUE(k.next_key(first, key));
  EXPECT_EQ(key, "name");
  bool b = false;
  EXPECT_FALSE(k.boolean(b));
  EXPECT_EQ(k.error(), JsonError::kWrongType);

  for (const auto& [json, error] : std::vector<std::pair<std::string, JsonError>>{
           {"{}", JsonError::kNone},
           {R"({"a":1,})", JsonError::kExpectedKey},
           {R"({"a" 1})", JsonError::kExpectedColon},
           {R"({"a":1 "b":2})", JsonError::kExpectedComma},
           {R"({,})", JsonError::kExpectedKey},
           {R"({"a":1)", JsonError::kCutOff},
       }) {
    Text o(json);
    JsonScanner s2(o.begin(), o.end(), scratch);
    ASSERT_TRUE(s2.object());
    first = true;
    while (s2.next_key(first, key))
      if (!s2.skip()) break;
    EXPECT_EQ(s2.error(), error) << json;
  }
}

TEST(JsonScan, SkippingChecksEverything) {
  std::size_t at = 0;
  const std::string nested = R"({"a":[1,{"b":[]},"x\"y]"],"c":{},"d":[true,false,null,-1.5e3]})";
  EXPECT_EQ(skip_error(nested, &at), JsonError::kNone);
  EXPECT_EQ(at, nested.size());
  EXPECT_EQ(skip_error("[1}"), JsonError::kExpectedComma);
  EXPECT_EQ(skip_error("[1,]"), JsonError::kExpectedValue);
  EXPECT_EQ(skip_error("[tru]"), JsonError::kBadLiteral);
  EXPECT_EQ(skip_error("[nulls]"), JsonError::kBadLiteral);
  EXPECT_EQ(skip_error(R"({"a":1}})"), JsonError::kTrailing);
  EXPECT_EQ(skip_error(R"([{"a":[1,2)"), JsonError::kCutOff);
  EXPECT_EQ(skip_error(std::string(1024, '[') + std::string(1024, ']')), JsonError::kNone);
  EXPECT_EQ(skip_error(std::string(1025, '[') + std::string(1025, ']')), JsonError::kTooDeep);
  // After the first error, nothing more is read.
  Text t("[x] 1");
  std::string scratch;
  JsonScanner s(t.begin(), t.end(), scratch);
  EXPECT_FALSE(s.skip());
  std::string_view n;
  EXPECT_FALSE(s.number(n));
  EXPECT_EQ(s.error(), JsonError::kExpectedValue);
  EXPECT_EQ(s.offset(), 1u);
}

}  // namespace
}  // namespace el::profile
