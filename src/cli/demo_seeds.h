// `eventlens demo OUT --seeds`: a sweep for run groups, 3 configs x 5 seeds
// (runs cfg_<c>/seed_<s>) logging "loss" and "accuracy" as PyTorch does
// (float32 simple_value). Seeds log at different intervals and stop at
// different steps, so the aggregate must interpolate and count members.
#pragma once
#include <filesystem>

namespace el::cli {

bool write_seeds(const std::filesystem::path& root);

// `eventlens demo OUT --group-bench`: the run groups benchmark's sweep, 10
// configs x 10 seeds (runs cfg_<cc>/seed_<s>), each logging 50 scalar tags
// (metric_00 .. metric_49) at every step 0 .. 9,999: 50,000,000 points.
bool write_group_bench(const std::filesystem::path& root);

// `eventlens demo OUT --many-runs`: the runs-first benchmark's logdir, 10,000
// runs trial_00000 .. trial_09999, each one small file of 100 steps of loss
// and accuracy (about 6 KB). A regex like trial_000[0-4] picks 50 of them.
bool write_many_runs(const std::filesystem::path& root);

}  // namespace el::cli
