#include "aggregate/smoothing.h"

#include <algorithm>
#include <cmath>

namespace el::aggregate {

void smooth(std::span<const double> ys, double weight, std::vector<double>& out) {
  out.assign(ys.begin(), ys.end());
  const double w = std::clamp(weight, 0.0, kMaxSmoothing);
  if (w == 0 || ys.empty()) return;
  // Constant series stay as they are (the debiased EMA would only add rounding).
  const double* first = nullptr;
  bool constant = true;
  for (const double& y : ys) {
    if (!std::isfinite(y)) continue;
    if (!first) first = &y;
    if (y != *first) {
      constant = false;
      break;
    }
  }
  if (constant) return;
  double last = 0, w_pow = 1;  // w^n, kept as a running product
  for (std::size_t i = 0; i < ys.size(); ++i) {
    const double y = ys[i];
    if (!std::isfinite(y)) continue;
    last = last * w + (1 - w) * y;
    w_pow *= w;
    out[i] = last / (1 - w_pow);
  }
}

}  // namespace el::aggregate
