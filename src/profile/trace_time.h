// Chrome trace times ("ts", "dur") are microseconds written as JSON numbers:
// integers, fractions with nanosecond digits (1712195495519689.047), rarely
// exponents. A double cannot hold an epoch timestamp to the nanosecond, so
// they are read from their text: integer and fraction apart, exactly, to the
// picosecond (digits past the 6th after the point are dropped: truncation
// toward zero).
#pragma once
#include <cstdint>
#include <optional>
#include <string_view>

namespace el::profile {

struct Microseconds {
  std::int64_t whole = 0;     // floor(value), in µs
  std::int64_t fraction = 0;  // value - whole, in ps: 0 ..< 1,000,000
};

// Parses a JSON number's text (surrounding whitespace allowed). Nothing when
// it is not a number or does not fit.
std::optional<Microseconds> parse_microseconds(std::string_view text);

// The picoseconds of a duration's text (truncated toward zero past the ps).
std::optional<std::int64_t> parse_duration_ps(std::string_view text);

}  // namespace el::profile
