// Event records framed as a summary writer writes them, for tests that feed a
// store: one scalar of one tag at one step; one hparams plugin value.
#pragma once
#include <cstdint>
#include <string>

#include "proto/event.pb.h"
#include "proto/plugins.pb.h"
#include "record/record_writer.h"

namespace el::testing {

inline std::string scalar_record(const std::string& tag, std::int64_t step, float value, double wall_time) {
  pb::Event e;
  e.set_step(step);
  e.set_wall_time(wall_time);
  auto* v = e.mutable_summary()->add_value();
  v->set_tag(tag);
  v->set_simple_value(value);
  std::string out;
  record::append_record(out, e.SerializeAsString());
  return out;
}

// A value of `tag` carrying hparams plugin data (as its metadata, with no
// tensor), at wall time 100, as TensorBoard's hparams summaries write it.
inline std::string hparams_record(const std::string& tag, const pb::HParamsPluginData& data) {
  pb::Event e;
  e.set_wall_time(100);
  auto* v = e.mutable_summary()->add_value();
  v->set_tag(tag);
  v->mutable_metadata()->mutable_plugin_data()->set_plugin_name("hparams");
  v->mutable_metadata()->mutable_plugin_data()->set_content(data.SerializeAsString());
  std::string out;
  record::append_record(out, e.SerializeAsString());
  return out;
}

}  // namespace el::testing
