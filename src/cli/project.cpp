// `eventlens project PATH [--embedding NAME] --method pca|tsne|umap [--dims 2|3]
//  [--seed N] [--iterations N] [--perplexity P] [--neighbors N] [--min-dist D]
//  [--knn auto|exact|approximate] --out FILE.tsv`: an embedding's layout,
// computed exactly as the page computes it (embed/layout_job.h), as one TSV row
// per point (the coordinates, then the metadata columns). The same seed gives
// the same bytes natively and in wasm (scripts/test compares them).
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "embed/discovery.h"
#include "embed/layout_job.h"
#include "embed/pca.h"
#include "io/disk_files.h"

namespace el::cli {
namespace {

int project_usage() {
  std::fprintf(
      stderr,
      "usage: eventlens project PATH [--embedding NAME] --method pca|tsne|umap [--dims 2|3] [--seed N]\n"
      "                         [--iterations N] [--perplexity P] [--neighbors N] [--min-dist D]\n"
      "                         [--knn auto|exact|approximate] --out FILE.tsv\n"
      "  --iterations: t-SNE's steps (default 1000), UMAP's epochs (default: by size, as umap-js)\n");
  return 2;
}

}  // namespace

int cmd_project(const std::vector<std::string>& args) {
  std::string path, name, method, out, knn = "auto";
  int dims = 2, iterations = -1, neighbours = 15;
  std::uint64_t seed = 1;
  double perplexity = 0, min_dist = 0.1;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool has = i + 1 < args.size();
    if (a == "--embedding" && has)
      name = args[++i];
    else if (a == "--method" && has)
      method = args[++i];
    else if (a == "--dims" && has)
      dims = std::atoi(args[++i].c_str());
    else if (a == "--seed" && has)
      seed = std::strtoull(args[++i].c_str(), nullptr, 10);
    else if (a == "--iterations" && has)
      iterations = std::atoi(args[++i].c_str());
    else if (a == "--perplexity" && has)
      perplexity = std::atof(args[++i].c_str());
    else if (a == "--neighbors" && has)
      neighbours = std::atoi(args[++i].c_str());
    else if (a == "--min-dist" && has)
      min_dist = std::atof(args[++i].c_str());
    else if (a == "--knn" && has)
      knn = args[++i];
    else if (a == "--out" && has)
      out = args[++i];
    else if (a.rfind("--", 0) == 0 || !path.empty())
      return project_usage();
    else
      path = a;
  }
  if (path.empty() || out.empty() || (method != "pca" && method != "tsne" && method != "umap") ||
      (dims != 2 && dims != 3) || iterations < -1 || neighbours < 2 || min_dist < 0 ||
      (knn != "auto" && knn != "exact" && knn != "approximate"))
    return project_usage();
  io::DiskFiles files(path);
  if (!files.error().empty()) {
    std::fprintf(stderr, "eventlens project: %s: %s\n", path.c_str(), files.error().c_str());
    return 2;
  }
  const embed::Discovery d = embed::discover_embeddings(files);
  const embed::Embedding* e = nullptr;
  for (const embed::Embedding& x : d.embeddings)
    if (name.empty() || x.name == name) {
      e = &x;
      break;
    }
  if (!e) {
    std::fprintf(stderr, "eventlens project: %s\n",
                 d.embeddings.empty() ? "no embedding found" : ("no embedding named " + name).c_str());
    for (const embed::Embedding& x : d.embeddings) std::fprintf(stderr, "  %s\n", x.name.c_str());
    return 2;
  }
  embed::Matrix points;
  embed::MetadataTable metadata;
  std::string error, note;
  if (!embed::load_points(files, *e, points, error) ||
      !embed::load_metadata(files, *e, points.rows, metadata, note, error)) {
    std::fprintf(stderr, "eventlens project: %s\n", error.c_str());
    return 2;
  }
  std::vector<double> coords;
  if (method == "pca") {
    embed::PcaOptions o;
    o.sphereize = embed::default_sphereize(points.dims);
    embed::Pca pca;
    if (!embed::compute_pca(points, o, pca, error)) {
      std::fprintf(stderr, "eventlens project: %s\n", error.c_str());
      return 2;
    }
    std::vector<std::size_t> which{0, 1, 2};
    which.resize(std::min<std::size_t>(dims, pca.components));
    const std::vector<float> p = embed::project(points, pca, which);
    coords.assign(p.begin(), p.end());
    dims = static_cast<int>(which.size());
  } else {
    embed::LayoutSettings l;
    l.method = method == "tsne" ? embed::LayoutMethod::kTsne : embed::LayoutMethod::kUmap;
    l.tsne.dims = l.umap.dims = dims;
    l.tsne.seed = l.umap.seed = seed;
    l.tsne.perplexity = perplexity;
    l.umap.neighbours = static_cast<std::size_t>(neighbours);
    l.umap.min_dist = min_dist;
    if (method == "umap" && iterations > 0) l.umap.epochs = iterations;
    l.knn = knn == "exact"         ? embed::KnnMethod::kExact
            : knn == "approximate" ? embed::KnnMethod::kApproximate
                                   : embed::KnnMethod::kAuto;
    embed::LayoutJob job;
    if (!job.begin(points, l, error)) {
      std::fprintf(stderr, "eventlens project: %s\n", error.c_str());
      return 2;
    }
    job.run_to(method == "tsne" ? (iterations < 0 ? 1000 : iterations) : 0);
    coords = job.coordinates();
    char kl[48] = "";
    if (method == "tsne") std::snprintf(kl, sizeof kl, ", KL %.6f", job.kl_divergence());
    std::fprintf(stderr, "%s: %d %s, %zu %s neighbours%s\n", method == "tsne" ? "t-SNE" : "UMAP",
                 job.iteration(), method == "tsne" ? "iterations" : "epochs", job.neighbours(),
                 job.exact_neighbours() ? "exact" : "approximate", kl);
  }
  std::ofstream f(out, std::ios::binary);
  for (int k = 0; k < dims; ++k) f << (k ? "\t" : "") << (method + "-") << k;
  for (const std::string& c : metadata.columns) f << '\t' << c;
  f << '\n';
  char num[40];
  for (std::size_t i = 0; i < points.rows; ++i) {
    for (int k = 0; k < dims; ++k) {
      // 17 significant digits: the double exactly, so outputs compare byte for byte.
      std::snprintf(num, sizeof num, "%s%.17g", k ? "\t" : "", coords[i * dims + k]);
      f << num;
    }
    for (std::size_t c = 0; c < metadata.columns.size(); ++c)
      f << '\t' << (i < metadata.rows.size() && c < metadata.rows[i].size() ? metadata.rows[i][c] : "");
    f << '\n';
  }
  if (!f) {
    std::fprintf(stderr, "eventlens project: cannot write %s\n", out.c_str());
    return 2;
  }
  return 0;
}

}  // namespace el::cli
