#include "cli/commands.h"

#include <cstdio>
#include <fstream>
#include <vector>

#include "record/stream_reader.h"

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

}  // namespace el::cli
