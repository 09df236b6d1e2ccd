// Highway compiles the kernel below once per SIMD target (foreach_target) and
// picks the best one for the running CPU on first use (HWY_DYNAMIC_DISPATCH).
//
// Kernel: compare a vector of candidate starts against the needle's first
// byte and, for longer needles, the needle's last byte at the matching
// offset; only positions where both agree are checked with memcmp. A
// one-byte needle goes to libc's memchr instead (find_bytes).
#include "find_bytes.hpp"

#include <cstdint>
#include <cstring>

#undef HWY_TARGET_INCLUDE
#define HWY_TARGET_INCLUDE "find_bytes.cpp"
#include <hwy/foreach_target.h>  // IWYU pragma: keep
#include <hwy/highway.h>

HWY_BEFORE_NAMESPACE();
namespace sema_string {
namespace HWY_NAMESPACE {
namespace hn = hwy::HWY_NAMESPACE;

// Requires 1 <= m <= n.
size_t FindImpl(const uint8_t* h, size_t n, const uint8_t* nd, size_t m) {
  const hn::ScalableTag<uint8_t> d;
  const size_t lanes = hn::Lanes(d);
  const auto first = hn::Set(d, nd[0]);
  size_t i = 0;
  if (m == 1) {
    for (; i + lanes <= n; i += lanes) {
      intptr_t k = hn::FindFirstTrue(d, hn::Eq(hn::LoadU(d, h + i), first));
      if (k >= 0) return i + static_cast<size_t>(k);
    }
    for (; i < n; ++i)
      if (h[i] == nd[0]) return i;
    return npos;
  }
  const size_t last_start = n - m;  // the last possible match position
  const auto last = hn::Set(d, nd[m - 1]);
  // A vector of candidates [i, i + lanes) needs bytes up to i + lanes - 1 + m - 1.
  while (i + lanes <= last_start + 1) {
    auto hits = hn::And(hn::Eq(hn::LoadU(d, h + i), first), hn::Eq(hn::LoadU(d, h + i + m - 1), last));
    intptr_t k = hn::FindFirstTrue(d, hits);
    if (k < 0) {
      i += lanes;
      continue;
    }
    size_t pos = i + static_cast<size_t>(k);
    if (std::memcmp(h + pos + 1, nd + 1, m - 2) == 0) return pos;
    i = pos + 1;  // resume just after the false candidate
  }
  for (; i <= last_start; ++i)
    if (h[i] == nd[0] && std::memcmp(h + i, nd, m) == 0) return i;
  return npos;
}

}  // namespace HWY_NAMESPACE
}  // namespace sema_string
HWY_AFTER_NAMESPACE();

#if HWY_ONCE
namespace sema_string {

HWY_EXPORT(FindImpl);

size_t find_bytes(std::string_view hay, std::string_view needle, size_t from) {
  if (from > hay.size()) return npos;
  if (needle.empty()) return from;
  const size_t n = hay.size() - from;
  if (needle.size() > n) return npos;
  const auto* h = reinterpret_cast<const uint8_t*>(hay.data()) + from;
  if (needle.size() == 1) {
    // libc's memchr is already vectorised and handles a short haystack (a
    // 1BRC line) without the scalar tail the kernel falls back to.
    const void* at = std::memchr(h, needle[0], n);
    return at == nullptr ? npos : from + static_cast<size_t>(static_cast<const uint8_t*>(at) - h);
  }
  const auto* nd = reinterpret_cast<const uint8_t*>(needle.data());
  size_t k = HWY_DYNAMIC_DISPATCH(FindImpl)(h, n, nd, needle.size());
  return k == npos ? npos : from + k;
}

}  // namespace sema_string
#endif
