#include "profile/op_table.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <limits>
#include <map>
#include <tuple>
#include <utility>

namespace el::profile {
namespace {

std::int64_t end_of(const Slice& s) { return s.start_ps + s.duration_ps; }

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// A category's kind; kOther for ones not known (and for none).
SliceKind kind_of_category(std::string_view category) {
  const std::string c = lower(category);
  if (c == "kernel") return SliceKind::kKernel;
  if (c == "memcpy" || c == "gpu_memcpy") return SliceKind::kMemcpy;
  if (c == "memset" || c == "gpu_memset") return SliceKind::kMemset;
  if (c == "runtime" || c == "cuda_runtime" || c == "cuda_driver") return SliceKind::kRuntime;
  if (c == "operator" || c == "cpu_op" || c == "user_annotation" || c == "python_function")
    return SliceKind::kCpuOp;
  return SliceKind::kOther;
}

bool is_device(const Process& p) { return p.name.starts_with("/device:"); }

// An uncategorised slice's kind, from its track (xplane's lines).
SliceKind kind_of_track(const Trace& trace, const Track& track, std::string_view name) {
  if (track.name == "Steps") return SliceKind::kStep;
  if (!is_device(trace.processes[track.process])) return SliceKind::kCpuOp;
  if (!track.name.starts_with("Stream #")) return SliceKind::kOther;  // derived lines ("TensorFlow Ops")
  if (name.starts_with("Memcpy")) return SliceKind::kMemcpy;
  if (name.starts_with("Memset")) return SliceKind::kMemset;
  return SliceKind::kKernel;
}

bool is_step_name(std::string_view name) {
  constexpr std::string_view kPrefix = "ProfilerStep#";
  if (!name.starts_with(kPrefix) || name.size() == kPrefix.size()) return false;
  return std::all_of(name.begin() + kPrefix.size(), name.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Picoseconds as microseconds with all six decimals: exact.
std::string us_text(std::int64_t ps) {
  char buf[48];
  const std::uint64_t a = ps < 0 ? 0 - static_cast<std::uint64_t>(ps) : static_cast<std::uint64_t>(ps);
  std::snprintf(buf, sizeof buf, "%s%llu.%06llu", ps < 0 ? "-" : "",
                static_cast<unsigned long long>(a / 1000000), static_cast<unsigned long long>(a % 1000000));
  return buf;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace

std::string ops_csv(const Trace& trace, const std::vector<OpRow>& rows,
                    const std::vector<std::uint32_t>& order, double span_ps) {
  std::string out = "name,kind,category,count,total_us,self_us,mean_us,min_us,max_us,percent_of_span\n";
  for (const std::uint32_t i : order) {
    const OpRow& r = rows[i];
    char share[32];
    std::snprintf(share, sizeof share, "%.4f", 100.0 * static_cast<double>(r.total_ps) / span_ps);
    out += csv_field(trace.text(r.name)) + "," + std::string(kind_label(r.kind)) + "," +
           csv_field(trace.text(r.category)) + "," + std::to_string(r.count) + "," + us_text(r.total_ps) +
           "," + us_text(r.self_ps) + "," + us_text(r.total_ps / static_cast<std::int64_t>(r.count)) + "," +
           us_text(r.min_ps) + "," + us_text(r.max_ps) + "," + share + "\n";
  }
  return out;
}

std::string_view kind_label(SliceKind k) {
  switch (k) {
    case SliceKind::kCpuOp: return "CPU op";
    case SliceKind::kKernel: return "kernel";
    case SliceKind::kMemcpy: return "memcpy";
    case SliceKind::kMemset: return "memset";
    case SliceKind::kRuntime: return "runtime";
    case SliceKind::kStep: return "step";
    case SliceKind::kOther: break;
  }
  return "other";
}

std::vector<SliceKind> slice_kinds(const Trace& trace) {
  // Per interned string: its kind as a category, and whether it names a step.
  std::vector<std::int8_t> as_category(trace.string_count(), -1), step_name(trace.string_count(), -1);
  std::vector<SliceKind> out(trace.slices.size(), SliceKind::kOther);
  for (std::size_t i = 0; i < trace.slices.size(); ++i) {
    const Slice& s = trace.slices[i];
    if (step_name[s.name] < 0) step_name[s.name] = is_step_name(trace.text(s.name));
    if (step_name[s.name]) {
      out[i] = SliceKind::kStep;
    } else if (s.category) {
      if (as_category[s.category] < 0)
        as_category[s.category] = static_cast<std::int8_t>(kind_of_category(trace.text(s.category)));
      out[i] = static_cast<SliceKind>(as_category[s.category]);
    } else {
      out[i] = kind_of_track(trace, trace.tracks[s.track], trace.text(s.name));
    }
  }
  return out;
}

std::int64_t self_time(const Trace& trace, const Timeline& timeline, std::uint32_t slice) {
  const Slice& s = trace.slices[slice];
  const std::uint32_t row = timeline.row_of(slice);
  const std::vector<Timeline::Row>& rows = timeline.rows();
  std::int64_t self = s.duration_ps;
  if (row + 1 >= rows.size() || rows[row + 1].track != s.track) return self;
  // Its children start at or after it and before the next slice of its row (which holds the later ones).
  const Timeline::Row& below = rows[row + 1];
  const std::int64_t until =
      slice + 1 < rows[row].end ? std::min(end_of(s), trace.slices[slice + 1].start_ps) : end_of(s);
  auto c = std::partition_point(trace.slices.begin() + below.begin, trace.slices.begin() + below.end,
                                [&](const Slice& x) { return x.start_ps < s.start_ps; });
  for (; c != trace.slices.begin() + below.end && c->start_ps < until; ++c)
    self -= std::min(end_of(*c), end_of(s)) - c->start_ps;
  return self;
}

std::vector<OpRow> op_table(const Trace& trace, const Timeline& timeline) {
  const std::vector<Slice>& slices = trace.slices;
  // Self time: each slice's duration less its direct children's overlap with
  // it. A child one row below sits in the slice of its parent row that starts
  // last at or before it (rows do not overlap within themselves).
  std::vector<std::int64_t> self(slices.size());
  for (std::size_t i = 0; i < slices.size(); ++i) self[i] = slices[i].duration_ps;
  const std::vector<Timeline::Row>& rows = timeline.rows();
  for (std::size_t r = 1; r < rows.size(); ++r) {
    if (rows[r].depth == 0) continue;
    const Timeline::Row& parent_row = rows[r - 1];  // the same track, one depth up
    std::uint32_t p = parent_row.begin;
    for (std::uint32_t c = rows[r].begin; c < rows[r].end; ++c) {
      // Children ascend in start, so the parent only moves forward.
      while (p + 1 < parent_row.end && slices[p + 1].start_ps <= slices[c].start_ps) ++p;
      if (slices[p].start_ps > slices[c].start_ps) continue;
      const std::int64_t overlap = std::min(end_of(slices[c]), end_of(slices[p])) - slices[c].start_ps;
      if (overlap > 0) self[p] -= overlap;
    }
  }
  const std::vector<SliceKind> kinds = slice_kinds(trace);
  std::map<std::tuple<std::uint32_t, std::uint32_t, SliceKind>, std::size_t> index;  // -> row
  std::vector<OpRow> out;
  for (std::size_t i = 0; i < slices.size(); ++i) {
    const Slice& s = slices[i];
    auto [it, fresh] = index.try_emplace({s.name, s.category, kinds[i]}, out.size());
    if (fresh) out.push_back({s.name, s.category, kinds[i], 0, 0, 0, s.duration_ps, s.duration_ps});
    OpRow& row = out[it->second];
    ++row.count;
    row.total_ps = add_capped(row.total_ps, s.duration_ps);
    row.self_ps = add_capped(row.self_ps, self[i]);
    row.min_ps = std::min(row.min_ps, s.duration_ps);
    row.max_ps = std::max(row.max_ps, s.duration_ps);
  }
  std::sort(out.begin(), out.end(), [&](const OpRow& a, const OpRow& b) {
    if (a.total_ps != b.total_ps) return a.total_ps > b.total_ps;
    if (a.name != b.name) return trace.text(a.name) < trace.text(b.name);
    if (a.category != b.category) return trace.text(a.category) < trace.text(b.category);
    return kind_label(a.kind) < kind_label(b.kind);
  });
  return out;
}

std::vector<RangeTotal> range_totals(const Trace& trace, const Timeline& timeline, std::int64_t t0,
                                     std::int64_t t1) {
  std::vector<RangeTotal> by_name(trace.string_count());
  if (t1 > t0) {
    for (const Timeline::Row& row : timeline.rows()) {
      // Ends ascend within a row: skip to the first slice ending after t0.
      const auto first =
          std::partition_point(trace.slices.begin() + row.begin, trace.slices.begin() + row.end,
                               [&](const Slice& s) { return end_of(s) <= t0; });
      for (auto it = first; it != trace.slices.begin() + row.end && it->start_ps < t1; ++it) {
        RangeTotal& t = by_name[it->name];
        ++t.count;
        t.total_ps = add_capped(t.total_ps, std::min(end_of(*it), t1) - std::max(it->start_ps, t0));
      }
    }
  }
  std::vector<RangeTotal> out;
  for (std::uint32_t id = 0; id < by_name.size(); ++id)
    if (by_name[id].count) out.push_back({id, by_name[id].count, by_name[id].total_ps});
  std::sort(out.begin(), out.end(), [&](const RangeTotal& a, const RangeTotal& b) {
    return a.total_ps != b.total_ps ? a.total_ps > b.total_ps : trace.text(a.name) < trace.text(b.name);
  });
  return out;
}

std::vector<std::uint32_t> find_slices(const Trace& trace,
                                       const std::function<bool(const std::string&)>& matches) {
  std::vector<std::int8_t> hit(trace.string_count(), -1);
  std::vector<std::uint32_t> out;
  for (std::uint32_t i = 0; i < trace.slices.size(); ++i) {
    const std::uint32_t name = trace.slices[i].name;
    if (hit[name] < 0) hit[name] = matches(trace.text(name));
    if (hit[name]) out.push_back(i);
  }
  std::stable_sort(out.begin(), out.end(), [&](std::uint32_t a, std::uint32_t b) {
    return trace.slices[a].start_ps < trace.slices[b].start_ps;
  });
  return out;
}

}  // namespace el::profile
