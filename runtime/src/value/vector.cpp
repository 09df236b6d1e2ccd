// Vectors and the sequence test (seq_view is inline in value.hpp).
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

}  // namespace sema::rt
