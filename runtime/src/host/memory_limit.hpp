// --max-memory: a process-wide count of the bytes held through operator new
// (memory_new.cpp replaces it for the executable, the runtime and every
// plugin) and the limit it is checked against.
//
// Two thresholds, so that an allocation failure rarely has to unwind through
// the evaluator:
//  - soft (the limit): crossing it trips the limit and interrupts the running
//    evaluation, which stops at its next step with
//    `Eval error: out of memory (--max-memory N MB exceeded)`;
//  - hard (1.5 × the limit): an allocation that would go past it fails with
//    OutOfMemory (a std::bad_alloc), so one builtin cannot run away; the
//    plugin boundary and sema::Runtime turn it into the same Sema error.
// Without a limit, a single request larger than the machine's physical memory
// fails the same way instead of reaching the kernel's overcommit.
#pragma once

#include <cstddef>
#include <new>
#include <string>

namespace sema::rt::memory {

class OutOfMemory : public std::bad_alloc {
 public:
  const char* what() const noexcept override;
};

// Sets the limit (0 = none) and the function called (from inside operator
// new: it must only set a flag) when the soft limit is crossed.
void set_limit(size_t bytes, void (*on_trip)(void*) = nullptr, void* arg = nullptr);
size_t limit();
// Bytes currently held through operator new since counting started.
long long in_use();
// Whether an allocation crossed the limit or failed since the last clear.
bool tripped();
void clear_tripped();
// "out of memory (--max-memory N MB exceeded)" or "out of memory".
std::string message();

}  // namespace sema::rt::memory

// The allocation entry points the operator new replacement forwards to
// (exported from libsema-runtime so that an executable-level replacement, used
// in sanitizer builds, counts in the same place).
extern "C" {
void* sema_rt_alloc(size_t n, size_t align, int nothrow);
void sema_rt_free(void* p);
}
