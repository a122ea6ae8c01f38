// Helpers shared by the engine tests: where the corpus is, and reading files.
#pragma once
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace el::testing {

// The shared corpus: $EVENTLENS_CORPUS, else the path fixed at configure time
// (support/test_paths.cpp).
std::string corpus_dir();
// tests/data in the source tree.
std::string test_data_dir();
// The corpus's top folders (one per source: pytorch-small, realworld...), sorted.
std::vector<std::string> corpus_roots();

inline std::vector<std::uint8_t> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Rows of a tab-separated file with a header line; each row split into fields.
inline std::vector<std::vector<std::string>> read_tsv(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::vector<std::string> fields;
    std::stringstream ss(line);
    std::string f;
    while (std::getline(ss, f, '\t')) fields.push_back(f);
    rows.push_back(std::move(fields));
  }
  return rows;
}

}  // namespace el::testing
