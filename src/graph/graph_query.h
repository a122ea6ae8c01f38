// Questions the graph dashboard asks of a decoded graph: which ops match a
// search, what feeds an op (for "Trace inputs"), and which device each item
// mostly runs on (for colouring by device). Plain C++ over the model.
#pragma once
#include <cstdint>
#include <regex>
#include <string>
#include <vector>

#include "graph/hierarchy.h"
#include "graph/op_graph.h"

namespace el::graph {

// Ops whose name or op type matches `re` (search semantics), in node order,
// at most `limit` of them; `total` gets how many match in all.
std::vector<std::uint32_t> search_ops(const OpGraph& g, const std::regex& re, std::size_t limit,
                                      std::size_t& total);

// Every op that the `seeds` depend on, directly or not (data and control
// inputs), and the seeds themselves: a flag per op.
std::vector<std::uint8_t> upstream_ops(const OpGraph& g, const std::vector<std::uint32_t>& seeds);
// The ops beneath item `id` (itself, for an op item).
std::vector<std::uint32_t> ops_under(const Hierarchy& h, std::uint32_t id);

// Items holding at least one flagged op (the op items and all their ancestors).
std::vector<std::uint8_t> items_holding(const Hierarchy& h, const std::vector<std::uint8_t>& op_flags);

struct DeviceColours {
  std::vector<std::string> devices;        // distinct devices, sorted ("" stands for unplaced ops)
  std::vector<std::uint32_t> item_device;  // per item: index of the device most of its ops use
  std::vector<std::uint32_t> item_count;   // per item: how many of its ops use that device
};
DeviceColours device_colours(const OpGraph& g, const Hierarchy& h);

}  // namespace el::graph
