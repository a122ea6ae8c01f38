// The digest tests/tools/event_facts.py prints for an hparams plugin record
// (tests/data/corpus_tags.tsv), made from the engine's plugin content.
#pragma once
#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "proto/plugins.pb.h"

namespace el::testing {

inline std::string testing_g17(double d) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", d);
  return buf;
}

inline std::string hparams_digest(const std::string& content) {
  pb::HParamsPluginData d;
  if (!d.ParseFromString(content)) return "unparseable";
  std::string out;
  if (d.has_experiment()) {
    out = "experiment hparams=";
    for (int i = 0; i < d.experiment().hparam_infos_size(); ++i)
      out += (i ? "," : "") + d.experiment().hparam_infos(i).name();
    out += " metrics=";
    for (int i = 0; i < d.experiment().metric_infos_size(); ++i) {
      const auto& m = d.experiment().metric_infos(i).name();
      out += (i ? "," : "") + m.group() + ":" + m.tag();
    }
  } else if (d.has_session_start_info()) {
    std::vector<std::pair<std::string, std::string>> kv;
    for (const auto& e : d.session_start_info().hparams()) {
      const auto& v = e.value();
      std::string text = v.has_number_value()   ? testing_g17(v.number_value())
                         : v.has_string_value() ? v.string_value()
                         : v.has_bool_value()   ? (v.bool_value() ? "true" : "false")
                                                : "null";
      kv.emplace_back(e.key(), text);
    }
    std::sort(kv.begin(), kv.end());
    out = "start ";
    for (std::size_t i = 0; i < kv.size(); ++i) out += (i ? "," : "") + kv[i].first + "=" + kv[i].second;
  } else if (d.has_session_end_info()) {
    out = "end status=" + std::to_string(d.session_end_info().status());
  }
  return out;
}

}  // namespace el::testing
