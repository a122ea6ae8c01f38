#include "embed/pca.h"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <cmath>

namespace el::embed {
namespace {

constexpr std::size_t kBlockRows = 2048;  // points widened to double at a time

using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Point i as prepared for the PCA: widened, and sphereized when asked.
void prepared(const Matrix& m, std::size_t i, const Pca& p, double* out) {
  const float* x = m.row(i);
  if (!p.sphereized) {
    for (std::size_t d = 0; d < m.dims; ++d) out[d] = x[d];
    return;
  }
  double norm = 0;
  for (std::size_t d = 0; d < m.dims; ++d) {
    out[d] = x[d] - p.sphere_centroid[d];
    norm += out[d] * out[d];
  }
  norm = std::sqrt(norm);
  if (norm > 0)
    for (std::size_t d = 0; d < m.dims; ++d) out[d] /= norm;
}

}  // namespace

std::vector<double> Pca::shares() const {
  std::vector<double> s(variance.size());
  for (std::size_t i = 0; i < s.size(); ++i) s[i] = total_variance > 0 ? variance[i] / total_variance : 0;
  return s;
}

bool compute_pca(const Matrix& m, const PcaOptions& options, Pca& out, std::string& error) {
  out = {};
  if (m.rows < 2 || m.dims == 0) {
    error = "PCA needs at least two points";
    return false;
  }
  const std::size_t n = m.rows, dims = m.dims;
  out.dims = dims;
  out.sphereized = options.sphereize;
  std::vector<double> buf(dims);
  if (options.sphereize) {
    out.sphere_centroid.assign(dims, 0);
    for (std::size_t i = 0; i < n; ++i)
      for (std::size_t d = 0; d < dims; ++d) out.sphere_centroid[d] += m.row(i)[d];
    for (double& c : out.sphere_centroid) c /= static_cast<double>(n);
  }
  out.mean.assign(dims, 0);
  for (std::size_t i = 0; i < n; ++i) {
    prepared(m, i, out, buf.data());
    for (std::size_t d = 0; d < dims; ++d) out.mean[d] += buf[d];
  }
  for (double& c : out.mean) c /= static_cast<double>(n);

  // Covariance: sum over blocks of (X - mean)^T (X - mean), lower triangle.
  Eigen::MatrixXd cov =
      Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(dims), static_cast<Eigen::Index>(dims));
  RowMajor block(static_cast<Eigen::Index>(std::min(kBlockRows, n)), static_cast<Eigen::Index>(dims));
  for (std::size_t start = 0; start < n; start += kBlockRows) {
    const std::size_t rows = std::min(kBlockRows, n - start);
    if (static_cast<std::size_t>(block.rows()) != rows)
      block.resize(static_cast<Eigen::Index>(rows), static_cast<Eigen::Index>(dims));
    for (std::size_t r = 0; r < rows; ++r) {
      double* row = block.data() + r * dims;
      prepared(m, start + r, out, row);
      for (std::size_t d = 0; d < dims; ++d) row[d] -= out.mean[d];
    }
    cov.selfadjointView<Eigen::Lower>().rankUpdate(block.transpose());
  }
  cov /= static_cast<double>(n - 1);
  out.total_variance = cov.diagonal().sum();

  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(cov.selfadjointView<Eigen::Lower>());
  if (solver.info() != Eigen::Success) {
    error = "the eigen-solver did not converge";
    return false;
  }
  out.components = std::min(options.max_components, dims);
  out.axes.resize(out.components * dims);
  out.variance.resize(out.components);
  for (std::size_t k = 0; k < out.components; ++k) {
    const Eigen::Index col = static_cast<Eigen::Index>(dims - 1 - k);  // eigenvalues ascend
    out.variance[k] = std::max(0.0, solver.eigenvalues()[col]);
    const auto v = solver.eigenvectors().col(col);
    Eigen::Index big = 0;
    v.cwiseAbs().maxCoeff(&big);
    const double sign = v[big] < 0 ? -1 : 1;
    for (std::size_t d = 0; d < dims; ++d) out.axes[k * dims + d] = sign * v[static_cast<Eigen::Index>(d)];
  }
  return true;
}

std::vector<float> project(const Matrix& m, const Pca& p, std::span<const std::size_t> which) {
  const std::size_t w = which.size();
  std::vector<float> out(m.rows * w);
  std::vector<double> buf(m.dims);
  for (std::size_t i = 0; i < m.rows; ++i) {
    prepared(m, i, p, buf.data());
    for (std::size_t j = 0; j < w; ++j) {
      const double* axis = p.axes.data() + which[j] * p.dims;
      double s = 0;
      for (std::size_t d = 0; d < m.dims; ++d) s += (buf[d] - p.mean[d]) * axis[d];
      out[i * w + j] = static_cast<float>(s);
    }
  }
  return out;
}

}  // namespace el::embed
