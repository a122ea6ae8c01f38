// `eventlens bench PATH...`: how fast the engine ingests event files and how
// much memory it keeps, as one JSON object. Files are read from disk in 16 MiB
// slices (as the page reads them); only the time spent inside the engine is
// timed, so the figure is the engine's, not the disk's.
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "cli/alloc_counter.h"
#include "cli/commands.h"
#include "io/loader.h"
#include "io/threaded_ingest.h"
#include "record/crc32c.h"
#include "store/json_writer.h"
#include "store/run_paths.h"
#include "store/store.h"

namespace el::cli {
namespace {

namespace fs = std::filesystem;
constexpr std::size_t kSliceBytes = 16u << 20;

std::uint64_t peak_memory_bytes() {
#ifdef __EMSCRIPTEN__
  return static_cast<std::uint64_t>(__builtin_wasm_memory_size(0)) * 65536;  // the wasm heap only grows
#else
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<std::uint64_t>(u.ru_maxrss) * 1024;
#endif
}

}  // namespace

int cmd_bench(const std::vector<std::string>& args) {
  // --threads N: read as `eventlens export` does (io::ingest_files, N workers,
  // 0 for one per core), timed on the wall clock, file reads included.
  std::vector<std::string> paths;
  int threads = -1;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--threads" && i + 1 < args.size())
      threads = std::max(0, std::atoi(args[++i].c_str()));
    else
      paths.push_back(args[i]);
  }
  if (paths.empty()) {
    std::fprintf(stderr, "usage: eventlens bench [--threads N] PATH...\n");
    return 2;
  }
  std::vector<io::DiskFile> files;
  if (!io::list_event_files(paths, files, "eventlens bench")) return 2;
  const std::uint64_t memory_before = peak_memory_bytes();
  store::Store store;
  std::vector<char> buf(kSliceBytes);
  std::uint64_t bytes = 0;
  double engine_seconds = 0;
  const std::uint64_t allocs_before = allocations_so_far();
  if (threads >= 0) {
    const std::vector<store::FileId> ids = io::add_files(store, files);
    for (store::FileId id : ids) bytes += store.files().status(id).size;
    const auto t0 = std::chrono::steady_clock::now();
    if (!io::ingest_files(store, files, ids, static_cast<unsigned>(threads))) return 2;
    engine_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    files.clear();  // read
  }
  for (const auto& [name, path, run] : files) {
    std::error_code ec;
    const auto id = store.add_file(name, fs::file_size(path, ec), run);
    std::ifstream in(path, std::ios::binary);
    while (in) {
      in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
      const auto n = static_cast<std::size_t>(in.gcount());
      if (!n) break;
      const auto t0 = std::chrono::steady_clock::now();
      store.feed(id, {reinterpret_cast<const std::uint8_t*>(buf.data()), n});
      engine_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      bytes += n;
    }
    const auto t0 = std::chrono::steady_clock::now();
    store.finish(id);
    engine_seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }
  const std::uint64_t allocs = allocations_so_far() - allocs_before;
  std::uint64_t records = 0, problems = 0;
  for (store::FileId id = 0; id < store.files().size(); ++id) {
    records += store.files().status(id).records;
    problems += store.files().status(id).problems.size();
  }
  const auto mem = store.memory_use();
  store::JsonWriter j;
  j.begin_object();
#ifdef __EMSCRIPTEN__
  j.key("engine").value("wasm");
#else
  j.key("engine").value("native");
#endif
  j.key("crc32c").value(record::crc32c_implementation());
  if (threads >= 0) {
    j.key("threads").value(static_cast<std::uint64_t>(threads ? threads : io::default_ingest_threads()));
    j.key("timing").value("wall");  // file reads included, as md5sum's
  } else {
    j.key("timing").value("engine");  // only the time inside the engine
  }
  j.key("files").value(static_cast<std::uint64_t>(store.files().size()));
  j.key("bytes").value(bytes);
  j.key("records").value(records);
  j.key("problems").value(problems);
  j.key("seconds").value(engine_seconds);
  j.key("mb_per_s").value(engine_seconds > 0 ? bytes / 1e6 / engine_seconds : 0.0);
  j.key("records_per_s").value(engine_seconds > 0 ? records / engine_seconds : 0.0);
  j.key("allocations").value(allocs);
  j.key("allocations_per_record").value(records ? static_cast<double>(allocs) / records : 0.0);
  j.key("scalar_points").value(mem.scalar_points);
  j.key("bytes_per_scalar_point")
      .value(mem.scalar_points ? static_cast<double>(mem.scalar_bytes) / mem.scalar_points : 0.0);
  j.key("histogram_records").value(mem.histogram_records);
  j.key("histogram_bytes").value(mem.histogram_bytes);
  j.key("blobs").value(mem.blobs);
  j.key("bytes_per_blob").value(mem.blobs ? static_cast<double>(mem.blob_bytes) / mem.blobs : 0.0);
  j.key("store_bytes").value(mem.total());
  j.key("peak_memory_bytes").value(peak_memory_bytes());
  j.key("peak_memory_before_bytes").value(memory_before);
  j.end_object();
  std::printf("%s\n", j.take().c_str());
  return problems ? 1 : 0;
}

}  // namespace el::cli
