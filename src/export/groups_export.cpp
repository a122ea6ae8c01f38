#include "export/groups_export.h"

#include <set>

#include "aggregate/run_groups.h"
#include "store/csv_writer.h"
#include "store/json_writer.h"

namespace el::exporting {
namespace {

struct TagAggregate {
  const aggregate::RunGroup* group;
  std::string tag;
  aggregate::GroupAggregate agg;
};

double reduction(const aggregate::GroupPoint& p, const std::string& name) {
  if (name == "mean") return p.mean;
  if (name == "std") return p.std;
  if (name == "sem") return p.sem;
  if (name == "min") return p.min;
  if (name == "max") return p.max;
  return p.median;
}

// Every (group, scalar tag) with its aggregate: groups in the order of their
// first run (runs sorted by name), tags by name.
std::vector<TagAggregate> compute(const Store& store, const ExportOptions& o, const GroupOptions& g,
                                  std::vector<aggregate::RunGroup>& groups) {
  std::vector<std::string> runs;
  for (const auto& [name, run] : store.runs())
    if (std::regex_search(name, o.run_filter)) runs.push_back(name);
  groups = aggregate::group_runs(runs, g.group);
  std::vector<TagAggregate> out;
  for (const aggregate::RunGroup& group : groups) {
    std::set<std::string> tags;
    for (const std::string& r : group.runs)
      for (const auto& [tag, s] : store.runs().at(r).tags)
        if (s.kind == events::Kind::kScalars && std::regex_search(tag, o.tag_filter)) tags.insert(tag);
    for (const std::string& tag : tags) {
      std::vector<std::vector<double>> steps;
      std::vector<std::vector<double>> values;
      for (const std::string& r : group.runs) {
        const auto& run_tags = store.runs().at(r).tags;
        auto it = run_tags.find(tag);
        if (it == run_tags.end() || it->second.kind != events::Kind::kScalars) continue;
        const store::Series& s = it->second;
        auto& st = steps.emplace_back();
        auto& va = values.emplace_back();
        for (std::uint32_t i : store::visible_indices(s.steps)) {
          st.push_back(static_cast<double>(s.steps[i]));
          va.push_back(s.values[i]);
        }
      }
      std::vector<aggregate::MemberPoints> members;
      for (std::size_t k = 0; k < steps.size(); ++k) members.push_back({steps[k], values[k]});
      out.push_back({&group, tag, aggregate::aggregate_members(members)});
    }
  }
  return out;
}

}  // namespace

bool is_reduction(const std::string& name) {
  return name == "mean" || name == "std" || name == "sem" || name == "min" || name == "max" ||
         name == "median";
}

std::string write_groups_json(std::span<const GroupTagAggregate> all,
                              const std::vector<std::string>& reduce) {
  store::JsonWriter j;
  j.begin_object().key("groups").begin_array();
  for (const GroupTagAggregate& t : all) {
    j.begin_object().key("group").value(t.group->name).key("runs").begin_array();
    for (const std::string& r : t.group->runs) j.value(r);
    j.end_array().key("tag").value(t.tag).key("interpolated").value(t.aggregate->interpolated);
    j.key("points").begin_array();
    for (const aggregate::GroupPoint& p : t.aggregate->points) {
      j.begin_object().key("step").value(p.step).key("n").value(p.n);
      for (const std::string& r : reduce) j.key(r).value(reduction(p, r));
      j.end_object();
    }
    j.end_array().end_object();
  }
  j.end_array().end_object();
  return j.take();
}

std::string write_groups_csv(std::span<const GroupTagAggregate> all, const std::vector<std::string>& reduce) {
  std::string out = "group,tag,step,n";
  for (const std::string& r : reduce) out += "," + r;
  out += '\n';
  for (const GroupTagAggregate& t : all)
    for (const aggregate::GroupPoint& p : t.aggregate->points) {
      store::append_csv_field(out, t.group->name);
      out += ',';
      store::append_csv_field(out, t.tag);
      out += ',' + std::to_string(p.step) + ',' + std::to_string(p.n);
      for (const std::string& r : reduce) {
        out += ',';
        store::append_csv_number(out, reduction(p, r));
      }
      out += '\n';
    }
  return out;
}

std::vector<GroupTagAggregate> refs(const std::vector<TagAggregate>& all) {
  std::vector<GroupTagAggregate> out;
  for (const TagAggregate& t : all) out.push_back({t.group, t.tag, &t.agg});
  return out;
}

std::string export_groups_json(const Store& store, const ExportOptions& o, const GroupOptions& g) {
  std::vector<aggregate::RunGroup> groups;
  const std::vector<TagAggregate> all = compute(store, o, g, groups);
  return write_groups_json(refs(all), g.reduce);
}

std::string export_groups_csv(const Store& store, const ExportOptions& o, const GroupOptions& g) {
  std::vector<aggregate::RunGroup> groups;
  const std::vector<TagAggregate> all = compute(store, o, g, groups);
  return write_groups_csv(refs(all), g.reduce);
}

}  // namespace el::exporting
