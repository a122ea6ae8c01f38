#include "graph/op_graph.h"

#include <algorithm>
#include <cstdio>
#include <limits>
#include <unordered_map>

#include "proto/graph.pb.h"
#include "store/json_value.h"

// [SECTION] index
//   shapes and attribute formatting
//   linking inputs
//   GraphDef, MetaGraphDef, RunMetadata
//   Keras model JSON
//   functions

namespace el::graph {

using store::json_summary;
using store::JsonValue;
using store::parse_json;

GraphSource source_for(std::string_view tag, std::string_view plugin_name) {
  if (tag == "__run_graph__") return GraphSource::kGraphDef;
  if (tag == "__meta_graph__") return GraphSource::kMetaGraphDef;
  if (plugin_name == "graph_keras_model") return GraphSource::kKerasJson;
  return GraphSource::kRunMetadata;  // tagged run metadata, graph_run_metadata(_graph)
}

const char* source_name(GraphSource s) {
  switch (s) {
    case GraphSource::kGraphDef: return "op graph";
    case GraphSource::kMetaGraphDef: return "meta graph";
    case GraphSource::kRunMetadata: return "run metadata";
    case GraphSource::kKerasJson: return "Keras model";
  }
  return "";
}

// [SECTION] shapes and attribute formatting ------------------------------------------------
std::int64_t Shape::elements() const {
  if (unknown_rank) return -1;
  for (std::int64_t d : dims)
    if (d < 0) return -1;
  if (std::find(dims.begin(), dims.end(), 0) != dims.end()) return 0;
  std::int64_t n = 1;
  for (std::int64_t d : dims) {
    // A hand-made or corrupt shape can claim more elements than int64 holds; say "as many as
    // can be counted" rather than wrap to a negative (unknown) or a small count.
    if (__builtin_mul_overflow(n, d, &n)) return std::numeric_limits<std::int64_t>::max();
  }
  return n;
}

std::string Shape::text() const {
  if (unknown_rank) return "<unknown>";
  std::string s = "[";
  for (std::size_t i = 0; i < dims.size(); ++i) {
    if (i) s += ", ";
    s += dims[i] < 0 ? std::string("?") : std::to_string(dims[i]);
  }
  s += ']';
  return s;
}

namespace {

const char* dtype_name(int t) {
  static const char* const kNames[] = {"invalid",    "float32", "float64",   "int32",   "uint8",   "int16",
                                       "int8",       "string",  "complex64", "int64",   "bool",    "qint8",
                                       "quint8",     "qint32",  "bfloat16",  "qint16",  "quint16", "uint16",
                                       "complex128", "float16", "resource",  "variant", "uint32",  "uint64"};
  if (t > 100) t -= 100;  // reference types (DT_FLOAT_REF = 101...)
  return t >= 0 && t < static_cast<int>(std::size(kNames)) ? kNames[t] : "unknown";
}

Shape shape_of(const pb::TensorShapeProto& p) {
  Shape s;
  s.unknown_rank = p.unknown_rank();
  for (const auto& d : p.dim()) s.dims.push_back(d.size());
  return s;
}

bool printable(const std::string& s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x20 || c == '\n'; });
}

std::string quoted(const std::string& s) {
  if (!printable(s)) return "<" + std::to_string(s.size()) + " bytes>";
  std::string out = "'";
  out += s.size() > 200 ? s.substr(0, 200) + "\xE2\x80\xA6" : s;
  out += '\'';
  return out;
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

std::string tensor_text(const pb::TensorProto& t) {
  std::string s = dtype_name(t.dtype());
  s += ' ';
  s += shape_of(t.tensor_shape()).text();
  // Small constants are worth seeing.
  if (t.float_val_size() == 1)
    s += " = " + number(t.float_val(0));
  else if (t.double_val_size() == 1)
    s += " = " + number(t.double_val(0));
  else if (t.int_val_size() == 1)
    s += " = " + std::to_string(t.int_val(0));
  else if (t.int64_val_size() == 1)
    s += " = " + std::to_string(t.int64_val(0));
  else if (t.bool_val_size() == 1)
    s += t.bool_val(0) ? " = true" : " = false";
  else if (t.string_val_size() == 1)
    s += " = " + quoted(t.string_val(0));
  return s;
}

template <class List, class F>
void join(std::string& out, const List& list, F f) {
  for (int i = 0; i < list.size(); ++i) {
    if (!out.empty() && out.back() != '[') out += ", ";
    out += f(list.Get(i));
  }
}

std::string attr_text(const pb::AttrValue& a) {
  switch (a.value_case()) {
    case pb::AttrValue::kS: return quoted(a.s());
    case pb::AttrValue::kI: return std::to_string(a.i());
    case pb::AttrValue::kF: return number(a.f());
    case pb::AttrValue::kB: return a.b() ? "true" : "false";
    case pb::AttrValue::kType: return dtype_name(a.type());
    case pb::AttrValue::kShape: return shape_of(a.shape()).text();
    case pb::AttrValue::kTensor: return tensor_text(a.tensor());
    case pb::AttrValue::kPlaceholder: return "$" + a.placeholder();
    case pb::AttrValue::kList: {
      const auto& l = a.list();
      std::string s = "[";
      join(s, l.s(), [](const std::string& x) { return quoted(x); });
      join(s, l.i(), [](std::int64_t x) { return std::to_string(x); });
      join(s, l.f(), [](float x) { return number(x); });
      join(s, l.b(), [](bool x) { return std::string(x ? "true" : "false"); });
      join(s, l.type(), [](int x) { return std::string(dtype_name(x)); });
      join(s, l.shape(), [](const pb::TensorShapeProto& x) { return shape_of(x).text(); });
      join(s, l.tensor(), [](const pb::TensorProto& x) { return tensor_text(x); });
      return s + "]";
    }
    default: return "";
  }
}

void fill_node(const pb::NodeDef& nd, OpNode& n) {
  n.name = nd.name();
  n.op = nd.op();
  n.device = nd.device();
  for (const auto& e : nd.attr()) {
    if (e.key() == "_output_shapes") {
      for (const auto& s : e.value().list().shape()) n.output_shapes.push_back(shape_of(s));
      continue;
    }
    n.attrs.push_back({e.key(), attr_text(e.value())});
  }
  std::sort(n.attrs.begin(), n.attrs.end(), [](const Attr& a, const Attr& b) { return a.key < b.key; });
}

}  // namespace

// [SECTION] linking inputs ------------------------------------------------------------------
void link_inputs(OpGraph& g, const std::vector<std::vector<std::string>>& input_names) {
  std::unordered_map<std::string_view, std::uint32_t> index;
  index.reserve(g.nodes.size());
  for (std::uint32_t i = 0; i < g.nodes.size(); ++i) index.emplace(g.nodes[i].name, i);
  g.data_edges = g.control_edges = g.dangling_inputs = 0;
  for (std::uint32_t i = 0; i < g.nodes.size() && i < input_names.size(); ++i) {
    OpNode& n = g.nodes[i];
    for (const std::string& raw : input_names[i]) {
      std::string_view name = raw;
      OpInput in;
      in.control = !name.empty() && name[0] == '^';
      if (in.control) name.remove_prefix(1);
      auto it = index.find(name);
      if (it == index.end()) {
        // "x:1" (output 1 of x) or, inside functions, "x:output_name:0".
        const std::size_t colon = name.find(':');
        if (colon != std::string_view::npos) {
          it = index.find(name.substr(0, colon));
          const std::size_t last = name.rfind(':');
          in.slot = static_cast<std::uint32_t>(
              std::strtoul(std::string(name.substr(last + 1)).c_str(), nullptr, 10));
        }
      }
      if (it == index.end()) {
        n.missing_inputs.push_back(raw);
        ++g.dangling_inputs;
        continue;
      }
      in.node = it->second;
      n.inputs.push_back(in);
      ++(in.control ? g.control_edges : g.data_edges);
    }
  }
  for (OpNode& n : g.nodes) n.outputs.clear();
  for (std::uint32_t i = 0; i < g.nodes.size(); ++i)
    for (const OpInput& in : g.nodes[i].inputs) g.nodes[in.node].outputs.push_back(i);
}

// [SECTION] GraphDef, MetaGraphDef, RunMetadata ----------------------------------------------
namespace {

// Appends the nodes of `gd` with `prefix` on every name (and input name).
void append_graph_def(const pb::GraphDef& gd, const std::string& prefix, OpGraph& g,
                      std::vector<std::vector<std::string>>& inputs) {
  for (const auto& nd : gd.node()) {
    g.nodes.emplace_back();
    fill_node(nd, g.nodes.back());
    g.nodes.back().name.insert(0, prefix);
    auto& ins = inputs.emplace_back();
    for (const auto& raw : nd.input()) {
      if (prefix.empty())
        ins.push_back(raw);
      else if (!raw.empty() && raw[0] == '^')
        ins.push_back("^" + prefix + raw.substr(1));
      else
        ins.push_back(prefix + raw);
    }
  }
}

bool list_functions(OpGraph& g, std::string& error) {
  if (g.library.empty()) return true;
  pb::FunctionDefLibrary lib;
  if (!lib.ParseFromString(g.library)) {
    error = "the function library does not parse";
    return false;
  }
  for (const auto& f : lib.function()) g.functions.push_back(f.signature().name());
  std::sort(g.functions.begin(), g.functions.end());
  return true;
}

bool from_graph_defs(const std::vector<const std::string*>& graphs, OpGraph& out, std::string& error) {
  std::vector<std::vector<std::string>> inputs;
  for (std::size_t i = 0; i < graphs.size(); ++i) {
    pb::GraphDef gd;
    if (!gd.ParseFromString(*graphs[i])) {
      error = "the GraphDef does not parse (not a TensorFlow graph, or damaged)";
      return false;
    }
    append_graph_def(gd, graphs.size() > 1 ? "graph_" + std::to_string(i) + "/" : std::string(), out, inputs);
    out.library += gd.library();  // concatenated messages merge their repeated fields
  }
  link_inputs(out, inputs);
  return list_functions(out, error);
}

}  // namespace

bool parse_graph(GraphSource source, std::string_view bytes, OpGraph& out, std::string& error) {
  out = OpGraph();
  error.clear();
  const std::string data(bytes);
  switch (source) {
    case GraphSource::kGraphDef: {
      if (!from_graph_defs({&data}, out, error)) return false;
      if (out.nodes.empty()) out.note = "The GraphDef has no nodes.";
      return true;
    }
    case GraphSource::kMetaGraphDef: {
      pb::MetaGraphDef m;
      if (!m.ParseFromString(data)) {
        error = "the MetaGraphDef does not parse";
        return false;
      }
      if (!from_graph_defs({&m.graph_def()}, out, error)) return false;
      if (out.nodes.empty()) out.note = "The MetaGraphDef holds no graph.";
      return true;
    }
    case GraphSource::kRunMetadata: {
      pb::RunMetadata rm;
      if (!rm.ParseFromString(data)) {
        error = "the RunMetadata does not parse";
        return false;
      }
      // Function graphs as written before optimization are what the user wrote;
      // partition graphs (placed, rewritten) only when there are none.
      std::vector<const std::string*> graphs;
      for (const auto& fg : rm.function_graphs())
        if (!fg.pre_optimization_graph().empty()) graphs.push_back(&fg.pre_optimization_graph());
      if (graphs.empty())
        for (const auto& p : rm.partition_graphs()) graphs.push_back(&p);
      if (!from_graph_defs(graphs, out, error)) return false;
      if (out.nodes.empty())
        out.note = "This run-metadata record holds no graph (only timing, or nothing was traced).";
      return true;
    }
    case GraphSource::kKerasJson: break;
  }
  // [SECTION] Keras model JSON
  JsonValue doc;
  if (!parse_json(bytes, doc, error)) {
    error = "the Keras model JSON does not parse: " + error;
    return false;
  }
  struct Walker {
    OpGraph& g;
    std::vector<std::vector<std::string>>& inputs;
    std::unordered_map<std::string, std::string> alias;  // nested model -> its last layer

    // Appends the model's layers under `scope`; returns the last layer's name.
    std::string model(const JsonValue& m, const std::string& scope, const std::vector<std::string>& feeds) {
      const JsonValue* config = m.get("config");
      const JsonValue* layers = config ? config->get("layers") : nullptr;
      if (!layers || !layers->is_array()) return {};
      const bool sequential = m.str("class_name") == "Sequential";
      std::string prev;
      for (const JsonValue& layer : layers->items) {
        const JsonValue* lc = layer.get("config");
        std::string name(layer.str("name"));
        if (name.empty() && lc) name = lc->str("name");
        const std::string full = scope.empty() ? name : scope + "/" + name;
        std::vector<std::string> ins;
        if (sequential) {
          if (!prev.empty()) ins.push_back(prev);
        } else if (const JsonValue* inbound = layer.get("inbound_nodes"); inbound && inbound->is_array()) {
          // [[["src", node_index, tensor_index, {kwargs}], ...], ...] (TF 2.x)
          for (const JsonValue& call : inbound->items)
            for (const JsonValue& conn : call.items)
              if (conn.is_array() && !conn.items.empty() && conn.items[0].type == JsonValue::Type::kString)
                ins.push_back(scope.empty() ? conn.items[0].text : scope + "/" + conn.items[0].text);
        }
        if (lc && lc->get("layers")) {  // a nested model: a name scope of its own
          const std::size_t first = g.nodes.size();
          const std::string last = model(layer, full, ins);
          // What feeds the nested model feeds those of its layers fed by nothing inside it.
          for (std::size_t i = first; i < g.nodes.size(); ++i) {
            auto& li = inputs[i];
            std::erase_if(li, [&](const std::string& x) { return x.rfind(full + "/", 0) != 0; });
            if (li.empty()) li = ins;
          }
          if (!last.empty()) {
            alias[full] = last;
            prev = last;
          }
          continue;
        }
        OpNode& n = g.nodes.emplace_back();
        n.name = full;
        n.op = std::string(layer.str("class_name"));
        if (lc)
          for (const auto& [k, v] : lc->members) {
            if (k == "name") continue;
            n.attrs.push_back({k, json_summary(v)});
            if (k == "batch_input_shape" && n.op == "InputLayer" && v.is_array()) {
              Shape s;
              // null (the batch) and anything not a size int64 can hold is unknown.
              for (const JsonValue& d : v.items)
                s.dims.push_back(d.type == JsonValue::Type::kNumber && d.number >= 0 && d.number < 9.2e18
                                     ? static_cast<std::int64_t>(d.number)
                                     : -1);
              n.output_shapes.push_back(s);
            }
          }
        std::sort(n.attrs.begin(), n.attrs.end(), [](const Attr& a, const Attr& b) { return a.key < b.key; });
        inputs.push_back(std::move(ins));
        prev = full;
      }
      (void)feeds;
      return prev;
    }
  };
  std::vector<std::vector<std::string>> inputs;
  Walker w{out, inputs, {}};
  if (!doc.get("config")) {
    error = "the Keras model JSON has no \"config\"";
    return false;
  }
  w.model(doc, "", {});
  for (auto& ins : inputs)
    for (std::string& x : ins)
      if (auto it = w.alias.find(x); it != w.alias.end()) x = it->second;
  link_inputs(out, inputs);
  if (out.nodes.empty()) out.note = "The Keras model has no layers.";
  return true;
}

// [SECTION] functions ----------------------------------------------------------------------
bool function_graph(const OpGraph& g, std::string_view name, OpGraph& out, std::string& error) {
  out = OpGraph();
  pb::FunctionDefLibrary lib;
  if (!lib.ParseFromString(g.library)) {
    error = "the function library does not parse";
    return false;
  }
  for (const auto& f : lib.function()) {
    if (f.signature().name() != name) continue;
    std::vector<std::vector<std::string>> inputs;
    for (const auto& arg : f.signature().input_arg()) {
      OpNode& n = out.nodes.emplace_back();
      n.name = arg.name();
      n.op = "_Arg";
      n.attrs.push_back({"T", dtype_name(arg.type())});
      inputs.emplace_back();
    }
    for (const auto& nd : f.node_def()) {
      OpNode& n = out.nodes.emplace_back();
      fill_node(nd, n);
      inputs.emplace_back(nd.input().begin(), nd.input().end());
    }
    for (const auto& arg : f.signature().output_arg()) {
      OpNode& n = out.nodes.emplace_back();
      n.name = arg.name();
      n.op = "_Retval";
      n.attrs.push_back({"T", dtype_name(arg.type())});
      auto& ins = inputs.emplace_back();
      for (const auto& r : f.ret())
        if (r.key() == arg.name()) ins.push_back(r.value());
    }
    link_inputs(out, inputs);
    out.library = g.library;  // functions call functions
    out.functions = g.functions;
    return true;
  }
  error = "no function named '" + std::string(name) + "' in the library";
  return false;
}

}  // namespace el::graph
