// Principal components of every point of an embedding (no sampling), and the
// points' coordinates on chosen components. The covariance is accumulated in
// double over blocks of points, then Eigen's self-adjoint eigen-solver gives
// the components (the covariance is dims x dims, small next to the points).
// "Sphereize" is TensorBoard's option: centre the points, then scale each to
// unit length, before the PCA; it is on by default from 50 dimensions.
#pragma once
#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "embed/tsv.h"

namespace el::embed {

struct PcaOptions {
  bool sphereize = false;
  std::size_t max_components = 10;
};

struct Pca {
  std::size_t dims = 0, components = 0;
  bool sphereized = false;
  std::vector<double> sphere_centroid;  // subtracted before scaling to unit length (sphereize only)
  std::vector<double> mean;             // subtracted before projecting
  std::vector<double> axes;             // components x dims, row-major, unit length; the largest
                                        // entry of each is positive (a component's sign is arbitrary)
  std::vector<double> variance;         // per component, over n - 1
  double total_variance = 0;            // of all dims (the covariance's trace)
  // Each component's share of the total variance.
  std::vector<double> shares() const;
};

inline bool default_sphereize(std::size_t dims) { return dims >= 50; }

// False with `error` when there are fewer than two points.
[[nodiscard]] bool compute_pca(const Matrix& points, const PcaOptions& options, Pca& out, std::string& error);

// Every point's coordinates on components `which` (indices into the PCA's
// components; 2 or 3 of them), as n x which.size() floats.
std::vector<float> project(const Matrix& points, const Pca& pca, std::span<const std::size_t> which);

}  // namespace el::embed
