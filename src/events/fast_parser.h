// The hot path: most records of a training log are an Event holding a few
// scalar or histogram values. FastEventParser reads exactly those straight
// from the wire format into reused buffers, without building protobuf
// messages, so ingesting them allocates nothing once the buffers are warm.
// Anything else (metadata, images, graphs, unusual encodings) makes parse()
// return false and the record goes to the full protobuf parser instead.
#pragma once
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace el::events {

struct FastValue {
  enum class Type : std::uint8_t {
    kSimpleValue,   // legacy simple_value
    kHistogram,     // legacy HistogramProto (see FastHistogram)
    kTensorScalar,  // a one-element float/double tensor without metadata
  };
  std::string_view tag;  // points into the record
  Type type;
  double value = 0;
  std::uint32_t histogram = 0;  // index into histograms
};

struct FastHistogram {
  double min = 0, max = 0;
  std::uint32_t limits_begin = 0, limits_size = 0;  // in pool
  std::uint32_t counts_begin = 0, counts_size = 0;
};

class FastEventParser {
 public:
  // True if the record is fully understood (values filled in, possibly none:
  // file_version events). False: use the full parser; nothing here is valid.
  [[nodiscard]] bool parse(std::span<const std::uint8_t> record);

  double wall_time = 0;
  std::int64_t step = 0;
  std::vector<FastValue> values;
  std::vector<FastHistogram> histograms;
  std::vector<double> pool;  // histogram limits and counts

 private:
  bool parse_summary(const std::uint8_t* p, const std::uint8_t* end);
  bool parse_value(const std::uint8_t* p, const std::uint8_t* end);
  bool parse_histogram(const std::uint8_t* p, const std::uint8_t* end, FastHistogram& h);
  bool parse_tensor(const std::uint8_t* p, const std::uint8_t* end, double& value);
};

}  // namespace el::events
