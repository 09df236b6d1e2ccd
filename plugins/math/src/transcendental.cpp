// Float-valued functions (stdlib.md §6.1): sqrt, pow, logs, trigonometry,
// angle conversion, lerp and map-range. libm semantics throughout: domain
// errors give NaN or ±inf, never a Sema error.
#include "math_common.hpp"

#include <array>
#include <numbers>

namespace sema_math {
namespace {

// A one-argument float function of an int or float argument.
template <double (*F)(double)>
Result<Value> unary(sema_ctx*, Args a) {
  auto x = want_float(a[0]);
  if (!x) return std::unexpected(x.error());
  return Value::real(F(*x));
}

double sqrt_(double x) { return std::sqrt(x); }
double log_(double x) { return std::log(x); }
double sin_(double x) { return std::sin(x); }
double cos_(double x) { return std::cos(x); }
double tan_(double x) { return std::tan(x); }
double asin_(double x) { return std::asin(x); }
double acos_(double x) { return std::acos(x); }
double atan_(double x) { return std::atan(x); }
double sinh_(double x) { return std::sinh(x); }
double cosh_(double x) { return std::cosh(x); }
double tanh_(double x) { return std::tanh(x); }
double exp_(double x) { return std::exp(x); }
double log10_(double x) { return std::log10(x); }
double log2_(double x) { return std::log2(x); }
double to_radians(double x) { return x * (std::numbers::pi / 180.0); }
double to_degrees(double x) { return x * (180.0 / std::numbers::pi); }

// Squaring with wrapping multiplication; the exponent is a u32 (Rust's
// wrapping_pow(exp as u32)).
int64_t wrapping_pow(int64_t base, uint32_t exp) {
  int64_t result = 1;
  while (exp > 0) {
    if (exp & 1) result = wrap_mul(result, base);
    exp >>= 1;
    if (exp > 0) base = wrap_mul(base, base);
  }
  return result;
}

// int^int with exp >= 0 → int; anything else → float.
Result<Value> pow_(sema_ctx*, Args a) {
  if (sema::is_int(a[0]) && sema::is_int(a[1]) && sema::int_of(a[1]) >= 0)
    return Value::integer(wrapping_pow(sema::int_of(a[0]), static_cast<uint32_t>(sema::int_of(a[1]))));
  auto b = want_float(a[0]);
  if (!b) return std::unexpected(b.error());
  auto e = want_float(a[1]);
  if (!e) return std::unexpected(e.error());
  return Value::real(std::pow(*b, *e));
}

// Float arguments a[0..N), checked left to right.
template <size_t N>
Result<std::array<double, N>> floats(Args a) {
  std::array<double, N> out{};
  for (size_t i = 0; i < N; ++i) {
    auto x = want_float(a[i]);
    if (!x) return std::unexpected(x.error());
    out[i] = *x;
  }
  return out;
}

Result<Value> atan2_(sema_ctx*, Args a) {
  auto f = floats<2>(a);
  if (!f) return std::unexpected(f.error());
  return Value::real(std::atan2((*f)[0], (*f)[1]));
}

Result<Value> lerp(sema_ctx*, Args a) {
  auto f = floats<3>(a);
  if (!f) return std::unexpected(f.error());
  auto [x, y, t] = *f;
  return Value::real(x + (y - x) * t);
}

Result<Value> map_range(sema_ctx*, Args a) {
  auto f = floats<5>(a);
  if (!f) return std::unexpected(f.error());
  auto [v, in_min, in_max, out_min, out_max] = *f;
  return Value::real(out_min + (v - in_min) / (in_max - in_min) * (out_max - out_min));
}

}  // namespace

void register_transcendental(sema::Registry& r) {
  r.add<unary<sqrt_>>("sqrt", 1, 1);
  r.add<pow_>("pow", 2, 2);
  r.add<pow_>("expt", 2, 2, arity_label("pow"));
  r.add<pow_>("math/pow", 2, 2, arity_label("pow"));
  r.add<unary<log_>>("log", 1, 1);
  r.add<unary<sin_>>("sin", 1, 1);
  r.add<unary<cos_>>("cos", 1, 1);
  r.add<unary<tan_>>("math/tan", 1, 1);
  r.add<unary<asin_>>("math/asin", 1, 1);
  r.add<unary<acos_>>("math/acos", 1, 1);
  r.add<unary<atan_>>("math/atan", 1, 1);
  r.add<unary<sinh_>>("math/sinh", 1, 1);
  r.add<unary<cosh_>>("math/cosh", 1, 1);
  r.add<unary<tanh_>>("math/tanh", 1, 1);
  r.add<unary<exp_>>("math/exp", 1, 1);
  r.add<unary<log10_>>("math/log10", 1, 1);
  r.add<unary<log2_>>("math/log2", 1, 1);
  r.add<atan2_>("math/atan2", 2, 2);
  r.add<unary<to_radians>>("math/degrees->radians", 1, 1);
  r.add<unary<to_degrees>>("math/radians->degrees", 1, 1);
  r.add<lerp>("math/lerp", 3, 3);
  r.add<map_range>("math/map-range", 5, 5);
}

}  // namespace sema_math
