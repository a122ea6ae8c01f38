#include "events/tensor.h"

#include <cstring>

namespace el::events {
namespace {

template <typename T>
bool from_content(const std::string& c, std::int64_t n, std::vector<double>& out) {
  if (c.size() != static_cast<std::size_t>(n) * sizeof(T)) return false;
  const std::size_t at = out.size();
  out.resize(at + static_cast<std::size_t>(n));
  for (std::int64_t i = 0; i < n; ++i) {
    T v;
    std::memcpy(&v, c.data() + i * sizeof(T), sizeof(T));
    out[at + static_cast<std::size_t>(i)] = static_cast<double>(v);
  }
  return true;
}

// Typed repeated field -> doubles, honouring "one value fills the shape".
template <typename Field, typename Conv>
bool from_field(const Field& f, std::int64_t n, std::vector<double>& out, Conv conv) {
  if (f.size() == 0) return n == 0;
  if (f.size() != n && f.size() != 1) return false;
  for (std::int64_t i = 0; i < n; ++i) out.push_back(conv(f.Get(f.size() == 1 ? 0 : static_cast<int>(i))));
  return true;
}

double bf16_to_double(std::uint16_t b) {
  std::uint32_t bits = static_cast<std::uint32_t>(b) << 16;
  float f;
  std::memcpy(&f, &bits, 4);
  return f;
}

}  // namespace

float half_to_float(std::uint16_t h) {
  const std::uint32_t sign = (h & 0x8000u) << 16;
  std::uint32_t exp = (h >> 10) & 0x1f, mant = h & 0x3ffu, bits;
  if (exp == 0) {
    if (mant == 0) {
      bits = sign;
    } else {  // subnormal: normalise
      exp = 127 - 15 + 1;
      while (!(mant & 0x400u)) {
        mant <<= 1;
        --exp;
      }
      bits = sign | (exp << 23) | ((mant & 0x3ffu) << 13);
    }
  } else if (exp == 31) {
    bits = sign | 0x7f800000u | (mant << 13);  // Inf or NaN
  } else {
    bits = sign | ((exp + 127 - 15) << 23) | (mant << 13);
  }
  float f;
  std::memcpy(&f, &bits, 4);
  return f;
}

std::int64_t element_count(const pb::TensorProto& t) {
  std::int64_t n = 1;
  for (const auto& d : t.tensor_shape().dim()) n *= d.size() < 0 ? 0 : d.size();
  return n;
}

std::vector<std::int64_t> shape_of(const pb::TensorProto& t) {
  std::vector<std::int64_t> s;
  for (const auto& d : t.tensor_shape().dim()) s.push_back(d.size());
  return s;
}

bool is_numeric(pb::DataType d) {
  switch (d) {
    case pb::DT_FLOAT:
    case pb::DT_DOUBLE:
    case pb::DT_INT32:
    case pb::DT_UINT8:
    case pb::DT_INT16:
    case pb::DT_INT8:
    case pb::DT_INT64:
    case pb::DT_BOOL:
    case pb::DT_UINT16:
    case pb::DT_HALF:
    case pb::DT_BFLOAT16:
    case pb::DT_UINT32:
    case pb::DT_UINT64: return true;
    default: return false;
  }
}

bool tensor_to_doubles(const pb::TensorProto& t, std::vector<double>& out) {
  const std::int64_t n = element_count(t);
  if (n < 0 || n > (std::int64_t{1} << 31)) return false;
  const std::size_t start = out.size();
  bool ok = false;
  const std::string& c = t.tensor_content();
  const bool raw = !c.empty();
  auto id = [](auto v) { return static_cast<double>(v); };
  switch (t.dtype()) {
    case pb::DT_FLOAT:
      ok = raw ? from_content<float>(c, n, out) : from_field(t.float_val(), n, out, id);
      break;
    case pb::DT_DOUBLE:
      ok = raw ? from_content<double>(c, n, out) : from_field(t.double_val(), n, out, id);
      break;
    case pb::DT_INT32:
      ok = raw ? from_content<std::int32_t>(c, n, out) : from_field(t.int_val(), n, out, id);
      break;
    case pb::DT_INT16:
      ok = raw ? from_content<std::int16_t>(c, n, out) : from_field(t.int_val(), n, out, id);
      break;
    case pb::DT_INT8:
      ok = raw ? from_content<std::int8_t>(c, n, out) : from_field(t.int_val(), n, out, id);
      break;
    case pb::DT_UINT8:
      ok = raw ? from_content<std::uint8_t>(c, n, out) : from_field(t.int_val(), n, out, id);
      break;
    case pb::DT_UINT16:
      ok = raw ? from_content<std::uint16_t>(c, n, out) : from_field(t.int_val(), n, out, id);
      break;
    case pb::DT_INT64:
      ok = raw ? from_content<std::int64_t>(c, n, out) : from_field(t.int64_val(), n, out, id);
      break;
    case pb::DT_UINT32:
      ok = raw ? from_content<std::uint32_t>(c, n, out) : from_field(t.uint32_val(), n, out, id);
      break;
    case pb::DT_UINT64:
      ok = raw ? from_content<std::uint64_t>(c, n, out) : from_field(t.uint64_val(), n, out, id);
      break;
    case pb::DT_BOOL:
      ok = raw ? from_content<std::uint8_t>(c, n, out) : from_field(t.bool_val(), n, out, id);
      break;
    case pb::DT_HALF:
    case pb::DT_BFLOAT16: {
      const bool half = t.dtype() == pb::DT_HALF;
      auto conv = [half](std::int32_t bits) {
        auto b = static_cast<std::uint16_t>(bits);
        return half ? static_cast<double>(half_to_float(b)) : bf16_to_double(b);
      };
      if (raw) {
        ok = c.size() == static_cast<std::size_t>(n) * 2;
        for (std::int64_t i = 0; ok && i < n; ++i) {
          std::uint16_t b;
          std::memcpy(&b, c.data() + i * 2, 2);
          out.push_back(conv(b));
        }
      } else {
        ok = from_field(t.half_val(), n, out, conv);
      }
      break;
    }
    default: ok = false;
  }
  if (!ok) out.resize(start);
  return ok;
}

bool tensor_first_double(const pb::TensorProto& t, double& out) {
  std::vector<double> v;
  if (!tensor_to_doubles(t, v) || v.empty()) return false;
  out = v[0];
  return true;
}

bool tensor_strings(const pb::TensorProto& t, std::vector<std::string>& out) {
  if (t.dtype() != pb::DT_STRING) return false;
  const std::int64_t n = element_count(t);
  const int have = t.string_val_size();
  if (have != n && have != 1) return have == 0 && n == 0;
  for (std::int64_t i = 0; i < n; ++i) out.push_back(t.string_val(have == 1 ? 0 : static_cast<int>(i)));
  return true;
}

}  // namespace el::events
