// math/random and math/random-int (stdlib.md §6.1), from one per-thread
// generator seeded by the OS.
#include "math_common.hpp"

#include <random>

namespace sema_math {
namespace {

std::mt19937_64& generator() {
  thread_local std::mt19937_64 gen{std::random_device{}()};
  return gen;
}

// Uniform in [0, 1).
Result<Value> random(sema_ctx*, Args) { return Value::real(std::uniform_real_distribution<double>(0.0, 1.0)(generator())); }

// Uniform in [lo, hi], both inclusive; an empty range is an error (Rust
// panics there, §1.9).
Result<Value> random_int(sema_ctx*, Args a) {
  auto lo = sema::want_int(a[0]);
  if (!lo) return std::unexpected(lo.error());
  auto hi = sema::want_int(a[1]);
  if (!hi) return std::unexpected(hi.error());
  if (*lo > *hi) return sema::eval_error("math/random-int: empty range");
  return Value::integer(std::uniform_int_distribution<int64_t>(*lo, *hi)(generator()));
}

}  // namespace

void register_random(sema::Registry& r) {
  r.add<random>("math/random", 0, 0);
  r.add<random_int>("math/random-int", 2, 2);
}

}  // namespace sema_math
