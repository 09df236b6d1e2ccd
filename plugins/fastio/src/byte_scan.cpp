// Compiled once per SIMD target by foreach_target; HWY_DYNAMIC_DISPATCH picks
// the best one for this CPU at run time.
#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "byte_scan.cpp"
#include <hwy/foreach_target.h>  // IWYU pragma: keep
#include <hwy/highway.h>

#include "byte_scan.hpp"

#include <bit>
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

size_t AsciiPrefixImpl(const uint8_t* p, size_t n) {
  const hn::ScalableTag<uint8_t> d;
  const size_t lanes = hn::Lanes(d);
  const auto high = hn::Set(d, uint8_t{0x80});
  size_t i = 0;
  // Four vectors at a time: one test per 4 * lanes bytes of ASCII.
  for (; i + 4 * lanes <= n; i += 4 * lanes) {
    auto any = hn::Or(hn::Or(hn::LoadU(d, p + i), hn::LoadU(d, p + i + lanes)),
                      hn::Or(hn::LoadU(d, p + i + 2 * lanes), hn::LoadU(d, p + i + 3 * lanes)));
    if (!hn::AllTrue(d, hn::Eq(hn::And(any, high), hn::Zero(d)))) break;
  }
  // Then the word with the first high byte, found by its lowest high bit.
  if constexpr (std::endian::native == std::endian::little) {
    for (; i + 8 <= n; i += 8) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (uint64_t h = w & 0x8080808080808080ull) return i + static_cast<size_t>(std::countr_zero(h)) / 8;
    }
  }
  while (i < n && p[i] < 0x80) ++i;
  return i;
}

}  // namespace HWY_NAMESPACE
}  // namespace fastio
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace fastio {
HWY_EXPORT(NewlineBitsImpl);
HWY_EXPORT(AsciiPrefixImpl);

void newline_bits(const uint8_t* p, size_t n, uint64_t* bits) { HWY_DYNAMIC_DISPATCH(NewlineBitsImpl)(p, n, bits); }
size_t ascii_prefix(const uint8_t* p, size_t n) { return HWY_DYNAMIC_DISPATCH(AsciiPrefixImpl)(p, n); }
}  // namespace fastio
#endif
