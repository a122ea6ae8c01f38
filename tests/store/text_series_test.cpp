// Text series keep every string of a record exactly, even strings that hold
// line breaks themselves, with the tensor's shape (tables are drawn from it).
#include <gtest/gtest.h>

#include "proto/event.pb.h"
#include "record/record_writer.h"
#include "store/store.h"

namespace el::store {
namespace {

TEST(TextSeries, StringsWithLineBreaksAndTheShapeSurvive) {
  pb::Event e;
  e.set_step(7);
  e.set_wall_time(1.5e9);
  auto* v = e.mutable_summary()->add_value();
  v->set_tag("notes");
  v->mutable_metadata()->mutable_plugin_data()->set_plugin_name("text");
  auto* t = v->mutable_tensor();
  t->set_dtype(pb::DT_STRING);
  t->mutable_tensor_shape()->add_dim()->set_size(2);
  t->mutable_tensor_shape()->add_dim()->set_size(2);
  for (const char* s : {"line one\nline two", "b", "", "| pipe |"}) t->add_string_val(s);
  std::string bytes, file;
  e.SerializeToString(&bytes);
  record::append_record(file, bytes);
  e.Clear();  // and a rank-0 markdown record
  e.set_step(8);
  v = e.mutable_summary()->add_value();
  v->set_tag("notes");
  v->mutable_tensor()->set_dtype(pb::DT_STRING);
  v->mutable_tensor()->add_string_val("# Title\n\ntext");
  e.SerializeToString(&bytes);
  record::append_record(file, bytes);

  Store store;
  const FileId id = store.add_file("run/events.out.tfevents.1.host", file.size());
  store.feed(id, {reinterpret_cast<const std::uint8_t*>(file.data()), file.size()});
  store.finish(id);
  const Series& s = store.runs().at("run").tags.at("notes");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s.text_ranks[0], 2);
  EXPECT_EQ(s.text_shapes[0], (std::vector<std::int64_t>{2, 2}));
  EXPECT_EQ(s.text_strings(0), (std::vector<std::string_view>{"line one\nline two", "b", "", "| pipe |"}));
  EXPECT_EQ(s.text_ranks[1], 0);
  EXPECT_EQ(s.text_strings(1), (std::vector<std::string_view>{"# Title\n\ntext"}));
}

}  // namespace
}  // namespace el::store
