// bit/* (stdlib.md §6.3): 64-bit two's complement; shift counts are masked
// to 6 bits like release-build Rust, and bits shifted out are lost.
#include "math_common.hpp"

namespace sema_math {
namespace {

template <int64_t (*Op)(int64_t, int64_t)>
Result<Value> binary(sema_ctx*, Args a) {
  auto x = sema::want_int(a[0]);
  if (!x) return std::unexpected(x.error());
  auto y = sema::want_int(a[1]);
  if (!y) return std::unexpected(y.error());
  return Value::integer(Op(*x, *y));
}

int64_t and_(int64_t x, int64_t y) { return x & y; }
int64_t or_(int64_t x, int64_t y) { return x | y; }
int64_t xor_(int64_t x, int64_t y) { return x ^ y; }
int64_t shl(int64_t x, int64_t n) { return static_cast<int64_t>(static_cast<uint64_t>(x) << (n & 63)); }
int64_t shr(int64_t x, int64_t n) { return x >> (n & 63); }  // arithmetic (sign-extending) since C++20

Result<Value> not_(sema_ctx*, Args a) {
  auto x = sema::want_int(a[0]);
  if (!x) return std::unexpected(x.error());
  return Value::integer(~*x);
}

}  // namespace

void register_bitwise(sema::Registry& r) {
  r.add<binary<and_>>("bit/and", 2, 2);
  r.add<binary<or_>>("bit/or", 2, 2);
  r.add<binary<xor_>>("bit/xor", 2, 2);
  r.add<not_>("bit/not", 1, 1);
  r.add<binary<shl>>("bit/shift-left", 2, 2);
  r.add<binary<shr>>("bit/shift-right", 2, 2);
}

}  // namespace sema_math
