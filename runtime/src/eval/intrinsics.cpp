// The intrinsics' out-of-line entry points (intrinsics.hpp).
#include "eval/intrinsics.hpp"

namespace sema::rt {

[[SEMA_HOT_TEXT]] bool outlined_intrinsic1(uint8_t id, Word a, Word& out) { return intrinsic1(id, a, out); }
[[SEMA_HOT_TEXT]] bool outlined_intrinsic2(uint8_t id, Word a, Word b, Word& out) { return intrinsic2(id, a, b, out); }

}  // namespace sema::rt
