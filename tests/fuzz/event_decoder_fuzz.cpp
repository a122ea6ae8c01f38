// libFuzzer target: the input is one record's data. The harness frames it
// with valid CRCs, so mutations reach the Event/Summary/Tensor decoding and
// the store, not just the CRC check.
#include <cstdint>
#include <cstring>
#include <vector>

#include "record/crc32c.h"
#include "store/export.h"
#include "store/store.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::uint8_t> rec(12 + size + 4);
  const std::uint64_t len = size;
  std::memcpy(rec.data(), &len, 8);
  const std::uint32_t lcrc = el::record::masked_crc32c({rec.data(), 8});
  std::memcpy(rec.data() + 8, &lcrc, 4);
  if (size) std::memcpy(rec.data() + 12, data, size);
  const std::uint32_t dcrc = el::record::masked_crc32c({data, size});
  std::memcpy(rec.data() + 12 + size, &dcrc, 4);

  el::store::Store store;
  auto id = store.add_file("run/events.out.tfevents.fuzz", rec.size());
  store.feed(id, rec);
  store.feed(id, rec);  // a second copy exercises "metadata only on the first value"
  store.finish(id);
  el::store::ExportOptions o;
  o.all_points = size % 2;
  (void)el::store::export_json(store, o);
  return 0;
}
