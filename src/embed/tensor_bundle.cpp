#include "embed/tensor_bundle.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <iterator>

#include "proto/tensor_bundle.pb.h"
#include "record/crc32c.h"

// [SECTION] index
//   bytes and varints
//   table blocks
//   the index file
//   tensors

namespace el::embed {
namespace {

// [SECTION] bytes and varints --------------------------------------------------------------
constexpr std::uint64_t kTableMagic = 0xdb4775248b80fb57ull;
constexpr std::size_t kFooterSize = 48, kBlockTrailerSize = 5;

std::uint32_t le32(const char* p) {
  std::uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

bool varint(std::string_view s, std::size_t& pos, std::uint64_t& out) {
  out = 0;
  for (int shift = 0; shift < 64 && pos < s.size(); shift += 7) {
    const auto b = static_cast<std::uint8_t>(s[pos++]);
    out |= static_cast<std::uint64_t>(b & 0x7f) << shift;
    if (!(b & 0x80)) return true;
  }
  return false;
}

struct BlockHandle {
  std::uint64_t offset = 0, size = 0;
};

bool handle(std::string_view s, std::size_t& pos, BlockHandle& h) {
  return varint(s, pos, h.offset) && varint(s, pos, h.size);
}

// [SECTION] table blocks ---------------------------------------------------------------------
// The contents of the block at `h`, its trailer's CRC checked.
bool block(std::string_view file, const BlockHandle& h, std::string_view& out, std::string& error) {
  if (h.offset > file.size() || h.size > file.size() - h.offset ||
      file.size() - h.offset - h.size < kBlockTrailerSize) {
    error = "a block at offset " + std::to_string(h.offset) + " runs past the end of the file";
    return false;
  }
  const std::string_view contents = file.substr(h.offset, h.size);
  const char type = file[h.offset + h.size];
  const std::uint32_t stored = le32(file.data() + h.offset + h.size + 1);
  std::uint32_t crc =
      record::crc32c({reinterpret_cast<const std::uint8_t*>(contents.data()), contents.size()});
  crc = record::crc32c({reinterpret_cast<const std::uint8_t*>(&type), 1}, crc);
  if (record::mask_crc(crc) != stored) {
    error = "the block at offset " + std::to_string(h.offset) + " fails its checksum (the file is damaged)";
    return false;
  }
  if (type == 1) {
    error =
        "its blocks are compressed with Snappy, which EventLens does not decode (TensorFlow writes "
        "checkpoints uncompressed unless told otherwise)";
    return false;
  }
  if (type != 0) {
    error =
        "a block at offset " + std::to_string(h.offset) + " has unknown compression " + std::to_string(type);
    return false;
  }
  out = contents;
  return true;
}

// Calls fn(key, value) for each entry of a block; keys share prefixes with the entry before.
template <class Fn>
bool block_entries(std::string_view b, std::string& error, Fn fn) {
  if (b.size() < 4) {
    error = "a block is too short for its restart count";
    return false;
  }
  const std::uint32_t restarts = le32(b.data() + b.size() - 4);
  if (restarts > (b.size() - 4) / 4) {
    error = "a block claims more restart points than it can hold";
    return false;
  }
  const std::size_t end = b.size() - 4 - 4 * static_cast<std::size_t>(restarts);
  std::string key;
  std::size_t pos = 0;
  while (pos < end) {
    std::uint64_t shared, unshared, value_size;
    if (!varint(b, pos, shared) || !varint(b, pos, unshared) || !varint(b, pos, value_size) ||
        shared > key.size() || unshared > end - pos || value_size > end - pos - unshared) {
      error = "a block entry is malformed";
      return false;
    }
    key.resize(shared);
    key.append(b.substr(pos, unshared));
    pos += unshared;
    if (!fn(std::string_view(key), b.substr(pos, value_size))) return false;
    pos += value_size;
  }
  return true;
}

}  // namespace

// [SECTION] the index file ---------------------------------------------------------------------
const BundleEntry* BundleIndex::find(std::string_view name) const {
  for (const BundleEntry& e : entries)
    if (e.name == name) return &e;
  return nullptr;
}

bool parse_bundle_index(std::string_view file, BundleIndex& out, std::string& error) {
  out = {};
  if (file.size() < kFooterSize) {
    error = "too short for a checkpoint index (" + std::to_string(file.size()) + " bytes)";
    return false;
  }
  const std::string_view footer = file.substr(file.size() - kFooterSize);
  std::uint64_t magic;
  std::memcpy(&magic, footer.data() + 40, 8);
  if (magic != kTableMagic) {
    error = "not a checkpoint index (no table magic at its end)";
    return false;
  }
  std::size_t pos = 0;
  BlockHandle meta, index;
  if (!handle(footer, pos, meta) || !handle(footer, pos, index) || pos > 40) {
    error = "the index's footer is malformed";
    return false;
  }
  std::string_view index_block;
  if (!block(file, index, index_block, error)) return false;
  bool header_seen = false;
  const bool ok = block_entries(index_block, error, [&](std::string_view, std::string_view value) {
    std::size_t p = 0;
    BlockHandle data;
    if (!handle(value, p, data)) {
      error = "the index block holds a malformed block handle";
      return false;
    }
    std::string_view contents;
    if (!block(file, data, contents, error)) return false;
    return block_entries(contents, error, [&](std::string_view key, std::string_view v) {
      if (key.empty()) {
        pb::BundleHeaderProto h;
        if (!h.ParseFromArray(v.data(), static_cast<int>(v.size()))) {
          error = "the bundle header does not decode";
          return false;
        }
        out.num_shards = std::max(1, h.num_shards());
        out.big_endian = h.endianness() == pb::BundleHeaderProto::BIG;
        header_seen = true;
        return true;
      }
      pb::BundleEntryProto p;
      if (!p.ParseFromArray(v.data(), static_cast<int>(v.size()))) {
        error = "the entry of '" + std::string(key) + "' does not decode";
        return false;
      }
      BundleEntry& e = out.entries.emplace_back();
      e.name = std::string(key);
      e.dtype = p.dtype();
      for (const auto& d : p.shape().dim()) e.shape.push_back(d.size());
      e.shard = p.shard_id();
      e.offset = static_cast<std::uint64_t>(std::max<std::int64_t>(0, p.offset()));
      e.size = static_cast<std::uint64_t>(std::max<std::int64_t>(0, p.size()));
      e.masked_crc = p.crc32c();
      e.sliced = p.slices_size() > 0;
      e.big_endian = out.big_endian;  // the header's key (empty) sorts first
      return true;
    });
  });
  if (!ok) return false;
  if (!header_seen) {
    error = "the index has no bundle header (is it a checkpoint?)";
    return false;
  }
  return true;
}

std::string bundle_shard_path(std::string_view prefix, int shard, int num_shards) {
  char suffix[48];
  std::snprintf(suffix, sizeof suffix, ".data-%05d-of-%05d", shard, num_shards);
  return std::string(prefix) + suffix;
}

// [SECTION] tensors ----------------------------------------------------------------------------
bool bundle_matrix(const BundleEntry& e, std::string_view bytes, Matrix& out, std::string& error) {
  out = {};
  if (e.shape.size() != 2 || e.shape[0] <= 0 || e.shape[1] <= 0) {
    error = "'" + e.name + "' is not a 2-D tensor";
    return false;
  }
  const std::size_t width = e.dtype == 1 ? 4 : e.dtype == 2 ? 8 : 0;
  if (!width) {
    error = "'" + e.name + "' holds dtype " + std::to_string(e.dtype) + ", not float32 or float64";
    return false;
  }
  const auto rows = static_cast<std::uint64_t>(e.shape[0]), dims = static_cast<std::uint64_t>(e.shape[1]);
  if (rows > (1ull << 40) / dims || bytes.size() != e.size || e.size != rows * dims * width) {
    error = "'" + e.name + "' has " + std::to_string(bytes.size()) + " bytes for a " + std::to_string(rows) +
            " x " + std::to_string(dims) + " tensor";
    return false;
  }
  if (record::masked_crc32c({reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()}) !=
      e.masked_crc) {
    error = "'" + e.name + "' fails its checksum (the data file is damaged or belongs to another checkpoint)";
    return false;
  }
  out.rows = rows;
  out.dims = dims;
  out.values.resize(rows * dims);
  if (width == 4 && !e.big_endian) {  // as stored: one copy
    std::memcpy(out.values.data(), bytes.data(), bytes.size());
    return true;
  }
  char word[8];
  for (std::size_t i = 0; i < out.values.size(); ++i) {
    std::memcpy(word, bytes.data() + i * width, width);
    if (e.big_endian) std::reverse(word, word + width);
    if (width == 4) {
      std::memcpy(&out.values[i], word, 4);
    } else {
      double d;
      std::memcpy(&d, word, 8);
      out.values[i] = static_cast<float>(d);
    }
  }
  return true;
}

bool is_embedding_candidate(const BundleEntry& e) {
  if (e.shape.size() != 2 || (e.dtype != 1 && e.dtype != 2) || e.sliced) return false;
  if (e.name.find(".OPTIMIZER_SLOT") != std::string::npos) return false;
  static const char* const kSlotSuffixes[] = {"/Adam",    "/Adam_1", "/Momentum", "/RMSProp",  "/RMSProp_1",
                                              "/Adagrad", "/Ftrl",   "/Ftrl_1",   "/Adadelta", "/Adadelta_1"};
  return std::none_of(std::begin(kSlotSuffixes), std::end(kSlotSuffixes),
                      [&](const char* s) { return e.name.ends_with(s); });
}

}  // namespace el::embed
