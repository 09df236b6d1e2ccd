// Text in the spellings the original interpreter inherited from Rust: the
// Debug quoting of strings and chars (error messages such as
// `expected RParen, got String("x")`, and `sema ast` tree lines) and Debug
// floats (`Float(1.5)`).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sema::rt::rust {

// "…" with \" \\ \n \t \r \0 escaped and non-printable or combining
// characters as \u{hex}.
void debug_str(std::string& out, std::string_view s);
// '…' with the same rules, escaping ' instead of ".
void debug_char(std::string& out, uint32_t cp);
// f64 Debug: positional with at least one fractional digit ("1.0", "0.001"),
// exponent form when |x| < 1e-4 or >= 1e16 ("1e16", "1.5e-7"), "NaN", "inf".
std::string debug_f64(double d);

}  // namespace sema::rt::rust
