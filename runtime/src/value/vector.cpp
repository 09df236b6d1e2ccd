// Vectors and the shared sequence view of lists and vectors.
#include "value/value.hpp"

namespace sema::rt {

VectorObj::~VectorObj() {
  for (Word w : items) release(w);
}

Value make_vector(std::vector<Word>&& items) {
  auto* v = new VectorObj();
  v->items = std::move(items);
  return Value::own(from_obj(v));
}

bool is_seq(Word w) { return is_type(w, SEMA_T_LIST) || is_type(w, SEMA_T_VECTOR); }

SeqView seq_view(Word w) {
  SeqView sv;
  if (as_obj(w)->type == SEMA_T_LIST) {
    auto* l = static_cast<ListObj*>(as_obj(w));
    sv.n = l->len;
    if (l->len) sv.data = &l->store->items[l->len - 1];
    sv.stride = -1;
  } else {
    auto* v = static_cast<VectorObj*>(as_obj(w));
    sv.n = v->items.size();
    sv.data = v->items.data();
  }
  return sv;
}

}  // namespace sema::rt
