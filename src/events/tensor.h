// TensorProto decoding for every numeric dtype and for strings, from
// tensor_content (raw little-endian) or the typed *_val fields (where a single
// value with a larger shape means "fill").
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "proto/tensor.pb.h"

namespace el::events {

std::int64_t element_count(const pb::TensorProto& t);  // product of dims (1 for rank 0)
std::vector<std::int64_t> shape_of(const pb::TensorProto& t);
bool is_numeric(pb::DataType dtype);

// Appends every element as a double. Returns false (and appends nothing) for
// non-numeric dtypes or inconsistent data.
[[nodiscard]] bool tensor_to_doubles(const pb::TensorProto& t, std::vector<double>& out);
// The first element as a double (scalar summaries); false if there is none.
[[nodiscard]] bool tensor_first_double(const pb::TensorProto& t, double& out);
// Elements of a DT_STRING tensor, in row-major order.
[[nodiscard]] bool tensor_strings(const pb::TensorProto& t, std::vector<std::string>& out);

float half_to_float(std::uint16_t h);

}  // namespace el::events
