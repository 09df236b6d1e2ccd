// Thread-exit handling of the per-size free lists (pool.hpp).
#include "value/pool.hpp"

namespace sema::rt::pool {

thread_local constinit Lists t_lists __attribute__((tls_model("initial-exec"))) = {};

namespace {

// Returns every cached block when its thread ends (the evaluator runs on a
// fresh big-stack thread per run). Afterwards the lists stay "full", so
// blocks freed later on this thread (static destructors at exit) go straight
// back to operator delete instead of being cached where nobody frees them.
struct Drain {
  bool armed = false;
  ~Drain() {
    Lists& l = t_lists;
    for (size_t c = 0; c < kClasses; ++c) {
      while (FreeBlock* b = l.head[c]) {
        l.head[c] = b->next;
        ::operator delete(b, (c + 1) * kGrain);
      }
      l.count[c] = kMaxFree;
    }
  }
};
thread_local Drain t_drain;  // dynamic TLS: touched only on the slow path

}  // namespace

void arm() {
  t_drain.armed = true;  // the first touch registers the destructor
  t_lists.armed = true;
}

void* refill(size_t c) {
  if (!t_lists.armed) arm();
  return ::operator new((c + 1) * kGrain);
}

}  // namespace sema::rt::pool
