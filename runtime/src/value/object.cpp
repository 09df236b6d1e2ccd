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
struct DestroyQueue {
  std::vector<Obj*> pending;
  bool running = false;
};
thread_local DestroyQueue dq;
}  // namespace

void destroy(Obj* o) {
  if (dq.running) {
    dq.pending.push_back(o);
    return;
  }
  dq.running = true;
  delete o;
  while (!dq.pending.empty()) {
    Obj* next = dq.pending.back();
    dq.pending.pop_back();
    delete next;
  }
  dq.running = false;
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
