// Heap object basics: the opaque write form, iterative destruction, type names.
#include "value/value.hpp"

#include <memory>
#include <vector>

namespace sema::rt {

void Obj::write_opaque(std::string& out) const {
  out += '<';
  out += type_name(from_obj(this));
  out += '>';
}

namespace {
// Objects whose count reached zero while another destructor was running.
// Destructors release their children, which lands here instead of recursing,
// so the C++ stack depth stays constant however deep the structure is.
//
// Trivially destructible, initial-exec TLS: destroy() runs for every value
// that dies, and a thread_local with a destructor is reached through
// __tls_get_addr plus an init guard. The first kInline queued objects sit in
// the fixed array; a deeper backlog spills into a vector that lives only
// while the outermost destroy() drains.
constexpr size_t kInline = 64;
struct DestroyQueue {
  Obj* inline_[kInline];
  size_t n;
  std::vector<Obj*>* spill;
  bool running;
};
thread_local DestroyQueue dq __attribute__((tls_model("initial-exec"))) = {};

// Out of line (like drain): destroy() itself then needs no saved registers.
__attribute__((noinline)) void spill(DestroyQueue& q, Obj* o) {
  if (q.spill == nullptr) q.spill = new std::vector<Obj*>();
  q.spill->push_back(o);
}

void defer(DestroyQueue& q, Obj* o) {
  if (q.n < kInline) {
    q.inline_[q.n++] = o;
    return;
  }
  spill(q, o);
}

Obj* next_pending(DestroyQueue& q) {
  if (q.spill != nullptr && !q.spill->empty()) {
    Obj* o = q.spill->back();
    q.spill->pop_back();
    return o;
  }
  return q.n > 0 ? q.inline_[--q.n] : nullptr;
}

// The value layer's own kinds are final: deleting them through their static
// type calls the destructor directly and frees the block inline (no virtual
// deleting destructor, no call to the pool). The evaluator's kinds go through
// the vtable.
inline void delete_obj(Obj* o) {
  switch (o->type) {
    case SEMA_T_STRING: delete static_cast<StringObj*>(o); return;
    case SEMA_T_LIST: delete static_cast<ListObj*>(o); return;
    case SEMA_T_MAP: delete static_cast<MapObj*>(o); return;
    default: delete o; return;
  }
}

// Frees what the first object's destructor queued (and what those queue).
__attribute__((noinline)) void drain(DestroyQueue& q) {
  while (Obj* next = next_pending(q)) delete_obj(next);
  if (q.spill != nullptr) {
    delete q.spill;
    q.spill = nullptr;
  }
}
}  // namespace

// Objects that free no other object need neither the queue nor the running
// flag, even inside another destructor: a string, a map of immediates (1BRC's
// stats), a list whose store lives on, a store of strings and immediates
// (string/split's parts). destroy() itself only dispatches, so the string
// case (the most common) saves no registers.
namespace {

// All ~StringObj does is destroy the text; run alone, that skips the
// destructor's (dead) vtable store before the block goes back to the pool.
inline void free_string(Obj* o) {
  auto* s = static_cast<StringObj*>(o);
  std::destroy_at(&s->text);
  pool::free(s, sizeof(StringObj));
}

// Anything, through the queue: destructors release children, which queue.
__attribute__((noinline)) void destroy_queued(Obj* o) {
  DestroyQueue& q = dq;
  if (q.running) {
    defer(q, o);
    return;
  }
  q.running = true;
  delete_obj(o);
  if (q.n != 0 || q.spill != nullptr) drain(q);  // most objects free no children
  q.running = false;
}

// A map's entries inside the object (up to kMapInline) need no destructor:
// the block goes straight back to the pool.
[[gnu::noinline, SEMA_HOT_TEXT]] void destroy_map(MapObj* m) {
  if (m->holds_refs()) return destroy_queued(m);
  if (m->entries.data() == m->entries.get_stored_allocator().internal_storage()) {
    pool::free(m, sizeof(MapObj));
    return;
  }
  m->entries.clear();  // nothing to release: ~MapObj need not look again
  delete m;
}

// True when every element is an immediate or a string (checked before any is
// released, so a store that fails the test is still intact for ~ListStore).
inline bool only_leaves(const ListStore* s) {
  for (Word w : s->items)
    if (is_ptr(w) && as_obj(w)->type != SEMA_T_STRING) return false;
  return true;
}

// The blocks go back to the pool without ~ListObj (all it does is release
// the store, done here) and, for elements inside the store, without
// ~ListStore (its elements are released here).
[[gnu::noinline, SEMA_HOT_TEXT]] void destroy_list(ListObj* l) {
  ListStore* s = l->store;
  if (s != nullptr && s->rc == 1) {
    if (!only_leaves(s)) return destroy_queued(l);
    for (Word w : s->items)
      if (is_ptr(w) && --as_obj(w)->rc == 0) free_string(as_obj(w));
    if (s->items.data() == s->items.get_stored_allocator().internal_storage()) {
      pool::free(s, sizeof(ListStore));
    } else {
      s->items.clear();
      delete s;
    }
  } else if (s != nullptr) {
    --s->rc;
  }
  pool::free(l, sizeof(ListObj));
}

}  // namespace

// Strings first: most values that die are strings.
[[SEMA_HOT_TEXT]] void destroy(Obj* o) {
  sema_type t = o->type;
  if (t == SEMA_T_STRING) [[likely]]
    return free_string(o);
  if (t == SEMA_T_LIST) return destroy_list(static_cast<ListObj*>(o));
  if (t == SEMA_T_MAP) return destroy_map(static_cast<MapObj*>(o));
  return destroy_queued(o);
}

sema_type type_of(Word w) {
  switch (sema_tag(w)) {
    case 0: return SEMA_T_FLOAT;
    case SEMA_TAG_INT: return SEMA_T_INT;
    case SEMA_TAG_PTR: return as_obj(w)->type;
    case SEMA_TAG_CONST: return w == SEMA_NIL ? SEMA_T_NIL : SEMA_T_BOOL;
    case SEMA_TAG_CHAR: return SEMA_T_CHAR;
    case SEMA_TAG_SYMBOL: return SEMA_T_SYMBOL;
    case SEMA_TAG_KEYWORD: return SEMA_T_KEYWORD;
    default: return SEMA_T_OTHER;
  }
}

const char* type_name(Word w) {
  switch (type_of(w)) {
    case SEMA_T_NIL: return "nil";
    case SEMA_T_BOOL: return "bool";
    case SEMA_T_INT: return "int";
    case SEMA_T_FLOAT: return "float";
    case SEMA_T_CHAR: return "char";
    case SEMA_T_STRING: return "string";
    case SEMA_T_SYMBOL: return "symbol";
    case SEMA_T_KEYWORD: return "keyword";
    case SEMA_T_LIST: return "list";
    case SEMA_T_VECTOR: return "vector";
    case SEMA_T_MAP: return "map";
    case SEMA_T_HASHMAP: return "hashmap";
    case SEMA_T_RECORD: return "record";
    case SEMA_T_BYTEVECTOR: return "bytevector";
    case SEMA_T_LAMBDA: return "lambda";
    case SEMA_T_MACRO: return "macro";
    case SEMA_T_NATIVE: return "native-fn";
    case SEMA_T_PROMISE: return "promise";
    case SEMA_T_OTHER: break;
  }
  return "other";
}

}  // namespace sema::rt
