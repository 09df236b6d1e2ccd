// Per-size free lists for the runtime's small, short-lived blocks: heap
// objects, frames, list stores. An interpreter allocates and frees one of
// these per call or per value; recycling them skips malloc/free (and the
// --max-memory accounting around them) on the hot path.
//
// Lists are per thread (initial-exec TLS: one load, no __tls_get_addr call).
// A block freed on another thread than the one that made it simply joins that
// thread's list. Each list keeps at most kMaxFree blocks; more go back to
// operator delete, so a burst of short-lived values does not pin memory.
// Blocks come from (and return to) the global operator new, so --max-memory
// still counts them while they are cached.
#pragma once

#include <cstddef>
#include <cstdint>
#include <new>

namespace sema::rt::pool {

// Under AddressSanitizer every block goes straight to operator new/delete:
// recycled blocks would hide use-after-free from the sanitizer run.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kRecycle = false;
#else
inline constexpr bool kRecycle = true;
#endif

inline constexpr size_t kGrain = 16;        // size classes: 16, 32, … bytes
inline constexpr size_t kMaxSize = 256;     // larger blocks go to operator new
inline constexpr size_t kClasses = kMaxSize / kGrain;
inline constexpr uint32_t kMaxFree = 4096;  // cached blocks per class

struct FreeBlock {
  FreeBlock* next;
};
struct Lists {
  FreeBlock* head[kClasses];
  uint32_t count[kClasses];
  bool armed;  // this thread's drain-at-exit is registered
};
// constinit: without it every access calls a TLS init wrapper through the PLT.
extern thread_local constinit Lists t_lists __attribute__((tls_model("initial-exec")));

inline size_t class_of(size_t n) { return (n + kGrain - 1) / kGrain - 1; }

// The empty-list path: registers the thread's drain-at-exit, then allocates.
void* refill(size_t c);
// Registers the drain-at-exit of a thread that frees blocks it never made.
void arm();

inline void* alloc(size_t n) {
  if (kRecycle && n <= kMaxSize) [[likely]] {
    size_t c = class_of(n);
    Lists& l = t_lists;
    if (FreeBlock* b = l.head[c]) {
      l.head[c] = b->next;
      --l.count[c];
      return b;
    }
    return refill(c);
  }
  return ::operator new(n);
}

inline void free(void* p, size_t n) {
  if (kRecycle && n <= kMaxSize) [[likely]] {
    size_t c = class_of(n);
    Lists& l = t_lists;
    if (l.count[c] < kMaxFree) {
      if (!l.armed) [[unlikely]]
        arm();
      auto* b = static_cast<FreeBlock*>(p);
      b->next = l.head[c];
      l.head[c] = b;
      ++l.count[c];
      return;
    }
    ::operator delete(p, (c + 1) * kGrain);
    return;
  }
  ::operator delete(p, n);
}

// Class-specific allocation for a type (and, with a virtual destructor, all
// types derived from it: sized delete passes the dynamic size).
struct Pooled {
  static void* operator new(size_t n) { return alloc(n); }
  static void operator delete(void* p, size_t n) { free(p, n); }
};

}  // namespace sema::rt::pool
