// The op graph as the graph dashboard sees it, whatever wrote it: a flat list
// of nodes (name, op, device, formatted attributes, output shapes) with their
// inputs resolved to node indices. Built from a GraphDef (TF1, PyTorch JIT,
// tensorboardX, Lightning), a MetaGraphDef's graph, the graphs of a
// RunMetadata, a Keras model's JSON (layers as nodes, nested models as name
// scopes), or one function of a GraphDef's function library.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace el::graph {

inline constexpr std::uint32_t kNone = 0xffffffffu;

// What the bytes of a graph record are.
enum class GraphSource : std::uint8_t { kGraphDef, kMetaGraphDef, kRunMetadata, kKerasJson };
// The source of a graph tag: "__run_graph__", "__meta_graph__", or by plugin.
GraphSource source_for(std::string_view tag, std::string_view plugin_name);
const char* source_name(GraphSource s);

struct Attr {
  std::string key, value;  // value formatted for people ("float32", "[3, 3, 1, 32]", "'SAME'")
};

// A tensor shape from `_output_shapes` (or a Keras layer's output shape).
struct Shape {
  std::vector<std::int64_t> dims;  // -1: unknown size
  bool unknown_rank = false;
  // Number of elements, or -1 when a size is unknown; INT64_MAX when the product overflows.
  std::int64_t elements() const;
  std::string text() const;  // "[?, 28, 28, 1]", "<unknown>", "[]" for a scalar
};

struct OpInput {
  std::uint32_t node = kNone;  // index into OpGraph::nodes
  std::uint32_t slot = 0;      // which output of that node
  bool control = false;        // "^name": ordering only, no tensor
};

struct OpNode {
  std::string name, op, device;
  std::vector<OpInput> inputs;              // those whose source is in the graph
  std::vector<std::string> missing_inputs;  // referenced but not in the graph
  std::vector<Attr> attrs;                  // sorted by key, `_output_shapes` left out
  std::vector<Shape> output_shapes;         // may be empty (not recorded)
  std::vector<std::uint32_t> outputs;       // nodes that read this one (with repeats)
};

struct OpGraph {
  std::vector<OpNode> nodes;
  std::size_t data_edges = 0, control_edges = 0, dangling_inputs = 0;
  std::vector<std::string> functions;  // the function library's names, sorted
  std::string library;                 // serialized FunctionDefLibrary (for function_graph)
  std::string note;                    // why the graph is empty, when it is
};

// Decodes `bytes` as `source`. False with `error` (what is wrong, for the
// user) if they do not parse; an empty but valid graph is true with a note.
[[nodiscard]] bool parse_graph(GraphSource source, std::string_view bytes, OpGraph& out, std::string& error);
// The function `name` of `g`'s library as a graph: its arguments as "_Arg"
// nodes, its body, its results as "_Retval" nodes.
[[nodiscard]] bool function_graph(const OpGraph& g, std::string_view name, OpGraph& out, std::string& error);

// Resolves names to indices and fills inputs, outputs and the edge counts.
// Parsers (and tests building graphs by hand) call it once nodes are named;
// `input_names[i]` are node i's raw inputs ("x", "x:1", "^x", "x:out:0").
void link_inputs(OpGraph& g, const std::vector<std::vector<std::string>>& input_names);

}  // namespace el::graph
