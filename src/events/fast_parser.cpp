#include "events/fast_parser.h"

#include <cstring>

namespace el::events {
namespace {

// Protobuf wire format: a key is (field << 3 | wire type).
enum WireType : std::uint32_t { kVarint = 0, kFixed64 = 1, kLen = 2, kFixed32 = 5 };

struct Cursor {
  const std::uint8_t* p;
  const std::uint8_t* end;

  bool varint(std::uint64_t& v) {
    v = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      if (p == end) return false;
      const std::uint8_t b = *p++;
      v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
      if (!(b & 0x80)) return true;
    }
    return false;
  }
  bool fixed64(double& d) {
    if (end - p < 8) return false;
    std::memcpy(&d, p, 8);  // little-endian hosts (x86-64, wasm)
    p += 8;
    return true;
  }
  bool fixed32(float& f) {
    if (end - p < 4) return false;
    std::memcpy(&f, p, 4);
    p += 4;
    return true;
  }
  bool bytes(const std::uint8_t*& b, const std::uint8_t*& e) {
    std::uint64_t n;
    if (!varint(n) || n > static_cast<std::uint64_t>(end - p)) return false;
    b = p;
    e = p + n;
    p = e;
    return true;
  }
  // A field key. Field 0, numbers beyond 2^29 and group wire types are not
  // valid here: protobuf would reject them, so the fast path must too.
  bool key(std::uint64_t& field, std::uint32_t& wt) {
    std::uint64_t k;
    if (!varint(k)) return false;
    field = k >> 3;
    wt = static_cast<std::uint32_t>(k & 7);
    return field != 0 && field < (1u << 29) &&
           (wt == kVarint || wt == kFixed64 || wt == kLen || wt == kFixed32);
  }
  // Skips a field of the given wire type.
  bool skip(std::uint32_t wt) {
    std::uint64_t v;
    const std::uint8_t *b, *e;
    switch (wt) {
      case kVarint: return varint(v);
      case kFixed64: return end - p >= 8 ? (p += 8, true) : false;
      case kLen: return bytes(b, e);
      case kFixed32: return end - p >= 4 ? (p += 4, true) : false;
      default: return false;
    }
  }
};

// A repeated double field, packed (one LEN field) or not (one fixed64 each).
bool append_doubles(Cursor& c, std::uint32_t wt, std::vector<double>& pool) {
  if (wt == kFixed64) {
    double d;
    if (!c.fixed64(d)) return false;
    pool.push_back(d);
    return true;
  }
  const std::uint8_t *b, *e;
  if (wt != kLen || !c.bytes(b, e) || (e - b) % 8) return false;
  const std::size_t n = static_cast<std::size_t>(e - b) / 8, at = pool.size();
  pool.resize(at + n);
  if (n) std::memcpy(pool.data() + at, b, n * 8);
  return true;
}

}  // namespace

bool FastEventParser::parse(std::span<const std::uint8_t> record) {
  values.clear();
  histograms.clear();
  pool.clear();
  wall_time = 0;
  step = 0;
  Cursor c{record.data(), record.data() + record.size()};
  while (c.p < c.end) {
    std::uint64_t field;
    std::uint32_t wt;
    if (!c.key(field, wt)) return false;
    if (field == 1 && wt == kFixed64) {
      if (!c.fixed64(wall_time)) return false;
    } else if (field == 2 && wt == kVarint) {
      std::uint64_t v;
      if (!c.varint(v)) return false;
      step = static_cast<std::int64_t>(v);
    } else if (field == 5 && wt == kLen) {
      const std::uint8_t *b, *e;
      if (!c.bytes(b, e) || !parse_summary(b, e)) return false;
    } else if (field == 3 && wt == kLen) {  // file_version (bytes; a message would need checking)
      if (!c.skip(wt)) return false;
      values.clear();  // file_version and summary share a oneof: the last one wins
      histograms.clear();
    } else {
      return false;  // graphs, session logs, ...: the full parser handles them
    }
  }
  return true;
}

bool FastEventParser::parse_summary(const std::uint8_t* p, const std::uint8_t* end) {
  Cursor c{p, end};
  while (c.p < c.end) {
    std::uint64_t field;
    std::uint32_t wt;
    const std::uint8_t *b, *e;
    if (!c.key(field, wt) || field != 1 || wt != kLen || !c.bytes(b, e) || !parse_value(b, e)) return false;
  }
  return true;
}

bool FastEventParser::parse_value(const std::uint8_t* p, const std::uint8_t* end) {
  Cursor c{p, end};
  FastValue v{};
  std::string_view node_name;
  bool has_data = false;
  while (c.p < c.end) {
    std::uint64_t field;
    std::uint32_t wt;
    if (!c.key(field, wt)) return false;
    const std::uint8_t *b, *e;
    if ((field == 1 || field == 7) && wt == kLen) {
      if (!c.bytes(b, e)) return false;
      (field == 1 ? v.tag : node_name) = {reinterpret_cast<const char*>(b), static_cast<std::size_t>(e - b)};
    } else if (field == 2 && wt == kFixed32) {
      float f;
      if (!c.fixed32(f)) return false;
      v.type = FastValue::Type::kSimpleValue;
      v.value = f;
      has_data = true;
    } else if (field == 5 && wt == kLen) {
      FastHistogram h;
      if (!c.bytes(b, e) || !parse_histogram(b, e, h)) return false;
      v.type = FastValue::Type::kHistogram;
      v.histogram = static_cast<std::uint32_t>(histograms.size());
      histograms.push_back(h);
      has_data = true;
    } else if (field == 8 && wt == kLen) {
      if (!c.bytes(b, e) || !parse_tensor(b, e, v.value)) return false;
      v.type = FastValue::Type::kTensorScalar;
      has_data = true;
    } else {
      return false;  // metadata, image, audio: the full parser
    }
  }
  if (!has_data) return false;
  if (v.tag.empty()) v.tag = node_name;
  values.push_back(v);
  return true;
}

bool FastEventParser::parse_histogram(const std::uint8_t* p, const std::uint8_t* end, FastHistogram& h) {
  Cursor c{p, end};
  h.limits_begin = h.counts_begin = 0;
  // Limits and counts may interleave on the wire; gather each into its own
  // stretch of the pool. Two passes keep each stretch contiguous.
  for (int pass = 0; pass < 2; ++pass) {
    c.p = p;
    const std::uint64_t want = pass == 0 ? 6 : 7;
    const auto begin = static_cast<std::uint32_t>(pool.size());
    while (c.p < c.end) {
      std::uint64_t field;
      std::uint32_t wt;
      if (!c.key(field, wt)) return false;
      if (field == want) {
        if (!append_doubles(c, wt, pool)) return false;
      } else if (pass == 0 && (field == 1 || field == 2) && wt == kFixed64) {
        if (!c.fixed64(field == 1 ? h.min : h.max)) return false;
      } else if (!c.skip(wt)) {
        return false;
      }
    }
    const auto size = static_cast<std::uint32_t>(pool.size() - begin);
    (pass == 0 ? h.limits_begin : h.counts_begin) = begin;
    (pass == 0 ? h.limits_size : h.counts_size) = size;
  }
  return true;
}

// A one-element DT_FLOAT or DT_DOUBLE tensor; anything else needs the full parser.
bool FastEventParser::parse_tensor(const std::uint8_t* p, const std::uint8_t* end, double& value) {
  Cursor c{p, end};
  std::uint64_t dtype = 0;
  int values_seen = 0;
  std::uint64_t width = 0;  // bytes per element of where the value came from
  float f;
  while (c.p < c.end) {
    std::uint64_t field;
    std::uint32_t wt;
    if (!c.key(field, wt)) return false;
    const std::uint8_t *b, *e;
    if (field == 1 && wt == kVarint) {
      if (!c.varint(dtype)) return false;
    } else if (field == 2 && wt == kLen) {  // shape: every dim must be 1
      if (!c.bytes(b, e)) return false;
      Cursor s{b, e};
      while (s.p < s.end) {
        std::uint64_t sf, df, size;
        std::uint32_t swt, dwt;
        const std::uint8_t *db, *de;
        if (!s.key(sf, swt) || sf != 2 || swt != kLen || !s.bytes(db, de)) return false;
        Cursor d{db, de};
        while (d.p < d.end) {
          if (!d.key(df, dwt)) return false;
          if (df == 1 && dwt == kVarint) {
            if (!d.varint(size) || size != 1) return false;
          } else if (!d.skip(dwt)) {
            return false;
          }
        }
      }
    } else if (field == 4 && wt == kLen) {  // tensor_content
      if (!c.bytes(b, e)) return false;
      if (e - b == 4) {
        std::memcpy(&f, b, 4);
        value = f;
      } else if (e - b == 8) {
        std::memcpy(&value, b, 8);
      } else {
        return false;
      }
      width = static_cast<std::uint64_t>(e - b);
      ++values_seen;
    } else if (field == 5 && (wt == kFixed32 || wt == kLen)) {  // float_val
      if (wt == kLen && (!c.bytes(b, e) || e - b != 4)) return false;
      if (wt == kLen) {
        std::memcpy(&f, b, 4);
      } else if (!c.fixed32(f)) {
        return false;
      }
      value = f;
      width = 4;
      ++values_seen;
    } else if (field == 6 && (wt == kFixed64 || wt == kLen)) {  // double_val
      if (wt == kLen) {
        if (!c.bytes(b, e) || e - b != 8) return false;
        std::memcpy(&value, b, 8);
      } else if (!c.fixed64(value)) {
        return false;
      }
      width = 8;
      ++values_seen;
    } else {
      return false;
    }
  }
  // Exactly one value, stored where the dtype says (float: 4 bytes, double: 8).
  if (values_seen != 1) return false;
  return (dtype == 1 /* DT_FLOAT */ && width == 4) || (dtype == 2 /* DT_DOUBLE */ && width == 8);
}

}  // namespace el::events
