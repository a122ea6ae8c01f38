// A TensorFlow-1-style training graph for the demo and the graph benchmark:
// an input pipeline, `layers` residual layers under model/ (each a conv,
// batch norm and ReLU with its variables), a loss, the gradients mirroring
// the model, Adam updates, a saver and an init NoOp, with devices and
// `_output_shapes` as TensorFlow writes them: 23 nodes per layer, 25 more.
#pragma once
#include <string>

namespace el::cli {

std::string synthetic_graph_def(int layers);

}  // namespace el::cli
