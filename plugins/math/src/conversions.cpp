// int and float (stdlib.md §6.1). Strings use the same number syntax as
// string->number (sdk number_syntax.hpp): `int` only its i64 step, `float`
// the full Rust f64 syntax.
#include "math_common.hpp"

#include <sema/number_syntax.hpp>

namespace sema_math {
namespace {

Result<Value> to_int(sema_ctx*, Args a) {
  sema_value v = a[0];
  if (sema::is_int(v)) return Value::borrow(v);
  if (sema_is_float(v)) return Value::integer(saturate_to_int(sema_float_of(v)));
  if (sema::is_string(v)) {
    std::string_view s = sema::string_of(v);
    if (auto i = sema::num::parse_i64(s)) return Value::integer(*i);
    return sema::eval_error("cannot convert '" + std::string(s) + "' to int");
  }
  return sema::type_error("number or string", v);
}

Result<Value> to_float(sema_ctx*, Args a) {
  sema_value v = a[0];
  if (sema_is_float(v)) return Value::real(sema_float_of(v));
  if (sema::is_int(v)) return Value::real(static_cast<double>(sema::int_of(v)));
  if (sema::is_string(v)) {
    std::string_view s = sema::string_of(v);
    if (auto d = sema::num::parse_f64(s)) return Value::real(*d);
    return sema::eval_error("cannot convert '" + std::string(s) + "' to float");
  }
  return sema::type_error("number or string", v);
}

// The hook: numbers are converted here; strings and errors run to_float.
sema_status to_float_hook(sema_ctx* ctx, sema_value v, sema_value* out) noexcept {
  if (sema_is_float(v)) {
    *out = v;  // already canonical: Value::real(sema_float_of(v)) is v itself
    return SEMA_OK;
  }
  if (sema_is_small_int(v)) {
    *out = sema_from_float(static_cast<double>(sema_small_int_of(v)));
    return SEMA_OK;
  }
  return sema::builtin_hook1<to_float>(ctx, v, out);
}

}  // namespace

void register_conversions(sema::Registry& r) {
  r.add<to_int>("int", 1, 1, {.hooks = {sema::hook(SEMA_HOOK_ARITY1, SEMA_HOOK_PURE, &sema::builtin_hook1<to_int>)}});
  // Tagged as the standard float: the evaluator converts immediate numbers
  // itself (the hook's first two cases), strings and errors come here.
  r.add<to_float>("float", 1, 1,
                  {.hooks = {sema::hook(SEMA_HOOK_ARITY1, SEMA_HOOK_PURE, &to_float_hook),
                             sema_hook{SEMA_HOOK_INTRINSIC, SEMA_INTRINSIC_FLOAT, nullptr}}});
}

}  // namespace sema_math
