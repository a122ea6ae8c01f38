// libFuzzer target: the input is one record's data. The harness frames it
// with valid CRCs, so mutations reach the Event/Summary/Tensor decoding and
// the store, not just the CRC check.
#include <cstdint>
#include <cstring>
#include <vector>

#include "events/fast_parser.h"
#include "export/export.h"
#include "proto/event.pb.h"
#include "record/crc32c.h"
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
  el::exporting::ExportOptions o;
  o.all_points = size % 2;
  (void)el::exporting::export_json(store, o);

  // Differential check: whatever the wire-level fast path accepts must mean
  // the same to protobuf's own parser (same tags and values, in order).
  el::events::FastEventParser fast;
  if (fast.parse({data, size})) {
    el::pb::Event e;
    if (!e.ParseFromArray(data, static_cast<int>(size))) __builtin_trap();
    const double wall = e.wall_time();
    if (e.step() != fast.step || std::memcmp(&wall, &fast.wall_time, 8) != 0) __builtin_trap();
    const int n = e.has_summary() ? e.summary().value_size() : 0;
    if (static_cast<std::size_t>(n) != fast.values.size()) __builtin_trap();
    for (int i = 0; i < n; ++i) {
      const auto& v = e.summary().value(i);
      const auto& f = fast.values[static_cast<std::size_t>(i)];
      const std::string& tag = v.tag().empty() ? v.node_name() : v.tag();
      if (tag != f.tag) __builtin_trap();
      using T = el::events::FastValue::Type;
      if (f.type == T::kSimpleValue &&
          (!v.has_simple_value() ||
           !(static_cast<double>(v.simple_value()) == f.value || f.value != f.value)))
        __builtin_trap();
      if (f.type == T::kHistogram) {
        const auto& h = fast.histograms[f.histogram];
        if (!v.has_histo() || h.limits_size != static_cast<std::uint32_t>(v.histo().bucket_limit_size()) ||
            h.counts_size != static_cast<std::uint32_t>(v.histo().bucket_size()))
          __builtin_trap();
      }
      if (f.type == T::kTensorScalar && !v.has_tensor()) __builtin_trap();
    }
  }
  return 0;
}
