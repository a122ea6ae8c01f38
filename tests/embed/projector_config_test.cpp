// embed/projector_config: configs as PyTorch, tensorboardX, TF1 and tf.keras write them.
#include "embed/projector_config.h"

#include <gtest/gtest.h>

#include "support/test_files.h"

namespace el::embed {
namespace {

std::string corpus_text(const std::string& rel) {
  const auto bytes = testing::read_file(testing::corpus_dir() + "/" + rel);
  return {bytes.begin(), bytes.end()};
}

TEST(ProjectorConfig, TensorboardXAppendedEntriesCollapseToTheLastOfEachName) {
  // The corpus file: 14 entries appended over two runs, 7 distinct names (independently: grep).
  const std::string text = corpus_text("projector/tensorboardx-appended/projector_config.pbtxt");
  ProjectorConfig c;
  std::string error;
  ASSERT_TRUE(parse_projector_config(text, c, error)) << error;
  ASSERT_EQ(c.embeddings.size(), 7u);
  EXPECT_EQ(c.repeated_entries, 7u);
  EXPECT_EQ(c.embeddings[0].tensor_name, "default:00001");
  EXPECT_EQ(c.embeddings[6].tensor_name, "default:00007");
  EXPECT_EQ(c.embeddings[2].tensor_path, "00003/default/tensors.tsv");
  EXPECT_EQ(c.embeddings[2].metadata_path, "00003/default/metadata.tsv");
  EXPECT_EQ(c.embeddings[2].sprite.image_path, "00003/default/sprite.png");
  EXPECT_EQ(c.embeddings[2].sprite.tile_width, 28u);
  EXPECT_EQ(c.embeddings[2].sprite.tile_height, 28u);
}

TEST(ProjectorConfig, DefaultsAndTheCheckpointFile) {
  ProjectorConfig c;
  std::string error;
  ASSERT_TRUE(parse_projector_config(R"(model_checkpoint_dir: "ck"
embeddings { tensor_path: "a/b/vectors.bin" tensor_shape: 100 tensor_shape: 8 bookmarks_path: "bm.json" })",
                                     c, error))
      << error;
  ASSERT_EQ(c.embeddings.size(), 1u);
  EXPECT_EQ(c.model_checkpoint_dir, "ck");
  EXPECT_EQ(c.embeddings[0].tensor_name, "vectors.bin") << "the name defaults to the file's";
  EXPECT_EQ(c.embeddings[0].tensor_shape, (std::vector<std::uint32_t>{100, 8}));
  EXPECT_EQ(c.embeddings[0].bookmarks_path, "bm.json");
  EXPECT_FALSE(parse_projector_config("embeddings: 3", c, error));
  EXPECT_EQ(error, "'embeddings' is not a message");

  std::string prefix;
  ASSERT_TRUE(
      parse_checkpoint_state(corpus_text("projector/tf1-saver-checkpoint/checkpoint"), prefix, error));
  EXPECT_EQ(prefix, "embed.ckpt-4");
  EXPECT_FALSE(parse_checkpoint_state("all_model_checkpoint_paths: \"x\"", prefix, error));
  EXPECT_EQ(error, "it names no model_checkpoint_path");
}

}  // namespace
}  // namespace el::embed
