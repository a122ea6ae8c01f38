// graph/json_value: the JSON reader Keras model configs go through.
#include "store/json_value.h"

#include <gtest/gtest.h>

namespace el::store {
namespace {

TEST(JsonValue, JsonStringsNumbersAndEscapes) {
  JsonValue v;
  std::string error;
  ASSERT_TRUE(parse_json(R"({"a": "x\u00e9\n", "b": [1.5e2, -3, NaN, true, null]})", v, error)) << error;
  EXPECT_EQ(v.str("a"), "x\xC3\xA9\n");
  ASSERT_EQ(v.get("b")->items.size(), 5u);
  EXPECT_EQ(v.get("b")->items[0].number, 150);
  EXPECT_EQ(json_summary(*v.get("b")), "[1.5e2, -3, NaN, true, null]");
  EXPECT_FALSE(parse_json("[1,]", v, error));
  EXPECT_FALSE(parse_json(std::string(300, '['), v, error));
  EXPECT_NE(error.find("deeply"), std::string::npos);
}

}  // namespace
}  // namespace el::store
