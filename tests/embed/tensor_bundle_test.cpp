// embed/tensor_bundle: LevelDB-format checkpoint indexes built here by hand
// (so each byte's meaning is known) and the corpus's TF1 and tf.keras ones.
#include "embed/tensor_bundle.h"

#include <gtest/gtest.h>

#include <cstring>

#include "proto/tensor_bundle.pb.h"
#include "record/crc32c.h"
#include "support/test_files.h"

namespace el::embed {
namespace {

void put_varint(std::string& s, std::uint64_t v) {
  while (v >= 0x80) {
    s += static_cast<char>(v | 0x80);
    v >>= 7;
  }
  s += static_cast<char>(v);
}

void put32(std::string& s, std::uint32_t v) {
  char b[4];
  std::memcpy(b, &v, 4);
  s.append(b, 4);
}

// A block of (key, value) entries, each key stored whole (shared = 0) but
// the second sharing its prefix with the first when `share` is set.
std::string block_contents(const std::vector<std::pair<std::string, std::string>>& kv, bool share) {
  std::string b, prev;
  for (const auto& [k, v] : kv) {
    std::size_t shared = 0;
    if (share)
      while (shared < prev.size() && shared < k.size() && prev[shared] == k[shared]) ++shared;
    put_varint(b, shared);
    put_varint(b, k.size() - shared);
    put_varint(b, v.size());
    b += k.substr(shared);
    b += v;
    prev = k;
  }
  put32(b, 0);  // restart offset 0
  put32(b, 1);  // one restart point
  return b;
}

// Appends a block with its trailer; returns its handle (offset, size).
std::pair<std::uint64_t, std::uint64_t> append_block(std::string& file, const std::string& contents,
                                                     char type = 0) {
  const std::uint64_t at = file.size();
  file += contents;
  file += type;
  std::string with_type = contents + type;
  put32(file,
        record::masked_crc32c({reinterpret_cast<const std::uint8_t*>(with_type.data()), with_type.size()}));
  return {at, contents.size()};
}

// An index file: header, then one entry per tensor, in one data block.
std::string make_index(const std::vector<std::pair<std::string, pb::BundleEntryProto>>& tensors,
                       char type = 0) {
  std::vector<std::pair<std::string, std::string>> kv;
  pb::BundleHeaderProto h;
  h.set_num_shards(1);
  kv.emplace_back("", h.SerializeAsString());
  for (const auto& [name, e] : tensors) kv.emplace_back(name, e.SerializeAsString());
  std::string file;
  const auto data = append_block(file, block_contents(kv, true), type);
  std::string handle;
  put_varint(handle, data.first);
  put_varint(handle, data.second);
  const auto index = append_block(file, block_contents({{"~", handle}}, false));
  std::string footer;
  put_varint(footer, 0);  // metaindex handle (not read)
  put_varint(footer, 0);
  put_varint(footer, index.first);
  put_varint(footer, index.second);
  footer.resize(40, '\0');
  const std::uint64_t magic = 0xdb4775248b80fb57ull;
  footer.append(reinterpret_cast<const char*>(&magic), 8);
  return file + footer;
}

pb::BundleEntryProto entry(int dtype, std::vector<std::int64_t> shape, std::uint64_t offset,
                           std::string_view data) {
  pb::BundleEntryProto e;
  e.set_dtype(static_cast<pb::DataType>(dtype));
  for (auto d : shape) e.mutable_shape()->add_dim()->set_size(d);
  e.set_offset(static_cast<std::int64_t>(offset));
  e.set_size(static_cast<std::int64_t>(data.size()));
  e.set_crc32c(record::masked_crc32c({reinterpret_cast<const std::uint8_t*>(data.data()), data.size()}));
  return e;
}

TEST(TensorBundle, AHandBuiltIndexWithSharedKeyPrefixes) {
  const float a[] = {1, 2, 3, 4, 5, 6};
  const double b[] = {0.5, -0.25};
  const std::string a_bytes(reinterpret_cast<const char*>(a), sizeof a),
      b_bytes(reinterpret_cast<const char*>(b), sizeof b);
  const std::string index = make_index({{"emb/a", entry(1, {3, 2}, 0, a_bytes)},
                                        {"emb/a/Adam", entry(1, {3, 2}, 24, a_bytes)},
                                        {"emb/b", entry(2, {1, 2}, 48, b_bytes)},
                                        {"step", entry(9, {}, 64, std::string(8, '\0'))}});
  BundleIndex idx;
  std::string error;
  ASSERT_TRUE(parse_bundle_index(index, idx, error)) << error;
  EXPECT_EQ(idx.num_shards, 1);
  ASSERT_EQ(idx.entries.size(), 4u);
  EXPECT_EQ(idx.entries[1].name, "emb/a/Adam") << "keys rebuilt from their shared prefix";
  const BundleEntry* ea = idx.find("emb/a");
  ASSERT_NE(ea, nullptr);
  EXPECT_EQ(ea->shape, (std::vector<std::int64_t>{3, 2}));
  EXPECT_TRUE(is_embedding_candidate(*ea));
  EXPECT_FALSE(is_embedding_candidate(idx.entries[1])) << "an Adam slot";
  EXPECT_TRUE(is_embedding_candidate(idx.entries[2])) << "float64 counts";
  EXPECT_FALSE(is_embedding_candidate(idx.entries[3])) << "a scalar int64";

  Matrix m;
  ASSERT_TRUE(bundle_matrix(*ea, a_bytes, m, error)) << error;
  EXPECT_EQ(m.values, (std::vector<float>{1, 2, 3, 4, 5, 6}));
  ASSERT_TRUE(bundle_matrix(idx.entries[2], b_bytes, m, error)) << error;
  EXPECT_EQ(m.values, (std::vector<float>{0.5f, -0.25f}));
  std::string spoiled = a_bytes;
  spoiled[5] ^= 1;
  EXPECT_FALSE(bundle_matrix(*ea, spoiled, m, error));
  EXPECT_EQ(error, "'emb/a' fails its checksum (the data file is damaged or belongs to another checkpoint)");
  EXPECT_FALSE(bundle_matrix(*ea, a_bytes.substr(4), m, error));
  EXPECT_EQ(error, "'emb/a' has 20 bytes for a 3 x 2 tensor");
  EXPECT_EQ(bundle_shard_path("train/ck-19", 0, 1), "train/ck-19.data-00000-of-00001");
}

TEST(TensorBundle, DamageSnappyAndStrangersAreExplained) {
  const std::string good = make_index({{"x", entry(1, {1, 1}, 0, std::string(4, '\0'))}});
  BundleIndex idx;
  std::string error;
  std::string spoiled = good;
  spoiled[3] ^= 0x10;  // inside the data block
  EXPECT_FALSE(parse_bundle_index(spoiled, idx, error));
  EXPECT_EQ(error, "the block at offset 0 fails its checksum (the file is damaged)");
  const std::string snappy = make_index({{"x", entry(1, {1, 1}, 0, std::string(4, '\0'))}}, 1);
  EXPECT_FALSE(parse_bundle_index(snappy, idx, error));
  EXPECT_NE(error.find("Snappy"), std::string::npos) << error;
  EXPECT_FALSE(parse_bundle_index(good.substr(0, good.size() - 1), idx, error));
  EXPECT_EQ(error, "not a checkpoint index (no table magic at its end)");
  EXPECT_FALSE(parse_bundle_index("short", idx, error));
  EXPECT_EQ(error, "too short for a checkpoint index (5 bytes)");
}

TEST(TensorBundle, TheCorpusCheckpoints) {
  // Names and shapes as TensorFlow's own reader lists them (tests/tools/embedding_facts.py agrees).
  const auto tf1 =
      testing::read_file(testing::corpus_dir() + "/projector/tf1-saver-checkpoint/embed.ckpt-4.index");
  BundleIndex idx;
  std::string error;
  ASSERT_TRUE(parse_bundle_index({reinterpret_cast<const char*>(tf1.data()), tf1.size()}, idx, error))
      << error;
  ASSERT_EQ(idx.entries.size(), 3u);
  for (const char* name : {"embed0", "embed1", "embed2"}) {
    const BundleEntry* e = idx.find(name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ(e->shape, (std::vector<std::int64_t>{10000, 16}));
    EXPECT_EQ(e->size, 640000u);
  }
  const auto keras = testing::read_file(testing::corpus_dir() +
                                        "/keras-embedding-and-profile/train/keras_embedding.ckpt-19.index");
  ASSERT_TRUE(parse_bundle_index({reinterpret_cast<const char*>(keras.data()), keras.size()}, idx, error))
      << error;
  EXPECT_EQ(idx.entries.size(), 20u)
      << "the object graph, 7 variables and their 7 RMSprop slots, 5 optimizer values";
  std::vector<std::string> candidates;
  for (const BundleEntry& e : idx.entries)
    if (is_embedding_candidate(e)) candidates.push_back(e.name);
  EXPECT_EQ(candidates,
            (std::vector<std::string>{"layer_with_weights-0/embeddings/.ATTRIBUTES/VARIABLE_VALUE",
                                      "layer_with_weights-3/kernel/.ATTRIBUTES/VARIABLE_VALUE"}));
}

}  // namespace
}  // namespace el::embed
