// [SECTION] keeping only some kinds (--kinds)
// [SECTION] the site: app, data, manifest, README
// [SECTION] eventlens publish
//
// `eventlens publish LOGDIR OUTDIR [--run REGEX] [--kinds LIST] [--max-size BYTES] [--site DIR]`
// writes a static site anyone can host (GitHub Pages, any web server): the
// web app, the chosen event files under data/ (byte-identical copies, or
// rewritten to keep only the chosen kinds), manifest.json (runs -> files with
// sizes and sha256) which the page opens by itself, and a README.
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "cli/commands.h"
#include "embed/paths.h"
#include "events/event_decoder.h"
#include "io/disk_files.h"
#include "io/loader.h"
#include "record/record_writer.h"
#include "record/stream_reader.h"
#include "store/json_writer.h"
#include "store/run_paths.h"
#include "store/sha256.h"

namespace fs = std::filesystem;

namespace el::cli {
namespace {

// [SECTION] keeping only some kinds (--kinds) ----------------------------------------------
// Which dashboard each tag of a record feeds, as the engine decides it (plugin
// metadata comes with a tag's first value only, so it is remembered per file).
class KindProbe final : public events::EventSink {
 public:
  void reset_record() { kinds.clear(); }
  std::string_view remembered_plugin(std::string_view tag) override {
    auto it = plugins_.find(std::string(tag));
    return it == plugins_.end() ? std::string_view() : std::string_view(it->second);
  }
  void on_scalar(const events::ValueContext& v, double) override { note(v, events::Kind::kScalars); }
  void on_histogram(const events::ValueContext& v, std::span<const double>) override {
    note(v, events::Kind::kHistograms);
  }
  void on_touching_histogram(const events::ValueContext& v, std::span<const double>,
                             std::span<const double>) override {
    note(v, events::Kind::kHistograms);
  }
  void on_text(const events::ValueContext& v, std::vector<std::string>&,
               std::span<const std::int64_t>) override {
    note(v, events::Kind::kText);
  }
  void on_blob(const events::ValueContext& v, events::Kind kind, std::uint32_t, std::uint32_t,
               std::uint32_t) override {
    note(v, kind);
  }
  void on_session_log(std::int64_t, double, int) override {}
  void on_bad_value(const events::ValueContext& v, const char*) override {
    if (v.metadata) plugins_[std::string(v.tag)] = v.metadata->plugin_data().plugin_name();
  }

  std::unordered_map<std::string, events::Kind> kinds;  // tag -> kind, this record

 private:
  void note(const events::ValueContext& v, events::Kind kind) {
    if (v.metadata) plugins_[std::string(v.tag)] = v.metadata->plugin_data().plugin_name();
    kinds[std::string(v.tag)] = kind;
  }
  std::unordered_map<std::string, std::string> plugins_;
};

class RecordCollector final : public record::RecordSink {
 public:
  void on_record(std::uint64_t, std::span<const std::uint8_t> data) override {
    records.emplace_back(reinterpret_cast<const char*>(data.data()), data.size());
  }
  void on_problem(const record::Problem& p) override { problems.push_back(p.message); }
  std::vector<std::string> records;
  std::vector<std::string> problems;
};

// The records of `raw` (any compression) with only values of `keep` kinds;
// records left with nothing are dropped. Session logs and the file version
// always stay (restarts and the file's identity). Unchanged records are
// copied byte for byte.
std::string keep_kinds(const std::string& raw, const std::set<events::Kind>& keep,
                       std::size_t& dropped_values) {
  RecordCollector collected;
  record::StreamReader reader(collected);
  reader.feed({reinterpret_cast<const std::uint8_t*>(raw.data()), raw.size()});
  reader.end_of_stream();
  KindProbe probe;
  events::EventDecoder decoder;
  pb::Event e;
  std::string out, bytes;
  const bool graphs = keep.count(events::Kind::kGraphs) != 0;
  for (const std::string& rec : collected.records) {
    probe.reset_record();
    const auto span = std::span(reinterpret_cast<const std::uint8_t*>(rec.data()), rec.size());
    if (!decoder.decode(span, probe) || !e.ParseFromString(rec)) {
      record::append_record(out, rec);  // not an Event we understand: keep it as it is
      continue;
    }
    bool changed = false;
    if (e.has_summary()) {
      auto* values = e.mutable_summary()->mutable_value();
      for (int i = values->size() - 1; i >= 0; --i) {
        auto k = probe.kinds.find(values->Get(i).tag());
        if (k != probe.kinds.end() && keep.count(k->second)) continue;
        values->DeleteSubrange(i, 1);
        ++dropped_values;
        changed = true;
      }
    }
    if (!graphs && (e.has_graph_def() || e.has_meta_graph_def() || e.has_tagged_run_metadata())) {
      e.clear_graph_def();
      e.clear_meta_graph_def();
      e.clear_tagged_run_metadata();
      ++dropped_values;
      changed = true;
    }
    if (!changed) {
      record::append_record(out, rec);
      continue;
    }
    const bool empty = (!e.has_summary() || e.summary().value_size() == 0) && !e.has_file_version() &&
                       !e.has_session_log() && !e.has_log_message() && !e.has_graph_def() &&
                       !e.has_meta_graph_def() && !e.has_tagged_run_metadata();
    if (empty) continue;
    e.SerializeToString(&bytes);
    record::append_record(out, bytes);
  }
  return out;
}

// [SECTION] the site: app, data, manifest, README ---------------------------------------------
bool read_whole(const std::string& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

bool write_whole(const fs::path& path, const std::string& bytes) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return static_cast<bool>(out);
}

// Percent-encodes a relative path for a URL, keeping '/' separators.
std::string url_path(const std::string& rel) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : rel) {
    if (std::isalnum(c) || std::strchr("-._~/", c)) {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += hex[c >> 4];
      out += hex[c & 15];
    }
  }
  return out;
}

// Where the built web app is: --site, $EVENTLENS_SITE, or build/site next to
// this program's build directory.
std::string find_site(const std::string& given) {
  std::vector<std::string> candidates;
  if (!given.empty()) return fs::exists(fs::path(given) / "index.html") ? given : "";
  if (const char* env = std::getenv("EVENTLENS_SITE")) candidates.emplace_back(env);
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    candidates.push_back((exe.parent_path().parent_path() / "site").string());
    candidates.push_back((exe.parent_path() / "site").string());
  }
  for (const auto& c : candidates)
    if (fs::exists(fs::path(c) / "index.html")) return c;
  return "";
}

const char* kSiteReadme =
    "# Training runs, published with EventLens\n"
    "\n"
    "This folder is a static website. Open it through any web server (GitHub Pages, Netlify,\n"
    "`python3 -m http.server`) and the page shows the runs listed in `manifest.json`:\n"
    "scalars, histograms, images and the rest, read in your browser; nothing is uploaded.\n"
    "\n"
    "- `index.html` and `eventlens.*`: the EventLens web app.\n"
    "- `eventlens.html`: the same app in one file; it also works when opened straight from disk\n"
    "  (drop event files onto it).\n"
    "- `data/`: the event files, as TensorBoard reads them (`events.out.tfevents.*`), and the\n"
    "  Projector's files (projector configs, TSVs, checkpoints, sprite sheets).\n"
    "- `manifest.json`: runs and files, with sizes and SHA-256 checksums.\n"
    "\n"
    "To publish on GitHub Pages, push this folder to a `gh-pages` branch (or let a workflow\n"
    "do it) and enable Pages for that branch. A link to the page can carry the view: the part\n"
    "after `#` in the address bar holds the dashboard, runs, filters and chart settings.\n";

// [SECTION] eventlens publish ------------------------------------------------------------------
int publish_usage() {
  std::fprintf(
      stderr,
      "usage: eventlens publish LOGDIR OUTDIR [--run REGEX] [--kinds LIST] [--max-size BYTES] "
      "[--site DIR]\n"
      "  --run REGEX      only runs whose name matches (ECMAScript regex, searched)\n"
      "  --kinds LIST     keep only these kinds, comma-separated (scalars,histograms,images,\n"
      "                   audio,text,graphs,hparams,pr_curves,custom_scalars,mesh,tensors,\n"
      "                   projector: the embedding files)\n"
      "  --max-size BYTES leave out files larger than this (GitHub Pages refuses files over 100 MB)\n"
      "  --site DIR       the built web app (default: build/site, see scripts/build-web)\n");
  return 2;
}

}  // namespace

int cmd_publish(const std::vector<std::string>& args) {
  std::vector<std::string> positional;
  std::string run_pattern, kinds_arg, site_arg;
  std::uint64_t max_size = 0;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const bool has_value = i + 1 < args.size();
    if (a == "--run" && has_value)
      run_pattern = args[++i];
    else if (a == "--kinds" && has_value)
      kinds_arg = args[++i];
    else if (a == "--site" && has_value)
      site_arg = args[++i];
    else if (a == "--max-size" && has_value)
      max_size = std::strtoull(args[++i].c_str(), nullptr, 10);
    else if (a.rfind("--", 0) == 0)
      return publish_usage();
    else
      positional.push_back(a);
  }
  if (positional.size() != 2) return publish_usage();
  const std::string logdir = positional[0];
  const fs::path out = positional[1];

  std::regex run_re;
  try {
    run_re = std::regex(run_pattern, std::regex::ECMAScript);
  } catch (const std::regex_error&) {
    std::fprintf(stderr, "eventlens publish: --run '%s' is not a valid regular expression\n",
                 run_pattern.c_str());
    return 2;
  }
  std::set<events::Kind> kinds;
  bool projector = kinds_arg.empty();  // the Projector's files (configs, TSVs, checkpoints, sprites)
  if (!kinds_arg.empty()) {
    std::size_t start = 0;
    while (start <= kinds_arg.size()) {
      const std::size_t comma = std::min(kinds_arg.find(',', start), kinds_arg.size());
      const std::string name = kinds_arg.substr(start, comma - start);
      bool found = false;
      if (name == "projector") {
        projector = true;
        found = true;
      }
      for (int k = 0; k < events::kKindCount; ++k)
        if (name == events::kind_name(static_cast<events::Kind>(k))) {
          kinds.insert(static_cast<events::Kind>(k));
          found = true;
        }
      if (!found) {
        std::fprintf(stderr, "eventlens publish: unknown kind '%s' in --kinds\n", name.c_str());
        return 2;
      }
      start = comma + 1;
    }
  }
  const std::string site = find_site(site_arg);
  if (site.empty()) {
    std::fprintf(stderr,
                 "eventlens publish: the web app is not built: run ./scripts/build-web, or pass --site DIR "
                 "(a folder holding index.html and eventlens.wasm)\n");
    return 2;
  }
  std::vector<io::DiskFile> files;
  if (!io::list_event_files({logdir}, files, "eventlens publish")) return 2;

  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec) {
    std::fprintf(stderr, "eventlens publish: %s: %s\n", out.string().c_str(), ec.message().c_str());
    return 2;
  }
  // The app: every file of the built site except its own manifest and data.
  for (const auto& entry : fs::directory_iterator(site, ec)) {
    const std::string name = entry.path().filename().string();
    if (!entry.is_regular_file() || name == "manifest.json") continue;
    fs::copy_file(entry.path(), out / name, fs::copy_options::overwrite_existing, ec);
    if (ec) {
      std::fprintf(stderr, "eventlens publish: cannot copy %s: %s\n", name.c_str(), ec.message().c_str());
      return 2;
    }
  }
  write_whole(out / ".nojekyll", "");  // GitHub Pages: serve files as they are
  write_whole(out / "README.md", kSiteReadme);

  store::JsonWriter j;
  j.begin_object();
  j.key("generator").value(std::string("EventLens ") + EL_CLI_VERSION);
  j.key("files").begin_array();
  std::map<std::string, std::vector<std::string>> runs;
  std::uint64_t total = 0;
  std::size_t published = 0, skipped = 0, dropped_values = 0;
  for (const io::DiskFile& f : files) {
    const std::string run = store::run_name_for(f.name);
    if (!run_pattern.empty() && !std::regex_search(run, run_re)) continue;
    std::string bytes;
    if (!read_whole(f.path, bytes)) {
      std::fprintf(stderr, "eventlens publish: cannot read %s\n", f.path.c_str());
      return 2;
    }
    if (!kinds.empty()) bytes = keep_kinds(bytes, kinds, dropped_values);
    if (max_size && bytes.size() > max_size) {
      std::fprintf(stderr, "eventlens publish: left out %s: %zu bytes is over --max-size %llu\n",
                   f.name.c_str(), bytes.size(), static_cast<unsigned long long>(max_size));
      ++skipped;
      continue;
    }
    if (!write_whole(out / "data" / f.name, bytes)) {
      std::fprintf(stderr, "eventlens publish: cannot write %s\n", (out / "data" / f.name).string().c_str());
      return 2;
    }
    j.begin_object();
    j.key("path").value(f.name);
    j.key("url").value("data/" + url_path(f.name));
    j.key("run").value(run);
    j.key("size").value(static_cast<std::uint64_t>(bytes.size()));
    j.key("sha256").value(store::sha256_hex(bytes));
    j.end_object();
    runs[run].push_back(f.name);
    total += bytes.size();
    ++published;
  }
  // The Projector's files, byte for byte, marked "other": the page announces
  // them and reads only what the Projector asks for.
  std::size_t others = 0;
  if (projector && fs::is_directory(logdir, ec)) {
    io::DiskFiles disk(logdir);
    for (const std::string& rel : disk.paths()) {
      if (!embed::is_embedding_file(embed::file_name(rel))) continue;
      std::string bytes;
      if (!read_whole((fs::path(logdir) / rel).string(), bytes)) {
        std::fprintf(stderr, "eventlens publish: cannot read %s\n", rel.c_str());
        return 2;
      }
      if (max_size && bytes.size() > max_size) {
        std::fprintf(stderr, "eventlens publish: left out %s: %zu bytes is over --max-size %llu\n",
                     rel.c_str(), bytes.size(), static_cast<unsigned long long>(max_size));
        ++skipped;
        continue;
      }
      if (!write_whole(out / "data" / rel, bytes)) {
        std::fprintf(stderr, "eventlens publish: cannot write %s\n", (out / "data" / rel).string().c_str());
        return 2;
      }
      j.begin_object();
      j.key("path").value(rel);
      j.key("url").value("data/" + url_path(rel));
      j.key("other").value(true);
      j.key("size").value(static_cast<std::uint64_t>(bytes.size()));
      j.key("sha256").value(store::sha256_hex(bytes));
      j.end_object();
      total += bytes.size();
      ++others;
    }
  }
  j.end_array();
  j.key("runs").begin_object();
  for (const auto& [run, paths] : runs) {
    j.key(run).begin_array();
    for (const auto& p : paths) j.value(p);
    j.end_array();
  }
  j.end_object();
  j.end_object();
  if (!write_whole(out / "manifest.json", j.take())) {
    std::fprintf(stderr, "eventlens publish: cannot write manifest.json\n");
    return 2;
  }
  std::printf("published %zu file%s of %zu run%s (%.1f MB) to %s", published, published == 1 ? "" : "s",
              runs.size(), runs.size() == 1 ? "" : "s", total / 1e6, out.string().c_str());
  if (others) std::printf(", and %zu file%s of embeddings", others, others == 1 ? "" : "s");
  if (!kinds.empty()) std::printf(", %zu values of other kinds left out", dropped_values);
  if (skipped) std::printf(", %zu file%s over --max-size left out", skipped, skipped == 1 ? "" : "s");
  std::printf("\n");
  return published || others ? 0 : 1;
}

}  // namespace el::cli
