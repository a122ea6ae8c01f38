// Whether two stores hold the same thing: the same runs, tags, kinds,
// metadata, every column of every series (bit for bit), session logs, and per
// file the same bytes, records, compression and problems. For tests of ways
// of reading that must end as a one-thread read does.
#pragma once
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "store/store.h"

namespace el::testing {

using store::Series;
using store::Store;

// Bit-for-bit column equality (NaN values included).
template <typename T>
inline bool same_bits(const std::vector<T>& a, const std::vector<T>& b) {
  return a.size() == b.size() && (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(T)) == 0);
}

inline void expect_same_series(const Series& a, const Series& b, const std::string& where) {
  SCOPED_TRACE(where);
  EXPECT_EQ(a.kind, b.kind);
  EXPECT_EQ(a.metadata.plugin_name, b.metadata.plugin_name);
  EXPECT_EQ(a.metadata.plugin_content, b.metadata.plugin_content);
  EXPECT_EQ(a.metadata.display_name, b.metadata.display_name);
  EXPECT_EQ(a.metadata.description, b.metadata.description);
  EXPECT_EQ(a.steps, b.steps);
  EXPECT_TRUE(same_bits(a.wall_times, b.wall_times));
  EXPECT_TRUE(same_bits(a.values, b.values));
  EXPECT_TRUE(same_bits(a.counts, b.counts));
  EXPECT_TRUE(same_bits(a.edges, b.edges));
  EXPECT_EQ(a.count_begin, b.count_begin);
  EXPECT_EQ(a.count_size, b.count_size);
  EXPECT_EQ(a.edge_begin, b.edge_begin);
  EXPECT_EQ(a.edge_size, b.edge_size);
  EXPECT_EQ(a.texts, b.texts);
  EXPECT_EQ(a.text_ranks, b.text_ranks);
  EXPECT_EQ(a.text_shapes, b.text_shapes);
  EXPECT_EQ(a.text_lengths, b.text_lengths);
  ASSERT_EQ(a.blobs.size(), b.blobs.size());
  for (std::size_t i = 0; i < a.blobs.size(); ++i) {
    EXPECT_EQ(a.blobs[i].file, b.blobs[i].file);
    EXPECT_EQ(a.blobs[i].offset, b.blobs[i].offset);
    EXPECT_EQ(a.blobs[i].length, b.blobs[i].length);
  }
  EXPECT_EQ(a.widths, b.widths);
  EXPECT_EQ(a.heights, b.heights);
  EXPECT_EQ(a.samples, b.samples);
}

// The problems of a file, in a stable order: a one-thread read reports record
// and value problems interleaved by offset, the chunks by record then value.
inline std::vector<std::string> problem_lines(const store::FileStatus& f) {
  std::vector<std::string> out;
  for (const record::Problem& p : f.problems)
    out.push_back(std::to_string(p.offset) + " " + record::problem_kind_name(p.kind) + " " +
                  std::to_string(p.length) + " " + p.message);
  std::sort(out.begin(), out.end());
  return out;
}

inline void expect_same_store(const Store& a, const Store& b) {
  ASSERT_EQ(a.files().size(), b.files().size());
  for (store::FileId id = 0; id < a.files().size(); ++id) {
    const store::FileStatus &fa = a.files().status(id), &fb = b.files().status(id);
    SCOPED_TRACE(fa.path);
    EXPECT_EQ(fa.path, fb.path);
    EXPECT_EQ(fa.bytes_read, fb.bytes_read);
    EXPECT_EQ(fa.crc32, fb.crc32);
    EXPECT_EQ(fa.records, fb.records);
    EXPECT_EQ(fa.finished, fb.finished);
    EXPECT_EQ(fa.not_event_file, fb.not_event_file);
    EXPECT_EQ(fa.compression, fb.compression);
    EXPECT_EQ(problem_lines(fa), problem_lines(fb));
  }
  EXPECT_EQ(a.files().total_bytes_read(), b.files().total_bytes_read());
  EXPECT_EQ(a.undecodable_records(), b.undecodable_records());
  ASSERT_EQ(a.runs().size(), b.runs().size());
  for (const auto& [name, ra] : a.runs()) {
    auto it = b.runs().find(name);
    ASSERT_NE(it, b.runs().end()) << name;
    const store::Run& rb = it->second;
    EXPECT_EQ(ra.files, rb.files) << name;
    ASSERT_EQ(ra.session_logs.size(), rb.session_logs.size()) << name;
    for (std::size_t i = 0; i < ra.session_logs.size(); ++i) {
      EXPECT_EQ(ra.session_logs[i].step, rb.session_logs[i].step);
      EXPECT_EQ(ra.session_logs[i].status, rb.session_logs[i].status);
    }
    ASSERT_EQ(ra.tags.size(), rb.tags.size()) << name;
    for (const auto& [tag, sa] : ra.tags) {
      auto st = rb.tags.find(tag);
      ASSERT_NE(st, rb.tags.end()) << name << "/" << tag;
      expect_same_series(sa, st->second, name + "/" + tag);
    }
  }
}

}  // namespace el::testing
