#include "unicode.hpp"

#include "unicode_tables.hpp"

#include <sema/utf8.hpp>
#include <utf8proc.h>

#include <algorithm>

namespace sema_string::unicode {
namespace {

using tables::Range;
using tables::SpecialCase;

bool in_ranges(const Range* r, size_t n, uint32_t cp) {
  const Range* end = r + n;
  const Range* it = std::upper_bound(r, end, cp, [](uint32_t c, const Range& x) { return c < x.lo; });
  return it != r && cp <= (it - 1)->hi;
}

const SpecialCase* find_special(const SpecialCase* t, size_t n, uint32_t cp) {
  const SpecialCase* end = t + n;
  const SpecialCase* it = std::lower_bound(t, end, cp, [](const SpecialCase& x, uint32_t c) { return x.cp < c; });
  return it != end && it->cp == cp ? it : nullptr;
}

utf8proc_category_t category(uint32_t cp) { return utf8proc_category(static_cast<utf8proc_int32_t>(cp)); }

bool is_cased(uint32_t cp) {
  return category(cp) == UTF8PROC_CATEGORY_LT || is_uppercase(cp) || is_lowercase(cp);
}

bool is_case_ignorable(uint32_t cp) {
  switch (category(cp)) {
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_SK: return true;
    default: return in_ranges(tables::extra_case_ignorable, tables::extra_case_ignorable_size, cp);
  }
}

// The code point that ends just before byte offset i (i > 0).
uint32_t prev_code_point(std::string_view s, size_t& i) {
  size_t start = i - 1;
  while (start > 0 && i - start < 4 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  size_t k = start;
  uint32_t cp = sema::utf8::next(s, k);
  if (k != i) {  // malformed tail: step back one byte only
    start = i - 1;
    cp = 0xFFFD;
  }
  i = start;
  return cp;
}

// Final_Sigma (Unicode §3.13): a cased letter, then case-ignorables, before
// the sigma; no case-ignorables-then-cased-letter after it.
bool is_final_sigma(std::string_view s, size_t at, size_t after) {
  size_t i = at;
  bool cased_before = false;
  while (i > 0) {
    uint32_t cp = prev_code_point(s, i);
    if (is_case_ignorable(cp)) continue;
    cased_before = is_cased(cp);
    break;
  }
  if (!cased_before) return false;
  for (size_t j = after; j < s.size();) {
    uint32_t cp = sema::utf8::next(s, j);
    if (is_case_ignorable(cp)) continue;
    return !is_cased(cp);
  }
  return true;
}

void append_special(std::string& out, const SpecialCase& sc) {
  for (uint32_t cp : sc.to)
    if (cp != 0) sema::utf8::append(out, cp);
}

}  // namespace

bool is_alphabetic(uint32_t cp) {
  switch (category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_NL: return true;
    default: return in_ranges(tables::other_alphabetic, tables::other_alphabetic_size, cp);
  }
}

bool is_numeric(uint32_t cp) {
  auto c = category(cp);
  return c == UTF8PROC_CATEGORY_ND || c == UTF8PROC_CATEGORY_NL || c == UTF8PROC_CATEGORY_NO;
}

bool is_whitespace(uint32_t cp) {
  // The White_Space property is a fixed list of 25 code points.
  switch (cp) {
    case 0x09: case 0x0A: case 0x0B: case 0x0C: case 0x0D: case 0x20: case 0x85: case 0xA0:
    case 0x1680: case 0x2028: case 0x2029: case 0x202F: case 0x205F: case 0x3000: return true;
    default: return cp >= 0x2000 && cp <= 0x200A;
  }
}

bool is_uppercase(uint32_t cp) {
  return category(cp) == UTF8PROC_CATEGORY_LU || in_ranges(tables::other_uppercase, tables::other_uppercase_size, cp);
}

bool is_lowercase(uint32_t cp) {
  return category(cp) == UTF8PROC_CATEGORY_LL || in_ranges(tables::other_lowercase, tables::other_lowercase_size, cp);
}

void append_upper(std::string& out, uint32_t cp) {
  if (const SpecialCase* sc = find_special(tables::special_upper, tables::special_upper_size, cp)) {
    append_special(out, *sc);
    return;
  }
  sema::utf8::append(out, static_cast<uint32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(cp))));
}

void append_lower(std::string& out, uint32_t cp) {
  if (const SpecialCase* sc = find_special(tables::special_lower, tables::special_lower_size, cp)) {
    append_special(out, *sc);
    return;
  }
  sema::utf8::append(out, static_cast<uint32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp))));
}

uint32_t first_upper(uint32_t cp) {
  if (const SpecialCase* sc = find_special(tables::special_upper, tables::special_upper_size, cp)) return sc->to[0];
  return static_cast<uint32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(cp)));
}

uint32_t first_lower(uint32_t cp) {
  if (const SpecialCase* sc = find_special(tables::special_lower, tables::special_lower_size, cp)) return sc->to[0];
  return static_cast<uint32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cp)));
}

std::string to_upper(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {  // ASCII fast path
      out += static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
      ++i;
      continue;
    }
    append_upper(out, sema::utf8::next(s, i));
  }
  return out;
}

std::string to_lower(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
      ++i;
      continue;
    }
    size_t at = i;
    uint32_t cp = sema::utf8::next(s, i);
    if (cp == 0x03A3) {  // Σ: σ, or ς at the end of a word
      sema::utf8::append(out, is_final_sigma(s, at, i) ? 0x03C2 : 0x03C3);
      continue;
    }
    append_lower(out, cp);
  }
  return out;
}

std::string_view trim_left(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    size_t k = i;
    if (!is_whitespace(sema::utf8::next(s, k))) break;
    i = k;
  }
  return s.substr(i);
}

std::string_view trim_right(std::string_view s) {
  size_t end = s.size();
  while (end > 0) {
    size_t k = end;
    if (!is_whitespace(prev_code_point(s, k))) break;
    end = k;
  }
  return s.substr(0, end);
}

}  // namespace sema_string::unicode
