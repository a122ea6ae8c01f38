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
// Each is a session of a sweep: trial r has lr {0.1, 0.03, 0.01, 0.003,
// 0.001}[r % 5], batch_size 32 << ((r / 5) % 4), optimizer adam or lamb
// ((r / 20) % 2), and seed r / 40 (session_start_info first, session_end_info
// "success" last).
bool write_many_runs(const std::filesystem::path& root);

}  // namespace el::cli
