// Protocol buffer text format (the `.pbtxt` of projector_config.pbtxt and the
// `checkpoint` file), read into a generic tree: protobuf-lite has no text
// parser, and the two schemas we read are small. Comments (#), `:` before a
// message, `{}` or `<>` braces, `,`/`;` separators, adjacent strings joined,
// and C escapes (\n \t \" \\ \' \NNN octal, \xHH) are understood.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace el::embed {

struct TextField {
  std::string name;
  std::string scalar;  // a string's decoded bytes, or a number/identifier as written
  bool is_message = false;
  std::vector<TextField> children;  // a message's fields, in order (repeated fields repeat)
};

struct TextMessage {
  std::vector<TextField> fields;
  // Fields named `name` (all of them: repeated fields, or a file appended to).
  std::vector<const TextField*> all(std::string_view name) const;
};

// False with `error` ("line 3: expected ':' after 'tensor_name'") if `text` is not text format.
[[nodiscard]] bool parse_text_format(std::string_view text, TextMessage& out, std::string& error);

// The last scalar named `name` among `fields` (text format: the last one wins), or "".
std::string last_scalar(const std::vector<TextField>& fields, std::string_view name);

}  // namespace el::embed
