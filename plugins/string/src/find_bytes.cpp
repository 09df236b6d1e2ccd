// Substring search without a dispatch library (performance.md §14b): the
// Highway kernel this replaces needed libhwy.so, whose load-time initialiser
// cost ~3 ms of every start. SSE2 is part of x86-64 itself, so its kernel
// needs no CPU check.
//
// Kernel: compare 16 candidate starts against the needle's first byte and,
// at the matching offset, its last byte; only positions where both agree are
// checked with memcmp. The remaining candidates (and one-byte needles, and
// other CPUs) go through libc's vectorised memchr for the first byte. A first
// byte that keeps matching there (looking for "ab" in "aaaa…") would make that
// a call per byte, so after kFalseStarts wrong candidates the rest goes to
// memmem, which is linear on any input.
#include "find_bytes.hpp"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace sema_string {

namespace {

constexpr int kFalseStarts = 16;

// Candidates [i, last]; h[0, last + m) is readable.
size_t find_from(const char* h, size_t i, size_t last, std::string_view needle) {
  const size_t m = needle.size();
#if defined(__SSE2__)
  if (m >= 2) {
    const __m128i first = _mm_set1_epi8(needle[0]);
    const __m128i final = _mm_set1_epi8(needle[m - 1]);
    // A block of candidates [i, i + 16) reads bytes up to i + 15 + m - 1.
    for (; i + 16 <= last + 1; i += 16) {
      __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(h + i));
      __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(h + i + m - 1));
      __m128i both = _mm_and_si128(_mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, final));
      auto hits = static_cast<unsigned>(_mm_movemask_epi8(both));
      for (; hits != 0; hits &= hits - 1) {
        size_t at = i + static_cast<size_t>(__builtin_ctz(hits));
        if (std::memcmp(h + at + 1, needle.data() + 1, m - 2) == 0) return at;
      }
    }
  }
#endif
  const char* p = h + i;
  const char* end = h + last;
  for (int misses = 0; misses < kFalseStarts; ++misses) {
    p = static_cast<const char*>(std::memchr(p, needle[0], static_cast<size_t>(end - p) + 1));
    if (p == nullptr) return npos;
    if (std::memcmp(p + 1, needle.data() + 1, m - 1) == 0) return static_cast<size_t>(p - h);
    if (p == end) return npos;
    ++p;
  }
  const void* at = memmem(p, static_cast<size_t>(end - p) + m, needle.data(), m);
  return at == nullptr ? npos : static_cast<size_t>(static_cast<const char*>(at) - h);
}

}  // namespace

size_t find_bytes(std::string_view hay, std::string_view needle, size_t from) {
  if (from > hay.size()) return npos;
  if (needle.empty()) return from;
  const size_t n = hay.size() - from;
  if (needle.size() > n) return npos;
  size_t k = find_from(hay.data() + from, 0, n - needle.size(), needle);
  return k == npos ? npos : from + k;
}

}  // namespace sema_string
