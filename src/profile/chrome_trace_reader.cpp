// [SECTION] inflating
// [SECTION] splitting the JSON into events
// [SECTION] reading one event
// [SECTION] applying an event to the trace
// [SECTION] finishing
#include "profile/chrome_trace_reader.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "profile/json_scan.h"
#include "profile/trace_time.h"

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#elif defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace el::profile {
namespace {

constexpr std::size_t kPadding = 64;            // zero bytes kept after the text (JsonScanner reads ahead 16)
constexpr std::size_t kMaxMetadata = 4u << 20;  // a top-level member larger than this is not kept
constexpr int kMaxNamedBadEvents = 5;           // further bad events are only counted
constexpr std::int64_t kMaxPs = std::int64_t{1} << 62;  // how far from the base a time may be

struct StringViewHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
// Equal texts, compared 8 bytes at a time: the names and ids compared for
// every event are short, and in wasm a call to memcmp costs more than they do.
inline bool same_text(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  std::size_t i = 0;
  for (; i + 8 <= a.size(); i += 8) {
    std::uint64_t x, y;
    std::memcpy(&x, a.data() + i, 8);
    std::memcpy(&y, b.data() + i, 8);
    if (x != y) return false;
  }
  for (; i < a.size(); ++i)
    if (a[i] != b[i]) return false;
  return true;
}

template <typename V>
using TextMap = std::unordered_map<std::string, V, StringViewHash, std::equal_to<>>;

// What one event says, as views into the parser's buffers (valid until the next event).
struct Event {
  std::string_view ph, name, cat, scope, bp;
  std::string_view ts, dur;       // number texts
  std::string_view pid, tid, id;  // number or string texts
  bool has_pid = false, has_tid = false, has_id = false, has_cat = false;
  std::string_view args;  // raw JSON of the args object, when it came before "ph"
  bool has_args = false;
  std::uint32_t args_id = 0;  // the args in the trace's arena
  // M and C events read their args' members here.
  std::string_view meta_name, meta_labels;
  std::optional<std::int64_t> meta_sort_index;
  std::vector<std::pair<std::string_view, double>> counter_values;

  char phase() const { return ph.size() == 1 ? ph[0] : '\0'; }  // '\0' when not one letter

  void clear() {  // (field by field: the counters' memory is reused)
    ph = name = cat = scope = bp = ts = dur = pid = tid = id = args = meta_name = meta_labels = {};
    has_pid = has_tid = has_id = has_cat = has_args = false;
    args_id = 0;
    meta_sort_index.reset();
    counter_values.clear();
  }
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
      if (failed) break;  // (the JSON's own problem is the one to name, however the pushes fell)
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
  // The bytes not yet consumed, with kPadding zero bytes after them.
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
  std::size_t member_start = 0, value_start = 0;  // after its '{' or ','; after its ':'
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
    if (top == Top::kObject && depth == 1 && expect_key) keep = std::min(keep, member_start);
    if (keep == 0) return;
    std::memmove(buf.data(), buf.data() + keep, len - keep + kPadding);
    len -= keep;
    scan -= keep;
    event_start -= std::min(event_start, keep);
    value_start -= std::min(value_start, keep);
    member_start -= std::min(member_start, keep);
    base += keep;
  }

  // The JSON's first value: '{' (an object with "traceEvents") or '[' (the events).
  std::size_t start(std::size_t i) {
    for (; i < len; ++i) {
      const auto c = static_cast<unsigned char>(buf[i]);
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
      if (base + i == 0 && c == 0xef) {  // a UTF-8 byte order mark (wait for all three bytes)
        if (len < 3) return i;
        i += 2;
        continue;
      }
      if (c != '{' && c != '[') {
        fail("not a Chrome trace: it does not start with '{' or '['");
        return i;
      }
      top = c == '{' ? Top::kObject : Top::kArray;
      if (c == '[') events_depth = 1, seen_events = true;
      depth = 1;
      member_start = i + 1;
      return i + 1;
    }
    return i;
  }

  // 64 bytes at `p` as bit masks: quotes, backslashes, and { } [ ] , : (16 at a time with SIMD).
  struct Masks {
    std::uint64_t quote = 0, backslash = 0, structural = 0;
  };
  static Masks classify(const char* p) {
    Masks m;
#if defined(__wasm_simd128__)
    for (int part = 0; part < 4; ++part) {
      const v128_t v = wasm_v128_load(p + 16 * part);
      const v128_t folded = wasm_v128_or(v, wasm_i8x16_splat(0x20));  // '[' -> '{', ']' -> '}'
      const v128_t s = wasm_v128_or(
          wasm_v128_or(wasm_i8x16_eq(folded, wasm_i8x16_splat('{')),
                       wasm_i8x16_eq(folded, wasm_i8x16_splat('}'))),
          wasm_v128_or(wasm_i8x16_eq(v, wasm_i8x16_splat(',')), wasm_i8x16_eq(v, wasm_i8x16_splat(':'))));
      const int shift = 16 * part;
      m.quote |= static_cast<std::uint64_t>(wasm_i8x16_bitmask(wasm_i8x16_eq(v, wasm_i8x16_splat('"'))))
                 << shift;
      m.backslash |= static_cast<std::uint64_t>(wasm_i8x16_bitmask(wasm_i8x16_eq(v, wasm_i8x16_splat('\\'))))
                     << shift;
      m.structural |= static_cast<std::uint64_t>(wasm_i8x16_bitmask(s)) << shift;
    }
#elif defined(__SSE2__)
    for (int part = 0; part < 4; ++part) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * part));
      const __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
      const __m128i s = _mm_or_si128(
          _mm_or_si128(_mm_cmpeq_epi8(folded, _mm_set1_epi8('{')),
                       _mm_cmpeq_epi8(folded, _mm_set1_epi8('}'))),
          _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(',')), _mm_cmpeq_epi8(v, _mm_set1_epi8(':'))));
      const int shift = 16 * part;
      m.quote |= static_cast<std::uint64_t>(
                     static_cast<std::uint16_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')))))
                 << shift;
      m.backslash |= static_cast<std::uint64_t>(static_cast<std::uint16_t>(
                         _mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8('\\')))))
                     << shift;
      m.structural |= static_cast<std::uint64_t>(static_cast<std::uint16_t>(_mm_movemask_epi8(s))) << shift;
    }
#else
    for (int k = 0; k < 64; ++k) {
      const char c = p[k];
      const std::uint64_t bit = std::uint64_t{1} << k;
      if (c == '"') m.quote |= bit;
      if (c == '\\') m.backslash |= bit;
      if (c == '{' || c == '}' || c == '[' || c == ']' || c == ',' || c == ':') m.structural |= bit;
    }
#endif
    return m;
  }

  // Splits what has arrived, 64 bytes at a time: which bytes are inside
  // strings comes from the unescaped quotes (a running parity), so only the
  // structural characters outside strings are looked at one by one.
  void split() {
    std::size_t i = scan;
    if (top == Top::kStart) {
      i = start(i);
      if (top == Top::kStart || failed) {
        scan = i;
        return;
      }
    }
    const char* b = buf.data();
    while (i < len && !failed && top != Top::kDone) {
      const std::size_t n = std::min<std::size_t>(64, len - i);
      const Masks m = classify(b + i);  // (the padding after `len` is zeros: nothing)
      const std::uint64_t valid = n == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << n) - 1;
      // A character after an odd run of backslashes is escaped; backslashes are rare, so walk them.
      std::uint64_t escaped = 0;
      if ((m.backslash & valid) || escape) {
        bool esc = escape;
        for (std::size_t k = 0; k < n; ++k) {
          if (esc) {
            escaped |= std::uint64_t{1} << k;
            esc = false;
          } else if ((m.backslash >> k) & 1) {
            esc = true;
          }
        }
        escape = esc;
      }
      // Running parity of the quotes: 1 from an opening quote up to its closing one.
      std::uint64_t inside = m.quote & ~escaped & valid;
      for (int shift = 1; shift < 64; shift *= 2) inside ^= inside << shift;
      if (in_string) inside = ~inside;
      in_string = (inside >> (n - 1)) & 1;
      std::size_t resume = 0;  // where to go on from, when events were read straight from the bytes
      for (std::uint64_t s = m.structural & ~inside & valid; s; s &= s - 1) {
        const std::size_t at = i + static_cast<std::size_t>(std::countr_zero(s));
        if (b[at] == '{' && depth == events_depth && (resume = read_events_directly(at)) != at) break;
        resume = 0;
        structural(at, b[at]);
        if (failed) return;
        if (top == Top::kDone) {
          scan = at + 1;
          return;
        }
      }
      if (resume) {  // (between two events: outside any string)
        i = resume;
        in_string = escape = false;
        continue;
      }
      i += n;
    }
    scan = i;
  }

  // The fast way through the events array: from an event's '{', events are
  // read one after another straight from the buffer, with no splitting pass
  // over their bytes. Returns where the splitter goes on: after the last
  // event read, or `at` itself when the first could not be read whole (it is
  // cut off by the end of what has arrived, or bad), for the splitter to
  // find its end and read or name it.
  std::size_t read_events_directly(std::size_t at) {
    const char* b = buf.data();
    std::size_t pos = at;
    for (;;) {
      e.clear();
      JsonScanner s(b + pos, b + len, scratch);
      if (!parse_event(s, false)) return pos;
      ++events;
      apply();
      pos += s.offset();
      std::size_t next = pos;  // the next event follows a comma
      while (next < len && is_space(b[next])) ++next;
      if (next >= len || b[next] != ',') return pos;
      ++next;
      while (next < len && is_space(b[next])) ++next;
      if (next >= len || b[next] != '{') return pos;
      pos = next;
    }
  }
  static bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

  void structural(std::size_t i, char c) {
    switch (c) {
      case '{':
      case '[':
        if (depth == events_depth) {
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
          // The member's key: the string between its start and the ':'.
          std::string_view k(buf.data() + member_start, i - member_start);
          const std::size_t open = k.find('"'), close = k.rfind('"');
          key.assign(open != close && close != std::string_view::npos ? k.substr(open + 1, close - open - 1)
                                                                      : "");
          expect_key = false;
          value_start = i + 1;
          capturing = key != "traceEvents";
        }
        break;
      case ',':
        if (top == Top::kObject && depth == 1) {
          end_member(i);
          expect_key = true;
          member_start = i + 1;
        }
        break;
      default: break;
    }
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
  Event e;
  std::string scratch;       // the event's unescaped strings
  std::string args_scratch;  // those of args read after the rest (reread_args)

  void read_event(std::size_t begin, std::size_t end) {
    e.clear();
    JsonScanner s(buf.data() + begin, buf.data() + end, scratch);
    if (!parse_event(s, true))
      return bad_event(begin, std::string("an event that is not valid JSON (") + json_error_text(s.error()) +
                                  " at its byte " + std::to_string(s.offset()) + ")");
    ++events;
    apply();
  }

  // The text of a number, or of a string's contents; anything else is not
  // what a trace writes there.
  static bool text_of(JsonScanner& s, std::string_view& out) {
    switch (s.peek()) {
      case JsonType::kString: return s.string(out);
      case JsonType::kNumber: return s.number(out);
      default: return s.fail(JsonError::kWrongType);
    }
  }

  // A number's value, correctly rounded; one beyond a double's range is refused.
  static bool double_of(JsonScanner& s, std::string_view text, double& out) {
    char small[64];
    std::string large;
    const char* z = small;
    if (text.size() < sizeof small) {
      std::memcpy(small, text.data(), text.size());
      small[text.size()] = '\0';
    } else {
      large.assign(text);
      z = large.c_str();
    }
    out = std::strtod(z, nullptr);
    return std::isfinite(out) || s.fail(JsonError::kBadNumber);
  }

  // The members an event is read for, told apart by the raw key's characters
  // (no unescaping: an escaped key is not one a writer uses).
  enum class Member { kOther, kPh, kName, kCat, kTs, kDur, kPid, kTid, kId, kScope, kBp, kArgs };
  static Member member_of(std::string_view k) {
    // (Byte compares: this runs for every member of every event, and a
    // call to memcmp for two bytes costs more than the compare.)
    const char* c = k.data();
    switch (k.size()) {
      case 1: return c[0] == 's' ? Member::kScope : Member::kOther;
      case 2:
        if (c[0] == 'p' && c[1] == 'h') return Member::kPh;
        if (c[0] == 't' && c[1] == 's') return Member::kTs;
        if (c[0] == 'i' && c[1] == 'd') return Member::kId;
        if (c[0] == 'b' && c[1] == 'p') return Member::kBp;
        return Member::kOther;
      case 3:
        if (c[1] == 'i' && c[2] == 'd')
          return c[0] == 'p' ? Member::kPid : c[0] == 't' ? Member::kTid : Member::kOther;
        if (c[0] == 'c' && c[1] == 'a' && c[2] == 't') return Member::kCat;
        if (c[0] == 'd' && c[1] == 'u' && c[2] == 'r') return Member::kDur;
        return Member::kOther;
      case 4:
        if (c[0] == 'n' && c[1] == 'a' && c[2] == 'm' && c[3] == 'e') return Member::kName;
        if (c[0] == 'a' && c[1] == 'r' && c[2] == 'g' && c[3] == 's') return Member::kArgs;
        return Member::kOther;
      default: return Member::kOther;
    }
  }

  // One event object; `whole`: nothing but whitespace may follow it.
  bool parse_event(JsonScanner& s, bool whole) {
    if (!s.object()) return false;
    bool first = true;
    std::string_view key;
    while (s.next_raw_key(first, key)) {
      bool ok = true;
      switch (member_of(key)) {
        case Member::kOther: ok = s.skip(); break;  // (checked, not kept)
        case Member::kPh: ok = s.string(e.ph); break;
        case Member::kName: ok = text_of(s, e.name); break;
        case Member::kCat:
          ok = text_of(s, e.cat);
          e.has_cat = true;
          break;
        case Member::kTs: ok = text_of(s, e.ts); break;
        case Member::kDur: ok = text_of(s, e.dur); break;
        case Member::kPid:
          ok = text_of(s, e.pid);
          e.has_pid = true;
          break;
        case Member::kTid:
          ok = text_of(s, e.tid);
          e.has_tid = true;
          break;
        case Member::kId:
          ok = text_of(s, e.id);
          e.has_id = true;
          break;
        case Member::kScope: ok = text_of(s, e.scope); break;
        case Member::kBp: ok = text_of(s, e.bp); break;
        case Member::kArgs:
          if (e.phase() == 'M' || e.phase() == 'C') {
            ok = read_args_members(s);
          } else if (e.ph.empty()) {  // (not known yet: kept as text, read once "ph" is)
            ok = s.peek() == JsonType::kObject ? s.raw_value(e.args) : s.fail(JsonError::kWrongType);
            e.has_args = ok;
          } else {
            ok = encode_args(s);
          }
          break;
      }
      if (!ok) return false;
    }
    return s.error() == JsonError::kNone && (!whole || s.at_end());
  }

  // An event's args into the trace's arena (trace_args.h): numbers as
  // integers when written as integers, strings and nested values interned.
  bool encode_args(JsonScanner& s) {
    if (!s.object()) return false;
    trace.args.begin();
    bool first = true;
    std::string_view k;
    while (s.next_key(first, k)) {
      const std::uint32_t key = intern(k);
      switch (s.peek()) {
        case JsonType::kNumber: {
          std::string_view token;
          if (!s.number(token)) return false;
          std::int64_t i = 0;
          const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), i);
          if (ec == std::errc() && end == token.data() + token.size()) {
            trace.args.add_int(key, i);
          } else {
            double d = 0;
            if (!double_of(s, token, d)) return false;
            trace.args.add_double(key, d);
          }
          break;
        }
        case JsonType::kString: {
          std::string_view text;
          if (!s.string(text)) return false;
          trace.args.add_string(key, intern(text));
          break;
        }
        case JsonType::kBoolean: {
          bool b = false;
          if (!s.boolean(b)) return false;
          trace.args.add_literal(key, b ? "true" : "false");
          break;
        }
        case JsonType::kNull:
          if (!s.null()) return false;
          trace.args.add_literal(key, "null");
          break;
        case JsonType::kObject:
        case JsonType::kArray: {  // its text, interned (the same shapes repeat)
          std::string_view text;
          if (!s.raw_value(text)) return false;
          trace.args.add_json(key, intern(text));
          break;
        }
        case JsonType::kInvalid: return s.fail(JsonError::kExpectedValue);
      }
    }
    if (s.error() != JsonError::kNone) return false;
    e.args_id = trace.args.end();
    return true;
  }

  // An M or C event's args ("ph" comes first in every writer seen; otherwise the args are kept raw).
  bool read_args_members(JsonScanner& s) {
    if (!s.object()) return false;
    const bool counter = e.phase() == 'C';
    bool first = true;
    std::string_view k;
    while (s.next_key(first, k)) {
      const JsonType t = s.peek();
      bool ok = true;
      std::string_view token;
      if (counter && t == JsonType::kNumber) {
        double d = 0;
        ok = s.number(token) && double_of(s, token, d);
        if (ok) e.counter_values.emplace_back(k, d);
      } else if (!counter && k == "name" && t == JsonType::kString) {
        ok = s.string(e.meta_name);
      } else if (!counter && k == "labels" && t == JsonType::kString) {
        ok = s.string(e.meta_labels);
      } else if (!counter && k == "sort_index" && t == JsonType::kNumber) {
        ok = s.number(token);
        std::int64_t x = 0;
        const auto [end, ec] = std::from_chars(token.data(), token.data() + token.size(), x);
        if (ok && ec == std::errc() && end == token.data() + token.size()) e.meta_sort_index = x;
      } else {
        ok = s.skip();
      }
      if (!ok) return false;
    }
    return s.error() == JsonError::kNone;
  }

  // [SECTION] applying an event to the trace ---------------------------------------------
  std::array<std::uint64_t, 256> phase_counts{};
  std::unordered_map<std::string, std::uint64_t> other_phases;
  std::vector<std::uint64_t> category_counts;  // by interned id
  bool has_base = false;
  std::int64_t latest_ps = std::numeric_limits<std::int64_t>::min();
  TextMap<std::uint32_t> process_of;             // pid text -> process
  std::vector<TextMap<std::uint32_t>> track_of;  // per process: tid text -> track
  std::uint32_t last_track = ~0u;                // the track the last track() call found
  struct Open {
    std::int64_t start_ps;
    std::uint32_t name, category, args;
  };
  std::vector<std::vector<Open>> open;  // per track: B events not yet ended
  std::map<std::pair<std::uint32_t, std::uint32_t>, std::uint32_t> series_of;  // (process, name) -> series
  std::uint64_t unmatched_ends = 0, bad_times = 0, far_times = 0;

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

  // The few threads a stretch of events alternates between (a host thread and
  // a GPU stream) are found without hashing.
  struct RecentTrack {
    std::string pid, tid;
    std::uint32_t track = ~0u;
  };
  std::array<RecentTrack, 4> recent;
  std::size_t recent_next = 0;

  std::uint32_t track(std::string_view pid, std::string_view tid) {
    for (const RecentTrack& r : recent)
      if (r.track != ~0u && same_text(r.pid, pid) && same_text(r.tid, tid)) return last_track = r.track;
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
    RecentTrack& r = recent[recent_next++ % recent.size()];
    r.pid.assign(pid);
    r.tid.assign(tid);
    r.track = id;
    return last_track = id;
  }

  // Names repeat (a hundred kernels over a million events): a small cache in
  // front of the trace's string table saves hashing most of them.
  struct CachedText {
    std::string text;
    std::uint32_t id = 0;
    bool used = false;
  };
  std::array<CachedText, 256> text_cache;
  std::uint32_t intern(std::string_view s) {
    std::size_t h = s.size() * 131;
    if (!s.empty())
      h += static_cast<unsigned char>(s[0]) * 31u + static_cast<unsigned char>(s[s.size() / 2]) * 7u +
           static_cast<unsigned char>(s.back());
    CachedText& c = text_cache[h & 255];
    if (c.used && same_text(c.text, s)) return c.id;
    c.id = trace.intern(s);
    c.text.assign(s);
    c.used = true;
    return c.id;
  }

  // Flow ids: only which points share one matters, so they become dense
  // numbers (from 1; 0 is no id) instead of interned texts: a trace has one
  // per kernel launch. Integers written plainly (what PyTorch writes, as a
  // number or a string) go through a flat table; any other text through a map.
  struct FlowIds {
    std::vector<std::uint64_t> keys = std::vector<std::uint64_t>(1024, 0);  // the integer + 1; 0: empty
    std::vector<std::uint32_t> values = std::vector<std::uint32_t>(1024, 0);
    std::size_t used = 0;
    TextMap<std::uint32_t> texts;
    std::uint32_t next = 1;

    static bool plain_integer(std::string_view t, std::uint64_t& v) {
      if (t.empty() || t.size() > 18 || (t[0] == '0' && t.size() > 1)) return false;
      v = 0;
      for (const char c : t) {
        if (c < '0' || c > '9') return false;
        v = v * 10 + static_cast<std::uint64_t>(c - '0');
      }
      return true;
    }
    std::size_t slot(std::uint64_t key) const {  // linear probing from the key's hash
      std::size_t i = static_cast<std::size_t>((key * 0x9e3779b97f4a7c15ull) >> 20) & (keys.size() - 1);
      while (keys[i] != 0 && keys[i] != key) i = (i + 1) & (keys.size() - 1);
      return i;
    }
    std::uint32_t of(std::string_view text) {
      std::uint64_t v = 0;
      if (!plain_integer(text, v)) {
        auto [it, added] = texts.try_emplace(std::string(text), next);
        if (added) ++next;
        return it->second;
      }
      std::size_t i = slot(v + 1);
      if (keys[i] == v + 1) return values[i];
      if (2 * (used + 1) > keys.size()) {  // at most half full: grow, then find its slot again
        std::vector<std::uint64_t> old_keys(keys.size() * 2, 0);
        std::vector<std::uint32_t> old_values(values.size() * 2, 0);
        old_keys.swap(keys);
        old_values.swap(values);
        for (std::size_t k = 0; k < old_keys.size(); ++k)
          if (old_keys[k]) {
            const std::size_t j = slot(old_keys[k]);
            keys[j] = old_keys[k];
            values[j] = old_values[k];
          }
        i = slot(v + 1);
      }
      keys[i] = v + 1;
      values[i] = next;
      ++used;
      return next++;
    }
  } flow_ids;

  void apply() {
    if (e.ph.size() == 1)
      ++phase_counts[static_cast<unsigned char>(e.ph[0])];
    else
      ++other_phases[std::string(e.ph)];
    std::uint32_t category = 0;
    if (e.has_cat) {
      category = intern(e.cat);
      if (category >= category_counts.size()) category_counts.resize(category + 1, 0);
      ++category_counts[category];
    }
    const char ph = e.ph.size() == 1 ? e.ph[0] : '\0';
    if ((ph == 'M' || ph == 'C') && e.has_args) reread_args();  // (others read theirs when kept: args())
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
    // Times stay within 2^62 ps (53 days) of the base, so a start plus a duration cannot overflow.
    std::int64_t us = 0, at = 0;
    if (__builtin_sub_overflow(ts->whole, trace.base_us, &us) || __builtin_mul_overflow(us, 1'000'000, &at) ||
        at > kMaxPs || at < -kMaxPs) {
      ++far_times;
      return;
    }
    at += ts->fraction;
    latest_ps = std::max(latest_ps, at);
    switch (ph) {
      case 'X': {
        const std::int64_t dur =
            std::clamp<std::int64_t>(e.dur.empty() ? 0 : parse_duration_ps(e.dur).value_or(0), 0, kMaxPs);
        latest_ps = std::max(latest_ps, at + dur);
        trace.slices.push_back({at, dur, intern(e.name), track(e.pid, e.tid), category, args()});
        break;
      }
      case 'B': open[track(e.pid, e.tid)].push_back({at, intern(e.name), category, args()}); break;
      case 'E': {
        std::vector<Open>& stack = open[track(e.pid, e.tid)];
        if (stack.empty()) {
          ++unmatched_ends;
          break;
        }
        const Open b = stack.back();
        stack.pop_back();
        trace.slices.push_back({b.start_ps, std::max<std::int64_t>(0, at - b.start_ps), b.name, last_track,
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
        trace.instants.push_back({at, intern(e.name), t, category, args(), scope});
        break;
      }
      case 'C': {
        const std::uint32_t proc = process(e.pid);
        for (const auto& [k, value] : e.counter_values) {
          std::string series(e.name);
          if (e.counter_values.size() > 1) series.append(".").append(k);
          const std::uint32_t name = intern(series);
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
        f.id = e.has_id ? flow_ids.of(e.id) : 0;
        f.track = track(e.pid, e.tid) & ((1u << 29) - 1);
        f.name = intern(e.name);
        f.category = category;
        f.phase = ph == 's' ? 0 : ph == 't' ? 1 : 2;
        f.binds_next = ph == 'f' && e.bp != "e";
        trace.flows.push_back(f);
        break;
      }
      default: break;  // async, sample and object events: counted only
    }
  }

  // An M or C event whose args came before its "ph": its members are read from the kept text
  // (a view into `buf`, so the padding after it is there).
  void reread_args() {
    JsonScanner s(e.args.data(), e.args.data() + e.args.size(), args_scratch);
    e.has_args = false;
    if (e.phase() == 'M' || e.phase() == 'C')
      (void)read_args_members(s);
    else if (!encode_args(s))
      e.args_id = 0;
  }

  std::uint32_t args() {
    if (e.has_args) reread_args();  // args that came before "ph"
    return e.args_id;
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
        trace.slices.push_back(
            {b.start_ps, std::max<std::int64_t>(0, latest_ps - b.start_ps), b.name, t, b.category, b.args});
      unended += open[t].size();
      open[t].clear();
    }
    if (unended)
      trace.problems.push_back(file + ": " + std::to_string(unended) +
                               " B events were never ended; drawn to the trace's end");
    if (bad_times)
      trace.problems.push_back(file + ": " + std::to_string(bad_times) +
                               " events had a \"ts\" that is not a number");
    if (far_times)
      trace.problems.push_back(file + ": " + std::to_string(far_times) +
                               " events lie more than 53 days from the first one; left out");
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
    trace.shrink();
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
