// TensorBoard's scalar smoothing (webapp line_chart_v2 data_transformer): a
// debiased exponential moving average over the full series, never a sample,
// so the curve does not change with zoom or point density.
#pragma once
#include <span>
#include <vector>

namespace el::aggregate {

inline constexpr double kDefaultSmoothing = 0.6;
inline constexpr double kMaxSmoothing = 0.999;

// out[i] for ys[i]: last = last*w + (1-w)*y over finite values, divided by
// (1 - w^n) where n counts the finite values so far; a non-finite y is passed
// through and not counted. A series whose finite values are all equal is
// returned unchanged. w is clamped to [0, kMaxSmoothing].
void smooth(std::span<const double> ys, double weight, std::vector<double>& out);

}  // namespace el::aggregate
