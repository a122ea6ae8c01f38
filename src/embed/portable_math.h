// Arithmetic every platform computes alike. Layouts (t-SNE, UMAP) must give
// the same bytes natively and in wasm for the same seed, but the C library's
// exp, log and pow differ in their last bits between glibc and Emscripten's
// musl, and so do <random>'s distributions between libstdc++ and libc++. These
// use + - * / and exact scaling only, in a fixed order.
#pragma once
#include <cstdint>

namespace el::embed {

// e^x to within a few ulps.
double portable_exp(double x);
// ln x to within a few ulps (x <= 0: -inf or NaN, as the library's).
double portable_log(double x);
// x^y for x >= 0: e^(y ln x).
double portable_pow(double x, double y);
// x^y for x > 0 to about 1e-9 relative, four times faster than portable_pow
// (UMAP's gradients raise every sampled distance to a power; they need the
// same bits everywhere, not the last ones right).
double portable_pow_coarse(double x, double y);

// splitmix64: a fixed sequence of 64-bit numbers per seed.
std::uint64_t next_random(std::uint64_t& state);
// Uniform in [0, 1), 53 bits.
inline double next_unit(std::uint64_t& state) {
  return static_cast<double>(next_random(state) >> 11) * 0x1p-53;
}
// Uniform in [0, n) (n > 0), by multiply-shift (bias below 2^-32 for n < 2^32).
inline std::uint32_t next_below(std::uint64_t& state, std::uint32_t n) {
  return static_cast<std::uint32_t>(((next_random(state) >> 32) * n) >> 32);
}

}  // namespace el::embed
