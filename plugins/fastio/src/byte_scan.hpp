// SIMD byte scanning (Highway, runtime dispatch to the best target).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace fastio {

// Index of the first `byte` in p[0, n), or n when absent.
size_t find_byte(const uint8_t* p, size_t n, uint8_t byte);
// True when every byte of p[0, n) is ASCII (< 0x80), with SIMD.
bool all_ascii_simd(const uint8_t* p, size_t n);

// The same; a typical line is shorter than one SIMD vector, where the
// dispatched call and its scalar tail cost more than eight bytes at a time.
inline bool all_ascii(const uint8_t* p, size_t n) {
  if (n >= 64) return all_ascii_simd(p, n);
  uint64_t high = 0;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    high |= w;
  }
  for (; i < n; ++i) high |= p[i];
  return (high & 0x8080808080808080ull) == 0;
}

}  // namespace fastio
