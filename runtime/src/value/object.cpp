// Heap object basics: the opaque write form, iterative destruction, type names.
#include "value/value.hpp"

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

void destroy(Obj* o) {
  // A string frees no other object, so it needs neither the queue nor the
  // running flag, even inside another destructor (a split's list).
  if (o->type == SEMA_T_STRING) {
    delete static_cast<StringObj*>(o);
    return;
  }
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
