#include "embed/neighbors.h"

#include <algorithm>
#include <cmath>
#include <queue>

namespace el::embed {

std::vector<float> row_norms(const Matrix& m) {
  std::vector<float> out(m.rows);
  for (std::size_t i = 0; i < m.rows; ++i) {
    const float* x = m.row(i);
    double s = 0;
    for (std::size_t d = 0; d < m.dims; ++d) s += static_cast<double>(x[d]) * x[d];
    out[i] = static_cast<float>(std::sqrt(s));
  }
  return out;
}

std::vector<Neighbor> nearest(const Matrix& m, std::size_t point, std::size_t k, Distance distance,
                              const std::vector<float>& norms) {
  if (point >= m.rows || k == 0) return {};
  const float* q = m.row(point);
  const bool cosine = distance == Distance::kCosine;
  const float qn = cosine ? norms[point] : 0;
  auto worse = [](const Neighbor& a, const Neighbor& b) {
    return a.distance < b.distance || (a.distance == b.distance && a.index < b.index);
  };
  // A max-heap of the best k so far: its top is the worst of them.
  std::priority_queue<Neighbor, std::vector<Neighbor>, decltype(worse)> best(worse);
  for (std::size_t i = 0; i < m.rows; ++i) {
    if (i == point) continue;
    const float* x = m.row(i);
    float dist;
    if (cosine) {
      float dot = 0;
      for (std::size_t d = 0; d < m.dims; ++d) dot += q[d] * x[d];
      const float denom = qn * norms[i];
      dist = denom > 0 ? 1.0f - dot / denom : 1.0f;
    } else {
      float s = 0;
      for (std::size_t d = 0; d < m.dims; ++d) {
        const float diff = q[d] - x[d];
        s += diff * diff;
      }
      dist = std::sqrt(s);
    }
    const Neighbor n{static_cast<std::uint32_t>(i), dist};
    if (best.size() < k) {
      best.push(n);
    } else if (worse(n, best.top())) {
      best.pop();
      best.push(n);
    }
  }
  std::vector<Neighbor> out(best.size());
  for (std::size_t i = out.size(); i-- > 0;) {
    out[i] = best.top();
    best.pop();
  }
  return out;
}

}  // namespace el::embed
