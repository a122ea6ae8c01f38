// The projector's TSV files: tensors.tsv (one point per line, tab-separated
// numbers) and metadata.tsv (one row per point; a header row exactly when the
// first line holds a tab, as TensorBoard decides).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace el::embed {

// Points as float32, row-major: rows x dims.
struct Matrix {
  std::size_t rows = 0, dims = 0;
  std::vector<float> values;
  const float* row(std::size_t i) const { return values.data() + i * dims; }
};

// Numbers are read as doubles and stored as float32 (TensorBoard's page does
// the same), so values equal TensorBoard's to the bit. Blank lines are
// skipped; "\r\n" line ends are fine. False with `error` naming the line (and
// column) of a ragged row or a value that is not a number.
[[nodiscard]] bool parse_tensors_tsv(std::string_view text, Matrix& out, std::string& error);

// Raw little-endian float32 (a tensor_path with tensor_shape [rows, dims]).
[[nodiscard]] bool parse_tensor_bytes(std::string_view bytes, std::size_t rows, std::size_t dims, Matrix& out,
                                      std::string& error);

struct MetadataTable {
  std::vector<std::string> columns;            // header names; one unnamed column: {"label"}
  std::vector<std::vector<std::string>> rows;  // cells per row (short rows are padded with "")
  bool has_header = false;
};

// Never fails: any text is some table.
MetadataTable parse_metadata_tsv(std::string_view text);

}  // namespace el::embed
