#include "aggregate/custom_layout.h"

#include <algorithm>
#include <regex>

#include "proto/plugins.pb.h"

namespace el::aggregate {

CustomLayout merged_layout(const store::Store& store) {
  CustomLayout out;
  pb::Layout layout;
  for (const auto& [name, run] : store.runs()) {
    auto it = run.tags.find(kLayoutTag);
    if (it == run.tags.end() || it->second.kind != events::Kind::kCustomScalars) continue;
    const store::Series& s = it->second;
    const auto vis = store::visible_indices(s.steps);
    if (vis.empty() || vis.back() >= s.texts.size()) continue;
    if (!layout.ParseFromString(s.texts[vis.back()])) {
      out.problems.push_back("run '" + name + "': the custom scalars layout is not decodable");
      continue;
    }
    for (const pb::Category& c : layout.category()) {
      auto cat = std::find_if(out.categories.begin(), out.categories.end(),
                              [&](const LayoutCategory& x) { return x.title == c.title(); });
      if (cat == out.categories.end()) {
        cat = out.categories.insert(out.categories.end(), LayoutCategory{});
        cat->title = c.title();
        cat->closed = c.closed();
      }
      for (const pb::Chart& ch : c.chart()) {
        LayoutChart chart;
        chart.title = ch.title();
        if (ch.has_margin()) {
          chart.margin = true;
          for (const auto& m : ch.margin().series())
            chart.series.push_back({m.value(), m.lower(), m.upper()});
        } else {
          for (const std::string& t : ch.multiline().tag()) chart.tag_patterns.push_back(t);
        }
        if (std::find(cat->charts.begin(), cat->charts.end(), chart) == cat->charts.end())
          cat->charts.push_back(std::move(chart));
      }
    }
  }
  return out;
}

std::vector<std::string> matching_tags(const std::vector<std::string>& all, const LayoutChart& chart,
                                       std::vector<std::string>* bad) {
  std::vector<std::regex> res;
  for (const std::string& p : chart.tag_patterns) {
    try {
      res.emplace_back(p, std::regex::ECMAScript);
    } catch (const std::regex_error&) {
      if (bad) bad->push_back(p);
    }
  }
  std::vector<std::string> out;
  for (const std::string& tag : all)
    if (std::any_of(res.begin(), res.end(), [&](const std::regex& re) { return std::regex_search(tag, re); }))
      out.push_back(tag);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace el::aggregate
