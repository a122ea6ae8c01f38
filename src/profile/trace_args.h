// An event's arguments, kept compactly: a million kineto events each carry
// a few numbers ("External id", "correlation") and strings that repeat
// ("Call stack", "Input type"). Each argument is a tag byte, its key's
// interned id and its value (an integer as a zigzag varint, a double's 8
// bytes, a string or a nested array/object as the interned id of its text);
// a 0 tag ends the set. A set's id is its offset + 1 (0: none), so an event
// spends 4 bytes on it. Rebuilt as JSON only when shown.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace el::profile {

class Trace;

class ArgsArena {
 public:
  // Writing one set: begin(), then one call per argument, then end() for its id.
  void begin();
  void add_int(std::uint32_t key, std::int64_t v);
  void add_double(std::uint32_t key, double v);
  void add_string(std::uint32_t key, std::uint32_t text);         // an interned string
  void add_json(std::uint32_t key, std::uint32_t text);           // an interned array or object, as written
  void add_literal(std::uint32_t key, std::string_view literal);  // true, false or null
  std::uint32_t end();  // 0 when the set is empty or the arena is full (4 GB)

  // The integer value of argument `key` of set `id` (an integer, or a double
  // with no fraction), if it has one.
  bool get_int(std::uint32_t id, std::uint32_t key, std::int64_t& out) const;
  // The set as a JSON object ("{}" for 0).
  std::string json(std::uint32_t id, const Trace& strings) const;
  std::size_t memory_bytes() const { return bytes_.capacity(); }
  void shrink() { bytes_.shrink_to_fit(); }

 private:
  void varint(std::uint64_t v);
  std::vector<std::uint8_t> bytes_;
  std::size_t begun_ = 0;
  bool empty_ = true;
};

}  // namespace el::profile
