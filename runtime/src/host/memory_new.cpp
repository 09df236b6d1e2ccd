// Replaces the global operator new/delete so every C++ allocation of the
// process (executable, runtime, plugins) is counted for --max-memory
// (memory_limit.hpp). Compiled into libsema-runtime, which interposes for the
// executable and the plugins; sanitizer builds also compile it into each
// executable, where it wins over the sanitizer runtime's own operator new.
#include "memory_limit.hpp"

#include <cstddef>
#include <new>

#define SEMA_NEW_EXPORT __attribute__((visibility("default")))

namespace {
constexpr size_t kPlain = alignof(std::max_align_t);
}

SEMA_NEW_EXPORT void* operator new(size_t n) { return sema_rt_alloc(n, kPlain, 0); }
SEMA_NEW_EXPORT void* operator new[](size_t n) { return sema_rt_alloc(n, kPlain, 0); }
SEMA_NEW_EXPORT void* operator new(size_t n, const std::nothrow_t&) noexcept { return sema_rt_alloc(n, kPlain, 1); }
SEMA_NEW_EXPORT void* operator new[](size_t n, const std::nothrow_t&) noexcept { return sema_rt_alloc(n, kPlain, 1); }
SEMA_NEW_EXPORT void* operator new(size_t n, std::align_val_t a) { return sema_rt_alloc(n, static_cast<size_t>(a), 0); }
SEMA_NEW_EXPORT void* operator new[](size_t n, std::align_val_t a) { return sema_rt_alloc(n, static_cast<size_t>(a), 0); }
SEMA_NEW_EXPORT void* operator new(size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  return sema_rt_alloc(n, static_cast<size_t>(a), 1);
}
SEMA_NEW_EXPORT void* operator new[](size_t n, std::align_val_t a, const std::nothrow_t&) noexcept {
  return sema_rt_alloc(n, static_cast<size_t>(a), 1);
}

SEMA_NEW_EXPORT void operator delete(void* p) noexcept { sema_rt_free(p); }
SEMA_NEW_EXPORT void operator delete[](void* p) noexcept { sema_rt_free(p); }
SEMA_NEW_EXPORT void operator delete(void* p, size_t) noexcept { sema_rt_free(p); }
SEMA_NEW_EXPORT void operator delete[](void* p, size_t) noexcept { sema_rt_free(p); }
SEMA_NEW_EXPORT void operator delete(void* p, const std::nothrow_t&) noexcept { sema_rt_free(p); }
SEMA_NEW_EXPORT void operator delete[](void* p, const std::nothrow_t&) noexcept { sema_rt_free(p); }
SEMA_NEW_EXPORT void operator delete(void* p, std::align_val_t) noexcept { sema_rt_free(p); }
SEMA_NEW_EXPORT void operator delete[](void* p, std::align_val_t) noexcept { sema_rt_free(p); }
SEMA_NEW_EXPORT void operator delete(void* p, size_t, std::align_val_t) noexcept { sema_rt_free(p); }
SEMA_NEW_EXPORT void operator delete[](void* p, size_t, std::align_val_t) noexcept { sema_rt_free(p); }
SEMA_NEW_EXPORT void operator delete(void* p, std::align_val_t, const std::nothrow_t&) noexcept { sema_rt_free(p); }
SEMA_NEW_EXPORT void operator delete[](void* p, std::align_val_t, const std::nothrow_t&) noexcept { sema_rt_free(p); }
