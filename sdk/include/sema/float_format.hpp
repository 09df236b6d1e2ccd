// Float formatting shared by the runtime's printer and the plugins, so every
// place that turns a double into text agrees (language.md §2.2 rule F,
// stdlib.md §1.3 number->string, stdlib.md §5.7 JSON).
//
// All three start from the shortest round-trip digits that std::to_chars
// produces in scientific form, then lay them out as each format requires.
#pragma once

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>
#include <string_view>

namespace sema::fmt {

// A finite double as sign, shortest significant digits and a decimal
// exponent: value = d.ddd × 10^exp (digits[0] is the leading digit).
struct ShortestDecimal {
  bool negative = false;
  std::string digits;  // no leading/trailing zeros except "0" for zero
  int exp = 0;
};

inline ShortestDecimal shortest_decimal(double d) {
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
  std::string_view s(buf, static_cast<size_t>(res.ptr - buf));
  ShortestDecimal out;
  if (!s.empty() && s.front() == '-') {
    out.negative = true;
    s.remove_prefix(1);
  }
  size_t e = s.find('e');
  for (char c : s.substr(0, e))
    if (c != '.') out.digits += c;
  std::string_view ex = s.substr(e + 1);
  bool neg_exp = ex.front() == '-';
  if (ex.front() == '+' || ex.front() == '-') ex.remove_prefix(1);
  int v = 0;
  std::from_chars(ex.data(), ex.data() + ex.size(), v);
  out.exp = neg_exp ? -v : v;
  // to_chars never emits trailing zeros in the shortest form, but keep the
  // invariant explicit: it is what decides "whole" below.
  while (out.digits.size() > 1 && out.digits.back() == '0') out.digits.pop_back();
  return out;
}

// Lays out digits × 10^exp positionally. keep_point_zero: whole values get ".0".
inline void append_positional(std::string& out, const ShortestDecimal& dec, bool keep_point_zero) {
  if (dec.negative) out += '-';
  const std::string& dg = dec.digits;
  const int n = static_cast<int>(dg.size());
  if (dec.exp < 0) {
    out += "0.";
    out.append(static_cast<size_t>(-dec.exp - 1), '0');
    out += dg;
    return;
  }
  int int_len = dec.exp + 1;  // digits before the point
  if (n <= int_len) {
    out += dg;
    out.append(static_cast<size_t>(int_len - n), '0');
    if (keep_point_zero) out += ".0";
  } else {
    out.append(dg, 0, static_cast<size_t>(int_len));
    out += '.';
    out.append(dg, static_cast<size_t>(int_len), std::string::npos);
  }
}

inline bool append_special(std::string& out, double d) {
  if (std::isnan(d)) {
    out += "NaN";
    return true;
  }
  if (std::isinf(d)) {
    out += d < 0 ? "-inf" : "inf";
    return true;
  }
  return false;
}

// Rule F (write and display forms): a whole value prints its exact decimal
// expansion plus ".0" (1e23 → 99999999999999991611392.0, like printf "%.1f");
// anything else the shortest round-trip digits, positional, never exponent.
inline void append_float_write(std::string& out, double d) {
  if (append_special(out, d)) return;
  if (d == std::trunc(d)) {
    char buf[400];  // the largest double has 309 integer digits
    auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::fixed, 0);
    out.append(buf, res.ptr);
    out += ".0";
    return;
  }
  append_positional(out, shortest_decimal(d), true);
}

inline std::string float_write(double d) {
  std::string s;
  append_float_write(s, d);
  return s;
}

// number->string (Rust's f64 Display): shortest digits, positional, and no
// ".0" on whole values: "3", "-0", "0.1", "100000000000000000000000".
inline std::string float_plain(double d) {
  std::string s;
  if (append_special(s, d)) return s;
  append_positional(s, shortest_decimal(d), false);
  return s;
}

// JSON numbers (stdlib.md §5.7, ryu-style): positional with ".0" on whole
// values while the decimal exponent is in -5..15, otherwise scientific with
// no ".0" on the mantissa and a signed exponent: 1e+16, 1.5e+20, 1e-7.
// NaN and infinities are not JSON; callers reject them first (they format as
// "NaN"/"inf"/"-inf" here).
inline std::string float_json(double d) {
  std::string s;
  if (append_special(s, d)) return s;
  ShortestDecimal dec = shortest_decimal(d);
  if (d == 0 || (dec.exp >= -5 && dec.exp <= 15)) {
    append_positional(s, dec, true);
    return s;
  }
  if (dec.negative) s += '-';
  s += dec.digits[0];
  if (dec.digits.size() > 1) {
    s += '.';
    s.append(dec.digits, 1, std::string::npos);
  }
  s += dec.exp < 0 ? "e-" : "e+";
  s += std::to_string(std::abs(dec.exp));
  return s;
}

}  // namespace sema::fmt
