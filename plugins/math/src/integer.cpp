// Integer division and number theory (stdlib.md §6.1): math/quotient,
// math/remainder, math/gcd, math/lcm. All wrap instead of overflowing.
#include "math_common.hpp"

#include <numeric>

namespace sema_math {
namespace {

struct IntPair {
  int64_t a, b;
};
Result<IntPair> two_ints(Args args) {
  auto a = sema::want_int(args[0]);
  if (!a) return std::unexpected(a.error());
  auto b = sema::want_int(args[1]);
  if (!b) return std::unexpected(b.error());
  return IntPair{*a, *b};
}

// Truncated toward zero; i64 min / -1 wraps to i64 min.
Result<Value> quotient(sema_ctx*, Args args) {
  auto p = two_ints(args);
  if (!p) return std::unexpected(p.error());
  if (p->b == 0) return sema::eval_error("math/quotient: division by zero");
  if (p->b == -1) return Value::integer(wrap_neg(p->a));
  return Value::integer(p->a / p->b);
}

// The sign follows the dividend; i64 min rem -1 is 0.
Result<Value> remainder(sema_ctx*, Args args) {
  auto p = two_ints(args);
  if (!p) return std::unexpected(p.error());
  if (p->b == 0) return sema::eval_error("math/remainder: division by zero");
  if (p->b == -1) return Value::integer(0);
  return Value::integer(p->a % p->b);
}

// On the absolute values, computed unsigned so |i64 min| = 2^63 is exact;
// the result is read back as i64 (so gcd(i64 min, 0) wraps to i64 min).
Result<Value> gcd(sema_ctx*, Args args) {
  auto p = two_ints(args);
  if (!p) return std::unexpected(p.error());
  return Value::integer(static_cast<int64_t>(std::gcd(unsigned_abs(p->a), unsigned_abs(p->b))));
}

// |a| / gcd · |b|, wrapping; 0 when either is 0.
Result<Value> lcm(sema_ctx*, Args args) {
  auto p = two_ints(args);
  if (!p) return std::unexpected(p.error());
  if (p->a == 0 || p->b == 0) return Value::integer(0);
  uint64_t x = unsigned_abs(p->a), y = unsigned_abs(p->b);
  return Value::integer(static_cast<int64_t>(x / std::gcd(x, y) * y));
}

}  // namespace

void register_integer(sema::Registry& r) {
  r.add<quotient>("math/quotient", 2, 2);
  r.add<remainder>("math/remainder", 2, 2);
  r.add<gcd>("math/gcd", 2, 2);
  r.add<lcm>("math/lcm", 2, 2);
}

}  // namespace sema_math
