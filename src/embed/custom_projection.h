// The projector's custom projection: each screen axis runs from the centroid
// of the points whose label matches one pattern to the centroid of those
// matching another ("man" -> "woman" across, "small" -> "big" up), computed
// in the embedding's own space; every point is placed by its dot product with
// each (unit) axis.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "embed/tsv.h"

namespace el::embed {

struct CustomAxis {
  std::string from, to;  // patterns over the labels: the axis points from `from`'s centroid to `to`'s
};

struct CustomProjection {
  std::vector<float> xy;                  // n x 2
  std::size_t matches[4] = {0, 0, 0, 0};  // points matching x.from, x.to, y.from, y.to
};

// `labels` holds one label per point (missing rows: ""). Patterns are
// ECMAScript regexes, case-insensitive, when `regex`; otherwise substrings.
// False with `error` when a pattern is invalid, matches no point, or both
// ends of an axis have the same centroid.
[[nodiscard]] bool custom_projection(const Matrix& points, const std::vector<std::string>& labels,
                                     const CustomAxis& x, const CustomAxis& y, bool regex,
                                     CustomProjection& out, std::string& error);

}  // namespace el::embed
