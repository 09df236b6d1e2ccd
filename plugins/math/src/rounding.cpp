// abs, floor/ceil/round/truncate, math/sign and the float predicates
// (stdlib.md §6.1). Rounding always returns an int, saturating (§1.5).
#include "math_common.hpp"

namespace sema_math {
namespace {

Result<Value> abs_(sema_ctx*, Args a) {
  if (sema::is_int(a[0])) return Value::integer(wrap_abs(sema::int_of(a[0])));  // abs(i64 min) = i64 min
  if (sema_is_float(a[0])) return Value::real(std::fabs(sema_float_of(a[0])));
  return sema::type_error("number", a[0]);
}

// An int passes through; a float goes through Round and saturates.
template <double (*Round)(double)>
Result<Value> to_int(sema_ctx*, Args a) {
  if (sema::is_int(a[0])) return Value::borrow(a[0]);
  if (sema_is_float(a[0])) return Value::integer(saturate_to_int(Round(sema_float_of(a[0]))));
  return sema::type_error("number", a[0]);
}

double floor_(double d) { return std::floor(d); }
double ceil_(double d) { return std::ceil(d); }
double round_(double d) { return std::round(d); }  // half away from zero
double trunc_(double d) { return std::trunc(d); }

// -1, 0 or 1 as an int for ints and floats alike; NaN and -0.0 give 0.
Result<Value> sign(sema_ctx*, Args a) {
  if (sema::is_int(a[0])) {
    int64_t i = sema::int_of(a[0]);
    return Value::integer(i > 0 ? 1 : i < 0 ? -1 : 0);
  }
  if (sema_is_float(a[0])) {
    double d = sema_float_of(a[0]);
    return Value::integer(d > 0 ? 1 : d < 0 ? -1 : 0);
  }
  return sema::type_error("number", a[0]);
}

// Any non-float is simply not NaN / infinite (no type error).
Result<Value> nan_p(sema_ctx*, Args a) { return Value::boolean(sema_is_float(a[0]) && std::isnan(sema_float_of(a[0]))); }
Result<Value> infinite_p(sema_ctx*, Args a) {
  return Value::boolean(sema_is_float(a[0]) && std::isinf(sema_float_of(a[0])));
}

}  // namespace

void register_rounding(sema::Registry& r) {
  r.add<abs_>("abs", 1, 1);
  r.add<to_int<floor_>>("floor", 1, 1);
  r.add<to_int<ceil_>>("ceil", 1, 1);
  r.add<to_int<ceil_>>("ceiling", 1, 1, arity_label("ceil"));
  r.add<to_int<round_>>("round", 1, 1);
  r.add<to_int<trunc_>>("truncate", 1, 1);
  r.add<sign>("math/sign", 1, 1);
  r.add<nan_p>("math/nan?", 1, 1);
  r.add<infinite_p>("math/infinite?", 1, 1);
}

}  // namespace sema_math
