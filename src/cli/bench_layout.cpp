// `eventlens bench --knn [ROWS DIMS K]` and `eventlens bench --umap [ROWS DIMS]`:
// the nearest-neighbour graph and UMAP behind the projector's layouts, on a
// synthetic embedding shaped like real ones: 50 clusters, each spread over an
// 8-dimensional patch of the space, plus a little noise in every dimension
// (embeddings of words or images have an intrinsic dimension far below their
// width; uniform noise in all 128 dimensions would have none of the structure
// a neighbour search relies on, and is reported alongside as the worst case).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "embed/knn.h"
#include "embed/portable_math.h"
#include "embed/umap.h"

namespace el::cli {
namespace {

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// `rows` points in `dims` dimensions on 50 clusters of intrinsic dimension 8;
// with `flat`, every point's offset from its centre is uniform in all dimensions instead.
embed::Matrix clustered(std::size_t rows, std::size_t dims, bool flat) {
  constexpr int kClusters = 50, kPatch = 8;
  std::uint64_t r = 12345;
  auto uniform = [&] { return static_cast<float>(embed::next_unit(r)) * 2 - 1; };  // [-1, 1)
  std::vector<float> centres(kClusters * dims), basis(kClusters * kPatch * dims);
  for (float& c : centres) c = uniform() * 3;
  for (float& b : basis) b = uniform() * 0.5f;
  embed::Matrix m;
  m.rows = rows;
  m.dims = dims;
  m.values.resize(rows * dims);
  std::vector<float> z(kPatch);
  for (std::size_t i = 0; i < rows; ++i) {
    const std::size_t c = i % kClusters;
    float* p = &m.values[i * dims];
    for (std::size_t d = 0; d < dims; ++d)
      p[d] = centres[c * dims + d] + (flat ? uniform() : uniform() * 0.05f);
    if (flat) continue;
    for (float& v : z) v = (uniform() + uniform() + uniform());  // about normal, spread 1
    for (int j = 0; j < kPatch; ++j)
      for (std::size_t d = 0; d < dims; ++d) p[d] += z[j] * basis[(c * kPatch + j) * dims + d];
  }
  return m;
}

}  // namespace

int cmd_bench_knn(const std::vector<std::string>& args) {
  const std::size_t rows = args.size() > 0 ? std::strtoul(args[0].c_str(), nullptr, 10) : 100000;
  const std::size_t dims = args.size() > 1 ? std::strtoul(args[1].c_str(), nullptr, 10) : 128;
  const std::size_t k = args.size() > 2 ? std::strtoul(args[2].c_str(), nullptr, 10) : 90;
  if (rows < 4 || dims < 1 || k < 1) {
    std::fprintf(stderr, "usage: eventlens bench --knn [ROWS >= 4] [DIMS >= 1] [K >= 1]\n");
    return 2;
  }
  std::printf("{\"rows\": %zu, \"dims\": %zu, \"k\": %zu", rows, dims, k);
  for (const bool flat : {false, true}) {
    const embed::Matrix m = clustered(rows, dims, flat);
    embed::KnnOptions o;
    o.k = k;
    o.method = embed::KnnMethod::kApproximate;
    if (args.size() > 3) o.trees = std::atoi(args[3].c_str());
    if (args.size() > 4) o.rounds = std::atoi(args[4].c_str());
    const auto t0 = std::chrono::steady_clock::now();
    const embed::KnnGraph g = embed::build_knn(m, o);
    const double ms = ms_since(t0);
    const auto t1 = std::chrono::steady_clock::now();
    const double recall = embed::knn_recall(m, g, 500);
    const double exact_row_ms = ms_since(t1) / 500;
    std::printf(", \"%s\": {\"ms\": %.0f, \"recall\": %.4f, \"exact_ms_estimate\": %.0f}",
                flat ? "uniform_noise" : "clustered", ms, recall, exact_row_ms * static_cast<double>(rows));
    std::fflush(stdout);
  }
  std::printf("}\n");
  return 0;
}

int cmd_bench_umap(const std::vector<std::string>& args) {
  const std::size_t rows = args.size() > 0 ? std::strtoul(args[0].c_str(), nullptr, 10) : 100000;
  const std::size_t dims = args.size() > 1 ? std::strtoul(args[1].c_str(), nullptr, 10) : 128;
  if (rows < 4 || dims < 1) {
    std::fprintf(stderr, "usage: eventlens bench --umap [ROWS >= 4] [DIMS >= 1]\n");
    return 2;
  }
  const embed::Matrix m = clustered(rows, dims, false);
  embed::Umap u;
  std::string error;
  auto t0 = std::chrono::steady_clock::now();
  if (!u.begin(m, {}, error)) return 1;
  embed::KnnOptions o;
  o.k = u.neighbours_needed();
  const embed::KnnGraph g = embed::build_knn(m, o);
  const double knn_ms = ms_since(t0);
  t0 = std::chrono::steady_clock::now();
  u.prepare(g, rows);
  const double graph_ms = ms_since(t0);
  t0 = std::chrono::steady_clock::now();
  u.step(u.epochs());
  const double epochs_ms = ms_since(t0);
  std::printf(
      "{\"rows\": %zu, \"dims\": %zu, \"neighbours\": %zu, \"epochs\": %d, \"edges\": %zu, \"knn_ms\": %.0f, "
      "\"graph_ms\": %.0f, \"epochs_ms\": %.0f, \"epoch_ms\": %.1f, \"total_ms\": %.0f}\n",
      rows, dims, u.options().neighbours, u.epochs(), u.edges(), knn_ms, graph_ms, epochs_ms,
      epochs_ms / u.epochs(), knn_ms + graph_ms + epochs_ms);
  return 0;
}

}  // namespace el::cli
