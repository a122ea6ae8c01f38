// [SECTION] inflating
// [SECTION] splitting the JSON into events
// [SECTION] reading one event
// [SECTION] applying an event to the trace
// [SECTION] finishing
#include "profile/chrome_trace_reader.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "profile/trace_time.h"
#include "simdjson.h"

namespace el::profile {
namespace {

namespace od = simdjson::ondemand;

constexpr std::size_t kPadding = simdjson::SIMDJSON_PADDING;
constexpr std::size_t kMaxMetadata = 4u << 20;  // a top-level member larger than this is not kept
constexpr int kMaxNamedBadEvents = 5;           // further bad events are only counted

struct StringViewHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename V>
using TextMap = std::unordered_map<std::string, V, StringViewHash, std::equal_to<>>;

// What one event says, as views into the parser's buffers (valid until the next event).
struct Event {
  std::string_view ph, name, cat, scope, bp;
  std::string_view ts, dur;       // number texts
  std::string_view pid, tid, id;  // number or string texts
  bool has_pid = false, has_tid = false, has_id = false, has_cat = false;
  std::string_view args;  // raw JSON of the args object
  bool has_args = false;
  // M and C events read their args' members here.
  std::string_view meta_name, meta_labels;
  std::optional<std::int64_t> meta_sort_index;
  std::vector<std::pair<std::string_view, double>> counter_values;
};

}  // namespace

struct ChromeTraceReader::Impl {
  Impl(std::string_view file, Trace& out) : file(file), trace(out) {}
  ~Impl() {
    if (z_open) inflateEnd(&zs);
  }

  std::string file;
  Trace& trace;
  std::uint64_t events = 0, bytes_in = 0;
  bool failed = false;  // stop reading: the rest cannot be understood

  // [SECTION] inflating ----------------------------------------------------------------
  enum class Compression { kUnknown, kNone, kGzip } compression = Compression::kUnknown;
  z_stream zs{};
  bool z_open = false;
  std::vector<char> z_out = std::vector<char>(256 * 1024);

  void push(std::span<const std::uint8_t> bytes) {
    if (failed || bytes.empty()) return;
    if (compression == Compression::kUnknown) {
      // gzip's magic is two bytes; a file pushed one byte at a time waits for the second.
      if (head.size() + bytes.size() < 2) {
        head.insert(head.end(), bytes.begin(), bytes.end());
        return;
      }
      head.insert(head.end(), bytes.begin(), bytes.end());
      compression = head[0] == 0x1f && head[1] == 0x8b ? Compression::kGzip : Compression::kNone;
      if (compression == Compression::kGzip) {
        z_open = inflateInit2(&zs, 15 + 16) == Z_OK;
        if (!z_open) return fail("cannot start inflating (zlib)");
      }
      std::vector<std::uint8_t> first = std::move(head);
      head.clear();
      return push_known(first);
    }
    push_known(bytes);
  }
  std::vector<std::uint8_t> head;

  void push_known(std::span<const std::uint8_t> bytes) {
    if (compression == Compression::kNone) return json(bytes.data(), bytes.size());
    zs.next_in = const_cast<Bytef*>(bytes.data());
    zs.avail_in = static_cast<uInt>(bytes.size());
    while (zs.avail_in > 0 && !failed) {
      zs.next_out = reinterpret_cast<Bytef*>(z_out.data());
      zs.avail_out = static_cast<uInt>(z_out.size());
      const int rc = inflate(&zs, Z_NO_FLUSH);
      const std::size_t produced = z_out.size() - zs.avail_out;
      if (produced) json(reinterpret_cast<const std::uint8_t*>(z_out.data()), produced);
      if (rc == Z_STREAM_END) {
        inflateReset(&zs);  // concatenated gzip members continue the stream
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        return fail(std::string("the gzip data is corrupt (") + (zs.msg ? zs.msg : "zlib error") +
                    ") after " + std::to_string(bytes_in) + " bytes of JSON");
      } else if (produced == 0 && rc == Z_BUF_ERROR) {
        break;
      }
    }
  }

  void fail(const std::string& what) {
    trace.problems.push_back(file + ": " + what + "; the " + std::to_string(events) +
                             " events before it are kept");
    failed = true;
  }

  // [SECTION] splitting the JSON into events -------------------------------------------
  // The bytes not yet consumed, with kPadding zero bytes after them (simdjson
  // reads up to that far past a value's end).
  std::vector<char> buf;
  std::size_t len = 0;     // bytes held
  std::size_t scan = 0;    // the next byte to look at
  std::uint64_t base = 0;  // JSON offset of buf[0]
  // Structure: containers open, inside a string, after a backslash in one.
  int depth = 0;
  bool in_string = false, escape = false;
  enum class Top { kStart, kObject, kArray, kDone } top = Top::kStart;
  int events_depth = -1;  // depth inside the events array (-1: not in it)
  bool seen_events = false;
  // The top object's members: its key, and where its value starts.
  bool expect_key = true;
  std::size_t key_start = 0, value_start = 0;
  std::string key;
  bool capturing = false;  // a member's value is being kept (metadata)
  // The event being split out: where its '{' is.
  std::size_t event_start = 0;
  bool in_event = false;
  int bad_events = 0;

  void json(const std::uint8_t* data, std::size_t n) {
    if (top == Top::kDone || failed) return;
    bytes_in += n;
    if (buf.size() < len + n + kPadding) buf.resize(std::max(buf.size() * 2, len + n + kPadding));
    std::memcpy(buf.data() + len, data, n);
    len += n;
    std::memset(buf.data() + len, 0, kPadding);
    split();
    compact();
  }

  // Drops the bytes nothing needs any more: before the event being split, or
  // the member value being kept, or the key being read.
  void compact() {
    std::size_t keep = scan;
    if (in_event) keep = std::min(keep, event_start);
    if (capturing) keep = std::min(keep, value_start);
    if (in_string && top == Top::kObject && depth == 1 && expect_key) keep = std::min(keep, key_start);
    if (keep == 0) return;
    std::memmove(buf.data(), buf.data() + keep, len - keep + kPadding);
    len -= keep;
    scan -= keep;
    event_start -= std::min(event_start, keep);
    value_start -= std::min(value_start, keep);
    key_start -= std::min(key_start, keep);
    base += keep;
  }

  void split() {
    char* b = buf.data();
    std::size_t i = scan;
    while (i < len && !failed && top != Top::kDone) {
      if (in_string) {
        // Inside a string only a quote (unescaped) matters.
        while (i < len) {
          const char c = b[i];
          if (escape) {
            escape = false;
          } else if (c == '\\') {
            escape = true;
          } else if (c == '"') {
            break;
          }
          ++i;
        }
        if (i == len) break;
        in_string = false;
        if (top == Top::kObject && depth == 1 && expect_key) key.assign(b + key_start + 1, i - key_start - 1);
        ++i;
        continue;
      }
      const char c = b[i];
      switch (c) {
        case ' ':
        case '\n':
        case '\r':
        case '\t': break;
        case '"':
          in_string = true;
          if (top == Top::kObject && depth == 1 && expect_key) key_start = i;
          break;
        case '{':
        case '[':
          if (top == Top::kStart) {
            top = c == '{' ? Top::kObject : Top::kArray;
            if (c == '[') events_depth = 1, seen_events = true;
          } else if (depth == events_depth) {
            if (c == '{') {
              in_event = true;
              event_start = i;
            } else {
              bad_event(i, "an event that is not an object");
            }
          } else if (top == Top::kObject && depth == 1 && !expect_key && key == "traceEvents" && c == '[') {
            events_depth = 2;
            seen_events = true;
          }
          ++depth;
          break;
        case '}':
        case ']':
          --depth;
          if (depth < 0)
            return fail("unbalanced '" + std::string(1, c) + "' at byte " + std::to_string(base + i));
          if (in_event && depth == events_depth) {
            in_event = false;
            read_event(event_start, i + 1);
          } else if (depth == events_depth - 1) {
            events_depth = -1;  // the events array ended
          }
          if (depth == 0) {
            if (top == Top::kObject) end_member(i);
            top = Top::kDone;
          }
          break;
        case ':':
          if (top == Top::kObject && depth == 1 && expect_key) {
            expect_key = false;
            value_start = i + 1;
            capturing = key != "traceEvents";
          }
          break;
        case ',':
          if (top == Top::kObject && depth == 1) {
            end_member(i);
            expect_key = true;
          }
          break;
        default:
          if (top == Top::kStart) {
            if (base + i == 0 && static_cast<unsigned char>(c) == 0xef) {  // a UTF-8 byte order mark
              i += 2;
              break;
            }
            return fail("not a Chrome trace: it does not start with '{' or '['");
          }
          break;
      }
      ++i;
    }
    scan = i;
  }

  // The top object's member ending at `end` (its ',' or '}'): kept unless it is the events.
  void end_member(std::size_t end) {
    if (!capturing) return;
    capturing = false;
    std::string_view v(buf.data() + value_start, end - value_start);
    while (!v.empty() && std::isspace(static_cast<unsigned char>(v.front()))) v.remove_prefix(1);
    while (!v.empty() && std::isspace(static_cast<unsigned char>(v.back()))) v.remove_suffix(1);
    if (v.size() <= kMaxMetadata) trace.metadata[key] = std::string(v);
  }

  void bad_event(std::size_t at, const std::string& why) {
    ++bad_events;
    if (bad_events <= kMaxNamedBadEvents)
      trace.problems.push_back(file + ": " + why + " at byte " + std::to_string(base + at) + "; skipped");
  }

  // [SECTION] reading one event ----------------------------------------------------------
  od::parser parser;
  Event e;

  void read_event(std::size_t begin, std::size_t end) {
    const char* p = buf.data() + begin;
    const std::size_t n = end - begin;
    const std::size_t capacity = len + kPadding - begin;
    auto counter_values = std::move(e.counter_values);  // (its memory is reused)
    counter_values.clear();
    e = Event{};
    e.counter_values = std::move(counter_values);
    const simdjson::error_code err = parse_event(simdjson::padded_string_view(p, n, capacity));
    if (err)
      return bad_event(begin,
                       std::string("an event that is not valid JSON (") + simdjson::error_message(err) + ")");
    ++events;
    apply();
  }

  // The text of a number, or of a string's contents; anything else is not
  // what a trace writes there (and "nope" is not JSON: the lazy parser would
  // otherwise take it for a null).
  static simdjson::error_code text_of(od::value v, std::string_view& out, bool& is_string) {
    od::json_type t;
    if (auto err = v.type().get(t)) return err;
    is_string = t == od::json_type::string;
    if (is_string) return v.get_string().get(out);
    if (t != od::json_type::number) return simdjson::INCORRECT_TYPE;
    out = v.raw_json_token();
    while (!out.empty() && std::isspace(static_cast<unsigned char>(out.back()))) out.remove_suffix(1);
    return simdjson::SUCCESS;
  }

  simdjson::error_code parse_event(simdjson::padded_string_view json) {
    od::document doc;
    if (auto err = parser.iterate(json).get(doc)) return err;
    od::object obj;
    if (auto err = doc.get_object().get(obj)) return err;
    for (auto field : obj) {
      std::string_view k;
      if (auto err = field.unescaped_key().get(k)) return err;
      od::value v;
      if (auto err = field.value().get(v)) return err;
      bool is_string = false;
      simdjson::error_code err = simdjson::SUCCESS;
      if (k == "ph") {
        err = v.get_string().get(e.ph);
      } else if (k == "name") {
        err = text_of(v, e.name, is_string);
      } else if (k == "cat") {
        err = text_of(v, e.cat, is_string);
        e.has_cat = true;
      } else if (k == "ts") {
        err = text_of(v, e.ts, is_string);
      } else if (k == "dur") {
        err = text_of(v, e.dur, is_string);
      } else if (k == "pid") {
        err = text_of(v, e.pid, is_string);
        e.has_pid = true;
      } else if (k == "tid") {
        err = text_of(v, e.tid, is_string);
        e.has_tid = true;
      } else if (k == "id") {
        err = text_of(v, e.id, is_string);
        e.has_id = true;
      } else if (k == "s") {
        err = text_of(v, e.scope, is_string);
      } else if (k == "bp") {
        err = text_of(v, e.bp, is_string);
      } else if (k == "args") {
        od::object a;
        if ((err = v.get_object().get(a))) return err;
        if (e.ph == "M" || e.ph == "C") {
          err = read_args_members(a);
        } else {
          err = a.raw_json().get(e.args);
          e.has_args = !err;
        }
      }
      if (err) return err;
    }
    return simdjson::SUCCESS;
  }

  // An M or C event's args ("ph" comes first in every writer seen; otherwise the args are kept raw).
  simdjson::error_code read_args_members(od::object a) { return read_args_members_of(a); }
  simdjson::error_code read_args_members_of(od::object& a) {
    for (auto field : a) {
      std::string_view k;
      if (auto err = field.unescaped_key().get(k)) return err;
      od::value v;
      if (auto err = field.value().get(v)) return err;
      od::json_type t;
      if (auto err = v.type().get(t)) return err;
      if (e.ph == "C") {
        double d = 0;
        if (t == od::json_type::number) {
          if (auto err = v.get_double().get(d)) return err;
          e.counter_values.emplace_back(k, d);
        }
        continue;
      }
      if (k == "name" && t == od::json_type::string) {
        if (auto err = v.get_string().get(e.meta_name)) return err;
      } else if (k == "labels" && t == od::json_type::string) {
        if (auto err = v.get_string().get(e.meta_labels)) return err;
      } else if (k == "sort_index" && t == od::json_type::number) {
        std::int64_t x = 0;
        if (!v.get_int64().get(x)) e.meta_sort_index = x;
      }
    }
    return simdjson::SUCCESS;
  }

  // [SECTION] applying an event to the trace ---------------------------------------------
  std::array<std::uint64_t, 256> phase_counts{};
  std::unordered_map<std::string, std::uint64_t> other_phases;
  std::vector<std::uint64_t> category_counts;  // by interned id
  bool has_base = false;
  std::int64_t latest_ps = std::numeric_limits<std::int64_t>::min();
  TextMap<std::uint32_t> process_of;             // pid text -> process
  std::vector<TextMap<std::uint32_t>> track_of;  // per process: tid text -> track
  std::string last_pid, last_tid;
  std::uint32_t last_track = ~0u;
  struct Open {
    std::int64_t start_ps;
    std::uint32_t name, category, args;
  };
  std::vector<std::vector<Open>> open;  // per track: B events not yet ended
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> series_of;  // (process, name) -> series
  std::uint64_t unmatched_ends = 0, bad_times = 0;

  static std::int64_t integer_of(std::string_view text) {
    std::int64_t v = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    return ec == std::errc() && end == text.data() + text.size() ? v : 0;
  }

  std::uint32_t process(std::string_view pid) {
    auto it = process_of.find(pid);
    if (it != process_of.end()) return it->second;
    const auto id = static_cast<std::uint32_t>(trace.processes.size());
    Process p;
    p.name = pid.empty() ? std::string("(no process)") : std::string(pid);
    p.pid = integer_of(pid);
    trace.processes.push_back(std::move(p));
    process_of.emplace(std::string(pid), id);
    track_of.emplace_back();
    return id;
  }

  std::uint32_t track(std::string_view pid, std::string_view tid) {
    if (last_track != ~0u && pid == last_pid && tid == last_tid) return last_track;
    const std::uint32_t proc = process(pid);
    auto& tracks = track_of[proc];
    auto it = tracks.find(tid);
    std::uint32_t id;
    if (it != tracks.end()) {
      id = it->second;
    } else {
      id = static_cast<std::uint32_t>(trace.tracks.size());
      Track t;
      t.process = proc;
      t.tid = integer_of(tid);
      t.name = std::string(tid);
      trace.tracks.push_back(std::move(t));
      tracks.emplace(std::string(tid), id);
      open.emplace_back();
    }
    last_pid.assign(pid);
    last_tid.assign(tid);
    last_track = id;
    return id;
  }

  void apply() {
    if (e.ph.size() == 1)
      ++phase_counts[static_cast<unsigned char>(e.ph[0])];
    else
      ++other_phases[std::string(e.ph)];
    std::uint32_t category = 0;
    if (e.has_cat) {
      category = trace.intern(e.cat);
      if (category >= category_counts.size()) category_counts.resize(category + 1, 0);
      ++category_counts[category];
    }
    const char ph = e.ph.size() == 1 ? e.ph[0] : '\0';
    if ((ph == 'M' || ph == 'C') && e.has_args) reread_args();
    if (ph == 'M') return apply_metadata();
    if (e.ts.empty()) return;  // no time: counted, nothing to place
    const std::optional<Microseconds> ts = parse_microseconds(e.ts);
    if (!ts) {
      ++bad_times;
      return;
    }
    if (!has_base) {
      has_base = true;
      trace.base_us = ts->whole;
    }
    const std::int64_t at = (ts->whole - trace.base_us) * 1'000'000 + ts->fraction;
    latest_ps = std::max(latest_ps, at);
    switch (ph) {
      case 'X': {
        const std::int64_t dur =
            std::max<std::int64_t>(0, e.dur.empty() ? 0 : parse_duration_ps(e.dur).value_or(0));
        latest_ps = std::max(latest_ps, at + dur);
        trace.slices.push_back({at, dur, trace.intern(e.name), track(e.pid, e.tid), 0, category, args()});
        break;
      }
      case 'B': open[track(e.pid, e.tid)].push_back({at, trace.intern(e.name), category, args()}); break;
      case 'E': {
        std::vector<Open>& stack = open[track(e.pid, e.tid)];
        if (stack.empty()) {
          ++unmatched_ends;
          break;
        }
        const Open b = stack.back();
        stack.pop_back();
        trace.slices.push_back({b.start_ps, std::max<std::int64_t>(0, at - b.start_ps), b.name, last_track, 0,
                                b.category, b.args ? b.args : args()});
        break;
      }
      case 'i':
      case 'I': {
        const char scope = e.scope.empty() ? 't' : e.scope[0];
        // A global instant belongs to no process; a process-wide one to no thread.
        const std::uint32_t t = scope == 'g'   ? track("", "")
                                : scope == 'p' ? track(e.pid, "")
                                               : track(e.pid, e.tid);
        trace.instants.push_back({at, trace.intern(e.name), t, category, args(), scope});
        break;
      }
      case 'C': {
        const std::uint32_t proc = process(e.pid);
        for (const auto& [k, value] : e.counter_values) {
          std::string series(e.name);
          if (e.counter_values.size() > 1) series.append(".").append(k);
          const std::uint32_t name = trace.intern(series);
          auto [it, added] =
              series_of.try_emplace({proc, name}, static_cast<std::uint32_t>(trace.counter_series.size()));
          if (added) trace.counter_series.push_back({proc, name});
          trace.counters.push_back({at, value, it->second});
        }
        break;
      }
      case 's':
      case 't':
      case 'f': {
        FlowPoint f;
        f.ts_ps = at;
        f.id = e.has_id ? trace.intern(e.id) : 0;
        f.track = track(e.pid, e.tid);
        f.name = trace.intern(e.name);
        f.category = category;
        f.phase = ph;
        f.binds_next = ph == 'f' && e.bp != "e";
        trace.flows.push_back(f);
        break;
      }
      default: break;  // async, sample and object events: counted only
    }
  }

  // An M or C event whose args came before its "ph": its members are read from the kept text
  // (a view into `buf`, so the padding after it is there).
  od::parser args_parser;
  void reread_args() {
    const std::size_t capacity = static_cast<std::size_t>(buf.data() + len + kPadding - e.args.data());
    od::document doc;
    od::object a;
    if (args_parser.iterate(simdjson::padded_string_view(e.args.data(), e.args.size(), capacity)).get(doc) ||
        doc.get_object().get(a))
      return;
    e.has_args = false;
    (void)read_args_members_of(a);
  }

  std::uint32_t args() {
    if (!e.has_args || e.args == "{}") return 0;
    return trace.add_args(e.args);
  }

  void apply_metadata() {
    if (e.name == "process_name" || e.name == "process_labels" || e.name == "process_sort_index") {
      Process& p = trace.processes[process(e.pid)];
      if (e.name == "process_name" && !e.meta_name.empty()) p.name = std::string(e.meta_name);
      if (e.name == "process_labels") p.label = std::string(e.meta_labels);
      if (e.name == "process_sort_index" && e.meta_sort_index) p.sort_index = *e.meta_sort_index;
    } else if (e.name == "thread_name" && !e.meta_name.empty()) {
      trace.tracks[track(e.pid, e.tid)].name = std::string(e.meta_name);
    }
  }

  // [SECTION] finishing -------------------------------------------------------------------
  void finish() {
    if (compression == Compression::kUnknown && !head.empty()) {
      compression = Compression::kNone;
      std::vector<std::uint8_t> first = std::move(head);
      push_known(first);
    }
    if (!failed) {
      if (top == Top::kStart) {
        if (bytes_in == 0)
          trace.problems.push_back(file + ": the file is empty");
        else
          fail("not a Chrome trace: no JSON value");
      } else if (top != Top::kDone) {
        fail("the JSON is cut off at byte " + std::to_string(bytes_in));
      } else if (!seen_events) {
        trace.problems.push_back(file + ": no \"traceEvents\" array: not a Chrome trace");
      }
    }
    // B events never ended are drawn to the trace's end.
    std::uint64_t unended = 0;
    for (std::uint32_t t = 0; t < open.size(); ++t) {
      for (const Open& b : open[t])
        trace.slices.push_back({b.start_ps, std::max<std::int64_t>(0, latest_ps - b.start_ps), b.name, t, 0,
                                b.category, b.args});
      unended += open[t].size();
      open[t].clear();
    }
    if (unended)
      trace.problems.push_back(file + ": " + std::to_string(unended) +
                               " B events were never ended; drawn to the trace's end");
    if (bad_times)
      trace.problems.push_back(file + ": " + std::to_string(bad_times) +
                               " events had a \"ts\" that is not a number");
    if (unmatched_ends)
      trace.problems.push_back(file + ": " + std::to_string(unmatched_ends) + " E events had no B to end");
    if (bad_events > kMaxNamedBadEvents)
      trace.problems.push_back(file + ": " + std::to_string(bad_events) + " events in all were skipped");
    for (std::size_t c = 0; c < phase_counts.size(); ++c)
      if (phase_counts[c]) trace.phase_counts[std::string(1, static_cast<char>(c))] += phase_counts[c];
    for (const auto& [ph, n] : other_phases) trace.phase_counts[ph] += n;
    for (std::uint32_t id = 0; id < category_counts.size(); ++id)
      if (category_counts[id]) trace.category_counts[trace.text(id)] += category_counts[id];
    phase_counts.fill(0);
    other_phases.clear();
    category_counts.clear();
  }
};

ChromeTraceReader::ChromeTraceReader(std::string_view file, Trace& out)
    : impl_(std::make_unique<Impl>(file, out)) {}
ChromeTraceReader::~ChromeTraceReader() = default;
void ChromeTraceReader::push(std::span<const std::uint8_t> bytes) { impl_->push(bytes); }
void ChromeTraceReader::finish() { impl_->finish(); }
std::uint64_t ChromeTraceReader::events() const { return impl_->events; }
std::uint64_t ChromeTraceReader::json_bytes() const { return impl_->bytes_in; }

void read_chrome_trace(std::string_view file, std::span<const std::uint8_t> bytes, Trace& out) {
  ChromeTraceReader reader(file, out);
  reader.push(bytes);
  reader.finish();
}

}  // namespace el::profile
