// Number syntax of string->number, `int` and `float` (stdlib.md §3.3), shared
// by the string and math plugins so the two agree byte for byte.
//
// Two grammars, both exact (no surrounding space, no "_" separators, no "0x"):
//   i64:  [+-]? [0-9]+                      (Rust's i64::from_str)
//   f64:  [+-]? ( inf | infinity | nan      (case-insensitive)
//               | ( D+ | D+ '.' D* | D* '.' D+ ) ( [eE] [+-]? D+ )? )
//                                            (Rust's f64::from_str)
// Conversion is done by fast_float (correctly rounded; out-of-range → ±inf,
// tiny → ±0). Include requires fast_float on the include path.
#pragma once

#include <fast_float/fast_float.h>

#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>

namespace sema::num {

namespace detail {
inline bool iequals(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
// Appends the digits at s[k..] to m (k stops at the first non-digit): the
// byte's value minus '0', unsigned, is both the test and the digit.
inline void take_digits(std::string_view s, size_t& k, uint64_t& m) {
  for (uint64_t d; k < s.size() && (d = static_cast<unsigned char>(s[k]) - uint64_t{'0'}) < 10; ++k) m = m * 10 + d;
}
}  // namespace detail

// [+-]?[0-9]+ fitting in an int64; nullopt for any other text or on overflow.
inline std::optional<int64_t> parse_i64(std::string_view s) {
  std::string_view body = s;
  if (!body.empty() && (body.front() == '+' || body.front() == '-')) body.remove_prefix(1);
  if (body.empty()) return std::nullopt;
  for (char c : body)  // rejects "12.5" before from_chars reads its digits
    if (!detail::is_digit(c)) return std::nullopt;
  // std::from_chars takes a leading '-' but not '+', so feed it the text
  // without '+'; the digit check above already excludes "+-5".
  const char* first = s.front() == '+' ? s.data() + 1 : s.data();
  int64_t v = 0;
  auto [ptr, ec] = std::from_chars(first, s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size()) return std::nullopt;
  return v;
}

namespace detail {
// "D+.D+" with at most 15 digits in all: the digits as an integer are exact
// in a double and so is 10^k (k <= 15), so one division is correctly rounded
// (Clinger's fast path), the same double fast_float returns; the common
// "12.3" costs a few instructions instead of a full parse.
inline bool short_decimal(std::string_view b, double* out) {
  if (b.size() > 16) return false;
  uint64_t m = 0;
  size_t i = 0, n = b.size();
  while (i < n && is_digit(b[i])) m = m * 10 + static_cast<uint64_t>(b[i++] - '0');
  if (i == 0 || i == n || b[i] != '.' || i + 1 == n) return false;
  size_t dot = i++;
  while (i < n && is_digit(b[i])) m = m * 10 + static_cast<uint64_t>(b[i++] - '0');
  if (i != n) return false;
  static constexpr double kPow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  *out = static_cast<double>(m) / kPow10[n - dot - 1];
  return true;
}
}  // namespace detail

// Rust f64 syntax (see above); nullopt when the text is not in it.
inline std::optional<double> parse_f64(std::string_view s) {
  bool negative = false;
  std::string_view body = s;
  if (!body.empty() && (body.front() == '+' || body.front() == '-')) {
    negative = body.front() == '-';
    body.remove_prefix(1);
  }
  if (body.empty()) return std::nullopt;
  double v = 0;
  if (detail::iequals(body, "inf") || detail::iequals(body, "infinity")) {
    v = std::numeric_limits<double>::infinity();
  } else if (detail::iequals(body, "nan")) {
    v = std::numeric_limits<double>::quiet_NaN();
  } else {
    // fast_float also knows "nan(...)" and a sign, so only hand it text that
    // starts like a decimal number; it rejects "." and "e5" itself.
    if (!detail::is_digit(body.front()) && body.front() != '.') return std::nullopt;
    if (detail::short_decimal(body, &v)) return negative ? -v : v;
    auto [ptr, ec] = fast_float::from_chars(body.data(), body.data() + body.size(), v);
    // Out-of-range values: fast_float returns ±inf / ±0 with ec == errc(),
    // which is also Rust's answer ("1e400" → inf).
    if (ec != std::errc() || ptr != body.data() + body.size()) return std::nullopt;
  }
  return negative ? -v : v;
}

// The common texts of string->number in one pass: [+-]? D{1,18} is an int,
// [+-]? D+ '.' D+ with at most 15 digits a float (the result parse_i64 or
// parse_f64 gives for the same text: the int is exact, the float is
// short_decimal's). Anything else is Short::Other, for the full parsers.
enum class Short { Other, Int, Float };
inline Short parse_short(std::string_view s, int64_t* i, double* d) {
  size_t k = 0, n = s.size();
  bool negative = false;
  if (k < n && (s[k] == '+' || s[k] == '-')) negative = s[k++] == '-';
  size_t start = k;
  uint64_t m = 0;
  detail::take_digits(s, k, m);
  size_t int_digits = k - start;
  if (int_digits == 0 || int_digits > 18) return Short::Other;  // 18 digits cannot overflow
  if (k == n) {
    *i = negative ? -static_cast<int64_t>(m) : static_cast<int64_t>(m);
    return Short::Int;
  }
  if (s[k] != '.' || k + 1 == n || n - start > 16) return Short::Other;
  size_t dot = k++;
  detail::take_digits(s, k, m);
  if (k != n) return Short::Other;
  static constexpr double kPow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  double v = static_cast<double>(m) / kPow10[n - dot - 1];
  *d = negative ? -v : v;
  return Short::Float;
}

// "-?D{1,3}.D" (1BRC's temperatures), the one shape a hot caller sees most:
// parse_short's result for the same text (Short::Float) by the same
// operations — the digits as one exact integer m, m / 1e1, then the sign —
// without its general loops and checks. False: not this shape, ask
// parse_short (which also takes '+', more digits and ints).
inline bool parse_tenths(std::string_view s, double* d) {
  size_t n = s.size();
  if (n < 3 || n > 6 || s[n - 2] != '.') return false;
  bool negative = s[0] == '-';
  size_t k = negative ? 1 : 0;
  if (n - 2 - k < 1 || n - 2 - k > 3) return false;  // one to three int digits
  uint64_t m = 0;
  for (; k < n - 2; ++k) {
    uint64_t c = static_cast<unsigned char>(s[k]) - uint64_t{'0'};
    if (c > 9) return false;
    m = m * 10 + c;
  }
  uint64_t c = static_cast<unsigned char>(s[n - 1]) - uint64_t{'0'};
  if (c > 9) return false;
  double v = static_cast<double>(m * 10 + c) / 1e1;
  *d = negative ? -v : v;
  return true;
}

// parse_tenths on the text from p up to the first `stop` byte (or e), when
// that text has its shape, found in the same pass: *end is where it ends
// (e or a `stop`). For a stop that is not '-', '.' or a digit, which the
// shape cannot hold. False: not that shape (or not followed by a stop).
inline bool parse_tenths_until(const char* p, const char* e, char stop, double* d, const char** end) {
  const char* q = p;
  bool negative = q < e && *q == '-';
  q += negative ? 1 : 0;
  const char* digits = q;
  uint64_t m = 0;
  for (uint64_t c; q < e && (c = static_cast<unsigned char>(*q) - uint64_t{'0'}) < 10; ++q) m = m * 10 + c;  // wraps harmlessly past 3 digits
  size_t n = static_cast<size_t>(q - digits);
  if (n < 1 || n > 3 || e - q < 2 || q[0] != '.') return false;
  uint64_t c = static_cast<unsigned char>(q[1]) - uint64_t{'0'};
  if (c > 9) return false;
  q += 2;
  if (q != e && *q != stop) return false;
  // parse_tenths' operations on the same digits (m * 10 + c < 10^4: the
  // signed conversion is the same exact double, without the unsigned one's test)
  double v = static_cast<double>(static_cast<int64_t>(m * 10 + c)) / 1e1;
  *d = negative ? -v : v;
  *end = q;
  return true;
}

// parse_tenths on exactly [p, e) (p <= e), read from its end: the shape's
// last three bytes are fixed ("D.D"), so only the one or two bytes before
// them vary (a digit, a digit, a '-' in front). For a caller that knows
// where its text ends but not yet where it starts to hold the shape (a
// line's last field). Same operations, same double as parse_tenths.
inline bool parse_tenths_back(const char* p, const char* e, double* d) {
  size_t n = static_cast<size_t>(e - p);
  if (n - 3 > 3) return false;  // 3 to 6 bytes (n < 3 wraps)
  uint64_t tenths = static_cast<unsigned char>(e[-1]) - uint64_t{'0'};
  uint64_t m = static_cast<unsigned char>(e[-3]) - uint64_t{'0'};
  if (tenths > 9 || m > 9 || e[-2] != '.') return false;
  // The bytes before the ones digit, right to left: up to two more digits,
  // and a '-' only as the text's first byte.
  constexpr uint64_t kMinus = uint64_t{'-'} - uint64_t{'0'};
  bool negative = false;
  if (n > 3) {
    uint64_t c = static_cast<unsigned char>(e[-4]) - uint64_t{'0'};
    if (c > 9) {
      if (c != kMinus || n != 4) return false;
      negative = true;
    } else {
      m += c * 10;
      if (n > 4) {
        c = static_cast<unsigned char>(e[-5]) - uint64_t{'0'};
        if (c > 9) {
          if (c != kMinus || n != 5) return false;
          negative = true;
        } else {
          m += c * 100;
          if (n > 5) {
            if (e[-6] != '-') return false;  // a fourth digit, or no number
            negative = true;
          }
        }
      }
    }
  }
  double v = static_cast<double>(static_cast<int64_t>(m * 10 + tenths)) / 1e1;
  *d = negative ? -v : v;
  return true;
}

}  // namespace sema::num
