// The --max-memory accounting (memory_limit.hpp). Counting is off until a
// limit is set, so a run without --max-memory pays one relaxed load per
// allocation and nothing else.
#include "host/memory_limit.hpp"

#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <string>

namespace sema::rt::memory {
namespace {

std::atomic<bool> g_counting{false};
std::atomic<long long> g_in_use{0};
std::atomic<size_t> g_limit{0};
std::atomic<size_t> g_hard{0};
std::atomic<bool> g_tripped{false};
std::atomic<void (*)(void*)> g_on_trip{nullptr};
std::atomic<void*> g_on_trip_arg{nullptr};
char g_message[96] = "out of memory";

size_t physical_memory() {
  static const size_t bytes = [] {
    long pages = sysconf(_SC_PHYS_PAGES), page = sysconf(_SC_PAGESIZE);
    return pages > 0 && page > 0 ? static_cast<size_t>(pages) * static_cast<size_t>(page) : ~size_t{0};
  }();
  return bytes;
}

void trip() {
  if (g_tripped.exchange(true, std::memory_order_relaxed)) return;
  if (auto fn = g_on_trip.load(std::memory_order_relaxed)) fn(g_on_trip_arg.load(std::memory_order_relaxed));
}

// Requests below this size are never refused by the limit (only by malloc):
// the soft trip already stops the evaluation, and refusing the few bytes an
// error report needs would turn a clean error into a second failure.
constexpr size_t kSmall = 64 * 1024;

// Whether a request of n bytes may go ahead; trips the limit when it crosses it.
bool admit(size_t n) {
  if (n > physical_memory()) {
    trip();
    return false;
  }
  if (!g_counting.load(std::memory_order_relaxed)) return true;
  long long after = g_in_use.load(std::memory_order_relaxed) + static_cast<long long>(n);
  size_t limit = g_limit.load(std::memory_order_relaxed);
  if (limit == 0 || after <= static_cast<long long>(limit)) return true;
  trip();
  return n < kSmall || after <= static_cast<long long>(g_hard.load(std::memory_order_relaxed));
}

}  // namespace

const char* OutOfMemory::what() const noexcept { return g_message; }

void set_limit(size_t bytes, void (*on_trip)(void*), void* arg) {
  g_on_trip.store(on_trip, std::memory_order_relaxed);
  g_on_trip_arg.store(arg, std::memory_order_relaxed);
  g_limit.store(bytes, std::memory_order_relaxed);
  g_hard.store(bytes + bytes / 2, std::memory_order_relaxed);
  if (bytes > 0) {
    // Rendered once here: what() must not allocate while memory is short.
    std::string m = "out of memory (--max-memory " + std::to_string(bytes >> 20) + " MB exceeded)";
    m.copy(g_message, sizeof g_message - 1);
    g_message[std::min(m.size(), sizeof g_message - 1)] = '\0';
    g_counting.store(true, std::memory_order_relaxed);
  } else {
    std::string("out of memory").copy(g_message, sizeof g_message - 1);
    g_message[13] = '\0';
  }
  g_tripped.store(false, std::memory_order_relaxed);
}

size_t limit() { return g_limit.load(std::memory_order_relaxed); }
long long in_use() { return g_in_use.load(std::memory_order_relaxed); }
bool tripped() { return g_tripped.load(std::memory_order_relaxed); }
void clear_tripped() { g_tripped.store(false, std::memory_order_relaxed); }
std::string message() { return g_message; }

}  // namespace sema::rt::memory

using namespace sema::rt::memory;

namespace {

// Everything but the common case: counting on, a zero-size, over-aligned or
// large request, or malloc failing.
__attribute__((noinline)) void* alloc_slow(size_t n, size_t align, int nothrow) {
  if (n == 0) n = 1;
  void* p = nullptr;
  if (admit(n)) {
    if (align <= alignof(std::max_align_t))
      p = std::malloc(n);
    else if (posix_memalign(&p, align, n) != 0)
      p = nullptr;
  }
  if (p == nullptr) {
    trip();
    if (nothrow) return nullptr;
    throw OutOfMemory();
  }
  // Counting the usable size on both sides keeps the count exact without
  // needing the size at delete.
  if (g_counting.load(std::memory_order_relaxed))
    g_in_use.fetch_add(static_cast<long long>(malloc_usable_size(p)), std::memory_order_relaxed);
  return p;
}

// Requests up to this size skip the physical-memory check on the fast path.
constexpr size_t kFastMax = size_t{1} << 20;

}  // namespace

extern "C" {

// nothrow: return nullptr instead of throwing (the nothrow operator new forms).
// This runs for every C++ allocation of the process: without --max-memory an
// ordinary request is one relaxed load, three compares and malloc (no saved
// registers); everything else lives in alloc_slow.
__attribute__((visibility("default"))) void* sema_rt_alloc(size_t n, size_t align, int nothrow) {
  if (!g_counting.load(std::memory_order_relaxed) && n - 1 < kFastMax && align <= alignof(std::max_align_t))
      [[likely]] {
    if (void* p = std::malloc(n)) [[likely]]
      return p;
  }
  return alloc_slow(n, align, nothrow);
}

__attribute__((visibility("default"))) void sema_rt_free(void* p) {
  if (p != nullptr && g_counting.load(std::memory_order_relaxed)) [[unlikely]]
    g_in_use.fetch_sub(static_cast<long long>(malloc_usable_size(p)), std::memory_order_relaxed);
  std::free(p);
}

}  // extern "C"
