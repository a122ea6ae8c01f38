#include "cli/commands.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <vector>

#include "embed/discovery.h"
#include "export/embeddings_export.h"
#include "export/export.h"
#include "export/groups_export.h"
#include "export/profile_export.h"
#include "io/disk_blob_source.h"
#include "io/disk_files.h"
#include "io/loader.h"
#include "profile/discovery.h"
#include "profile/trace_summary.h"
#include "record/stream_reader.h"
#include "store/store.h"

namespace el::cli {
namespace {

constexpr std::size_t kReadBytes = 8u << 20;

struct CheckSink final : record::RecordSink {
  std::uint64_t records = 0, record_bytes = 0;
  std::vector<record::Problem> problems;
  void on_record(std::uint64_t, std::span<const std::uint8_t> data) override {
    ++records;
    record_bytes += data.size();
  }
  void on_problem(const record::Problem& p) override { problems.push_back(p); }
};

// Problems of files that belong to runs (other files in a log directory,
// such as PNG sprites, are not event files by name and are not reported).
int report_problems(const store::Store& store, std::FILE* out) {
  int found = 0;
  for (store::FileId id = 0; id < store.files().size(); ++id) {
    const auto& f = store.files().status(id);
    for (const auto& p : f.problems) {
      std::fprintf(out, "%s: %s\n", f.path.c_str(), p.message.c_str());
      ++found;
    }
  }
  return found;
}

}  // namespace

// eventlens check FILE...: framing and CRC health of each file.
int cmd_check(const std::vector<std::string>& files) {
  if (files.empty()) {
    std::fprintf(stderr, "usage: eventlens check FILE...\n");
    return 2;
  }
  int rc = 0;
  std::vector<std::uint8_t> buf(kReadBytes);
  for (const std::string& path : files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "eventlens: %s: cannot open\n", path.c_str());
      rc = 2;
      continue;
    }
    CheckSink sink;
    record::StreamReader reader(sink);
    while (in) {
      in.read(reinterpret_cast<char*>(buf.data()), static_cast<std::streamsize>(buf.size()));
      auto n = static_cast<std::size_t>(in.gcount());
      if (n) reader.feed({buf.data(), n});
    }
    reader.end_of_stream();
    std::uint64_t crc_errors = 0, resyncs = 0, skipped = 0, tail = 0;
    for (const auto& p : sink.problems) {
      if (p.kind == record::ProblemKind::kBadDataCrc) ++crc_errors;
      if (p.kind == record::ProblemKind::kBadHeader) {
        ++resyncs;
        ++crc_errors;
        skipped += p.length;
      }
      if (p.kind == record::ProblemKind::kTruncatedTail) tail = p.length;
    }
    const char* comp = reader.compression() == record::Compression::kGzip   ? " gzip"
                       : reader.compression() == record::Compression::kZlib ? " zlib"
                                                                            : "";
    std::printf(
        "%s: %llu records, %llu bytes%s, %llu CRC errors, %llu resync skips (%llu bytes), truncated tail "
        "%llu bytes%s\n",
        path.c_str(), static_cast<unsigned long long>(sink.records),
        static_cast<unsigned long long>(reader.file_bytes()), comp,
        static_cast<unsigned long long>(crc_errors), static_cast<unsigned long long>(resyncs),
        static_cast<unsigned long long>(skipped), static_cast<unsigned long long>(tail),
        reader.records().not_event_file() ? ", NOT AN EVENT FILE" : "");
    for (const auto& p : sink.problems) std::printf("  %s: %s\n", path.c_str(), p.message.c_str());
    if (!sink.problems.empty() && rc == 0) rc = 1;
  }
  return rc;
}

// eventlens info PATH...: runs; tags per kind with counts and step ranges; problems.
int cmd_info(const std::vector<std::string>& paths) {
  if (paths.empty()) {
    std::fprintf(stderr, "usage: eventlens info PATH...\n");
    return 2;
  }
  store::Store store;
  const bool io_ok = io::load_paths(paths, store);
  for (const auto& [name, run] : store.runs()) {
    std::printf("run %s (%zu file%s)\n", name.c_str(), run.files.size(), run.files.size() == 1 ? "" : "s");
    for (int k = 0; k < events::kKindCount; ++k) {
      const auto kind = static_cast<events::Kind>(k);
      bool header = false;
      for (const auto& [tag, s] : run.tags) {
        if (s.kind != kind) continue;
        if (!header) std::printf("  %s\n", events::kind_name(kind));
        header = true;
        auto vis = store::visible_indices(s.steps);
        auto [lo, hi] = std::minmax_element(s.steps.begin(), s.steps.end());
        std::printf("    %-40s %zu records (%zu shown), steps %lld..%lld\n", tag.c_str(), s.size(),
                    vis.size(), static_cast<long long>(*lo), static_cast<long long>(*hi));
      }
    }
  }
  int problems = report_problems(store, stdout);
  // Embeddings live in their own files (projector configs, TSVs, checkpoints).
  for (const std::string& path : paths) {
    io::DiskFiles files(path);
    const embed::Discovery d = embed::discover_embeddings(files);
    if (!d.embeddings.empty() || !d.problems.empty())
      std::printf("embeddings under %s: %zu\n", path.c_str(), d.embeddings.size());
    for (const embed::Embedding& e : d.embeddings)
      std::printf(
          "  %-40s run %s, %s %s\n", e.name.c_str(), e.run.c_str(), exporting::tensor_source_name(e.source),
          (e.source == embed::TensorSource::kCheckpoint ? e.checkpoint_prefix : e.tensor_path).c_str());
    for (const embed::EmbeddingProblem& p : d.problems)
      std::printf("  problem: %s: %s\n", p.path.c_str(), p.problem.c_str());
    problems += static_cast<int>(d.problems.size());
    // Profiles (xplane and Chrome trace files: profile/discovery.h).
    const std::vector<profile::ProfileFile> profiles = profile::find_profiles(files.paths());
    if (!profiles.empty()) std::printf("profiles under %s: %zu\n", path.c_str(), profiles.size());
    for (const profile::ProfileFile& f : profiles) {
      std::string error;
      profile::Trace trace;
      if (!exporting::read_profile(files, f, trace, error)) {
        std::printf("  problem: %s: %s\n", f.path.c_str(), error.c_str());
        ++problems;
        continue;
      }
      const profile::TraceSummary sum = profile::summarize(trace, 0);
      std::printf("  run %s, host %s: %zu processes, %zu tracks, %llu slices over %.3f ms\n", f.run.c_str(),
                  f.host.c_str(), trace.processes.size(), trace.tracks.size(),
                  static_cast<unsigned long long>(sum.slices),
                  static_cast<double>(sum.end_ps - sum.begin_ps) / 1e9);
      for (const std::string& p : trace.problems) std::printf("  problem: %s\n", p.c_str());
      problems += static_cast<int>(trace.problems.size());
    }
  }
  if (!io_ok) return 2;
  return problems ? 1 : 0;
}

namespace {

// eventlens export --kind profile|embeddings FOLDER: an exporter of what is found under one folder.
int export_folder(const std::vector<std::string>& paths, const std::string& format, const char* kind,
                  std::string (*exporter)(embed::FileAccess&, int&)) {
  if (paths.size() != 1 || format != "json") {
    std::fprintf(stderr, "eventlens export --kind %s: one PATH (a folder), JSON only\n", kind);
    return 2;
  }
  io::DiskFiles files(paths[0]);
  if (!files.error().empty()) {
    std::fprintf(stderr, "%s\n", files.error().c_str());
    return 2;
  }
  int problems = 0;
  const std::string out = exporter(files, problems);
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fputc('\n', stdout);
  return problems ? 1 : 0;
}

}  // namespace

// eventlens export PATH... [--format json|csv] [--kind K] [--run RE] [--tag RE] [--all-points]
//                          [--group RE [--reduce mean,std,sem,min,max,median]]
int cmd_export(const std::vector<std::string>& args) {
  std::vector<std::string> paths;
  exporting::ExportOptions o;
  std::string format = "json", kind = "all";
  std::optional<exporting::GroupOptions> groups;
  std::string reduce;
  try {
    for (std::size_t i = 0; i < args.size(); ++i) {
      const std::string& a = args[i];
      auto next = [&]() -> const std::string& {
        if (i + 1 >= args.size()) throw std::invalid_argument(a + " needs a value");
        return args[++i];
      };
      if (a == "--format")
        format = next();
      else if (a == "--kind")
        kind = next();
      else if (a == "--run")
        o.run_filter = std::regex(next());
      else if (a == "--tag")
        o.tag_filter = std::regex(next());
      else if (a == "--all-points")
        o.all_points = true;
      else if (a == "--group")
        groups.emplace().group = std::regex(next());
      else if (a == "--reduce")
        reduce = next();
      else if (a.rfind("--", 0) == 0)
        throw std::invalid_argument("unknown option " + a);
      else
        paths.push_back(a);
    }
  } catch (const std::exception& e) {  // std::regex_error included
    std::fprintf(stderr, "eventlens export: %s\n", e.what());
    return 2;
  }
  if (paths.empty() || (format != "json" && format != "csv")) {
    std::fprintf(
        stderr,
        "usage: eventlens export PATH... [--format json|csv] [--kind "
        "scalars|histograms|distributions|images|text|pr_curves|meshes|hparams|embeddings|profile|all]\n"
        "                        [--run REGEX] [--tag REGEX] [--all-points]\n");
    return 2;
  }
  if (!reduce.empty()) {
    if (!groups) {
      std::fprintf(stderr, "eventlens export: --reduce needs --group REGEX\n");
      return 2;
    }
    groups->reduce.clear();
    for (std::size_t at = 0; at <= reduce.size();) {
      const std::size_t comma = std::min(reduce.find(',', at), reduce.size());
      const std::string name = reduce.substr(at, comma - at);
      if (!exporting::is_reduction(name)) {
        std::fprintf(stderr, "eventlens export: --reduce: unknown '%s' (mean, std, sem, min, max, median)\n",
                     name.c_str());
        return 2;
      }
      groups->reduce.push_back(name);
      at = comma + 1;
    }
  }
  if (groups && kind != "all" && kind != "scalars") {
    std::fprintf(stderr, "eventlens export: --group aggregates scalars only\n");
    return 2;
  }
  // Not in event files: profiles and the projector's own files, found under one folder.
  if (kind == "profile") return export_folder(paths, format, "profile", exporting::export_profiles_json);
  if (kind == "embeddings")
    return export_folder(paths, format, "embeddings", exporting::export_embeddings_json);
  if (kind != "all") {
    if (kind != "scalars" && kind != "histograms" && kind != "distributions" && kind != "images" &&
        kind != "text" && kind != "pr_curves" && kind != "hparams" && kind != "meshes") {
      std::fprintf(stderr, "eventlens export: unknown --kind %s\n", kind.c_str());
      return 2;
    }
    o.scalars = kind == "scalars";
    o.histograms = kind == "histograms";
    o.distributions = kind == "distributions";
    o.images = kind == "images";
    o.text = kind == "text";
    o.pr_curves = kind == "pr_curves";
    o.hparams = kind == "hparams";
    o.meshes = kind == "meshes";
  }
  store::Store store;
  std::vector<std::string> disk_paths;
  const bool io_ok = io::load_paths(paths, store, &disk_paths);
  io::DiskBlobSource blobs(store, std::move(disk_paths));
  std::vector<std::string> blob_problems;
  o.blobs = &blobs;
  o.problems = &blob_problems;
  const std::string out = groups ? (format == "json" ? exporting::export_groups_json(store, o, *groups)
                                                     : exporting::export_groups_csv(store, o, *groups))
                          : format == "json" ? exporting::export_json(store, o)
                                             : exporting::export_csv(store, o);
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (format == "json") std::fputc('\n', stdout);
  int problems = report_problems(store, stderr);
  for (const std::string& p : blob_problems) std::fprintf(stderr, "%s\n", p.c_str());
  problems += static_cast<int>(blob_problems.size());
  if (!io_ok) return 2;
  return problems ? 1 : 0;
}

}  // namespace el::cli
