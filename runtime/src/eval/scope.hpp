// Environments. Analysis resolves every name against a chain of compile-time
// scopes (CScope); at run time each non-global CScope has exactly one Env
// per activation, so a local is (depth, slot). Globals live in Cells that the
// analyser caches; a cell exists (unbound) before its name is defined.
//
// Frames keep a pointer to their CScope, whose slot names make by-name lookup
// possible for eval/load/import and for names added after analysis
// (docs/decisions.md, "Evaluator").
#pragma once

#include "eval/rc.hpp"
#include "value/value.hpp"

#include <boost/container/small_vector.hpp>

#include <cstdint>
#include <utility>
#include <vector>

namespace sema::rt {

// A slot that holds no binding yet (a pre-scanned define that has not run).
// Never escapes into the language: every read checks for it.
inline constexpr Word kUnset = SEMA_BOX_BASE | (uint64_t{SEMA_TAG_CONST} << SEMA_TAG_SHIFT) | 0xFFFFu;

// Whether the frames of one procedure can be observed from outside a call
// (closures, promises, eval): drives frame reuse and moving last uses.
struct ProtoInfo : RcBase {
  bool pure = true;
  static void destroy(ProtoInfo* p) { delete p; }
};

struct Env;

struct CScope : RcBase {
  Rc<CScope> parent;        // null for the global scope
  bool global = false;      // the global scope: names live in Cells
  bool dynamic = false;     // names were added after code in it was analysed
  std::vector<uint32_t> names;  // slot -> interned id
  Rc<ProtoInfo> owner;      // the procedure whose activation creates the frame
  std::vector<uint32_t> macros;  // names a defmacro binds here (calls may expand at run time)
  // The last frames of this scope that died, kept for the next activations
  // (no parent, no scope, every slot kUnset): calls of one procedure mostly
  // die in LIFO order, so this saves a frame allocation per call. Several,
  // not one: a recursive caller dies right after its callee, and a
  // recursion that climbs back more levels than there are spares frees the
  // rest and allocates them again on the way down (with 4, one fib call in
  // eight allocated its frame).
  static constexpr uint32_t kSpares = 16;
  Env* spares[kSpares];
  uint32_t nspares = 0;

  CScope() = default;
  CScope(const CScope&) = delete;
  CScope& operator=(const CScope&) = delete;
  ~CScope();

  int find(uint32_t id) const {
    for (size_t i = names.size(); i-- > 0;)
      if (names[i] == id) return static_cast<int>(i);
    return -1;
  }
  // The slot of id, adding it when missing.
  int add(uint32_t id) {
    int s = find(id);
    if (s >= 0) return s;
    names.push_back(id);
    return static_cast<int>(names.size() - 1);
  }
  static void destroy(CScope* s) { delete s; }
};

struct Env : RcBase, pool::Pooled {  // pooled: one per call
  Rc<Env> parent;  // null: the global scope is next
  Rc<CScope> scope;
  boost::container::small_vector<Word, 6> slots;  // owned references or kUnset

  ~Env() {
    for (Word w : slots) release(w);
  }
  Word get(uint32_t slot) const { return slot < slots.size() ? slots[slot] : kUnset; }
  // The frame depth links up the parent chain (a variable's resolved frame).
  [[gnu::always_inline]] Env* up(uint32_t depth) {
    Env* f = this;
    for (; depth > 0; --depth) f = f->parent.get();
    return f;
  }
  // Stores an owned reference (releases what the slot held).
  // A slot that exists (a fresh frame is sized to its scope): no growth check.
  // Always inline: the evaluator's main loop is past GCC's inlining budget,
  // which otherwise left this one-liner a call per lambda call.
  [[gnu::always_inline]] void put_existing(uint32_t slot, Word owned) { release(std::exchange(slots[slot], owned)); }
  void put(uint32_t slot, Word owned) {
    if (slot >= slots.size()) slots.resize(slot + 1, kUnset);
    Word old = slots[slot];
    slots[slot] = owned;
    release(old);
  }
  // Always inline: one per call, and as a call it cost more than its body.
  [[gnu::always_inline]] static Rc<Env> make(const Rc<CScope>& scope, const Rc<Env>& parent) {
    size_t n = scope->names.size();
    Env* f;
    if (scope->nspares != 0) [[likely]] {
      f = scope->spares[--scope->nspares];
      f->rc_ = 1;
      if (f->slots.size() != n) [[unlikely]]
        f->slots.resize(n, kUnset);  // the scope gained names
    } else {
      f = fresh(n);
    }
    // Spares and fresh frames have null links: set without assignment's
    // release of the old value (an out-of-line call).
    new (&f->scope) Rc<CScope>(scope);
    new (&f->parent) Rc<Env>(parent);
    return Rc<Env>::adopt(f);
  }
  // A new frame of n unset slots and null links (rc 1).
  [[gnu::visibility("hidden")]] static Env* fresh(size_t n);
  [[gnu::visibility("hidden")]] static void destroy(Env* f);  // hidden: one per call, no PLT
  [[gnu::noinline, gnu::visibility("hidden")]] static void drop_parent(Env* p);
};

inline CScope::~CScope() {
  for (uint32_t i = 0; i < nspares; ++i) delete spares[i];
}

struct Cell {
  uint32_t id = 0;
  Word value = kUnset;  // owned when set
};

}  // namespace sema::rt
