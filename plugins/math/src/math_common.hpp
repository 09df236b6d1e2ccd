// Helpers shared by the math plugin's files: number arguments, wrapping
// integer arithmetic and saturating float→int conversion (stdlib.md §1.5).
#pragma once

#include <sema/sema.hpp>

#include <cmath>
#include <cstdint>
#include <limits>

namespace sema_math {

using sema::Args;
using sema::Result;
using sema::Value;

// Two's-complement wrapping, done in unsigned arithmetic (no UB).
inline int64_t wrap_add(int64_t a, int64_t b) { return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b)); }
inline int64_t wrap_sub(int64_t a, int64_t b) { return static_cast<int64_t>(static_cast<uint64_t>(a) - static_cast<uint64_t>(b)); }
inline int64_t wrap_mul(int64_t a, int64_t b) { return static_cast<int64_t>(static_cast<uint64_t>(a) * static_cast<uint64_t>(b)); }
inline int64_t wrap_neg(int64_t a) { return static_cast<int64_t>(0 - static_cast<uint64_t>(a)); }
inline int64_t wrap_abs(int64_t a) { return a < 0 ? wrap_neg(a) : a; }
inline uint64_t unsigned_abs(int64_t a) { return a < 0 ? 0 - static_cast<uint64_t>(a) : static_cast<uint64_t>(a); }

// Rust's `f as i64`: truncates toward zero, NaN → 0, out of range saturates.
inline int64_t saturate_to_int(double d) {
  if (std::isnan(d)) return 0;
  if (d >= 9223372036854775808.0) return std::numeric_limits<int64_t>::max();
  if (d < -9223372036854775808.0) return std::numeric_limits<int64_t>::min();
  return static_cast<int64_t>(d);
}

// An int or float argument as a double ("as_float"): T(number) otherwise.
inline Result<double> want_float(sema_value v) { return sema::want_number(v); }

// Options naming a different function in arity errors ("ceil" for ceiling).
inline sema::BuiltinOptions arity_label(const char* label) {
  sema::BuiltinOptions o;
  o.arity_label = label;
  return o;
}


void register_rounding(sema::Registry& r);
void register_minmax(sema::Registry& r);
void register_conversions(sema::Registry& r);
void register_transcendental(sema::Registry& r);
void register_integer(sema::Registry& r);
void register_random(sema::Registry& r);
void register_bitwise(sema::Registry& r);
void register_constants(sema::Registry& r);

}  // namespace sema_math
