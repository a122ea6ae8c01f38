// The eventlens subcommands. Each returns the process exit code:
// 0 fine, 1 data problems found, 2 usage or I/O error.
#pragma once
#include <string>
#include <vector>

namespace el::cli {

int cmd_check(const std::vector<std::string>& args);
int cmd_info(const std::vector<std::string>& args);
int cmd_export(const std::vector<std::string>& args);
int cmd_demo(const std::vector<std::string>& args);
int cmd_bench(const std::vector<std::string>& args);
int cmd_bench_histograms(const std::vector<std::string>& args);
int cmd_bench_profile(const std::vector<std::string>& args);
int cmd_bench_graph(const std::vector<std::string>& args);
int cmd_bench_embedding(const std::vector<std::string>& args);
int cmd_bench_tsne(const std::vector<std::string>& args);
int cmd_bench_knn(const std::vector<std::string>& args);
int cmd_bench_umap(const std::vector<std::string>& args);
int cmd_publish(const std::vector<std::string>& args);
int cmd_project(const std::vector<std::string>& args);

}  // namespace el::cli
