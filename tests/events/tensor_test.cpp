// Tensor decoding for every dtype, from tensor_content and from the typed
// *_val fields. Expected values are written out by hand from the IEEE and
// two's-complement encodings of the test inputs.
#include "events/tensor.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>

namespace el::events {
namespace {

pb::TensorProto make(pb::DataType dtype, std::initializer_list<std::int64_t> shape) {
  pb::TensorProto t;
  t.set_dtype(dtype);
  for (auto d : shape) t.mutable_tensor_shape()->add_dim()->set_size(d);
  return t;
}

template <typename T>
void set_content(pb::TensorProto& t, std::initializer_list<T> values) {
  std::string c(values.size() * sizeof(T), '\0');
  std::size_t i = 0;
  for (T v : values) std::memcpy(c.data() + sizeof(T) * i++, &v, sizeof(T));
  t.set_tensor_content(c);
}

std::vector<double> doubles(const pb::TensorProto& t) {
  std::vector<double> out;
  EXPECT_TRUE(tensor_to_doubles(t, out));
  return out;
}

TEST(Tensor, HalfBitPatterns) {
  EXPECT_EQ(half_to_float(0x3c00), 1.0f);
  EXPECT_EQ(half_to_float(0xc000), -2.0f);
  EXPECT_EQ(half_to_float(0x7bff), 65504.0f);               // largest finite half
  EXPECT_EQ(half_to_float(0x0001), std::ldexp(1.0f, -24));  // smallest subnormal
  EXPECT_EQ(half_to_float(0x0400), std::ldexp(1.0f, -14));  // smallest normal
  EXPECT_EQ(half_to_float(0x3555), 0.333251953125f);
  EXPECT_TRUE(std::signbit(half_to_float(0x8000)));
  EXPECT_EQ(half_to_float(0x7c00), std::numeric_limits<float>::infinity());
  EXPECT_EQ(half_to_float(0xfc00), -std::numeric_limits<float>::infinity());
  EXPECT_TRUE(std::isnan(half_to_float(0x7e00)));
}

TEST(Tensor, EveryNumericDtypeFromTensorContent) {
  auto f = make(pb::DT_FLOAT, {3});
  set_content<float>(f, {1.5f, -0.25f, 3e38f});
  EXPECT_EQ(doubles(f), (std::vector<double>{1.5, -0.25, static_cast<double>(3e38f)}));

  auto d = make(pb::DT_DOUBLE, {2});
  set_content<double>(d, {0.1, -1e300});
  EXPECT_EQ(doubles(d), (std::vector<double>{0.1, -1e300}));

  auto i32 = make(pb::DT_INT32, {2});
  set_content<std::int32_t>(i32, {-7, 2147483647});
  EXPECT_EQ(doubles(i32), (std::vector<double>{-7, 2147483647}));

  auto i64 = make(pb::DT_INT64, {2});
  set_content<std::int64_t>(i64, {-9007199254740993LL, 1LL << 40});
  EXPECT_EQ(doubles(i64), (std::vector<double>{-9007199254740992.0, 1099511627776.0}));

  auto u32 = make(pb::DT_UINT32, {1});
  set_content<std::uint32_t>(u32, {4294967295u});
  EXPECT_EQ(doubles(u32), (std::vector<double>{4294967295.0}));

  auto u64 = make(pb::DT_UINT64, {1});
  set_content<std::uint64_t>(u64, {18446744073709551615ull});
  EXPECT_EQ(doubles(u64), (std::vector<double>{18446744073709551616.0}));

  auto half = make(pb::DT_HALF, {2});
  set_content<std::uint16_t>(half, {0x3c00, 0xc500});  // 1, -5
  EXPECT_EQ(doubles(half), (std::vector<double>{1.0, -5.0}));

  auto b = make(pb::DT_BOOL, {3});
  set_content<std::uint8_t>(b, {1, 0, 1});
  EXPECT_EQ(doubles(b), (std::vector<double>{1, 0, 1}));

  auto i8 = make(pb::DT_INT8, {2});
  set_content<std::int8_t>(i8, {-128, 127});
  EXPECT_EQ(doubles(i8), (std::vector<double>{-128, 127}));

  auto u8 = make(pb::DT_UINT8, {1});
  set_content<std::uint8_t>(u8, {255});
  EXPECT_EQ(doubles(u8), (std::vector<double>{255}));

  auto i16 = make(pb::DT_INT16, {1});
  set_content<std::int16_t>(i16, {-32768});
  EXPECT_EQ(doubles(i16), (std::vector<double>{-32768}));
}

TEST(Tensor, EveryNumericDtypeFromTypedFields) {
  auto f = make(pb::DT_FLOAT, {});
  f.add_float_val(0.5f);
  EXPECT_EQ(doubles(f), (std::vector<double>{0.5}));

  auto d = make(pb::DT_DOUBLE, {2});
  d.add_double_val(2.25);
  d.add_double_val(-3);
  EXPECT_EQ(doubles(d), (std::vector<double>{2.25, -3}));

  auto i32 = make(pb::DT_INT32, {1});
  i32.add_int_val(-42);
  EXPECT_EQ(doubles(i32), (std::vector<double>{-42}));

  auto i64 = make(pb::DT_INT64, {1});
  i64.add_int64_val(-(1LL << 50));
  EXPECT_EQ(doubles(i64), (std::vector<double>{-1125899906842624.0}));

  auto u32 = make(pb::DT_UINT32, {1});
  u32.add_uint32_val(3000000000u);
  EXPECT_EQ(doubles(u32), (std::vector<double>{3000000000.0}));

  auto u64 = make(pb::DT_UINT64, {1});
  u64.add_uint64_val(1ull << 63);
  EXPECT_EQ(doubles(u64), (std::vector<double>{9223372036854775808.0}));

  auto half = make(pb::DT_HALF, {1});
  half.add_half_val(0x3800);  // 0.5
  EXPECT_EQ(doubles(half), (std::vector<double>{0.5}));

  auto b = make(pb::DT_BOOL, {2});
  b.add_bool_val(true);
  b.add_bool_val(false);
  EXPECT_EQ(doubles(b), (std::vector<double>{1, 0}));
}

TEST(Tensor, OneTypedValueFillsTheShape) {
  auto f = make(pb::DT_FLOAT, {2, 2});
  f.add_float_val(7);
  EXPECT_EQ(doubles(f), (std::vector<double>{7, 7, 7, 7}));
  EXPECT_EQ(element_count(f), 4);
}

TEST(Tensor, InconsistentDataIsRejectedWithoutOutput) {
  auto f = make(pb::DT_FLOAT, {3});
  f.add_float_val(1);
  f.add_float_val(2);  // 2 values for 3 elements: not a fill
  std::vector<double> out{99};
  EXPECT_FALSE(tensor_to_doubles(f, out));
  EXPECT_EQ(out, (std::vector<double>{99}));

  auto c = make(pb::DT_DOUBLE, {2});
  c.set_tensor_content(std::string(12, '\0'));  // 12 bytes is not 2 doubles
  EXPECT_FALSE(tensor_to_doubles(c, out));

  auto s = make(pb::DT_STRING, {1});
  s.add_string_val("x");
  EXPECT_FALSE(tensor_to_doubles(s, out));
}

TEST(Tensor, FirstDoubleOfAScalarTensor) {
  auto i64 = make(pb::DT_INT64, {});
  i64.add_int64_val(12345);
  double v = 0;
  ASSERT_TRUE(tensor_first_double(i64, v));
  EXPECT_EQ(v, 12345.0);
  auto empty = make(pb::DT_FLOAT, {0});
  EXPECT_FALSE(tensor_first_double(empty, v));
}

TEST(Tensor, StringTensorsRowMajor) {
  auto s = make(pb::DT_STRING, {2, 2});
  for (const char* x : {"a", "b", "c", "d"}) s.add_string_val(x);
  std::vector<std::string> out;
  ASSERT_TRUE(tensor_strings(s, out));
  EXPECT_EQ(out, (std::vector<std::string>{"a", "b", "c", "d"}));
  EXPECT_EQ(shape_of(s), (std::vector<std::int64_t>{2, 2}));
  auto f = make(pb::DT_FLOAT, {});
  f.add_float_val(1);
  out.clear();
  EXPECT_FALSE(tensor_strings(f, out));
}

}  // namespace
}  // namespace el::events
