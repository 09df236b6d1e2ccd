// min, max and math/clamp (stdlib.md §6.1). min/max return the winning
// argument itself (type kept), a tie goes to the later argument, and a type
// error names the operand that is not a number (decisions.md #8).
#include "math_common.hpp"

#include <algorithm>

namespace sema_math {
namespace {

// True when b should replace the current pick a: b <= a for min, b >= a for
// max (so ties pick b). Ints compare exactly, mixed pairs as doubles.
template <bool Min>
bool later_wins(sema_value a, sema_value b) {
  if (sema::is_int(a) && sema::is_int(b)) {
    int64_t x = sema::int_of(a), y = sema::int_of(b);
    return Min ? y <= x : y >= x;
  }
  double x = sema::number_of(a), y = sema::number_of(b);
  return Min ? y <= x : y >= x;
}

// One argument is returned unchecked: (min "a") → "a".
template <bool Min>
Result<Value> pick(sema_ctx*, Args a) {
  sema_value best = a[0];
  for (size_t i = 1; i < a.size(); ++i) {
    if (!sema::is_number(best)) return sema::type_error("number", best);
    if (!sema::is_number(a[i])) return sema::type_error("number", a[i]);
    if (later_wins<Min>(best, a[i])) best = a[i];
  }
  return Value::borrow(best);
}

// The two-argument hook: two floats or two immediate ints pick here with
// later_wins (a number is returned as itself, so no retain); anything else,
// errors included, runs pick<> itself.
template <bool Min>
sema_status pick_hook(sema_ctx* ctx, sema_value a, sema_value b, sema_value* out) noexcept {
  if ((sema_is_float(a) && sema_is_float(b)) || (sema_is_small_int(a) && sema_is_small_int(b))) {
    *out = later_wins<Min>(a, b) ? b : a;
    return SEMA_OK;
  }
  return sema::builtin_hook2<pick<Min>>(ctx, a, b, out);
}

// All ints → int min(max(v, lo), hi); otherwise floats with fmax/fmin, which
// return the non-NaN operand (Rust's f64::max/min). lo > hi gives hi.
Result<Value> clamp(sema_ctx*, Args a) {
  for (size_t i = 0; i < 3; ++i)
    if (!sema::is_number(a[i])) return sema::type_error("number", a[i]);
  if (sema::is_int(a[0]) && sema::is_int(a[1]) && sema::is_int(a[2])) {
    int64_t v = sema::int_of(a[0]), lo = sema::int_of(a[1]), hi = sema::int_of(a[2]);
    return Value::integer(std::min(std::max(v, lo), hi));
  }
  double v = sema::number_of(a[0]), lo = sema::number_of(a[1]), hi = sema::number_of(a[2]);
  return Value::real(std::fmin(std::fmax(v, lo), hi));
}

}  // namespace

void register_minmax(sema::Registry& r) {
  // Tagged as the standard min/max: the evaluator picks between two
  // immediate numbers itself (eval/intrinsics.hpp, the same rule as pick_hook).
  r.add<pick<true>>("min", 1, SEMA_ARITY_VARIADIC,
                    {.hooks = {sema::hook(SEMA_HOOK_ARITY2, SEMA_HOOK_PURE, &pick_hook<true>),
                               sema_hook{SEMA_HOOK_INTRINSIC, SEMA_INTRINSIC_MIN, nullptr}}});
  r.add<pick<false>>("max", 1, SEMA_ARITY_VARIADIC,
                     {.hooks = {sema::hook(SEMA_HOOK_ARITY2, SEMA_HOOK_PURE, &pick_hook<false>),
                                sema_hook{SEMA_HOOK_INTRINSIC, SEMA_INTRINSIC_MAX, nullptr}}});
  r.add<clamp>("math/clamp", 3, 3);
}

}  // namespace sema_math
