#include "embed/tsv.h"

#include <cstring>

#include "embed/float_parse.h"

namespace el::embed {
namespace {

// The next line of `text` from `pos` without its "\n" or "\r\n".
std::string_view next_line(std::string_view text, std::size_t& pos) {
  const std::size_t nl = text.find('\n', pos);
  std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
  pos = nl == std::string_view::npos ? text.size() : nl + 1;
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

bool blank(std::string_view line) {
  for (char c : line)
    if (c != ' ' && c != '\t') return false;
  return true;
}

}  // namespace

bool parse_tensors_tsv(std::string_view text, Matrix& out, std::string& error) {
  out = {};
  std::size_t pos = 0, line_no = 0;
  while (pos < text.size()) {
    const std::string_view line = next_line(text, pos);
    ++line_no;
    if (blank(line)) continue;
    std::size_t column = 0, start = 0;
    for (;;) {
      const std::size_t tab = line.find('\t', start);
      const std::string_view field =
          line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start);
      float v = 0;
      if (!parse_float32(field, v)) {
        error = "line " + std::to_string(line_no) + ", column " + std::to_string(column + 1) + ": '" +
                std::string(field.substr(0, 40)) + "' is not a number";
        return false;
      }
      out.values.push_back(v);
      ++column;
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (out.rows == 0) {
      out.dims = column;
      // Room for the rest, guessed from the first line's length: growing a
      // 100 MB vector by doubling would copy it several times.
      out.values.reserve(text.size() / (line.size() + 1) * column * 9 / 8 + column);
    } else if (column != out.dims) {
      error = "line " + std::to_string(line_no) + " has " + std::to_string(column) +
              " values, the lines before it " + std::to_string(out.dims);
      return false;
    }
    ++out.rows;
  }
  if (out.rows == 0) {
    error = "no points in it";
    return false;
  }
  return true;
}

bool parse_tensor_bytes(std::string_view bytes, std::size_t rows, std::size_t dims, Matrix& out,
                        std::string& error) {
  out = {};
  if (rows == 0 || dims == 0 || bytes.size() / 4 / dims < rows || bytes.size() != rows * dims * 4) {
    error = std::to_string(bytes.size()) + " bytes are not " + std::to_string(rows) + " x " +
            std::to_string(dims) + " float32 values";
    return false;
  }
  out.rows = rows;
  out.dims = dims;
  out.values.resize(rows * dims);
  // Little-endian, as written: wasm and x86-64 are little-endian too.
  std::memcpy(out.values.data(), bytes.data(), bytes.size());
  return true;
}

MetadataTable parse_metadata_tsv(std::string_view text) {
  MetadataTable t;
  std::size_t pos = 0;
  bool first = true;
  // Line by line up to the last "\n": a final newline ends the last row, it starts none.
  while (pos < text.size()) {
    const std::string_view line = next_line(text, pos);
    std::vector<std::string> cells;
    std::size_t start = 0;
    for (;;) {
      const std::size_t tab = line.find('\t', start);
      cells.emplace_back(
          line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (first) {
      first = false;
      t.has_header = cells.size() > 1;
      if (t.has_header) {
        t.columns = std::move(cells);
        continue;
      }
      t.columns = {"label"};
    }
    cells.resize(t.columns.size());
    t.rows.push_back(std::move(cells));
  }
  if (t.columns.empty()) t.columns = {"label"};
  return t;
}

}  // namespace el::embed
