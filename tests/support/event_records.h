// Event records framed as a summary writer writes them, for tests that feed a
// store: one scalar of one tag at one step.
#pragma once
#include <cstdint>
#include <string>

#include "proto/event.pb.h"
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

}  // namespace el::testing
