// SIMD byte scanning (Highway, runtime dispatch to the best target).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace fastio {

// Marks the newlines of p[0, n): bit j of bits[i] is set when p[64 * i + j]
// is '\n'. Writes (n + 63) / 64 words; the bits past n are clear. A block
// is scanned once and each line end is then a count of trailing zeros.
void newline_bits(const uint8_t* p, size_t n, uint64_t* bits);
// The length of p[0, n)'s leading run of ASCII bytes (below 0x80).
size_t ascii_prefix(const uint8_t* p, size_t n);
// True when text is valid UTF-8 (stdlib.md's rule: sema::utf8::valid).
// ASCII runs are skipped by vectors (ascii_prefix) and each run of non-ASCII
// bytes is checked on its own: a valid multi-byte sequence never contains
// an ASCII byte, so the runs are valid exactly when the whole text is.
bool valid_utf8(std::string_view text);

}  // namespace fastio
