#include "cli/synthetic_graph.h"

#include <initializer_list>
#include <vector>

#include "proto/graph.pb.h"

namespace el::cli {
namespace {

class GraphWriter {
 public:
  pb::NodeDef* node(const std::string& name, const char* op, std::initializer_list<std::string> inputs,
                    std::initializer_list<std::int64_t> shape, const char* device) {
    auto* n = g_.add_node();
    n->set_name(name);
    n->set_op(op);
    n->set_device(device);
    for (const std::string& in : inputs) n->add_input(in);
    auto* t = n->add_attr();
    t->set_key("T");
    t->mutable_value()->set_type(pb::DT_FLOAT);
    if (shape.size() || std::string(op) != "NoOp") {
      auto* s = n->add_attr();
      s->set_key("_output_shapes");
      auto* dims = s->mutable_value()->mutable_list()->add_shape();
      for (std::int64_t d : shape) dims->add_dim()->set_size(d);
    }
    return n;
  }
  // A variable with its read, initial value and assignment, as tf.Variable makes them.
  std::string variable(const std::string& name, std::initializer_list<std::int64_t> shape) {
    node(name, "VariableV2", {}, shape, kGpu);
    node(name + "/Initializer/zeros", "Const", {}, shape, kGpu);
    node(name + "/Assign", "Assign", {name, name + "/Initializer/zeros"}, shape, kGpu);
    node(name + "/read", "Identity", {name}, shape, kGpu);
    vars_.push_back(name);
    return name + "/read";
  }
  pb::GraphDef& graph() { return g_; }
  const std::vector<std::string>& variables() const { return vars_; }
  static constexpr const char* kGpu = "/job:worker/replica:0/task:0/device:GPU:0";
  static constexpr const char* kCpu = "/job:worker/replica:0/task:0/device:CPU:0";

 private:
  pb::GraphDef g_;
  std::vector<std::string> vars_;
};

}  // namespace

std::string synthetic_graph_def(int layers) {
  GraphWriter w;
  const char* gpu = GraphWriter::kGpu;
  const char* cpu = GraphWriter::kCpu;
  w.node("input/filenames", "Const", {}, {4}, cpu);
  w.node("input/TFRecordDataset", "TFRecordDataset", {"input/filenames"}, {}, cpu);
  w.node("input/IteratorGetNext", "IteratorGetNext", {"input/TFRecordDataset"}, {32, 32, 32, 16}, cpu);
  w.node("input/labels", "IteratorGetNext", {"input/TFRecordDataset"}, {32}, cpu);
  std::string x = "input/IteratorGetNext";
  std::string skip = x;
  std::vector<std::string> outs;
  for (int i = 0; i < layers; ++i) {
    const std::string s = "model/layer_" + std::to_string(i) + "/";
    const std::string k = w.variable(s + "conv/kernel", {3, 3, 16, 16});
    w.node(s + "conv/Conv2D", "Conv2D", {x, k}, {32, 32, 32, 16}, gpu);
    const std::string gamma = w.variable(s + "bn/gamma", {16});
    const std::string beta = w.variable(s + "bn/beta", {16});
    w.node(s + "bn/FusedBatchNorm", "FusedBatchNorm", {s + "conv/Conv2D", gamma, beta}, {32, 32, 32, 16},
           gpu);
    w.node(s + "add", "AddV2", {s + "bn/FusedBatchNorm", skip}, {32, 32, 32, 16}, gpu);
    w.node(s + "Relu", "Relu", {s + "add"}, {32, 32, 32, 16}, gpu);
    skip = x;
    x = s + "Relu";
    outs.push_back(x);
  }
  w.node("model/flatten/Reshape", "Reshape", {x}, {32, 16384}, gpu);
  const std::string dense = w.variable("model/logits/kernel", {16384, 10});
  w.node("model/logits/MatMul", "MatMul", {"model/flatten/Reshape", dense}, {32, 10}, gpu);
  w.node("loss/SparseSoftmaxCrossEntropy", "SparseSoftmaxCrossEntropyWithLogits",
         {"model/logits/MatMul", "input/labels"}, {32}, gpu);
  w.node("loss/Const", "Const", {}, {1}, gpu);
  w.node("loss/Mean", "Mean", {"loss/SparseSoftmaxCrossEntropy", "loss/Const"}, {}, gpu);
  // Gradients run the model backwards.
  std::string g = "gradients/loss/Mean_grad/Tile";
  w.node("gradients/Shape", "Const", {}, {0}, gpu);
  w.node("gradients/grad_ys_0", "Fill", {"gradients/Shape"}, {}, gpu);
  w.node(g, "Tile", {"gradients/grad_ys_0", "loss/Mean"}, {32}, gpu);
  w.node("gradients/model/logits/MatMul_grad/MatMul", "MatMul", {g, dense}, {32, 16384}, gpu);
  g = "gradients/model/logits/MatMul_grad/MatMul";
  std::vector<std::string> grads;
  for (int i = layers - 1; i >= 0; --i) {
    const std::string s = "model/layer_" + std::to_string(i) + "/";
    const std::string gs = "gradients/" + s;
    w.node(gs + "Relu_grad/ReluGrad", "ReluGrad", {g, s + "Relu"}, {32, 32, 32, 16}, gpu);
    w.node(gs + "bn/FusedBatchNorm_grad/FusedBatchNormGrad", "FusedBatchNormGrad",
           {gs + "Relu_grad/ReluGrad", s + "conv/Conv2D", s + "bn/gamma/read"}, {32, 32, 32, 16}, gpu);
    w.node(gs + "conv/Conv2D_grad/Conv2DBackpropInput", "Conv2DBackpropInput",
           {gs + "bn/FusedBatchNorm_grad/FusedBatchNormGrad", s + "conv/kernel/read"}, {32, 32, 32, 16}, gpu);
    w.node(gs + "conv/Conv2D_grad/Conv2DBackpropFilter", "Conv2DBackpropFilter",
           {gs + "bn/FusedBatchNorm_grad/FusedBatchNormGrad", i ? outs[i - 1] : "input/IteratorGetNext"},
           {3, 3, 16, 16}, gpu);
    grads.push_back(gs + "conv/Conv2D_grad/Conv2DBackpropFilter");
    g = gs + "conv/Conv2D_grad/Conv2DBackpropInput";
  }
  // Adam: one update per variable, and the step counter.
  w.node("train/learning_rate", "Const", {}, {}, gpu);
  w.node("train/beta1_power", "VariableV2", {}, {}, gpu);
  std::vector<std::string> updates;
  for (std::size_t v = 0; v < w.variables().size(); ++v) {
    const std::string& var = w.variables()[v];
    const std::string u = "train/update_" + var + "/ApplyAdam";
    w.node(u, "ApplyAdam", {var, "train/beta1_power", "train/learning_rate", v < grads.size() ? grads[v] : g},
           {}, gpu);
    updates.push_back(u);
  }
  auto* step = w.node("train/Adam", "NoOp", {}, {}, gpu);
  for (const std::string& u : updates) step->add_input("^" + u);
  // The saver and the initializer.
  w.node("save/Const", "Const", {}, {}, cpu);
  w.node("save/SaveV2/tensor_names", "Const", {}, {static_cast<std::int64_t>(w.variables().size())}, cpu);
  auto* save = w.node("save/SaveV2", "SaveV2", {"save/Const", "save/SaveV2/tensor_names"}, {}, cpu);
  for (const std::string& var : w.variables()) save->add_input(var);
  auto* init = w.node("init", "NoOp", {}, {}, gpu);
  for (const std::string& var : w.variables()) init->add_input("^" + var + "/Assign");
  // A function library, as tf.function graphs carry: the model's activation.
  pb::FunctionDefLibrary lib;
  auto* f = lib.add_function();
  f->mutable_signature()->set_name("scaled_relu");
  auto* arg = f->mutable_signature()->add_input_arg();
  arg->set_name("x");
  arg->set_type(pb::DT_FLOAT);
  auto* res = f->mutable_signature()->add_output_arg();
  res->set_name("y");
  res->set_type(pb::DT_FLOAT);
  auto body = [&](const char* name, const char* op, std::initializer_list<const char*> inputs) {
    auto* n = f->add_node_def();
    n->set_name(name);
    n->set_op(op);
    for (const char* in : inputs) n->add_input(in);
  };
  body("scale", "Const", {});
  body("relu", "Relu", {"x"});
  body("mul", "Mul", {"relu:activations:0", "scale:output:0"});
  auto* ret = f->add_ret();
  ret->set_key("y");
  ret->set_value("mul:z:0");
  w.graph().set_library(lib.SerializeAsString());
  w.graph().mutable_versions()->set_producer(134);
  return w.graph().SerializeAsString();
}

}  // namespace el::cli
