#include "aggregate/rebin.h"

#include <algorithm>

namespace el::aggregate {

void extend_rebin_range(std::optional<std::pair<double, double>>& range, double first_left, double last_left,
                        double last_right) {
  const double right = last_left + (last_right - last_left);
  if (!range) range.emplace(first_left, right);
  range->first = std::min(range->first, first_left);
  range->second = std::max(range->second, right);
}

void finish_rebin_range(std::optional<std::pair<double, double>>& range) {
  if (range && range->first == range->second) {
    range->second = range->second * 1.1 + 1;
    range->first = range->first / 1.1 - 1;
  }
}

std::optional<std::pair<double, double>> rebin_range(std::span<const std::span<const double>> histograms) {
  std::optional<std::pair<double, double>> range;
  for (std::span<const double> rows : histograms)
    if (rows.size() >= 3) extend_rebin_range(range, rows[0], rows[rows.size() - 3], rows[rows.size() - 2]);
  finish_rebin_range(range);
  return range;
}

void rebin(std::span<const double> rows, double left, double right, int bins, std::vector<double>& counts) {
  counts.assign(static_cast<std::size_t>(std::max(bins, 0)), 0.0);
  if (bins < 1) return;
  const std::size_t k = rows.size() / 3;
  const double dx = (right - left) / bins;
  std::size_t in = 0;
  double carried = 0;  // a zero-width bucket on a boundary belongs to the next bin
  for (int i = 0; i < bins; ++i) {
    const double out_left = left + i * dx, out_right = out_left + dx;
    const bool has_right_neighbour = i != bins - 1;
    double y = carried;
    carried = 0;
    while (in < k) {
      const double b_left = rows[3 * in], b_width = rows[3 * in + 1] - b_left, b_right = b_left + b_width;
      const double count = rows[3 * in + 2];
      if (!(b_left > out_right || b_right < out_left)) {
        if (b_width == 0) {
          if (has_right_neighbour && b_right >= out_right)
            carried += count;
          else
            y += count;
        } else {
          y += count * (std::min(b_right, out_right) - std::max(b_left, out_left)) / b_width;
        }
      }
      // A bucket reaching past this bin may feed the next one too.
      if (b_right > out_right) break;
      ++in;
    }
    counts[static_cast<std::size_t>(i)] = y;
  }
}

}  // namespace el::aggregate
