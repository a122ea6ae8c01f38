// Counts heap allocations of the CLI process (global operator new is replaced
// in alloc_counter.cpp), so `eventlens bench` can show that ingesting a scalar
// record allocates nothing.
#pragma once
#include <cstdint>

namespace el::cli {
std::uint64_t allocations_so_far();
}  // namespace el::cli
