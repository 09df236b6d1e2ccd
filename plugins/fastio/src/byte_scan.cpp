// Compiled once per SIMD target by foreach_target; HWY_DYNAMIC_DISPATCH picks
// the best one for this CPU at run time.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "byte_scan.cpp"
#include <hwy/foreach_target.h>  // IWYU pragma: keep
#include <hwy/highway.h>

#include "byte_scan.hpp"

HWY_BEFORE_NAMESPACE();
namespace fastio {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

size_t FindByteImpl(const uint8_t* p, size_t n, uint8_t byte) {
  const hn::ScalableTag<uint8_t> d;
  const size_t lanes = hn::Lanes(d);
  const auto needle = hn::Set(d, byte);
  size_t i = 0;
  for (; i + lanes <= n; i += lanes) {
    const intptr_t pos = hn::FindFirstTrue(d, hn::Eq(hn::LoadU(d, p + i), needle));
    if (pos >= 0) return i + static_cast<size_t>(pos);
  }
  for (; i < n; ++i)
    if (p[i] == byte) return i;
  return n;
}

}  // namespace HWY_NAMESPACE
}  // namespace fastio
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace fastio {
HWY_EXPORT(FindByteImpl);

size_t find_byte(const uint8_t* p, size_t n, uint8_t byte) { return HWY_DYNAMIC_DISPATCH(FindByteImpl)(p, n, byte); }
}  // namespace fastio
#endif
