#include "reader/rust_text.hpp"

#include "reader/unicode.hpp"

#include <sema/float_format.hpp>
#include <sema/utf8.hpp>

#include <cmath>
#include <cstdio>

namespace sema::rt::rust {
namespace {

void escape_cp(std::string& out, uint32_t cp, char quote) {
  switch (cp) {
    case 0: out += "\\0"; return;
    case '\t': out += "\\t"; return;
    case '\r': out += "\\r"; return;
    case '\n': out += "\\n"; return;
    case '\\': out += "\\\\"; return;
    default: break;
  }
  if (cp == static_cast<uint32_t>(quote)) {
    out += '\\';
    out += quote;
    return;
  }
  if (unicode::is_grapheme_extend(cp) || !unicode::is_printable(cp)) {
    char buf[16];
    int n = std::snprintf(buf, sizeof buf, "\\u{%x}", static_cast<unsigned>(cp));
    out.append(buf, static_cast<size_t>(n));
    return;
  }
  utf8::append(out, cp);
}

}  // namespace

void debug_str(std::string& out, std::string_view s) {
  out += '"';
  for (size_t i = 0; i < s.size();) escape_cp(out, utf8::next(s, i), '"');
  out += '"';
}

void debug_char(std::string& out, uint32_t cp) {
  out += '\'';
  escape_cp(out, cp, '\'');
  out += '\'';
}

std::string debug_f64(double d) {
  std::string out;
  if (fmt::append_special(out, d)) return out;
  fmt::ShortestDecimal dec = fmt::shortest_decimal(d);
  double a = std::fabs(d);
  if (a == 0 || (a >= 1e-4 && a < 1e16)) {
    fmt::append_positional(out, dec, true);
    return out;
  }
  // Exponent form: no ".0" on a one-digit mantissa, no '+' on the exponent.
  if (dec.negative) out += '-';
  out += dec.digits[0];
  if (dec.digits.size() > 1) {
    out += '.';
    out.append(dec.digits, 1, std::string::npos);
  }
  out += 'e';
  out += std::to_string(dec.exp);
  return out;
}

}  // namespace sema::rt::rust
