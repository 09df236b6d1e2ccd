// SIMD byte scanning (Highway, runtime dispatch to the best target).
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace fastio {

// Index of the first `byte` in p[0, n), or n when absent.
size_t find_byte(const uint8_t* p, size_t n, uint8_t byte);
// True when text is valid UTF-8 (stdlib.md's rule: sema::utf8::valid).
// ASCII runs are skipped eight bytes at a time and each run of non-ASCII
// bytes is checked on its own: a valid multi-byte sequence never contains
// an ASCII byte, so the runs are valid exactly when the whole text is.
bool valid_utf8(std::string_view text);

}  // namespace fastio
