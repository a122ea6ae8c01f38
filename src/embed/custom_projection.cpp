#include "embed/custom_projection.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <regex>

namespace el::embed {
namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// The centroid of the points whose label matches `pattern`; false with `error` if none does.
bool centroid(const Matrix& m, const std::vector<std::string>& labels, const std::string& pattern, bool regex,
              std::vector<double>& out, std::size_t& count, std::string& error) {
  out.assign(m.dims, 0);
  count = 0;
  std::regex re;
  const std::string needle = lower(pattern);
  if (regex) {
    try {
      re = std::regex(pattern, std::regex::ECMAScript | std::regex::icase);
    } catch (const std::regex_error&) {
      error = "'" + pattern + "' is not a valid regular expression";
      return false;
    }
  }
  const std::size_t n = std::min(m.rows, labels.size());
  for (std::size_t i = 0; i < n; ++i) {
    const bool hit =
        regex ? std::regex_search(labels[i], re) : lower(labels[i]).find(needle) != std::string::npos;
    if (!hit) continue;
    ++count;
    for (std::size_t d = 0; d < m.dims; ++d) out[d] += m.row(i)[d];
  }
  if (!count) {
    error = "no label matches '" + pattern + "'";
    return false;
  }
  for (double& v : out) v /= static_cast<double>(count);
  return true;
}

bool axis(const Matrix& m, const std::vector<std::string>& labels, const CustomAxis& a, bool regex,
          std::vector<double>& dir, std::size_t* counts, std::string& error) {
  std::vector<double> from, to;
  if (!centroid(m, labels, a.from, regex, from, counts[0], error) ||
      !centroid(m, labels, a.to, regex, to, counts[1], error))
    return false;
  dir.resize(m.dims);
  double len = 0;
  for (std::size_t d = 0; d < m.dims; ++d) {
    dir[d] = to[d] - from[d];
    len += dir[d] * dir[d];
  }
  len = std::sqrt(len);
  if (!(len > 0)) {
    error = "'" + a.from + "' and '" + a.to + "' have the same centroid: the axis has no direction";
    return false;
  }
  for (double& v : dir) v /= len;
  return true;
}

}  // namespace

bool custom_projection(const Matrix& m, const std::vector<std::string>& labels, const CustomAxis& x,
                       const CustomAxis& y, bool regex, CustomProjection& out, std::string& error) {
  out = {};
  std::vector<double> dx, dy;
  if (!axis(m, labels, x, regex, dx, out.matches, error) ||
      !axis(m, labels, y, regex, dy, out.matches + 2, error))
    return false;
  out.xy.resize(m.rows * 2);
  for (std::size_t i = 0; i < m.rows; ++i) {
    double sx = 0, sy = 0;
    for (std::size_t d = 0; d < m.dims; ++d) {
      sx += m.row(i)[d] * dx[d];
      sy += m.row(i)[d] * dy[d];
    }
    out.xy[i * 2] = static_cast<float>(sx);
    out.xy[i * 2 + 1] = static_cast<float>(sy);
  }
  return true;
}

}  // namespace el::embed
