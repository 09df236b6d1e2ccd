// Immutable bytevectors (stdlib.md §7.5).
#include "common.hpp"

namespace sys {
namespace {

using sema::Args;
using sema::Result;
using sema::Value;

using Bytes = std::basic_string_view<uint8_t>;

Value make(const uint8_t* p, size_t n) { return Value::own(sema::api->make_bytevector(p, n)); }
Value make(const std::vector<uint8_t>& b) { return make(b.data(), b.size()); }

Result<Bytes> want_bytes(sema_value v) {
  if (!sema_is_ptr(v) || sema::api->type_of(v) != SEMA_T_BYTEVECTOR) return sema::type_error("bytevector", v);
  size_t n = 0;
  const uint8_t* p = sema::api->bytevector_data(v, &n);
  return Bytes(p, n);
}

Result<Value> make_bytevector(sema_ctx*, Args a) {
  auto n = sema::want_int(a[0]);
  if (!n) return std::unexpected(n.error());
  if (*n < 0) return sema::eval_error("make-bytevector: size must be non-negative, got " + std::to_string(*n));
  int64_t fill = 0;
  if (a.size() == 2) {
    auto f = sema::want_int(a[1]);
    if (!f) return std::unexpected(f.error());
    if (*f < 0 || *f > 255)
      return sema::eval_error("make-bytevector: fill value " + std::to_string(*f) + " out of range 0..255");
    fill = *f;
  }
  return make(std::vector<uint8_t>(static_cast<size_t>(*n), static_cast<uint8_t>(fill)));
}

Result<Value> bytevector(sema_ctx*, Args a) {
  std::vector<uint8_t> out;
  out.reserve(a.size());
  for (size_t i = 0; i < a.size(); ++i) {
    auto b = sema::want_int(a[i]);
    if (!b) return std::unexpected(b.error());
    if (*b < 0 || *b > 255)
      return sema::eval_error("bytevector: byte value " + std::to_string(*b) + " at index " + std::to_string(i) +
                              " out of range 0..255");
    out.push_back(static_cast<uint8_t>(*b));
  }
  return make(out);
}

Result<Value> length(sema_ctx*, Args a) {
  auto b = want_bytes(a[0]);
  if (!b) return std::unexpected(b.error());
  return Value::integer(static_cast<int64_t>(b->size()));
}

// A valid index of b, or the builtin's out-of-range error.
Result<size_t> index_in(const char* who, Bytes b, sema_value v) {
  auto i = sema::want_int(v);
  if (!i) return std::unexpected(i.error());
  if (*i < 0 || static_cast<uint64_t>(*i) >= b.size())
    return sema::eval_error(std::string(who) + ": index " + std::to_string(*i) + " out of range for bytevector of length " +
                            std::to_string(b.size()));
  return static_cast<size_t>(*i);
}

Result<Value> u8_ref(sema_ctx*, Args a) {
  auto b = want_bytes(a[0]);
  if (!b) return std::unexpected(b.error());
  auto i = index_in("bytevector-u8-ref", *b, a[1]);
  if (!i) return std::unexpected(i.error());
  return Value::integer((*b)[*i]);
}

// Returns a changed copy: bytevectors are immutable despite the '!'.
Result<Value> u8_set(sema_ctx*, Args a) {
  auto b = want_bytes(a[0]);
  if (!b) return std::unexpected(b.error());
  auto i = index_in("bytevector-u8-set!", *b, a[1]);
  if (!i) return std::unexpected(i.error());
  auto byte = sema::want_int(a[2]);
  if (!byte) return std::unexpected(byte.error());
  if (*byte < 0 || *byte > 255)
    return sema::eval_error("bytevector-u8-set!: byte value " + std::to_string(*byte) + " out of range 0..255");
  std::vector<uint8_t> copy(b->begin(), b->end());
  copy[*i] = static_cast<uint8_t>(*byte);
  return make(copy);
}

Result<Value> copy(sema_ctx*, Args a) {
  auto b = want_bytes(a[0]);
  if (!b) return std::unexpected(b.error());
  // Negative bounds read as huge unsigned values, as in the original (§1.7).
  uint64_t start = 0, end = b->size();
  if (a.size() > 1) {
    auto s = sema::want_int(a[1]);
    if (!s) return std::unexpected(s.error());
    start = static_cast<uint64_t>(*s);
  }
  if (a.size() > 2) {
    auto e = sema::want_int(a[2]);
    if (!e) return std::unexpected(e.error());
    end = static_cast<uint64_t>(*e);
  }
  if (start > end || end > b->size())
    return sema::eval_error("bytevector-copy: range " + std::to_string(start) + ".." + std::to_string(end) +
                            " out of bounds for bytevector of length " + std::to_string(b->size()));
  return make(b->data() + start, end - start);
}

Result<Value> append(sema_ctx*, Args a) {
  std::vector<uint8_t> out;
  for (size_t i = 0; i < a.size(); ++i) {
    auto b = want_bytes(a[i]);
    if (!b) return std::unexpected(b.error());
    out.insert(out.end(), b->begin(), b->end());
  }
  return make(out);
}

Result<Value> to_list(sema_ctx*, Args a) {
  auto b = want_bytes(a[0]);
  if (!b) return std::unexpected(b.error());
  std::vector<Value> items;
  items.reserve(b->size());
  for (uint8_t x : *b) items.push_back(Value::integer(x));
  return Value::list(std::move(items));
}

Result<Value> from_list(sema_ctx*, Args a) {
  if (!sema_is_ptr(a[0]) || sema::api->type_of(a[0]) != SEMA_T_LIST) return sema::type_error("list", a[0]);
  sema::Seq items(a[0]);
  std::vector<uint8_t> out;
  out.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    auto b = sema::want_int(items[i]);
    if (!b) return std::unexpected(b.error());
    if (*b < 0 || *b > 255)
      return sema::eval_error("list->bytevector: byte value " + std::to_string(*b) + " out of range 0..255");
    out.push_back(static_cast<uint8_t>(*b));
  }
  return make(out);
}

Result<Value> utf8_to_string(sema_ctx*, Args a) {
  auto b = want_bytes(a[0]);
  if (!b) return std::unexpected(b.error());
  std::string_view text(reinterpret_cast<const char*>(b->data()), b->size());
  if (auto e = check_utf8(text)) return sema::eval_error("utf8->string: invalid UTF-8: " + describe(*e));
  return Value::string(text);
}

Result<Value> string_to_utf8(sema_ctx*, Args a) {
  auto s = sema::want_string(a[0]);
  if (!s) return std::unexpected(s.error());
  return make(reinterpret_cast<const uint8_t*>(s->data()), s->size());
}

}  // namespace

void register_bytevector(sema::Registry& r) {
  r.add<make_bytevector>("make-bytevector", 1, 2)
      .add<bytevector>("bytevector", 0, SEMA_ARITY_VARIADIC)
      .add<length>("bytevector-length", 1, 1)
      .add<u8_ref>("bytevector-u8-ref", 2, 2)
      .add<u8_set>("bytevector-u8-set!", 3, 3)
      .add<copy>("bytevector-copy", 1, 3)
      .add<append>("bytevector-append", 0, SEMA_ARITY_VARIADIC)
      .add<to_list>("bytevector->list", 1, 1)
      .add<from_list>("list->bytevector", 1, 1)
      .add<utf8_to_string>("utf8->string", 1, 1)
      .add<string_to_utf8>("string->utf8", 1, 1);
}

}  // namespace sys
