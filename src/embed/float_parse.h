// Decimal text to float32 the way a browser's page gets it (JavaScript reads
// the number as a double, a Float32Array then rounds that double): exactly
// float(strtod(text)), but without strtod for the usual cases. The digits
// (up to 19 significant) and a power of ten give the double, exactly when
// they can, else within 2 units in its last place; that is enough to round to
// float32 correctly unless the double lies within a few units of the midpoint
// between two floats, and then (about one number in 30 million) strtod decides.
#pragma once
#include <string_view>

namespace el::embed {

// The whole field must be a number (spaces around it allowed): true and
// `out`, or false. "nan", "inf" and friends are numbers, as for strtod.
[[nodiscard]] bool parse_float32(std::string_view field, float& out);

// The reference: float(strtod(field)), the whole field (tests and the fuzzer compare).
[[nodiscard]] bool parse_float32_strtod(std::string_view field, float& out);

}  // namespace el::embed
