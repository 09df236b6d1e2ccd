// Compiled once per SIMD target by foreach_target; the best one for this
// CPU is picked once, when the plugin is loaded (best_target below).
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
#if HWY_ARCH_X86 && defined(__GNUC__)
// On x86 the target is chosen here rather than by HWY_DYNAMIC_DISPATCH,
// whose chooser lives in libhwy.so: Debian's build of it (1.0.3) spends
// ~3.3 ms when loaded timing the clock for the nanobenchmark it also holds,
// which was most of what loading fastio cost a script. Each target is taken
// when the CPU (and the OS, which GCC's checks include) has every feature
// Highway's own chooser requires of it.
namespace {
enum class Target { kScalar, kSsse3, kSse4, kAvx2 };

Target best_target() {
  __builtin_cpu_init();
  const bool ssse3 = __builtin_cpu_supports("ssse3");
  const bool sse4 = ssse3 && __builtin_cpu_supports("sse4.1") && __builtin_cpu_supports("sse4.2") &&
                    __builtin_cpu_supports("pclmul") && __builtin_cpu_supports("aes");
  const bool avx2 = sse4 && __builtin_cpu_supports("avx") && __builtin_cpu_supports("avx2") &&
                    __builtin_cpu_supports("bmi") && __builtin_cpu_supports("bmi2") && __builtin_cpu_supports("fma") &&
                    __builtin_cpu_supports("lzcnt") && __builtin_cpu_supports("f16c");
#if HWY_TARGETS & HWY_AVX2
  if (avx2) return Target::kAvx2;
#endif
#if HWY_TARGETS & HWY_SSE4
  if (sse4) return Target::kSse4;
#endif
#if HWY_TARGETS & HWY_SSSE3
  if (ssse3) return Target::kSsse3;
#endif
  (void)avx2;
  (void)sse4;
  return Target::kScalar;
}

// The compiled variant of a function for target t, else the baseline's.
template <class F>
F pick(Target t, F avx2, F sse4, F ssse3, F baseline) {
  switch (t) {
    case Target::kAvx2: return avx2 ? avx2 : baseline;
    case Target::kSse4: return sse4 ? sse4 : baseline;
    case Target::kSsse3: return ssse3 ? ssse3 : baseline;
    case Target::kScalar: break;
  }
  return baseline;
}

#if HWY_TARGETS & HWY_AVX2
#define FASTIO_AVX2(f) &N_AVX2::f
#else
#define FASTIO_AVX2(f) nullptr
#endif
#if HWY_TARGETS & HWY_SSE4
#define FASTIO_SSE4(f) &N_SSE4::f
#else
#define FASTIO_SSE4(f) nullptr
#endif
#if HWY_TARGETS & HWY_SSSE3
#define FASTIO_SSSE3(f) &N_SSSE3::f
#else
#define FASTIO_SSSE3(f) nullptr
#endif
#define FASTIO_PICK(t, f) pick(t, FASTIO_AVX2(f), FASTIO_SSE4(f), FASTIO_SSSE3(f), &HWY_STATIC_DISPATCH(f))

struct Chosen {
  decltype(&HWY_STATIC_DISPATCH(NewlineBitsImpl)) newline_bits;
  decltype(&HWY_STATIC_DISPATCH(AsciiPrefixImpl)) ascii_prefix;
};
const Chosen chosen = [] {
  Target t = best_target();
  return Chosen{FASTIO_PICK(t, NewlineBitsImpl), FASTIO_PICK(t, AsciiPrefixImpl)};
}();
}  // namespace

void newline_bits(const uint8_t* p, size_t n, uint64_t* bits) { chosen.newline_bits(p, n, bits); }
size_t ascii_prefix(const uint8_t* p, size_t n) { return chosen.ascii_prefix(p, n); }
#else
HWY_EXPORT(NewlineBitsImpl);
HWY_EXPORT(AsciiPrefixImpl);

void newline_bits(const uint8_t* p, size_t n, uint64_t* bits) { HWY_DYNAMIC_DISPATCH(NewlineBitsImpl)(p, n, bits); }
size_t ascii_prefix(const uint8_t* p, size_t n) { return HWY_DYNAMIC_DISPATCH(AsciiPrefixImpl)(p, n); }
#endif
}  // namespace fastio
#endif
