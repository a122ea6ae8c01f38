// `eventlens demo OUT --seeds`: a sweep for run groups, 3 configs x 5 seeds
// (runs cfg_<c>/seed_<s>) logging "loss" and "accuracy" as PyTorch does
// (float32 simple_value). Seeds log at different intervals and stop at
// different steps, so the aggregate must interpolate and count members.
#pragma once
#include <filesystem>

namespace el::cli {

bool write_seeds(const std::filesystem::path& root);

}  // namespace el::cli
