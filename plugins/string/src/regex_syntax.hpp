// Translation from the Rust `regex` crate's pattern dialect to RE2's.
#pragma once

#include <string>
#include <string_view>

namespace sema_string {

// Rewrites the Perl classes \d \D \w \W \s \S to Unicode classes (Rust's
// defaults; RE2's are ASCII-only) and `(?<name>` to RE2's `(?P<name>`.
// Inside a bracket class the negated \D is kept as \P{Nd}; \W and \S keep
// RE2's ASCII meaning there (RE2 cannot negate a union inside a class), as do
// \b and \B everywhere. docs/decisions.md records these differences.
std::string to_re2_syntax(std::string_view pattern);

}  // namespace sema_string
