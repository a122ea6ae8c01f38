// TensorFlow checkpoints ("tensor bundles"), read without TensorFlow: the
// `<prefix>.index` file is a LevelDB-format table (data blocks of
// prefix-compressed keys with restart points, each block followed by a type
// byte and a masked CRC-32C, an index block, and a 48-byte footer ending in
// the magic 0xdb4775248b80fb57). Its empty key holds a BundleHeaderProto and
// every other key a BundleEntryProto saying where a tensor's bytes are in the
// `<prefix>.data-NNNNN-of-NNNNN` shards. Every CRC is checked.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "embed/tsv.h"

namespace el::embed {

struct BundleEntry {
  std::string name;
  int dtype = 0;  // pb::DataType (1 float32, 2 float64, 7 string...)
  std::vector<std::int64_t> shape;
  int shard = 0;
  std::uint64_t offset = 0, size = 0;
  std::uint32_t masked_crc = 0;
  bool sliced = false;      // a partitioned variable: its bytes live in other entries
  bool big_endian = false;  // the bundle was written on a big-endian machine
};

struct BundleIndex {
  int num_shards = 1;
  bool big_endian = false;
  std::vector<BundleEntry> entries;  // in key order, the header excluded
  const BundleEntry* find(std::string_view name) const;
};

// False with `error` ("block at offset 123: checksum mismatch", "compressed
// with Snappy, which EventLens does not decode"...) if `bytes` is not an index.
[[nodiscard]] bool parse_bundle_index(std::string_view bytes, BundleIndex& out, std::string& error);

// "<prefix>.data-00000-of-00001"
std::string bundle_shard_path(std::string_view prefix, int shard, int num_shards);

// The tensor of `e` from its bytes (exactly e.size of them, read from its
// shard at e.offset), checked against its CRC, as float32 rows x dims: a
// [rows, dims] float32 or float64 tensor.
[[nodiscard]] bool bundle_matrix(const BundleEntry& e, std::string_view bytes, Matrix& out,
                                 std::string& error);

// Whether `e` is offered as an embedding when the projector config names
// none: a 2-D float tensor that is not an optimizer slot (TensorBoard's rule,
// plus TF1's slot suffixes such as "/Adam" and "/Momentum").
bool is_embedding_candidate(const BundleEntry& e);

}  // namespace el::embed
