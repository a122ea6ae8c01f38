// app/embedding_loader: the Projector's files read the way the page reads
// them (answers arrive later, in any order), embeddings found and loaded equal
// to the independent decoder's facts, progress, sprites and failures.
#include "app/embedding_loader.h"

#include <gtest/gtest.h>

#include <deque>
#include <filesystem>
#include <set>

#include "io/disk_files.h"
#include "store/sha256.h"
#include "support/test_files.h"

namespace el::app {
namespace {

// Reads from a corpus folder, answering only when told (as the page's JS does).
class LaterIo final : public FileReadIo {
 public:
  explicit LaterIo(const std::string& root) : disk(root) {}
  void read_file(std::uint64_t ticket, const std::string& path, std::uint64_t offset, std::uint64_t size,
                 bool whole) override {
    asked.push_back({ticket, path, offset, size, whole});
    ++reads;
  }
  // Answers every read asked so far, newest first (order must not matter).
  void answer_all(EmbeddingLoader& loader) {
    while (!asked.empty()) {
      Read r = asked.back();
      asked.pop_back();
      std::string bytes, error;
      const bool ok =
          r.whole ? disk.read(r.path, bytes, error) : disk.read_range(r.path, r.offset, r.size, bytes, error);
      if (fail_path == r.path) {
        loader.arrived(r.ticket, {}, "the file went away");
      } else {
        loader.arrived(r.ticket, ok ? bytes : std::string(), ok ? "" : error);
      }
    }
  }
  struct Read {
    std::uint64_t ticket;
    std::string path;
    std::uint64_t offset, size;
    bool whole;
  };
  io::DiskFiles disk;
  std::deque<Read> asked;
  std::size_t reads = 0;
  std::string fail_path;
};

class FakeTextures final : public TextureStore {
 public:
  std::uint32_t upload(std::uint32_t name, std::uint32_t width, std::uint32_t height,
                       const std::uint8_t*) override {
    if (!name) name = next++;
    live.insert(name);
    size = {width, height};
    return name;
  }
  void destroy(const std::vector<std::uint32_t>& names) override {
    for (auto n : names) EXPECT_EQ(live.erase(n), 1u);
  }
  std::set<std::uint32_t> live;
  std::uint32_t next = 1;
  std::pair<std::uint32_t, std::uint32_t> size;
};

void announce(EmbeddingLoader& loader, const io::DiskFiles& disk, const std::string& root) {
  for (const std::string& p : disk.paths()) loader.add_file(p, std::filesystem::file_size(root + "/" + p));
}

// Runs update() and answers reads until nothing is asked.
void settle(EmbeddingLoader& loader, LaterIo& io) {
  for (int i = 0; i < 50; ++i) {
    loader.update();
    if (io.asked.empty()) return;
    io.answer_all(loader);
  }
  FAIL() << "reads never stopped";
}

TEST(EmbeddingLoader, FindsAndLoadsTheAppendedTensorboardXEmbeddingsThroughLateAnswers) {
  const std::string root = testing::corpus_dir() + "/projector/tensorboardx-appended";
  LaterIo io(root);
  FakeTextures textures;
  EmbeddingLoader loader(io, textures);
  announce(loader, io.disk, root);
  EXPECT_TRUE(loader.discovering());
  loader.update();
  EXPECT_TRUE(loader.discovering()) << "the config has not been read yet";
  ASSERT_EQ(io.asked.size(), 1u);
  EXPECT_EQ(io.asked.front().path, "projector_config.pbtxt");
  settle(loader, io);
  EXPECT_FALSE(loader.discovering());
  ASSERT_EQ(loader.discovery().embeddings.size(), 7u);  // tests/data/embedding_facts.tsv
  EXPECT_EQ(loader.discovery().problems.size(), 0u);

  const std::string key = ui::embedding_key(loader.discovery().embeddings[0]);
  const ui::LoadedEmbedding* e = &loader.load(key);
  EXPECT_EQ(e->state, ui::EmbeddingState::kLoading);
  EXPECT_EQ(e->reading, "00001/default/tensors.tsv");
  EXPECT_GT(e->bytes_to_read, 0u);
  settle(loader, io);
  e = &loader.load(key);
  ASSERT_EQ(e->state, ui::EmbeddingState::kReady) << e->error;
  EXPECT_EQ(e->points.rows, 256u);
  EXPECT_EQ(e->points.dims, 11u);
  EXPECT_EQ(store::sha256_hex(
                {reinterpret_cast<const char*>(e->points.values.data()), e->points.values.size() * 4}),
            "b68d0f58ab5410647f99655204d72f9ddd8e38f3e81d9e12a9c1026ab190fc4d");
  EXPECT_EQ(e->metadata.rows.size(), 256u);
  EXPECT_EQ(e->bytes_read, e->bytes_to_read);
  // The sprite sheet: a texture, cut into one tile per point.
  EXPECT_NE(e->sprite_texture, 0u);
  EXPECT_EQ(textures.live.size(), 1u);
  EXPECT_EQ(e->sprite_grid.columns * e->sprite_grid.rows >= 256u, true);
  EXPECT_EQ(e->note, "");
  // The large files are not kept once parsed; the config is.
  EXPECT_LT(loader.cache().bytes_held(), 4096u);

  // Another one replaces it (and its texture).
  const std::uint64_t generation = e->generation;
  const std::string key2 = ui::embedding_key(loader.discovery().embeddings[1]);
  loader.load(key2);
  settle(loader, io);
  e = &loader.load(key2);
  EXPECT_EQ(e->state, ui::EmbeddingState::kReady);
  EXPECT_NE(e->generation, generation);
  EXPECT_EQ(textures.live.size(), 1u);
}

TEST(EmbeddingLoader, ACheckpointIsReadAsOneRangeOfItsDataFile) {
  const std::string root = testing::corpus_dir() + "/projector/tf1-saver-checkpoint";
  LaterIo io(root);
  FakeTextures textures;
  EmbeddingLoader loader(io, textures);
  announce(loader, io.disk, root);
  settle(loader, io);
  ASSERT_EQ(loader.discovery().embeddings.size(), 3u);
  const embed::Embedding& emb = loader.discovery().embeddings[1];
  EXPECT_EQ(emb.name, "embed1:0");
  io.reads = 0;
  loader.load(ui::embedding_key(emb));
  loader.update();
  ASSERT_FALSE(io.asked.empty());
  EXPECT_FALSE(io.asked.front().whole);
  EXPECT_EQ(io.asked.front().size, 10000u * 16 * 4);  // 10000 x 16 float32
  settle(loader, io);
  const ui::LoadedEmbedding& e = loader.load(ui::embedding_key(emb));
  ASSERT_EQ(e.state, ui::EmbeddingState::kReady) << e.error;
  EXPECT_EQ(e.points.rows, 10000u);
  EXPECT_EQ(
      store::sha256_hex({reinterpret_cast<const char*>(e.points.values.data()), e.points.values.size() * 4}),
      [] {
        for (const auto& f : testing::read_tsv(testing::test_data_dir() + "/embedding_facts.tsv"))
          if (f[0] == "projector/tf1-saver-checkpoint" && f[1] == "embed1:0") return f[4];
        return std::string("missing");
      }());
  // word.tsv has 88588 rows for 10000 points: shown, and said.
  EXPECT_NE(e.note.find("88588"), std::string::npos) << e.note;
}

TEST(EmbeddingLoader, AFileThatCannotBeReadIsAnErrorNamingIt) {
  const std::string root = testing::corpus_dir() + "/projector/pytorch-sprite";
  LaterIo io(root);
  FakeTextures textures;
  EmbeddingLoader loader(io, textures);
  announce(loader, io.disk, root);
  settle(loader, io);
  ASSERT_EQ(loader.discovery().embeddings.size(), 1u);
  io.fail_path = "00000/default/tensors.tsv";
  const std::string key = ui::embedding_key(loader.discovery().embeddings[0]);
  loader.load(key);
  settle(loader, io);
  const ui::LoadedEmbedding& e = loader.load(key);
  EXPECT_EQ(e.state, ui::EmbeddingState::kError);
  EXPECT_NE(e.error.find("the file went away"), std::string::npos) << e.error;
  EXPECT_FALSE(loader.busy());
}

TEST(EmbeddingLoader, ClearingForgetsEverythingAndIgnoresLateAnswers) {
  const std::string root = testing::corpus_dir() + "/projector/pytorch-sprite";
  LaterIo io(root);
  FakeTextures textures;
  EmbeddingLoader loader(io, textures);
  announce(loader, io.disk, root);
  loader.update();
  ASSERT_FALSE(io.asked.empty());
  loader.clear();
  io.answer_all(loader);  // late: ignored
  loader.update();
  EXPECT_EQ(loader.files(), 0u);
  EXPECT_TRUE(loader.discovery().embeddings.empty());
  EXPECT_FALSE(loader.busy());
}

}  // namespace
}  // namespace el::app
