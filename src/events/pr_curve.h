// Precision-recall curves as the pr_curves plugin writes them: a [6, T]
// tensor whose rows are true positives, false positives, true negatives,
// false negatives, precision and recall at T thresholds evenly spaced over
// [0, 1] (threshold i is i / (T - 1)).
#pragma once
#include <string>
#include <vector>

#include "proto/tensor.pb.h"

namespace el::events {

struct PrCurve {
  std::vector<double> tp, fp, tn, fn, precision, recall;
  std::size_t size() const { return precision.size(); }
  double threshold(std::size_t i) const { return size() > 1 ? static_cast<double>(i) / (size() - 1) : 0.0; }
};

// False with `error` ("not a [6, T] tensor: ...") if `t` is not a PR curve.
[[nodiscard]] bool pr_curve_from_tensor(const pb::TensorProto& t, PrCurve& out, std::string& error);

}  // namespace el::events
