// Histogram re-binning as TensorBoard's histogram widget does it
// (semantics doc §9): all steps of a series share N equal bins over the union
// of their ranges, and each input bucket's count is spread over the output
// bins in proportion to overlap. Inputs are (left, right, count) rows.
#pragma once
#include <optional>
#include <span>
#include <utility>
#include <vector>

namespace el::aggregate {

inline constexpr int kDefaultHistogramBins = 30;

// [min left, max right] over every non-empty histogram; a zero-width union is
// widened to [l/1.1 - 1, r*1.1 + 1]. nullopt when every histogram is empty.
std::optional<std::pair<double, double>> rebin_range(std::span<const std::span<const double>> histograms);

// The same rule a record at a time: widen `range` by a non-empty record's
// first left edge and last bucket (a right edge is left + width, as the
// widget computes it), then finish_rebin_range once all are in.
void extend_rebin_range(std::optional<std::pair<double, double>>& range, double first_left, double last_left,
                        double last_right);
void finish_rebin_range(std::optional<std::pair<double, double>>& range);

// Counts of `rows` re-binned into `bins` equal bins over [left, right]. A
// zero-width input bucket goes wholly into the bin holding it (bins are
// [l, r), the last one [l, r]).
void rebin(std::span<const double> rows, double left, double right, int bins, std::vector<double>& counts);

}  // namespace el::aggregate
