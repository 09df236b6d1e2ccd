// Unicode character properties and case mapping with the semantics of Rust's
// char / str methods (stdlib.md §3.1-3.2), built on utf8proc plus the
// generated tables of unicode_tables.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sema_string::unicode {

bool is_alphabetic(uint32_t cp);  // derived property Alphabetic
bool is_numeric(uint32_t cp);     // general category Nd, Nl or No
bool is_whitespace(uint32_t cp);  // White_Space
bool is_uppercase(uint32_t cp);   // derived property Uppercase
bool is_lowercase(uint32_t cp);   // derived property Lowercase

// Full case mapping of one code point (SpecialCasing's unconditional rules),
// appended to out: "ß" → "SS".
void append_upper(std::string& out, uint32_t cp);
void append_lower(std::string& out, uint32_t cp);
// The first code point of the full mapping (char-upcase / char-downcase).
uint32_t first_upper(uint32_t cp);
uint32_t first_lower(uint32_t cp);

// Whole-string mappings (str::to_uppercase / str::to_lowercase); the
// lowercase one applies the Final_Sigma rule to U+03A3.
std::string to_upper(std::string_view s);
std::string to_lower(std::string_view s);

// s without leading / trailing White_Space.
std::string_view trim_left(std::string_view s);
std::string_view trim_right(std::string_view s);

}  // namespace sema_string::unicode
