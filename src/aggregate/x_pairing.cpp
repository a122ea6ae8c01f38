#include "aggregate/x_pairing.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace el::aggregate {

XPairing pair_by_step(std::span<const double> steps, std::span<const double> x_steps,
                      std::span<const double> x_values) {
  XPairing out;
  // Merge join: both step lists increase.
  std::size_t j = 0;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    while (j < x_steps.size() && x_steps[j] < steps[i]) ++j;
    if (j == x_steps.size()) break;
    if (x_steps[j] != steps[i] || !std::isfinite(x_values[j])) continue;
    out.index.push_back(static_cast<std::uint32_t>(i));
    out.x.push_back(x_values[j]);
  }
  if (std::is_sorted(out.x.begin(), out.x.end())) return out;
  // Not monotonic (x went down somewhere): order by x, ties in step order.
  std::vector<std::uint32_t> order(out.x.size());
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return out.x[a] < out.x[b]; });
  XPairing sorted;
  sorted.sorted = true;
  for (std::uint32_t k : order) {
    sorted.index.push_back(out.index[k]);
    sorted.x.push_back(out.x[k]);
  }
  return sorted;
}

}  // namespace el::aggregate
