// The Unicode properties the reader and the Rust-style debug quoting need
// (tables generated from ICU by tools/gen_unicode_tables.cc).
#pragma once

#include <cstdint>

namespace sema::rt::unicode {

// The derived property Alphabetic (what Rust's char::is_alphabetic tests).
bool is_alphabetic(uint32_t cp);
// Grapheme_Extend: combining marks and the like.
bool is_grapheme_extend(uint32_t cp);
// Rust's notion of printable: not in Cc Cf Cs Co Cn Zl Zp Zs (space is printable).
bool is_printable(uint32_t cp);

}  // namespace sema::rt::unicode
