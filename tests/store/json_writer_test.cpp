// store/json_writer: the JSON of state() and `eventlens export`, byte for byte.
#include "store/json_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <string>

namespace el::store {
namespace {

TEST(JsonWriter, NestsObjectsAndArraysWithCommasOnlyBetweenItems) {
  JsonWriter j;
  j.begin_object().key("a").value(1).key("b").begin_array().value(true).value(false).null().end_array();
  j.key("c").begin_object().end_object().key("d").begin_array().end_array().end_object();
  EXPECT_EQ(j.str(), R"({"a":1,"b":[true,false,null],"c":{},"d":[]})");
}

TEST(JsonWriter, EscapesQuotesBackslashesAndControlCharacters) {
  JsonWriter j;
  j.begin_array().value("say \"hi\"\\").value("a\nb\rc\td").value(std::string_view("\x01\x1f", 2));
  j.value("caf\xc3\xa9").end_array();  // UTF-8 passes through
  EXPECT_EQ(j.str(), "[\"say \\\"hi\\\"\\\\\",\"a\\nb\\rc\\td\",\"\\u0001\\u001f\",\"caf\xc3\xa9\"]");
}

TEST(JsonWriter, KeysAreEscapedLikeStrings) {
  JsonWriter j;
  j.begin_object().key("a\"b").value("").end_object();
  EXPECT_EQ(j.str(), R"({"a\"b":""})");
}

TEST(JsonWriter, NonFiniteNumbersAreStrings) {
  JsonWriter j;
  j.begin_array().value(std::nan("")).value(std::numeric_limits<double>::infinity());
  j.value(-std::numeric_limits<double>::infinity()).end_array();
  EXPECT_EQ(j.str(), R"(["NaN","Infinity","-Infinity"])");
}

// The shortest of %.15g .. %.17g that reads back as the same double.
TEST(JsonWriter, DoublesAreTheShortestTextThatRoundTrips) {
  JsonWriter j;
  j.begin_array().value(0.1).value(1.0 / 3).value(0.1 + 0.2).value(1e300).value(-2.5).value(0.0).end_array();
  EXPECT_EQ(j.str(), "[0.1,0.3333333333333333,0.30000000000000004,1e+300,-2.5,0]");
}

TEST(JsonWriter, IntegersKeepEveryDigit) {
  JsonWriter j;
  j.begin_array().value(std::numeric_limits<std::int64_t>::min());
  j.value(std::numeric_limits<std::uint64_t>::max()).value(-7).value(7u).end_array();
  EXPECT_EQ(j.str(), "[-9223372036854775808,18446744073709551615,-7,7]");
}

TEST(JsonWriter, TakeHandsOverTheText) {
  JsonWriter j;
  j.begin_object().end_object();
  EXPECT_EQ(j.take(), "{}");
}

}  // namespace
}  // namespace el::store
