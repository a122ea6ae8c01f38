// eventlens: the command-line front door to the engine.
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "record/crc32c.h"

namespace {

void usage(std::FILE* out) {
  std::fprintf(out,
               "eventlens %s: read TensorBoard event files without TensorBoard\n"
               "\n"
               "usage: eventlens COMMAND [ARGS...]\n"
               "\n"
               "commands:\n"
               "  info PATH...      runs; tags per kind with counts and step ranges; per-file problems\n"
               "  export PATH... [--format json|csv]\n"
               "                 [--kind scalars|histograms|distributions|images|text|pr_curves|\n"
               "                         meshes|hparams|embeddings|profile|all]\n"
               "                 [--run REGEX] [--tag REGEX] [--all-points]\n"
               "                 [--group REGEX [--reduce mean,std,sem,min,max,median]]\n"
               "                    the data as JSON (or scalars as CSV); TensorBoard's restart rule\n"
               "                    applies unless --all-points; --group: each scalar tag's mean, std\n"
               "                    (ddof 1), min, max, median and n per step over the runs the\n"
               "                    REGEX's captures group (e.g. '(.*)/seed_\\d+')\n"
               "  check FILE...     per file: records, bytes, CRC errors, resync skips, truncated tail\n"
               "  demo OUTDIR [--big] [--million] [--images] [--graph] [--meshes] [--seeds]\n"
               "                    write a demo logdir with every summary kind (--big: ~400 MB of\n"
               "                    scalars and histograms for benchmarks; --million: one series of\n"
               "                    1,000,000 points; --images: 1,000 steps of a 512x512 image;\n"
               "                    --graph: a 20,012-node op graph; --meshes: a 1,000,000-point cloud\n"
               "                    and 500,000- and 100,000-vertex meshes; --seeds: 3 configs x 5 seeds)\n"
               "  publish LOGDIR OUTDIR [--run REGEX] [--kinds LIST] [--max-size BYTES] [--site DIR]\n"
               "                    write a static site (GitHub Pages) showing LOGDIR's runs: the web\n"
               "                    app, the event files (or only some kinds), manifest.json, README\n"
               "  project PATH [--embedding NAME] --method pca|tsne|umap [--dims 2|3] [--seed N]\n"
               "          [--iterations N] [--perplexity P] [--neighbors N] [--min-dist D]\n"
               "          [--knn auto|exact|approximate] --out FILE.tsv\n"
               "                    an embedding's layout as the page computes it: one TSV row per\n"
               "                    point (coordinates, then metadata); the same seed, the same bytes\n"
               "  bench PATH...     ingest throughput (MB/s, records/s) and peak memory, as JSON\n"
               "  bench --histograms [STEPS BUCKETS]\n"
               "                    time the histogram/distribution aggregation of one synthetic\n"
               "                    series (default 2000 steps x 1000 buckets), as JSON\n"
               "  bench --profile FILE | --profile-generate EVENTS\n"
               "                    read a Chrome trace (or a generated kineto-like one, never held\n"
               "                    whole): JSON MB/s, events/s and bytes per event, as JSON\n"
               "  bench --profile-write EVENTS FILE\n"
               "                    write that generated trace to FILE (for the page's benchmark)\n"
               "  bench --graph [NODES]\n"
               "                    time opening (decode, hierarchy, layout) a synthetic op graph\n"
               "                    of NODES nodes (default 20000) and expanding its widest group\n"
               "  bench --embedding [ROWS DIMS]\n"
               "                    the projector on a synthetic embedding (default 100000 x 128):\n"
               "                    tensors.tsv and checkpoint parsing, PCA, nearest neighbours\n"
               "  bench --tsne [ROWS DIMS]\n"
               "                    t-SNE of a synthetic embedding (default 10000 x 50): neighbours\n"
               "                    and affinities, then the time per gradient step\n"
               "  bench --knn [ROWS DIMS K]\n"
               "                    the approximate nearest-neighbour graph of a synthetic embedding\n"
               "                    (default 100000 x 128, k = 90): time and recall\n"
               "  bench --umap [ROWS DIMS]\n"
               "                    UMAP of a synthetic embedding (default 100000 x 128, 200 epochs)\n"
               "  help              this text\n"
               "\n"
               "PATH is a directory (walked; run names are relative to it) or an event file.\n"
               "exit codes: 0 fine, 1 data problems found, 2 usage or I/O error\n",
               EL_CLI_VERSION);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    usage(stderr);
    return 2;
  }
  const std::string cmd = argv[1];
  const std::vector<std::string> args(argv + 2, argv + argc);
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    usage(stdout);
    return 0;
  }
  if (cmd == "--version") {
    std::printf("eventlens %s (crc32c: %s)\n", EL_CLI_VERSION, el::record::crc32c_implementation());
    return 0;
  }
  if (cmd == "check") return el::cli::cmd_check(args);
  if (cmd == "info") return el::cli::cmd_info(args);
  if (cmd == "export") return el::cli::cmd_export(args);
  if (cmd == "demo") return el::cli::cmd_demo(args);
  if (cmd == "publish") return el::cli::cmd_publish(args);
  if (cmd == "project") return el::cli::cmd_project(args);
  if (cmd == "bench" && !args.empty() && args[0] == "--embedding")
    return el::cli::cmd_bench_embedding({args.begin() + 1, args.end()});
  if (cmd == "bench" && !args.empty() && args[0] == "--tsne")
    return el::cli::cmd_bench_tsne({args.begin() + 1, args.end()});
  if (cmd == "bench" && !args.empty() && args[0] == "--knn")
    return el::cli::cmd_bench_knn({args.begin() + 1, args.end()});
  if (cmd == "bench" && !args.empty() && args[0] == "--umap")
    return el::cli::cmd_bench_umap({args.begin() + 1, args.end()});
  if (cmd == "bench" && !args.empty() && args[0] == "--graph")
    return el::cli::cmd_bench_graph({args.begin() + 1, args.end()});
  if (cmd == "bench" && !args.empty() && args[0] == "--histograms")
    return el::cli::cmd_bench_histograms({args.begin() + 1, args.end()});
  if (cmd == "bench" && !args.empty() &&
      (args[0] == "--profile" || args[0] == "--profile-generate" || args[0] == "--profile-write"))
    return el::cli::cmd_bench_profile(args);
  if (cmd == "bench") return el::cli::cmd_bench(args);
  std::fprintf(stderr, "eventlens: unknown command '%s' (try eventlens --help)\n", cmd.c_str());
  return 2;
}
