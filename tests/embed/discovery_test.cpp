// embed/discovery: every corpus embedding found and loaded equal to the
// independent decoder (tests/tools/embedding_facts.py -> tests/data/
// embedding_facts.tsv: shape, sha256 of the float32 data, metadata), and
// what cannot be shown explained.
#include "embed/discovery.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "io/disk_files.h"
#include "store/sha256.h"
#include "support/test_files.h"

namespace el::embed {
namespace {

const Embedding* find(const Discovery& d, const std::string& name) {
  for (const Embedding& e : d.embeddings)
    if (e.name == name) return &e;
  return nullptr;
}

std::string problems_of(const Discovery& d) {
  std::string s;
  for (const auto& p : d.problems) s += p.path + ": " + p.problem + "\n";
  return s;
}

TEST(Discovery, EveryCorpusEmbeddingEqualsTheIndependentDecoder) {
  const auto facts = testing::read_tsv(testing::test_data_dir() + "/embedding_facts.tsv");
  ASSERT_EQ(facts.size(), 14u) << "rows of embedding_facts.tsv";
  std::string case_dir;
  Discovery d;
  std::unique_ptr<io::DiskFiles> files;
  for (const auto& f : facts) {
    ASSERT_EQ(f.size(), 7u);
    if (f[0] != case_dir) {
      case_dir = f[0];
      files = std::make_unique<io::DiskFiles>(testing::corpus_dir() + "/" + case_dir);
      ASSERT_EQ(files->error(), "");
      d = discover_embeddings(*files);
    }
    SCOPED_TRACE(case_dir + " " + f[1]);
    const Embedding* e = find(d, f[1]);
    ASSERT_NE(e, nullptr) << problems_of(d);
    Matrix m;
    std::string error, note;
    ASSERT_TRUE(load_points(*files, *e, m, error)) << error;
    EXPECT_EQ(std::to_string(m.rows), f[2]);
    EXPECT_EQ(std::to_string(m.dims), f[3]);
    EXPECT_EQ(store::sha256_hex({reinterpret_cast<const char*>(m.values.data()), m.values.size() * 4}), f[4]);
    MetadataTable meta;
    ASSERT_TRUE(load_metadata(*files, *e, m.rows, meta, note, error)) << error;
    const std::string columns = meta.has_header ? [&] {
      std::string s;
      for (const auto& c : meta.columns) s += (s.empty() ? "" : "|") + c;
      return s;
    }()
                                                : "-";
    EXPECT_EQ(columns, f[5]);
    EXPECT_EQ(e->metadata_path.empty() ? "-1" : std::to_string(meta.rows.size()), f[6]);
    EXPECT_EQ(note.empty(), f[6] == "-1" || f[6] == f[2]) << note;
  }
}

TEST(Discovery, TheMismatchedWordListIsANoteWithThePoints) {
  io::DiskFiles files(testing::corpus_dir() + "/projector/tf1-saver-checkpoint");
  const Discovery d = discover_embeddings(files);
  EXPECT_EQ(d.problems.size(), 0u) << problems_of(d);
  const Embedding* e = find(d, "embed1:0");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->source, TensorSource::kCheckpoint);
  EXPECT_EQ(e->run, ".");
  MetadataTable meta;
  std::string note, error;
  ASSERT_TRUE(load_metadata(files, *e, 10000, meta, note, error)) << error;
  EXPECT_EQ(
      note,
      "word.tsv has 88588 rows for 10000 points: labels are matched by position, the extra rows are ignored");
}

TEST(Discovery, KerasFindsItsCheckpointBelowTheConfig) {
  io::DiskFiles files(testing::corpus_dir() + "/keras-embedding-and-profile");
  const Discovery d = discover_embeddings(files);
  ASSERT_EQ(d.embeddings.size(), 1u) << problems_of(d);
  EXPECT_EQ(d.embeddings[0].checkpoint_prefix, "train/keras_embedding.ckpt-19");
  EXPECT_EQ(d.embeddings[0].entry.shape, (std::vector<std::int64_t>{2000, 128}));
}

class DiscoveryDir : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/eventlens-embed-" + std::to_string(::getpid()) + "-" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    std::filesystem::remove_all(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void write(const std::string& rel, const std::string& text) {
    std::filesystem::create_directories(std::filesystem::path(dir_ + "/" + rel).parent_path());
    std::ofstream(dir_ + "/" + rel, std::ios::binary) << text;
  }
  std::string dir_;
};

TEST_F(DiscoveryDir, StepFoldersNoConfigNamesAreStillOffered) {
  write("run1/00010/words/tensors.tsv", "1\t2\n3\t4\n");
  write("run1/00010/words/metadata.tsv", "a\nb\n");
  write("run1/00010/words/sprite.png", "not really");
  write("run1/notes/tensors.tsv", "1\n");  // not <step>/<tag>/
  io::DiskFiles files(dir_);
  const Discovery d = discover_embeddings(files);
  ASSERT_EQ(d.embeddings.size(), 1u);
  const Embedding& e = d.embeddings[0];
  EXPECT_EQ(e.run, "run1");
  EXPECT_EQ(e.name, "words:00010");
  EXPECT_EQ(e.step, 10);
  EXPECT_FALSE(e.named_by_config);
  EXPECT_EQ(e.metadata_path, "run1/00010/words/metadata.tsv");
  EXPECT_EQ(e.sprite.image_path, "run1/00010/words/sprite.png");
}

TEST_F(DiscoveryDir, WhatCannotBeShownIsAProblemAndTheRestStays) {
  write("projector_config.pbtxt", R"(embeddings { tensor_name: "gone" tensor_path: "00000/gone/tensors.tsv" }
embeddings { tensor_name: "ok" tensor_path: "00000/ok/tensors.tsv" }
embeddings { tensor_name: "in_ckpt:0" })");
  write("00000/ok/tensors.tsv", "1\t2\n");
  write("model.weights.h5", "HDF");
  write("broken/projector_config.pbtxt", "embeddings { tensor_name: ");
  io::DiskFiles files(dir_);
  const Discovery d = discover_embeddings(files);
  ASSERT_EQ(d.embeddings.size(), 1u);
  EXPECT_EQ(d.embeddings[0].name, "ok");
  EXPECT_EQ(d.embeddings[0].step, 0);
  EXPECT_EQ(
      problems_of(d),
      "broken/projector_config.pbtxt: cannot read this projector config: line 1: expected a value at the "
      "end\n"
      "model.weights.h5: a Keras 3 weights file (HDF5) is not read: EventLens reads TensorFlow checkpoints "
      "(.index + .data) and tensors.tsv\n"
      "projector_config.pbtxt: 'gone' names 00000/gone/tensors.tsv, which is not there\n"
      "projector_config.pbtxt: 'in_ckpt:0' is a checkpoint tensor, and no checkpoint was found (no "
      "model_checkpoint_path in the config, no `checkpoint` file beside it or below it)\n");
}

TEST_F(DiscoveryDir, ACheckpointTensorThatIsNotThereListsTheOnesThatAre) {
  const std::string base = testing::corpus_dir() + "/projector/tf1-saver-checkpoint/";
  for (const char* f : {"checkpoint", "embed.ckpt-4.index", "embed.ckpt-4.data-00000-of-00001"}) {
    const auto bytes = testing::read_file(base + f);
    write(f, std::string(bytes.begin(), bytes.end()));
  }
  write("projector_config.pbtxt", "embeddings { tensor_name: \"embed9:0\" }");
  io::DiskFiles files(dir_);
  const Discovery d = discover_embeddings(files);
  EXPECT_TRUE(d.embeddings.empty());
  EXPECT_EQ(problems_of(d),
            "projector_config.pbtxt: 'embed9:0' is not in the checkpoint embed.ckpt-4; it has: "
            "embed0, embed1, embed2\n");
  // A config naming nothing: every candidate.
  write("projector_config.pbtxt", "");
  io::DiskFiles again(dir_);
  const Discovery all = discover_embeddings(again);
  ASSERT_EQ(all.embeddings.size(), 3u) << problems_of(all);
  EXPECT_EQ(all.embeddings[2].name, "embed2");
}

}  // namespace
}  // namespace el::embed
