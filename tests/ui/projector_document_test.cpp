// ui/projector_document: colours by a metadata column (categories counted
// with `sort | uniq -c` on the corpus file), search, fitting, and bookmark
// files in TensorBoard's format.
#include "ui/projector_document.h"

#include <gtest/gtest.h>

#include "support/test_files.h"
#include "ui/palette.h"

namespace el::ui {
namespace {

embed::MetadataTable corpus_metadata(const std::string& rel) {
  const auto bytes = testing::read_file(testing::corpus_dir() + "/" + rel);
  return embed::parse_metadata_tsv(std::string(bytes.begin(), bytes.end()));
}

TEST(ProjectorColours, TheTensorboardXLabelsAreTenCategoriesMostFrequentFirst) {
  const auto m = corpus_metadata("projector/tensorboardx-appended/00001/default/metadata.tsv");
  const PointColours c = colour_by_column(m, 0, 256);
  ASSERT_EQ(c.kind, PointColours::Kind::kCategorical);
  // sort metadata.tsv | uniq -c | sort -rn (ties in order of first appearance).
  const std::vector<std::pair<std::string, std::size_t>> want = {
      {"tensor(8)", 35}, {"tensor(7)", 31}, {"tensor(2)", 31}, {"tensor(5)", 29}, {"tensor(1)", 27},
      {"tensor(9)", 26}, {"tensor(4)", 22}, {"tensor(3)", 20}, {"tensor(6)", 18}, {"tensor(0)", 17}};
  ASSERT_EQ(c.legend.size(), want.size());
  for (std::size_t k = 0; k < want.size(); ++k) {
    EXPECT_EQ(c.legend[k].value, want[k].first);
    EXPECT_EQ(c.legend[k].count, want[k].second);
    EXPECT_EQ(c.legend[k].rgb, palette_color(static_cast<int>(k)));
  }
  // Every point has its label's colour: the first line is tensor(7).
  EXPECT_EQ(c.rgb[0], palette_color(1));
}

TEST(ProjectorColours, ManyNumbersAreAGradientAndManyWordsAreNotColoured) {
  embed::MetadataTable m;
  m.columns = {"value", "word"};
  for (int i = 0; i < 60; ++i) {
    std::string word = "w";
    word += std::to_string(i);
    m.rows.push_back({std::to_string(i * 2), word});
  }
  PointColours g = colour_by_column(m, 0, 60);
  ASSERT_EQ(g.kind, PointColours::Kind::kGradient);
  EXPECT_EQ(g.low, 0);
  EXPECT_EQ(g.high, 118);
  EXPECT_EQ(g.rgb[0], gradient_rgb(0));
  EXPECT_EQ(g.rgb[59], gradient_rgb(1));
  EXPECT_EQ(g.rgb[0], 0x3b1c8cu);
  EXPECT_EQ(g.rgb[59], 0xfde725u);
  PointColours w = colour_by_column(m, 1, 60);
  EXPECT_EQ(w.kind, PointColours::Kind::kUniform);
  EXPECT_EQ(w.note, "60 distinct values: too many to colour by (at most 50, or numbers)");
  EXPECT_EQ(colour_by_column(m, -1, 60).rgb[5], kUniformPointRgb);
}

TEST(ProjectorSearch, SubstringsIgnoreCaseAndRegexesAreChecked) {
  const auto m = corpus_metadata("projector/tensorboardx-appended/00001/default/metadata.tsv");
  std::vector<std::uint32_t> out;
  std::string error;
  ASSERT_TRUE(search_points(m, 0, 256, "TENSOR(3", false, out, error));
  EXPECT_EQ(out.size(), 20u);  // grep -c 'tensor(3)'
  ASSERT_TRUE(search_points(m, 0, 256, "^tensor\\([03]\\)$", true, out, error));
  EXPECT_EQ(out.size(), 37u);  // 20 + 17
  EXPECT_FALSE(search_points(m, 0, 256, "tensor(", true, out, error));
  EXPECT_EQ(error, "not a valid regular expression");
  ASSERT_TRUE(search_points(m, 0, 256, "", false, out, error));
  EXPECT_TRUE(out.empty());
  // Without a column, points are found by index.
  ASSERT_TRUE(search_points(m, -1, 256, "#25", false, out, error));
  EXPECT_EQ(out, (std::vector<std::uint32_t>{25, 250, 251, 252, 253, 254, 255}));
}

TEST(ProjectorPositions, FittingCentresAndScalesAllAxesAlike) {
  // x spans 2..6 (half 2), y spans -1..0 (half 0.5): one scale of 1/2.
  const std::vector<float> xy = {2, -1, 6, 0, 4, -0.5f};
  const std::vector<float> p = fit_positions(xy, 2);
  EXPECT_EQ(p, (std::vector<float>{-1, -0.25f, 0, 1, 0.25f, 0, 0, 0, 0}));
}

TEST(ProjectorBookmarks, OurFileReadsBackAndTensorBoardsStatesAreRead) {
  std::vector<Bookmark> in(2);
  in[0].label = "two groups";
  in[0].pca_components = {0, 2, 1};
  in[0].selected = {3, 1};
  in[0].colour_by = "label";
  in[1].projection = "custom";
  in[1].pca_components = {0, 1};
  in[1].custom_x_left = "man";
  in[1].custom_x_right = "woman";
  in[1].custom_regex = true;
  const std::string json = write_bookmarks(in, {{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, {}}, 4);
  EXPECT_NE(json.find("\"projections\":[{\"pca-0\":1,\"pca-2\":2,\"pca-1\":3},"), std::string::npos) << json;
  std::vector<Bookmark> out;
  std::string error;
  ASSERT_TRUE(parse_bookmarks(json, 4, out, error)) << error;
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].label, "two groups");
  EXPECT_EQ(out[0].pca_components, (std::vector<int>{0, 2, 1}));
  EXPECT_EQ(out[0].selected, (std::vector<std::uint32_t>{3, 1}));
  EXPECT_EQ(out[0].colour_by, "label");
  EXPECT_EQ(out[1].projection, "custom");
  EXPECT_EQ(out[1].custom_x_right, "woman");
  EXPECT_TRUE(out[1].custom_regex);
  // A state as TensorBoard saves it (t-SNE is shown as PCA here); points beyond the data are dropped.
  ASSERT_TRUE(parse_bookmarks(R"([{"label":"tsne view","isSelected":true,"selectedProjection":"tsne",
      "tSNEIteration":300,"pcaComponentDimensions":[0,1,2],"selectedPoints":[7,9000],
      "selectedColorOptionName":"digit","projections":[]}])",
                              100, out, error));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].projection, "pca");
  EXPECT_EQ(out[0].selected, (std::vector<std::uint32_t>{7}));
  EXPECT_EQ(out[0].colour_by, "digit");
  EXPECT_FALSE(parse_bookmarks("{\"not\": ", 10, out, error));
  EXPECT_NE(error.find("not a bookmark file"), std::string::npos);
  EXPECT_FALSE(parse_bookmarks("[1, 2]", 10, out, error));
}

}  // namespace
}  // namespace el::ui
