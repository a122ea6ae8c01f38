// embed/tsv: tensors.tsv as float32 the way TensorBoard's page reads it, and metadata.tsv's header rule.
#include "embed/tsv.h"

#include <gtest/gtest.h>

#include <cstring>

namespace el::embed {
namespace {

TEST(TensorsTsv, RowsDimsAndBlankLinesAndCrlf) {
  Matrix m;
  std::string error;
  ASSERT_TRUE(parse_tensors_tsv("1\t-2.5\t3e2\r\n\n0.25\t1e-3\t-0\r\n", m, error)) << error;
  EXPECT_EQ(m.rows, 2u);
  EXPECT_EQ(m.dims, 3u);
  EXPECT_EQ(m.values, (std::vector<float>{1.0f, -2.5f, 300.0f, 0.25f, 0.001f, -0.0f}));
}

TEST(TensorsTsv, NumbersAreRoundedToDoubleThenToFloatAsInTheBrowser) {
  // The decimal is just above the midpoint between 1 and the next float
  // (1 + 2^-24). As a double it rounds to that midpoint exactly, and the
  // midpoint rounds to even: 1. Reading straight to float would give 1 + 2^-23.
  Matrix m;
  std::string error;
  ASSERT_TRUE(parse_tensors_tsv("1.0000000596046447753906250000000001\n", m, error)) << error;
  EXPECT_EQ(m.values[0], 1.0f);
}

TEST(TensorsTsv, RaggedRowsAndNonNumbersNameTheLine) {
  Matrix m;
  std::string error;
  EXPECT_FALSE(parse_tensors_tsv("1\t2\n3\t4\n5\n", m, error));
  EXPECT_EQ(error, "line 3 has 1 values, the lines before it 2");
  EXPECT_FALSE(parse_tensors_tsv("1\t2\n3\tx7\n", m, error));
  EXPECT_EQ(error, "line 2, column 2: 'x7' is not a number");
  EXPECT_FALSE(parse_tensors_tsv("1\t\t2\n", m, error));
  EXPECT_EQ(error, "line 1, column 2: '' is not a number");
  EXPECT_FALSE(parse_tensors_tsv("\n\n", m, error));
  EXPECT_EQ(error, "no points in it");
}

TEST(TensorsTsv, RawFloat32) {
  const float v[] = {1.5f, -2.0f, 0.125f, 4.0f, 5.0f, 6.0f};
  std::string bytes(sizeof v, '\0');
  std::memcpy(bytes.data(), v, sizeof v);
  Matrix m;
  std::string error;
  ASSERT_TRUE(parse_tensor_bytes(bytes, 3, 2, m, error)) << error;
  EXPECT_EQ(m.row(2)[1], 6.0f);
  EXPECT_FALSE(parse_tensor_bytes(bytes, 4, 2, m, error));
  EXPECT_EQ(error, "24 bytes are not 4 x 2 float32 values");
}

TEST(MetadataTsv, AHeaderExactlyWhenTheFirstLineHasATab) {
  const MetadataTable one = parse_metadata_tsv("cat\ndog\n\nbird\n");
  EXPECT_FALSE(one.has_header);
  EXPECT_EQ(one.columns, std::vector<std::string>{"label"});
  ASSERT_EQ(one.rows.size(), 4u) << "a blank line in the middle is a row with an empty label";
  EXPECT_EQ(one.rows[2][0], "");
  EXPECT_EQ(one.rows[3][0], "bird");

  const MetadataTable two = parse_metadata_tsv("word\tcount\nthe\t120\na\n");
  EXPECT_TRUE(two.has_header);
  EXPECT_EQ(two.columns, (std::vector<std::string>{"word", "count"}));
  ASSERT_EQ(two.rows.size(), 2u);
  EXPECT_EQ(two.rows[1], (std::vector<std::string>{"a", ""})) << "a short row is padded";
  EXPECT_EQ(parse_metadata_tsv("").rows.size(), 0u);
}

}  // namespace
}  // namespace el::embed
