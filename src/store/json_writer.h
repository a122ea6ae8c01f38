// Minimal streaming JSON writer for state() and the CLI's exports. Numbers
// keep full double precision; non-finite numbers are written as the strings
// "NaN", "Infinity" and "-Infinity" (JSON has no literal for them).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace el::store {

class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(double d);
  JsonWriter& value(std::int64_t i);
  JsonWriter& value(std::uint64_t u);
  JsonWriter& value(int i) { return value(static_cast<std::int64_t>(i)); }
  JsonWriter& value(unsigned u) { return value(static_cast<std::uint64_t>(u)); }
  JsonWriter& value(bool b);
  JsonWriter& null();

  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void separate();
  std::string out_;
  std::vector<bool> first_;  // per open container: nothing written yet
  bool after_key_ = false;
};

void append_json_string(std::string& out, std::string_view s);
// The shortest of %.15g..%.17g that reads back as the same (finite) double.
void append_shortest_double(std::string& out, double d);

}  // namespace el::store
