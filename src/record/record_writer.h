// TFRecord framing for writers (the demo logdir, tests): the inverse of
// RecordReader.
#pragma once
#include <string>
#include <string_view>

namespace el::record {

// Appends `data` to `out` as one record: u64le length, masked CRC-32C of the
// length, the data, masked CRC-32C of the data.
void append_record(std::string& out, std::string_view data);

}  // namespace el::record
