// The custom scalars layout of the corpus's PyTorch run (decoded by hand from
// the bytes: category "Losses" with a multiline chart "train vs val" over
// loss_cmp.* and loss, and a margin chart "loss with band" (value loss, lower
// accuracy, upper grad_norm); category "Optim" with "learning rate" over lr),
// and which scalar tags its patterns select.
#include "aggregate/custom_layout.h"

#include <gtest/gtest.h>

#include <set>

#include "io/loader.h"
#include "proto/event.pb.h"
#include "proto/plugins.pb.h"
#include "record/record_writer.h"
#include "support/test_files.h"

namespace el::aggregate {
namespace {

TEST(CustomLayout, CorpusLayoutIsDecodedAndItsPatternsSearchTags) {
  store::Store store;
  ASSERT_TRUE(io::load_paths({testing::corpus_dir() + "/pytorch-small/train"}, store, nullptr));
  const CustomLayout layout = merged_layout(store);
  EXPECT_TRUE(layout.problems.empty());
  ASSERT_EQ(layout.categories.size(), 2u);
  const LayoutCategory& losses = layout.categories[0];
  EXPECT_EQ(losses.title, "Losses");
  EXPECT_FALSE(losses.closed);
  ASSERT_EQ(losses.charts.size(), 2u);
  EXPECT_EQ(losses.charts[0].title, "train vs val");
  EXPECT_FALSE(losses.charts[0].margin);
  EXPECT_EQ(losses.charts[0].tag_patterns, (std::vector<std::string>{"loss_cmp.*", "loss"}));
  EXPECT_EQ(losses.charts[1].title, "loss with band");
  ASSERT_TRUE(losses.charts[1].margin);
  ASSERT_EQ(losses.charts[1].series.size(), 1u);
  EXPECT_EQ(losses.charts[1].series[0], (MarginSeries{"loss", "accuracy", "grad_norm"}));
  EXPECT_EQ(layout.categories[1].title, "Optim");
  ASSERT_EQ(layout.categories[1].charts.size(), 1u);
  EXPECT_EQ(layout.categories[1].charts[0].tag_patterns, (std::vector<std::string>{"lr"}));

  std::set<std::string> tags;
  for (const auto& [name, run] : store.runs())
    for (const auto& [tag, s] : run.tags)
      if (s.kind == events::Kind::kScalars) tags.insert(tag);
  const std::vector<std::string> all(tags.begin(), tags.end());
  // "loss" is searched, not anchored: ema_loss matches too, as in TensorBoard.
  EXPECT_EQ(matching_tags(all, losses.charts[0]),
            (std::vector<std::string>{"loss", "loss_cmp", "precise/ema_loss"}));
  LayoutChart broken;
  broken.tag_patterns = {"(", "^lr$"};
  std::vector<std::string> bad;
  EXPECT_EQ(matching_tags(all, broken, &bad), (std::vector<std::string>{"lr"}));
  EXPECT_EQ(bad, (std::vector<std::string>{"("}));
}

TEST(CustomLayout, CategoriesWithOneTitleMergeAcrossRuns) {
  store::Store store;
  for (const char* run : {"a", "b"}) {
    pb::Layout layout;
    auto* cat = layout.add_category();
    cat->set_title("Shared");
    cat->set_closed(true);
    auto* chart = cat->add_chart();
    chart->set_title(run[0] == 'a' ? "same" : "only b");
    chart->mutable_multiline()->add_tag(std::string("x_tag"));
    if (run[0] == 'b') {  // b repeats a's chart after its own
      auto* again = cat->add_chart();
      again->set_title("same");
      again->mutable_multiline()->add_tag(std::string("x_tag"));
    }
    pb::Event e;
    auto* v = e.mutable_summary()->add_value();
    v->set_tag("custom_scalars__config__");
    v->mutable_metadata()->mutable_plugin_data()->set_plugin_name("custom_scalars");
    v->mutable_tensor()->set_dtype(pb::DT_STRING);
    v->mutable_tensor()->add_string_val(layout.SerializeAsString());
    std::string file;
    record::append_record(file, e.SerializeAsString());
    const store::FileId id = store.add_file(std::string(run) + "/events.out.tfevents.1.h", file.size());
    store.feed(id, {reinterpret_cast<const std::uint8_t*>(file.data()), file.size()});
    store.finish(id);
  }
  const CustomLayout layout = merged_layout(store);
  ASSERT_EQ(layout.categories.size(), 1u);
  EXPECT_TRUE(layout.categories[0].closed);
  ASSERT_EQ(layout.categories[0].charts.size(), 2u);  // "same" once, then "only b"
  EXPECT_EQ(layout.categories[0].charts[0].title, "same");
  EXPECT_EQ(layout.categories[0].charts[1].title, "only b");
}

}  // namespace
}  // namespace el::aggregate
