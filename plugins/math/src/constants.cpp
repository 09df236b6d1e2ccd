// The math constants, bound as global variables (stdlib.md §6.2).
#include "math_common.hpp"

#include <numbers>

namespace sema_math {

void register_constants(sema::Registry& r) {
  r.constant("pi", Value::real(std::numbers::pi));
  r.constant("e", Value::real(std::numbers::e));
  r.constant("math/infinity", Value::real(std::numeric_limits<double>::infinity()));
  r.constant("math/nan", Value::real(std::numeric_limits<double>::quiet_NaN()));
}

}  // namespace sema_math
