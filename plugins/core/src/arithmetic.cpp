// + - * / mod modulo (stdlib.md §2.6). Integer results wrap (two's
// complement, no UB, §1.5); a float operand makes the result a float.
#include "common.hpp"

#include <cmath>
#include <limits>

namespace core {
namespace {

// Left-to-right fold with contagion: once a float appears, the accumulator so
// far becomes a float. For - the first operand seeds the accumulator instead
// of the identity.
enum class Fold { Add, Sub, Mul };

Result<Value> fold(Args a, Fold op) {
  // Fast path for the common two-immediate-int call: 48-bit operands cannot
  // overflow an int64 sum or difference.
  if (a.size() == 2 && op != Fold::Mul && sema_is_small_int(a[0]) && sema_is_small_int(a[1])) {
    int64_t x = sema_small_int_of(a[0]), y = sema_small_int_of(a[1]);
    return Value::integer(op == Fold::Add ? x + y : x - y);
  }
  int64_t iacc = op == Fold::Mul ? 1 : 0;
  double facc = 0;
  bool is_float = false;
  for (size_t i = 0; i < a.size(); ++i) {
    sema_value v = a[i];
    bool seed = (i == 0 && op == Fold::Sub);
    if (is_int(v)) {
      int64_t n = int_of(v);
      if (seed)
        iacc = n;
      else if (is_float)
        facc = op == Fold::Mul ? facc * static_cast<double>(n)
               : op == Fold::Add ? facc + static_cast<double>(n)
                                 : facc - static_cast<double>(n);
      else
        iacc = op == Fold::Mul ? wrap_mul(iacc, n) : op == Fold::Add ? wrap_add(iacc, n) : wrap_sub(iacc, n);
    } else if (sema_is_float(v)) {
      double d = sema_float_of(v);
      if (!is_float) {
        facc = static_cast<double>(iacc);
        is_float = true;
      }
      if (seed)
        facc = d;
      else
        facc = op == Fold::Mul ? facc * d : op == Fold::Add ? facc + d : facc - d;
    } else {
      return sema::type_error("number", v);
    }
  }
  return is_float ? Value::real(facc) : Value::integer(iacc);
}

Result<Value> b_add(sema_ctx*, Args a) { return fold(a, Fold::Add); }
Result<Value> b_mul(sema_ctx*, Args a) { return fold(a, Fold::Mul); }

// One argument negates (int wraps: (- INT64_MIN) is INT64_MIN).
Result<Value> b_sub(sema_ctx*, Args a) {
  if (a.size() == 1) {
    if (is_int(a[0])) return Value::integer(wrap_sub(0, int_of(a[0])));
    if (sema_is_float(a[0])) return Value::real(-sema_float_of(a[0]));
    return sema::type_error("number", a[0]);
  }
  return fold(a, Fold::Sub);
}

// Saturating double → int64 (the original's `as i64`); only called on whole,
// finite values.
int64_t saturate(double d) {
  if (d >= 9223372036854775808.0) return std::numeric_limits<int64_t>::max();
  if (d < -9223372036854775808.0) return std::numeric_limits<int64_t>::min();
  return static_cast<int64_t>(d);
}

// Always computed in double; an int only when every operand is an int and
// the quotient is whole. Any zero divisor, int or float, is an error.
Result<Value> b_div(sema_ctx*, Args a) {
  if (!is_number(a[0])) return sema::type_error("number", a[0]);
  bool all_int = is_int(a[0]);
  double q = number_of(a[0]);
  for (size_t i = 1; i < a.size(); ++i) {
    if (!is_number(a[i])) return sema::type_error("number", a[i]);
    all_int = all_int && is_int(a[i]);
    double d = number_of(a[i]);
    if (d == 0) return sema::eval_error("division by zero");
    q /= d;
  }
  if (all_int && std::isfinite(q) && std::trunc(q) == q) return Value::integer(saturate(q));
  return Value::real(q);
}

// Truncated remainder: the sign follows the dividend. Each operand's own type
// is named when it is wrong (decisions.md #8).
Result<Value> b_mod(sema_ctx*, Args a) {
  if (!is_number(a[0])) return sema::type_error("number", a[0]);
  if (!is_number(a[1])) return sema::type_error("number", a[1]);
  if (is_int(a[0]) && is_int(a[1])) {
    int64_t x = int_of(a[0]), y = int_of(a[1]);
    if (y == 0) return sema::eval_error("modulo by zero");
    if (y == -1) return Value::integer(0);  // also INT64_MIN % -1, a panic in the original
    return Value::integer(x % y);
  }
  return Value::real(std::fmod(number_of(a[0]), number_of(a[1])));
}

// Hooks for two operands. Two immediate ints, or two floats, are computed
// here exactly as fold() would (it starts from an int 0 accumulator, so a
// float sum is (0.0 + a) + b: (+ -0.0 -0.0) is 0.0); anything else, and an
// int result outside the immediate range, runs the generic builtin, so the
// hook can never disagree with it.
template <Fold Op, sema::Builtin F>
sema_status arith_hook(sema_ctx* ctx, sema_value a, sema_value b, sema_value* out) noexcept {
  if (sema_is_small_int(a) && sema_is_small_int(b)) {
    int64_t x = sema_small_int_of(a), y = sema_small_int_of(b), r;
    bool overflow = Op == Fold::Add   ? __builtin_add_overflow(x, y, &r)
                    : Op == Fold::Sub ? __builtin_sub_overflow(x, y, &r)
                                      : __builtin_mul_overflow(x, y, &r);
    if (!overflow && sema_fits_small_int(r)) {
      *out = sema_from_small_int(r);
      return SEMA_OK;
    }
  } else if (sema_is_float(a) && sema_is_float(b)) {
    double x = sema_float_of(a), y = sema_float_of(b);
    double r = Op == Fold::Add ? (0.0 + x) + y : Op == Fold::Sub ? x - y : (1.0 * x) * y;
    *out = sema_from_float(r);
    return SEMA_OK;
  }
  return sema::builtin_hook2<F>(ctx, a, b, out);
}

}  // namespace

void register_arithmetic(sema::Registry& r) {
  constexpr int V = SEMA_ARITY_VARIADIC;
  r.add<b_add>("+", 0, V, intrinsic(SEMA_INTRINSIC_ADD, pure_hook2_fn(&arith_hook<Fold::Add, b_add>)));
  r.add<b_sub>("-", 1, V, intrinsic(SEMA_INTRINSIC_SUB, pure_hook2_fn(&arith_hook<Fold::Sub, b_sub>)));
  r.add<b_mul>("*", 0, V, intrinsic(SEMA_INTRINSIC_MUL, pure_hook2_fn(&arith_hook<Fold::Mul, b_mul>)));
  r.add<b_div>("/", 2, V);
  r.add<b_mod>("mod", 2, 2);
  r.add<b_mod>("modulo", 2, 2, label("mod"));
}

}  // namespace core
