// Building and taking apart sequences: list, vector, cons, car/cdr, length,
// append, reverse, nth, last, take, drop and the list<->vector conversions
// (stdlib.md §2.1).
#include "common.hpp"

#include <string>

namespace core {

Result<Value> car_of(sema_value v) {
  if (!is_seq(v)) return plain_seq_error(v);
  sema::Seq s(v);
  if (s.size() == 0) return Value::nil();  // (car '()) is nil, kept from the original
  return keep(s[0]);
}

Result<Value> cdr_of(sema_value v) {
  if (!is_seq(v)) return plain_seq_error(v);
  sema::Seq s(v);
  if (is_vector(v)) return slice(v, s.size() == 0 ? 0 : 1, s.size(), true);
  if (s.size() == 0) return keep(v);
  return list_tail(v, 1);
}

namespace {

Result<Value> b_list(sema_ctx*, Args a) {
  Items out(a.size());
  for (size_t i = 0; i < a.size(); ++i) out.add(a[i]);
  return out.list();
}

Result<Value> b_vector(sema_ctx*, Args a) {
  Items out(a.size());
  for (size_t i = 0; i < a.size(); ++i) out.add(a[i]);
  return out.vector();
}

// There are no dotted pairs: a tail that is neither a list nor nil becomes the
// second element of a 2-element list, `(cons 1 [2])` ⇒ `(1 [2])`.
Result<Value> b_cons(sema_ctx*, Args a) {
  if (is_list(a[1])) return Value::own(host().cons(a[0], a[1]));
  Items out(2);
  out.add(a[0]);
  if (!sema_is_nil(a[1])) out.add(a[1]);
  return out.list();
}

Result<Value> b_car(sema_ctx*, Args a) { return car_of(a[0]); }
Result<Value> b_cdr(sema_ctx*, Args a) { return cdr_of(a[0]); }

// Strings count bytes; nil is an error here (count accepts it).
Result<Value> b_length(sema_ctx*, Args a) {
  sema_value v = a[0];
  if (sema_is_ptr(v)) {
    switch (type_of(v)) {
      case SEMA_T_LIST:
      case SEMA_T_VECTOR: return Value::integer(static_cast<int64_t>(sema::Seq(v).size()));
      case SEMA_T_STRING: return Value::integer(static_cast<int64_t>(sema::string_of(v).size()));
      case SEMA_T_MAP: return Value::integer(static_cast<int64_t>(host().map_count(v)));
      case SEMA_T_HASHMAP: return Value::integer(static_cast<int64_t>(host().hashmap_count(v)));
      default: break;
    }
  }
  return sema::type_error("list, vector, string, or map", v);
}

Result<Value> b_append(sema_ctx*, Args a) {
  size_t total = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!is_seq(a[i])) return plain_seq_error(a[i]);
    total += sema::Seq(a[i]).size();
  }
  Items out(total);
  for (size_t i = 0; i < a.size(); ++i) {
    sema::Seq s(a[i]);
    for (size_t j = 0; j < s.size(); ++j) out.add(s[j]);
  }
  return out.list();
}

Result<Value> b_reverse(sema_ctx*, Args a) {
  if (!is_seq(a[0])) return plain_seq_error(a[0]);
  sema::Seq s(a[0]);
  Items out(s.size());
  for (size_t i = s.size(); i-- > 0;) out.add(s[i]);
  return is_vector(a[0]) ? out.vector() : out.list();
}

// The index is checked before the collection; a negative index shows as the
// unsigned value Rust's cast produced (stdlib.md §1.7).
Result<Value> b_nth(sema_ctx*, Args a) {
  if (!is_int(a[1])) return sema::type_error("int", a[1]);
  if (!is_seq(a[0])) return plain_seq_error(a[0]);
  uint64_t i = as_unsigned(int_of(a[1]));
  sema::Seq s(a[0]);
  if (i >= s.size())
    return sema::eval_error("index " + std::to_string(i) + " out of bounds (length " + std::to_string(s.size()) + ")");
  return keep(s[static_cast<size_t>(i)]);
}

Result<Value> b_last(sema_ctx*, Args a) {
  if (!is_seq(a[0])) return seq_error(a[0], "last");
  sema::Seq s(a[0]);
  if (s.size() == 0) return Value::nil();
  return keep(s[s.size() - 1]);
}

// A negative count is a huge unsigned one in the original: take ⇒ everything.
Result<Value> b_take(sema_ctx*, Args a) {
  if (!is_int(a[0])) return sema::type_error("int", a[0]);
  if (!is_seq(a[1])) return seq_error(a[1], "take");
  sema::Seq s(a[1]);
  uint64_t n = as_unsigned(int_of(a[0]));
  return slice(a[1], 0, n < s.size() ? static_cast<size_t>(n) : s.size(), false);
}

// A negative count is a huge unsigned one in the original: drop ⇒ ().
Result<Value> b_drop(sema_ctx*, Args a) {
  if (!is_int(a[0])) return sema::type_error("int", a[0]);
  if (!is_seq(a[1])) return seq_error(a[1], "drop");
  sema::Seq s(a[1]);
  uint64_t n = as_unsigned(int_of(a[0]));
  if (n >= s.size()) return empty_list();
  if (is_list(a[1])) return list_tail(a[1], static_cast<size_t>(n));
  return slice(a[1], static_cast<size_t>(n), s.size(), false);
}

Result<Value> b_list_to_vector(sema_ctx*, Args a) {
  if (!is_list(a[0])) return sema::type_error("list", a[0]);
  sema::Seq s(a[0]);
  return slice(a[0], 0, s.size(), true);
}

Result<Value> b_vector_to_list(sema_ctx*, Args a) {
  if (!is_vector(a[0])) return sema::type_error("vector", a[0]);
  sema::Seq s(a[0]);
  return slice(a[0], 0, s.size(), false);
}

// Hooks for first and nth: a list or vector (and an immediate index) is
// read here through one seq_view call; everything else, errors included,
// runs the generic builtin.
sema_status first_hook(sema_ctx* ctx, sema_value v, sema_value* out) noexcept {
  if (is_seq(v)) {
    sema::Seq s(v);
    *out = s.size() == 0 ? SEMA_NIL : s[0];
    sema::retain(*out);
    return SEMA_OK;
  }
  return sema::builtin_hook1<b_car>(ctx, v, out);
}

sema_status nth_hook(sema_ctx* ctx, sema_value v, sema_value index, sema_value* out) noexcept {
  if (sema_is_small_int(index) && is_seq(v)) {
    uint64_t i = as_unsigned(sema_small_int_of(index));
    sema::Seq s(v);
    if (i < s.size()) {
      *out = s[static_cast<size_t>(i)];
      sema::retain(*out);
      return SEMA_OK;
    }
  }
  return sema::builtin_hook2<b_nth>(ctx, v, index, out);
}

}  // namespace

void register_sequences(sema::Registry& r) {
  constexpr int V = SEMA_ARITY_VARIADIC;
  r.add<b_list>("list", 0, V);
  r.add<b_vector>("vector", 0, V);
  r.add<b_cons>("cons", 2, 2);
  r.add<b_car>("car", 1, 1);
  r.add<b_cdr>("cdr", 1, 1);
  {
    auto o = intrinsic(SEMA_INTRINSIC_FIRST, pure_hook1_fn(&first_hook));
    o.arity_label = "car";
    r.add<b_car>("first", 1, 1, std::move(o));
  }
  {
    auto o = pure_hook1<b_cdr>();
    o.arity_label = "cdr";
    r.add<b_cdr>("rest", 1, 1, std::move(o));
  }
  r.add<b_length>("length", 1, 1);
  r.add<b_append>("append", 0, V);
  r.add<b_reverse>("reverse", 1, 1);
  r.add<b_nth>("nth", 2, 2, intrinsic(SEMA_INTRINSIC_NTH, pure_hook2_fn(&nth_hook)));
  r.add<b_last>("last", 1, 1);
  r.add<b_take>("take", 2, 2);
  r.add<b_drop>("drop", 2, 2);
  r.add<b_list_to_vector>("list->vector", 1, 1);
  r.add<b_vector_to_list>("vector->list", 1, 1);
}

}  // namespace core
