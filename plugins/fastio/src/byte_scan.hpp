// SIMD byte scanning (Highway, runtime dispatch to the best target).
#pragma once

#include <cstddef>
#include <cstdint>

namespace fastio {

// Index of the first `byte` in p[0, n), or n when absent.
size_t find_byte(const uint8_t* p, size_t n, uint8_t byte);
// True when every byte of p[0, n) is ASCII (< 0x80).
bool all_ascii(const uint8_t* p, size_t n);

}  // namespace fastio
