// `eventlens bench --embedding [ROWS DIMS]`: the projector's costs on a
// synthetic embedding (default 100,000 x 128, the benchmark): parsing
// it as tensors.tsv (~100 MB) and as checkpoint bytes (CRC checked), PCA of
// every point, and the nearest neighbours of one point. Times are the best
// of 3 runs; throughput is input bytes per second.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "embed/neighbors.h"
#include "embed/pca.h"
#include "embed/tensor_bundle.h"
#include "embed/tsne.h"
#include "embed/tsv.h"
#include "record/crc32c.h"

namespace el::cli {
namespace {

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

// Points on a few noisy clusters, from a fixed linear congruential sequence:
// the same numbers on every machine, and a spectrum PCA has to work for.
embed::Matrix synthetic(std::size_t rows, std::size_t dims) {
  embed::Matrix m;
  m.rows = rows;
  m.dims = dims;
  m.values.resize(rows * dims);
  std::uint64_t s = 0x9e3779b97f4a7c15ull;
  auto next = [&] {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<float>((s >> 40) & 0xffffff) / 16777216.0f - 0.5f;  // [-0.5, 0.5)
  };
  std::vector<float> centres(16 * dims);
  for (float& c : centres) c = next() * 4;
  for (std::size_t i = 0; i < rows; ++i)
    for (std::size_t d = 0; d < dims; ++d) m.values[i * dims + d] = centres[(i % 16) * dims + d] + next();
  return m;
}

}  // namespace

int cmd_bench_embedding(const std::vector<std::string>& args) {
  const std::size_t rows = args.size() > 0 ? std::strtoul(args[0].c_str(), nullptr, 10) : 100000;
  const std::size_t dims = args.size() > 1 ? std::strtoul(args[1].c_str(), nullptr, 10) : 128;
  if (rows < 2 || dims < 2) {
    std::fprintf(stderr, "usage: eventlens bench --embedding [ROWS >= 2] [DIMS >= 2]\n");
    return 2;
  }
  using clock = std::chrono::steady_clock;
  const embed::Matrix m = synthetic(rows, dims);

  // tensors.tsv as PyTorch writes it, shortened to 5 significant digits (~100 MB at the default size).
  std::string tsv;
  tsv.reserve(rows * dims * 9);
  char num[32];
  for (std::size_t i = 0; i < rows; ++i) {
    for (std::size_t d = 0; d < dims; ++d) {
      const int n = std::snprintf(num, sizeof num, "%.5g", m.values[i * dims + d]);
      tsv.append(num, static_cast<std::size_t>(n));
      tsv += d + 1 < dims ? '\t' : '\n';
    }
  }
  double tsv_ms = 1e18;
  for (int rep = 0; rep < 3; ++rep) {
    embed::Matrix out;
    std::string error;
    const auto t0 = clock::now();
    if (!embed::parse_tensors_tsv(tsv, out, error) || out.rows != rows) {
      std::fprintf(stderr, "eventlens: %s\n", error.c_str());
      return 1;
    }
    tsv_ms = std::min(tsv_ms, ms_since(t0));
  }

  // The same tensor as a checkpoint's bytes (CRC and conversion).
  const std::string_view raw(reinterpret_cast<const char*>(m.values.data()), m.values.size() * 4);
  embed::BundleEntry entry;
  entry.name = "bench";
  entry.dtype = 1;
  entry.shape = {static_cast<std::int64_t>(rows), static_cast<std::int64_t>(dims)};
  entry.size = raw.size();
  entry.masked_crc = record::masked_crc32c({reinterpret_cast<const std::uint8_t*>(raw.data()), raw.size()});
  double ckpt_ms = 1e18;
  for (int rep = 0; rep < 3; ++rep) {
    embed::Matrix out;
    std::string error;
    const auto t0 = clock::now();
    if (!embed::bundle_matrix(entry, raw, out, error)) {
      std::fprintf(stderr, "eventlens: %s\n", error.c_str());
      return 1;
    }
    ckpt_ms = std::min(ckpt_ms, ms_since(t0));
  }

  double pca_ms = 1e18, project_ms = 1e18;
  embed::Pca pca;
  for (int rep = 0; rep < 3; ++rep) {
    std::string error;
    auto t0 = clock::now();
    if (!embed::compute_pca(m, {embed::default_sphereize(dims), 10}, pca, error)) {
      std::fprintf(stderr, "eventlens: %s\n", error.c_str());
      return 1;
    }
    pca_ms = std::min(pca_ms, ms_since(t0));
    const std::size_t which[] = {0, 1, 2};
    t0 = clock::now();
    const std::vector<float> xyz = embed::project(m, pca, which);
    project_ms = std::min(project_ms, ms_since(t0));
    if (xyz.size() != rows * 3) return 1;
  }

  const std::vector<float> norms = embed::row_norms(m);
  double cosine_ms = 1e18, euclid_ms = 1e18;
  for (int rep = 0; rep < 3; ++rep) {
    auto t0 = clock::now();
    if (embed::nearest(m, rep * 7, 100, embed::Distance::kCosine, norms).size() != 100) return 1;
    cosine_ms = std::min(cosine_ms, ms_since(t0));
    t0 = clock::now();
    if (embed::nearest(m, rep * 7, 100, embed::Distance::kEuclidean, norms).size() != 100) return 1;
    euclid_ms = std::min(euclid_ms, ms_since(t0));
  }

  const double mb = 1024.0 * 1024.0;
  std::printf(
      "{\"rows\": %zu, \"dims\": %zu, \"tsv_mb\": %.1f, \"tsv_ms\": %.1f, \"tsv_mb_per_s\": %.1f, "
      "\"checkpoint_mb\": %.1f, \"checkpoint_ms\": %.1f, \"checkpoint_mb_per_s\": %.1f, "
      "\"pca_ms\": %.1f, \"pca_sphereized\": %s, \"project3_ms\": %.1f, \"top_share\": %.4f, "
      "\"neighbors100_cosine_ms\": %.1f, \"neighbors100_euclidean_ms\": %.1f}\n",
      rows, dims, tsv.size() / mb, tsv_ms, tsv.size() / mb / (tsv_ms / 1000), raw.size() / mb, ckpt_ms,
      raw.size() / mb / (ckpt_ms / 1000), pca_ms, pca.sphereized ? "true" : "false", project_ms,
      pca.shares()[0], cosine_ms, euclid_ms);
  return 0;
}

// `eventlens bench --tsne [ROWS DIMS]`: t-SNE of a synthetic embedding
// (default 10,000 x 50, the benchmark): the neighbours and affinities
// (exact, every pair), then the time per gradient step during and after the
// early exaggeration.
int cmd_bench_tsne(const std::vector<std::string>& args) {
  const std::size_t rows = args.size() > 0 ? std::strtoul(args[0].c_str(), nullptr, 10) : 10000;
  const std::size_t dims = args.size() > 1 ? std::strtoul(args[1].c_str(), nullptr, 10) : 50;
  if (rows < 4 || dims < 2) {
    std::fprintf(stderr, "usage: eventlens bench --tsne [ROWS >= 4] [DIMS >= 2]\n");
    return 2;
  }
  const embed::Matrix m = synthetic(rows, dims);
  embed::Tsne t;
  std::string error;
  auto t0 = std::chrono::steady_clock::now();
  if (!t.init(m, {}, error)) return 1;
  const double init_ms = ms_since(t0);
  t0 = std::chrono::steady_clock::now();
  t.step(50);
  const double early_ms = ms_since(t0) / 50;
  t.step(t.options().exaggeration_iterations - 50);
  t0 = std::chrono::steady_clock::now();
  t.step(50);
  const double late_ms = ms_since(t0) / 50;
  std::printf(
      "{\"rows\": %zu, \"dims\": %zu, \"perplexity\": %.0f, \"init_ms\": %.1f, \"early_step_ms\": %.2f, "
      "\"step_ms\": %.2f, \"steps_per_s\": %.1f, \"kl\": %.4f}\n",
      rows, dims, t.options().perplexity, init_ms, early_ms, late_ms, 1000 / late_ms, t.kl_divergence());
  return 0;
}

}  // namespace el::cli
