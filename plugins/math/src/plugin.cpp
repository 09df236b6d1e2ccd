// The math plugin: stdlib.md §6 (math.rs and bitwise.rs), plus the constants
// pi, e, math/infinity and math/nan.
#include "math_common.hpp"

namespace {
void register_all(sema::Registry& r) {
  sema_math::register_rounding(r);
  sema_math::register_minmax(r);
  sema_math::register_conversions(r);
  sema_math::register_transcendental(r);
  sema_math::register_integer(r);
  sema_math::register_random(r);
  sema_math::register_bitwise(r);
  sema_math::register_constants(r);
}
}  // namespace

SEMA_PLUGIN("math", "1.0.0", register_all)
