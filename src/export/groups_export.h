// `eventlens export --group REGEX [--reduce mean,std,...]`: every scalar tag's
// aggregate over each group of runs (aggregate/run_groups), as JSON
//   {"groups":[{"group","runs":[...],"tag","interpolated","points":[{"step","n","mean",...}]}]}
// or CSV (group,tag,step,n,<reductions>). The restart rule always applies
// (a member's steps must increase).
#pragma once
#include <regex>
#include <span>
#include <string>
#include <vector>

#include "aggregate/run_groups.h"
#include "export/export.h"

namespace el::exporting {

struct GroupOptions {
  std::regex group;
  // Which reductions to write, in this order: mean, std, sem, min, max, median.
  std::vector<std::string> reduce{"mean", "std", "min", "max", "median"};
};

// One group's aggregate of one tag, to write.
struct GroupTagAggregate {
  const aggregate::RunGroup* group;
  std::string tag;
  const aggregate::GroupAggregate* aggregate;
};
std::string write_groups_json(std::span<const GroupTagAggregate> all, const std::vector<std::string>& reduce);
std::string write_groups_csv(std::span<const GroupTagAggregate> all, const std::vector<std::string>& reduce);

// The known reduction names ("mean", "std", "sem", "min", "max", "median").
bool is_reduction(const std::string& name);
std::string export_groups_json(const Store& store, const ExportOptions& o, const GroupOptions& g);
std::string export_groups_csv(const Store& store, const ExportOptions& o, const GroupOptions& g);

}  // namespace el::exporting
