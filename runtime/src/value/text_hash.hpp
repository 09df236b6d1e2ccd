// Hashing and equality of texts, inline: a hashmap lookup of a fresh string
// key (1BRC's station name, once per row) hashes and compares it here
// without a call through hash() or memcmp.
#pragma once

#include "value/value.hpp"

#include <cstdint>
#include <cstring>
#include <string_view>

namespace sema::rt {

constexpr uint64_t hash_mix(uint64_t x) {  // splitmix64 finaliser
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ull;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebull;
  x ^= x >> 31;
  return x;
}

// Texts over 16 bytes: std::hash, combined with the seed (compare.cpp).
uint64_t hash_long_bytes(std::string_view s, uint64_t seed);

// A 4-byte word of p, as an integer.
inline uint64_t word4(const char* p) {
  uint32_t v;
  std::memcpy(&v, p, 4);
  return v;
}

// The offset of the inner words of a text of 4 to 16 bytes (n >> 3 << 2:
// 0, 4 or 8): words at 0, d, n-4-d and n-4 lie inside the text and cover
// every byte of it, for any n from 4 to 16, with no branch on n. (A name's
// length is random per row, 4-13 bytes in 1BRC: a branch on it at 8 is
// mispredicted about every other row, performance.md §35.)
inline size_t inner_offset(size_t n) { return n >> 3 << 2; }

// Up to 16 bytes are read as four 4-byte words (which together hold every
// byte, so with the length they determine the text) and mixed by one
// 64x64->128-bit multiply whose halves are folded together (wyhash's "mum"):
// the high half depends on every input bit, so the table's position (high
// bits) and tag (low byte) both vary with every byte, for a third of the
// instructions of two splitmix rounds.
inline uint64_t hash_bytes(std::string_view s, uint64_t seed) {
  const char* p = s.data();
  size_t n = s.size();
  uint64_t a = 0, b = 0;
  if (n > 16) [[unlikely]]
    return hash_long_bytes(s, seed);
  if (n >= 4) [[likely]] {
    size_t d = inner_offset(n);
    a = word4(p) << 32 | word4(p + d);
    b = word4(p + n - 4) << 32 | word4(p + n - 4 - d);
  } else if (n > 0) {
    auto byte = [&](size_t i) { return static_cast<uint64_t>(static_cast<unsigned char>(p[i])); };
    a = byte(0) << 16 | byte(n / 2) << 8 | byte(n - 1);
  }
  __extension__ using u128 = unsigned __int128;
  u128 m = static_cast<u128>(a ^ seed ^ (n * 0x9e3779b97f4a7c15ull)) * (b ^ 0xe7037ed1a0b428dbull);
  return static_cast<uint64_t>(m) ^ static_cast<uint64_t>(m >> 64);
}

inline constexpr uint64_t kStringSeed = hash_mix(static_cast<uint64_t>(SEMA_T_STRING) + 1);

// hash() of a string with text t, without the string (a hashmap lookup by
// a field's bytes finds the string keys with that text).
inline uint64_t text_hash(std::string_view t) { return hash_bytes(t, kStringSeed); }

// hash() of a string, memoised in the object (0 = not yet).
inline uint64_t string_hash(const StringObj* s) {
  if (s->hash_memo != 0) return s->hash_memo;
  uint64_t h = text_hash(s->text);
  s->hash_memo = h;
  return h;
}

// Whether p and q agree in their first and last sizeof(U) bytes (n of
// each, n >= sizeof(U)): with the two overlapping, that is all n bytes.
template <class U>
inline bool same_ends(const char* p, const char* q, size_t n) {
  U a, b, c, d;
  std::memcpy(&a, p, sizeof(U));
  std::memcpy(&b, p + n - sizeof(U), sizeof(U));
  std::memcpy(&c, q, sizeof(U));
  std::memcpy(&d, q + n - sizeof(U), sizeof(U));
  return ((a ^ c) | (b ^ d)) == 0;
}

// Equal texts; up to 16 bytes compared as two overlapping words. Its
// branch at 8 bytes is left: in a lookup it follows hash_bytes' words of
// the same text, so a history-based predictor can know the length's side
// of 8 from there, and the branch-free form of hash_bytes cost ~16 more
// instructions a row here (performance.md §35).
inline bool same_text(std::string_view x, std::string_view y) {
  size_t n = x.size();
  if (n != y.size()) return false;
  if (n > 16) [[unlikely]]
    return std::memcmp(x.data(), y.data(), n) == 0;
  const char *p = x.data(), *q = y.data();
  if (n >= 8) return same_ends<uint64_t>(p, q, n);
  if (n >= 4) return same_ends<uint32_t>(p, q, n);
  for (size_t i = 0; i < n; ++i)
    if (p[i] != q[i]) return false;
  return true;
}

}  // namespace sema::rt
