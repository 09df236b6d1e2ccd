// Compiled once per SIMD target by foreach_target; HWY_DYNAMIC_DISPATCH picks
// the best one for this CPU at run time.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "byte_scan.cpp"
#include <hwy/foreach_target.h>  // IWYU pragma: keep
#include <hwy/highway.h>

#include "byte_scan.hpp"

#include <cstring>

HWY_BEFORE_NAMESPACE();
namespace fastio {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

void NewlineBitsImpl(const uint8_t* p, size_t n, uint64_t* bits) {
  const hn::ScalableTag<uint8_t> d;
  const size_t lanes = hn::Lanes(d);
  size_t i = 0;
  // Whole 64-byte words by vectors, when a word is a whole number of them
  // (StoreMaskBits writes lanes/8 bytes, lane k at bit k % 8 of byte k / 8).
  if (lanes >= 8 && 64 % lanes == 0) {
    const auto newline = hn::Set(d, uint8_t{'\n'});
    for (; i + 64 <= n; i += 64) {
      uint8_t word[8];
      for (size_t k = 0; k < 64; k += lanes) hn::StoreMaskBits(d, hn::Eq(hn::LoadU(d, p + i + k), newline), word + k / 8);
      std::memcpy(&bits[i / 64], word, 8);
    }
  }
  for (; i < n; i += 64) {
    uint64_t w = 0;
    for (size_t j = 0; j < 64 && i + j < n; ++j) w |= static_cast<uint64_t>(p[i + j] == '\n') << j;
    bits[i / 64] = w;
  }
}

}  // namespace HWY_NAMESPACE
}  // namespace fastio
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace fastio {
HWY_EXPORT(NewlineBitsImpl);

void newline_bits(const uint8_t* p, size_t n, uint64_t* bits) { HWY_DYNAMIC_DISPATCH(NewlineBitsImpl)(p, n, bits); }
}  // namespace fastio
#endif
