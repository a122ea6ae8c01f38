// A scalar plotted against another scalar of the same run (epoch, samples
// seen, learning rate...): each point of the series is paired with the other
// tag's value logged at the same step (an inner join on step; points whose
// step the other tag lacks, or whose x is not finite, are left out). The
// pairs are ordered by x, so a chart can draw and search them; when x was not
// already non-decreasing in step order, `sorted` says it was reordered.
#pragma once
#include <cstdint>
#include <span>
#include <vector>

namespace el::aggregate {

struct XPairing {
  std::vector<std::uint32_t> index;  // position in the series of each pair, in x order
  std::vector<double> x;             // the other tag's value, non-decreasing
  bool sorted = false;               // x had to be reordered (it was not monotonic)
};

// `steps` and `x_steps` each strictly increasing (the restart rule applied).
XPairing pair_by_step(std::span<const double> steps, std::span<const double> x_steps,
                      std::span<const double> x_values);

}  // namespace el::aggregate
