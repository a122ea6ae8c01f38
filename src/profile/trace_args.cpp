#include "profile/trace_args.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <limits>

#include "profile/trace.h"

namespace el::profile {
namespace {

enum Tag : std::uint8_t { kEnd = 0, kInt, kDouble, kString, kJson, kTrue, kFalse, kNull };

std::uint64_t read_varint(const std::uint8_t*& p) {
  std::uint64_t v = 0;
  for (int shift = 0;; shift += 7) {
    const std::uint8_t b = *p++;
    v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
    if (!(b & 0x80)) return v;
  }
}

void append_json_string(std::string& out, std::string_view s) {
  out += '"';
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (u < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", u);
      out += buf;
    } else {
      out += c;
    }
  }
  out += '"';
}

}  // namespace

void ArgsArena::varint(std::uint64_t v) {
  while (v >= 0x80) {
    bytes_.push_back(static_cast<std::uint8_t>(v | 0x80));
    v >>= 7;
  }
  bytes_.push_back(static_cast<std::uint8_t>(v));
}

void ArgsArena::begin() {
  begun_ = bytes_.size();
  empty_ = true;
}

void ArgsArena::add_int(std::uint32_t key, std::int64_t v) {
  bytes_.push_back(kInt);
  varint(key);
  varint((static_cast<std::uint64_t>(v) << 1) ^ static_cast<std::uint64_t>(v >> 63));  // zigzag
  empty_ = false;
}

void ArgsArena::add_double(std::uint32_t key, double v) {
  bytes_.push_back(kDouble);
  varint(key);
  std::uint8_t b[8];
  std::memcpy(b, &v, 8);
  bytes_.insert(bytes_.end(), b, b + 8);
  empty_ = false;
}

void ArgsArena::add_string(std::uint32_t key, std::uint32_t text) {
  bytes_.push_back(kString);
  varint(key);
  varint(text);
  empty_ = false;
}

void ArgsArena::add_json(std::uint32_t key, std::uint32_t text) {
  bytes_.push_back(kJson);
  varint(key);
  varint(text);
  empty_ = false;
}

void ArgsArena::add_literal(std::uint32_t key, std::string_view literal) {
  bytes_.push_back(literal == "true" ? kTrue : literal == "false" ? kFalse : kNull);
  varint(key);
  empty_ = false;
}

std::uint32_t ArgsArena::end() {
  if (empty_ || begun_ >= std::numeric_limits<std::uint32_t>::max()) {
    bytes_.resize(begun_);
    return 0;
  }
  bytes_.push_back(kEnd);
  return static_cast<std::uint32_t>(begun_ + 1);
}

bool ArgsArena::get_int(std::uint32_t id, std::uint32_t key, std::int64_t& out) const {
  if (id == 0 || id > bytes_.size()) return false;
  const std::uint8_t* p = bytes_.data() + id - 1;
  for (;;) {
    const std::uint8_t tag = *p++;
    if (tag == kEnd) return false;
    const bool wanted = read_varint(p) == key;
    switch (tag) {
      case kInt: {
        const std::uint64_t z = read_varint(p);
        if (wanted) {
          out = static_cast<std::int64_t>(z >> 1) ^ -static_cast<std::int64_t>(z & 1);
          return true;
        }
        break;
      }
      case kDouble: {
        double v;
        std::memcpy(&v, p, 8);
        p += 8;
        if (wanted) {
          if (!(std::abs(v) < 9.2e18) || std::trunc(v) != v) return false;
          out = static_cast<std::int64_t>(v);
          return true;
        }
        break;
      }
      case kString:
      case kJson: read_varint(p); break;
      default: break;
    }
    if (wanted) return false;
  }
}

std::string ArgsArena::json(std::uint32_t id, const Trace& strings) const {
  std::string out = "{";
  if (id == 0 || id > bytes_.size()) return out + "}";
  const std::uint8_t* p = bytes_.data() + id - 1;
  for (bool first = true;; first = false) {
    const std::uint8_t tag = *p++;
    if (tag == kEnd) break;
    if (!first) out += ',';
    append_json_string(out, strings.text(static_cast<std::uint32_t>(read_varint(p))));
    out += ':';
    switch (tag) {
      case kInt: {
        const std::uint64_t z = read_varint(p);
        out += std::to_string(static_cast<std::int64_t>(z >> 1) ^ -static_cast<std::int64_t>(z & 1));
        break;
      }
      case kDouble: {
        double v;
        std::memcpy(&v, p, 8);
        p += 8;
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.15g",
                      v);  // the shortest of 15 and 17 digits that reads back exactly
        if (std::strtod(buf, nullptr) != v) std::snprintf(buf, sizeof buf, "%.17g", v);
        out += std::isfinite(v) ? buf : "null";
        break;
      }
      case kString: append_json_string(out, strings.text(static_cast<std::uint32_t>(read_varint(p)))); break;
      case kJson: out += strings.text(static_cast<std::uint32_t>(read_varint(p))); break;
      case kTrue: out += "true"; break;
      case kFalse: out += "false"; break;
      default: out += "null"; break;
    }
  }
  return out + "}";
}

}  // namespace el::profile
