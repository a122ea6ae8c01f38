// libFuzzer target: arbitrary bytes as one JSON document, read by the Chrome
// trace reader's scanner (profile/json_scan.h) and by simdjson's DOM parser,
// which checks everything. They must agree on whether it is JSON (numbers
// aside: the scanner checks their grammar, not their range), and on a valid
// document they must read the same values: every object's keys in order,
// strings unescaped, numbers, literals, and each array's extent.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "profile/json_scan.h"
#include "simdjson.h"

namespace {

namespace pr = el::profile;
namespace dom = simdjson::dom;

std::string serialized(dom::element e) { return simdjson::to_string(e); }

void walk(dom::element e, pr::JsonScanner& s) {
  const pr::JsonType t = s.peek();
  switch (e.type()) {
    case dom::element_type::OBJECT: {
      if (t != pr::JsonType::kObject || !s.object()) std::abort();
      bool first = true;
      std::string_view key;
      for (dom::key_value_pair field : dom::object(e)) {
        if (!s.next_key(first, key) || key != field.key) std::abort();
        walk(field.value, s);
      }
      if (s.next_key(first, key) || s.error() != pr::JsonError::kNone) std::abort();
      break;
    }
    case dom::element_type::ARRAY: {  // its text, read again by simdjson, is the same array
      std::string_view text;
      if (t != pr::JsonType::kArray || !s.raw_value(text)) std::abort();
      dom::parser again;
      dom::element copy;
      if (again.parse(std::string(text)).get(copy) || serialized(copy) != serialized(e)) std::abort();
      break;
    }
    case dom::element_type::STRING: {
      std::string_view v;
      if (t != pr::JsonType::kString || !s.string(v) || v != std::string_view(e.get_string().value()))
        std::abort();
      break;
    }
    case dom::element_type::INT64:
    case dom::element_type::UINT64:
    case dom::element_type::DOUBLE: {
      std::string_view text;
      if (t != pr::JsonType::kNumber || !s.number(text)) std::abort();
      const double mine = std::strtod(std::string(text).c_str(), nullptr);
      const double theirs = e.is_double()  ? e.get_double().value()
                            : e.is_int64() ? static_cast<double>(e.get_int64().value())
                                           : static_cast<double>(e.get_uint64().value());
      if (mine != theirs) std::abort();
      break;
    }
    case dom::element_type::BOOL: {
      bool b = false;
      if (t != pr::JsonType::kBoolean || !s.boolean(b) || b != e.get_bool().value()) std::abort();
      break;
    }
    case dom::element_type::NULL_VALUE:
      if (t != pr::JsonType::kNull || !s.null()) std::abort();
      break;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  dom::parser parser;
  dom::element doc;
  const simdjson::error_code err = parser.parse(text).get(doc);
  if (err == simdjson::NUMBER_ERROR || err == simdjson::NUMBER_OUT_OF_RANGE)
    return 0;  // (a number out of a double's range: the scanner leaves that to its caller)
  // The scanner reads 16 bytes past the end: give it that, as the reader's buffers do.
  const std::string padded = text + std::string(16, '"');
  std::string scratch;
  pr::JsonScanner s(padded.data(), padded.data() + size, scratch);
  const bool valid = s.skip() && s.at_end();
  if (valid != !err) std::abort();
  if (err) return 0;
  pr::JsonScanner again(padded.data(), padded.data() + size, scratch);
  walk(doc, again);
  if (!again.at_end()) std::abort();
  return 0;
}
