// Numeric comparison chains, = / eq?, not and the numeric tests
// (stdlib.md §2.5, language.md §3.2-3.3).
#include "common.hpp"

namespace core {
namespace {

enum class Op { Lt, Gt, Le, Ge };

// Ordered comparison of two numbers. Ints go through double as in the
// original (lossy above 2^53); immediate ints are exact in a double, so they
// compare directly. NaN makes every comparison false.
bool ordered(Op op, sema_value x, sema_value y) {
  if (sema_is_small_int(x) && sema_is_small_int(y)) {
    int64_t a = sema_small_int_of(x), b = sema_small_int_of(y);
    switch (op) {
      case Op::Lt: return a < b;
      case Op::Gt: return a > b;
      case Op::Le: return a <= b;
      case Op::Ge: return a >= b;
    }
  }
  double a = number_of(x), b = number_of(y);
  switch (op) {
    case Op::Lt: return a < b;
    case Op::Gt: return a > b;
    case Op::Le: return a <= b;
    case Op::Ge: return a >= b;
  }
  return false;
}

// Chained pairwise; stops at the first false pair, so later arguments are
// never checked: (< 2 1 "x") ⇒ #f.
template <Op O>
Result<Value> b_ordered(sema_ctx*, Args a) {
  for (size_t i = 0; i + 1 < a.size(); ++i) {
    if (!is_number(a[i])) return sema::type_error("number", a[i]);
    if (!is_number(a[i + 1])) return sema::type_error("number", a[i + 1]);
    if (!ordered(O, a[i], a[i + 1])) return Value::boolean(false);
  }
  return Value::boolean(true);
}

// Numbers compare numerically across int/float (IEEE for floats: 0.0 = -0.0,
// NaN ≠ NaN); anything else compares structurally and never raises.
bool numeric_equal(sema_value x, sema_value y) {
  bool xi = is_int(x), yi = is_int(y);
  if (xi && yi) return int_of(x) == int_of(y);
  if ((xi || sema_is_float(x)) && (yi || sema_is_float(y))) return number_of(x) == number_of(y);
  if (sema::is_string(x) && sema::is_string(y)) return sema::string_of(x) == sema::string_of(y);  // equal?'s rule
  return host().equal(x, y) != 0;
}

Result<Value> b_num_eq(sema_ctx*, Args a) {
  for (size_t i = 0; i + 1 < a.size(); ++i)
    if (!numeric_equal(a[i], a[i + 1])) return Value::boolean(false);
  return Value::boolean(true);
}

Result<Value> b_eq(sema_ctx*, Args a) { return Value::boolean(host().equal(a[0], a[1]) != 0); }
Result<Value> b_not(sema_ctx*, Args a) { return Value::boolean(!sema_truthy(a[0])); }

// Hooks for two operands: two numbers of one immediate kind compare here with
// ordered()/numeric_equal() themselves; anything else (and every error) runs
// the generic builtin.
template <Op O>
sema_status ordered_hook(sema_ctx* ctx, sema_value a, sema_value b, sema_value* out) noexcept {
  if ((sema_is_small_int(a) && sema_is_small_int(b)) || (sema_is_float(a) && sema_is_float(b))) {
    *out = sema_from_bool(ordered(O, a, b));
    return SEMA_OK;
  }
  return sema::builtin_hook2<b_ordered<O>>(ctx, a, b, out);
}

// Two arguments: b_num_eq is exactly numeric_equal(a, b), which never raises.
sema_status num_eq_hook(sema_ctx*, sema_value a, sema_value b, sema_value* out) noexcept {
  *out = sema_from_bool(numeric_equal(a, b));
  return SEMA_OK;
}

sema_status not_hook(sema_ctx*, sema_value a, sema_value* out) noexcept {
  *out = sema_from_bool(!sema_truthy(a));  // b_not's whole body
  return SEMA_OK;
}

enum class Sign { Zero, Positive, Negative };

template <Sign S>
Result<Value> b_sign(sema_ctx*, Args a) {
  if (is_int(a[0])) {
    int64_t i = int_of(a[0]);
    return Value::boolean(S == Sign::Zero ? i == 0 : S == Sign::Positive ? i > 0 : i < 0);
  }
  if (!sema_is_float(a[0])) return sema::type_error("number", a[0]);
  double d = sema_float_of(a[0]);  // -0.0 is zero and not negative
  return Value::boolean(S == Sign::Zero ? d == 0 : S == Sign::Positive ? d > 0 : d < 0);
}

template <bool Odd>
Result<Value> b_parity(sema_ctx*, Args a) {
  if (!is_int(a[0])) return sema::type_error("int", a[0]);
  bool odd = (int_of(a[0]) % 2) != 0;
  return Value::boolean(odd == Odd);
}

}  // namespace

void register_comparison(sema::Registry& r) {
  constexpr int V = SEMA_ARITY_VARIADIC;
  r.add<b_ordered<Op::Lt>>("<", 2, V, intrinsic(SEMA_INTRINSIC_LT, pure_hook2_fn(&ordered_hook<Op::Lt>)));
  r.add<b_ordered<Op::Gt>>(">", 2, V, intrinsic(SEMA_INTRINSIC_GT, pure_hook2_fn(&ordered_hook<Op::Gt>)));
  r.add<b_ordered<Op::Le>>("<=", 2, V, intrinsic(SEMA_INTRINSIC_LE, pure_hook2_fn(&ordered_hook<Op::Le>)));
  r.add<b_ordered<Op::Ge>>(">=", 2, V, intrinsic(SEMA_INTRINSIC_GE, pure_hook2_fn(&ordered_hook<Op::Ge>)));
  r.add<b_num_eq>("=", 2, V, intrinsic(SEMA_INTRINSIC_NUM_EQ, pure_hook2_fn(&num_eq_hook)));
  r.add<b_eq>("eq?", 2, 2);
  r.add<b_not>("not", 1, 1, intrinsic(SEMA_INTRINSIC_NOT, pure_hook1_fn(&not_hook)));
  r.add<b_sign<Sign::Zero>>("zero?", 1, 1);
  r.add<b_sign<Sign::Positive>>("positive?", 1, 1);
  r.add<b_sign<Sign::Negative>>("negative?", 1, 1);
  r.add<b_parity<false>>("even?", 1, 1);
  r.add<b_parity<true>>("odd?", 1, 1);
}

}  // namespace core
