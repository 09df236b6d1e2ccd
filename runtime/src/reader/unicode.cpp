#include "reader/unicode.hpp"

#include <algorithm>
#include <iterator>

namespace sema::rt::unicode {
namespace {

struct CodeRange {
  uint32_t lo;
  uint32_t hi;
};

#include "reader/unicode_tables.inc"

template <size_t N>
bool in_table(const CodeRange (&table)[N], uint32_t cp) {
  // First range whose upper end is >= cp; cp is in the table if that range starts at or before it.
  auto it = std::lower_bound(std::begin(table), std::end(table), cp,
                             [](const CodeRange& r, uint32_t c) { return r.hi < c; });
  return it != std::end(table) && it->lo <= cp;
}

}  // namespace

bool is_alphabetic(uint32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  return in_table(kAlphabetic, cp);
}

bool is_grapheme_extend(uint32_t cp) { return cp >= 0x300 && in_table(kGraphemeExtend, cp); }

bool is_printable(uint32_t cp) {
  if (cp < 0x80) return cp >= 0x20 && cp < 0x7F;
  return !in_table(kNotPrintable, cp);
}

}  // namespace sema::rt::unicode
