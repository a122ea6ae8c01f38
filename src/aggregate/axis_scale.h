// How a chart axis maps values to plot units: linear, log10, or symlog —
// sign(v) * log10(1 + |v| / width): linear within about ±width of zero and
// logarithmic beyond, so values that cross zero (rewards, gradients, log
// likelihoods) keep their sign and their orders of magnitude. Plus the ticks
// each scale puts at round values.
#pragma once
#include <cstdint>
#include <vector>

namespace el::aggregate {

struct AxisScale {
  enum class Kind : std::uint8_t { kLinear, kLog, kSymlog };
  Kind kind = Kind::kLinear;
  double width = 1;  // symlog: the linear region's half-width (> 0)

  // Plot units of a value (NaN for a value a log axis cannot show: <= 0, NaN).
  double forward(double v) const;
  // The value at plot units t (forward's inverse).
  double inverse(double t) const;
  bool linear() const { return kind == Kind::kLinear; }
  bool operator==(const AxisScale&) const = default;
};

// "linear", "log" or "symlog" (links and the test hook's state()).
const char* scale_name(AxisScale::Kind k);

// Ticks (values) for an axis showing plot units [t0, t1] with about `target`
// ticks. `step` is the value spacing labels need to tell ticks apart (0 when
// each tick should be labelled by itself, as decades are).
//   linear: round multiples of 1, 2, 5 x 10^k;
//   log: decades (log_axis_ticks);
//   symlog: 0, then ±10^k at and beyond the linear region, thinned to about
//   `target`; linear ticks over the values when the range holds fewer than two.
std::vector<double> scale_ticks(const AxisScale& s, double t0, double t1, int target, double& step);

}  // namespace el::aggregate
