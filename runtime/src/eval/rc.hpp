// A small intrusive reference-counted pointer for the evaluator's own
// structures (frames, compile-time scopes, procedure prototypes). Counts are
// non-atomic: one interpreter runs on one thread at a time.
#pragma once

#include <cstdint>
#include <utility>

namespace sema::rt {

struct RcBase {
  uint32_t rc_ = 1;
};

template <class T>
class Rc {
 public:
  Rc() = default;
  // Adopts a fresh object (its count is already 1).
  static Rc adopt(T* p) {
    Rc r;
    r.p_ = p;
    return r;
  }
  // Shares an object owned elsewhere.
  static Rc share(T* p) {
    if (p) ++p->rc_;
    Rc r;
    r.p_ = p;
    return r;
  }
  Rc(const Rc& o) : p_(o.p_) {
    if (p_) ++p_->rc_;
  }
  Rc(Rc&& o) noexcept : p_(std::exchange(o.p_, nullptr)) {}
  Rc& operator=(Rc o) noexcept {
    std::swap(p_, o.p_);
    return *this;
  }
  // Always inline: in the evaluator's main loop, past GCC's inlining budget,
  // these became calls.
  [[gnu::always_inline]] ~Rc() { reset(); }

  [[gnu::always_inline]] void reset() {
    if (p_ && --p_->rc_ == 0) T::destroy(p_);
    p_ = nullptr;
  }
  T* get() const { return p_; }
  T* operator->() const { return p_; }
  T& operator*() const { return *p_; }
  explicit operator bool() const { return p_ != nullptr; }

 private:
  T* p_ = nullptr;
};

template <class T, class... A>
Rc<T> make_rc(A&&... a) {
  return Rc<T>::adopt(new T(std::forward<A>(a)...));
}

}  // namespace sema::rt
