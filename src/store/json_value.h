// A small JSON reader: the whole document in memory as a tree of values (the
// Keras model config of a graph_keras_model summary, a mesh's json_config, the
// projector's bookmarks). Errors come back as a message with the byte offset;
// nesting deeper than 200 levels is refused.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace el::store {

struct JsonMember;

struct JsonValue {
  enum class Type : unsigned char { kNull, kBool, kNumber, kString, kArray, kObject };
  Type type = Type::kNull;
  bool boolean = false;
  double number = 0;
  std::string text;                 // kString: the decoded string; kNumber: the number as written
  std::vector<JsonValue> items;     // kArray
  std::vector<JsonMember> members;  // kObject, in document order

  // The member `key` of an object, or nullptr.
  const JsonValue* get(std::string_view key) const;
  // The string member `key`, or "" when absent or not a string.
  std::string_view str(std::string_view key) const;
  bool is_object() const { return type == Type::kObject; }
  bool is_array() const { return type == Type::kArray; }
};

struct JsonMember {
  std::string key;
  JsonValue value;
};

// Parses `text`; false with `error` ("offset N: what") when it is not JSON.
[[nodiscard]] bool parse_json(std::string_view text, JsonValue& out, std::string& error);
// A compact one-line rendering (strings quoted), at most `max_chars` long ("…" when cut).
std::string json_summary(const JsonValue& v, std::size_t max_chars = 120);

}  // namespace el::store
