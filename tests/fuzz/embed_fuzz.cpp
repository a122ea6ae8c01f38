// libFuzzer target: arbitrary bytes as each file the projector reads (the
// first byte picks which): a projector config or `checkpoint` file (text
// format), tensors.tsv, metadata.tsv, raw float32, a checkpoint index whose
// tensors are then cut from the rest of the input, or one number (the fast
// float parser must equal float(strtod())). Each must fail with a reason or
// give a result whose sizes agree with each other.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "embed/float_parse.h"
#include "embed/projector_config.h"
#include "embed/tensor_bundle.h"
#include "embed/tsv.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  const std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  std::string error;
  switch (data[0] % 6) {
    case 0: {
      el::embed::ProjectorConfig c;
      if (!el::embed::parse_projector_config(bytes, c, error) && error.empty()) std::abort();
      std::string prefix;
      if (!el::embed::parse_checkpoint_state(bytes, prefix, error) && error.empty()) std::abort();
      break;
    }
    case 1: {
      el::embed::Matrix m;
      if (el::embed::parse_tensors_tsv(bytes, m, error)) {
        if (m.values.size() != m.rows * m.dims || m.rows == 0) std::abort();
      } else if (error.empty()) {
        std::abort();
      }
      break;
    }
    case 2: {
      const el::embed::MetadataTable t = el::embed::parse_metadata_tsv(bytes);
      for (const auto& row : t.rows)
        if (row.size() != t.columns.size()) std::abort();
      break;
    }
    case 3: {
      el::embed::Matrix m;
      const std::size_t dims = 1 + size % 7;
      if (el::embed::parse_tensor_bytes(bytes, bytes.size() / 4 / dims, dims, m, error) &&
          m.values.size() != m.rows * m.dims)
        std::abort();
      break;
    }
    case 5: {
      float fast = 0, slow = 0;
      const bool a = el::embed::parse_float32(bytes, fast), b = el::embed::parse_float32_strtod(bytes, slow);
      if (a != b || (a && !(fast == slow || (fast != fast && slow != slow)))) std::abort();
      // (+0 and -0 compare equal; their signs are checked by the unit tests.)
      break;
    }
    default: {
      // An index followed by nothing: the whole input is the index; its
      // tensors are read from the input too (offsets into it).
      el::embed::BundleIndex idx;
      if (!el::embed::parse_bundle_index(bytes, idx, error)) {
        if (error.empty()) std::abort();
        break;
      }
      for (const el::embed::BundleEntry& e : idx.entries) {
        if (e.offset > bytes.size() || e.size > bytes.size() - e.offset) continue;
        el::embed::Matrix m;
        if (el::embed::bundle_matrix(e, bytes.substr(e.offset, e.size), m, error)) {
          if (m.values.size() != m.rows * m.dims) std::abort();
        } else if (error.empty()) {
          std::abort();
        }
        (void)el::embed::is_embedding_candidate(e);
      }
    }
  }
  return 0;
}
