#include "events/pr_curve.h"

#include "events/tensor.h"

namespace el::events {

bool pr_curve_from_tensor(const pb::TensorProto& t, PrCurve& out, std::string& error) {
  const std::vector<std::int64_t> shape = shape_of(t);
  std::vector<double> v;
  if (shape.size() != 2 || shape[0] != 6 || shape[1] < 1) {
    std::string dims;
    for (std::size_t i = 0; i < shape.size(); ++i) {
      if (i) dims += ", ";
      dims += std::to_string(shape[i]);
    }
    error = "not a PR curve: the tensor's shape is [" + dims + "], not [6, thresholds]";
    return false;
  }
  if (!tensor_to_doubles(t, v) || v.size() != static_cast<std::size_t>(6 * shape[1])) {
    error = "not a PR curve: the tensor's values do not fill its shape";
    return false;
  }
  const std::size_t n = static_cast<std::size_t>(shape[1]);
  std::vector<double>* rows[6] = {&out.tp, &out.fp, &out.tn, &out.fn, &out.precision, &out.recall};
  for (std::size_t r = 0; r < 6; ++r)
    rows[r]->assign(v.begin() + static_cast<std::ptrdiff_t>(r * n),
                    v.begin() + static_cast<std::ptrdiff_t>((r + 1) * n));
  return true;
}

}  // namespace el::events
