// embed/text_format: protobuf text format as configs and checkpoint files write it.
#include "embed/text_format.h"

#include <gtest/gtest.h>

namespace el::embed {
namespace {

TEST(TextFormat, NestedMessagesRepeatedFieldsCommentsAndBothBraces) {
  TextMessage m;
  std::string error;
  ASSERT_TRUE(parse_text_format(R"(# a comment
model_checkpoint_path: "ck"  # trailing comment
embeddings { tensor_name: "a" sprite < image_path: 'x.png', single_image_dim: 28; single_image_dim: 30 > }
embeddings: { tensor_name: "b" }
)",
                                m, error))
      << error;
  ASSERT_EQ(m.fields.size(), 3u);
  EXPECT_EQ(m.fields[0].scalar, "ck");
  const auto e = m.all("embeddings");
  ASSERT_EQ(e.size(), 2u);
  ASSERT_EQ(e[0]->children.size(), 2u);
  const TextField& sprite = e[0]->children[1];
  EXPECT_TRUE(sprite.is_message);
  ASSERT_EQ(sprite.children.size(), 3u);
  EXPECT_EQ(sprite.children[0].scalar, "x.png");
  EXPECT_EQ(sprite.children[2].scalar, "30");
  EXPECT_EQ(last_scalar(e[1]->children, "tensor_name"), "b");
}

TEST(TextFormat, EscapesAndAdjacentStrings) {
  TextMessage m;
  std::string error;
  ASSERT_TRUE(parse_text_format(R"(p: "a\tb\n\"q\"\\" ' c' "\101\x42")", m, error)) << error;
  EXPECT_EQ(m.fields[0].scalar, "a\tb\n\"q\"\\ cAB");
}

TEST(TextFormat, ErrorsSayTheLine) {
  TextMessage m;
  std::string error;
  EXPECT_FALSE(parse_text_format("a: 1\nb 2\n", m, error));
  EXPECT_EQ(error, "line 2: expected ':' after 'b'");
  EXPECT_FALSE(parse_text_format("e {\n  x: 1\n", m, error));
  EXPECT_EQ(error, "line 3: missing '}' at the end");
  EXPECT_FALSE(parse_text_format("s: \"open\n", m, error));
  EXPECT_EQ(error, "line 1: a string runs past the end of its line");
  EXPECT_FALSE(parse_text_format("}", m, error));
  EXPECT_EQ(error, "line 1: expected a field name");
}

}  // namespace
}  // namespace el::embed
