// Characters (stdlib.md §3.2): code points, Unicode predicates, case
// mapping and the two-argument comparisons.
#include "string_common.hpp"
#include "unicode.hpp"

namespace sema_string {
namespace {

using sema::want_int;
using sema::want_string;

Result<uint32_t> want_char(sema_value v) {
  if (!sema_is_char(v)) return sema::type_error("char", v);
  return sema_char_of(v);
}

Result<Value> char_to_integer(sema_ctx*, Args a) {
  auto c = want_char(a[0]);
  if (!c) return std::unexpected(c.error());
  return Value::integer(*c);
}

// The int is cut to 32 bits first (Rust's `as u32`), then must be a scalar
// value; the message shows the original number.
Result<Value> integer_to_char(sema_ctx*, Args a) {
  auto n = want_int(a[0]);
  if (!n) return std::unexpected(n.error());
  uint32_t cp = static_cast<uint32_t>(static_cast<uint64_t>(*n));
  if (!sema::utf8::is_scalar(cp)) return sema::eval_error("integer->char: invalid codepoint " + std::to_string(*n));
  return Value::character(cp);
}

template <bool (*Pred)(uint32_t)>
Result<Value> char_predicate(sema_ctx*, Args a) {
  auto c = want_char(a[0]);
  if (!c) return std::unexpected(c.error());
  return Value::boolean(Pred(*c));
}

template <uint32_t (*Map)(uint32_t)>
Result<Value> char_map(sema_ctx*, Args a) {
  auto c = want_char(a[0]);
  if (!c) return std::unexpected(c.error());
  return Value::character(Map(*c));
}

Result<Value> char_to_string(sema_ctx*, Args a) {
  auto c = want_char(a[0]);
  if (!c) return std::unexpected(c.error());
  return Value::string(sema::utf8::encode(*c));
}

Result<Value> string_to_char(sema_ctx*, Args a) {
  auto s = want_string(a[0]);
  if (!s) return std::unexpected(s.error());
  if (s->empty()) return sema::eval_error("string->char: empty string");
  size_t i = 0;
  uint32_t cp = sema::utf8::next(*s, i);
  if (i != s->size()) return sema::eval_error("string->char: string must have exactly one character");
  return Value::character(cp);
}

// A list (not a vector) of chars.
Result<Value> list_to_string(sema_ctx*, Args a) {
  if (!has_type(a[0], SEMA_T_LIST)) return sema::type_error("list", a[0]);
  sema::Seq items(a[0]);
  std::string out;
  out.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    auto c = want_char(items[i]);
    if (!c) return std::unexpected(c.error());
    sema::utf8::append(out, *c);
  }
  return Value::string(out);
}

uint32_t identity(uint32_t cp) { return cp; }

// char=? char<? … (Key = identity) and the -ci variants (Key = first_lower):
// exactly two chars.
template <uint32_t (*Key)(uint32_t), bool (*Cmp)(uint32_t, uint32_t)>
Result<Value> char_compare(sema_ctx*, Args a) {
  auto x = want_char(a[0]);
  if (!x) return std::unexpected(x.error());
  auto y = want_char(a[1]);
  if (!y) return std::unexpected(y.error());
  return Value::boolean(Cmp(Key(*x), Key(*y)));
}

bool eq(uint32_t x, uint32_t y) { return x == y; }
bool lt(uint32_t x, uint32_t y) { return x < y; }
bool gt(uint32_t x, uint32_t y) { return x > y; }
bool le(uint32_t x, uint32_t y) { return x <= y; }
bool ge(uint32_t x, uint32_t y) { return x >= y; }

}  // namespace

void register_chars(sema::Registry& r) {
  r.add<char_to_integer>("char->integer", 1, 1);
  r.add<integer_to_char>("integer->char", 1, 1);
  r.add<char_predicate<unicode::is_alphabetic>>("char-alphabetic?", 1, 1);
  r.add<char_predicate<unicode::is_numeric>>("char-numeric?", 1, 1);
  r.add<char_predicate<unicode::is_whitespace>>("char-whitespace?", 1, 1);
  r.add<char_predicate<unicode::is_uppercase>>("char-upper-case?", 1, 1);
  r.add<char_predicate<unicode::is_lowercase>>("char-lower-case?", 1, 1);
  r.add<char_map<unicode::first_upper>>("char-upcase", 1, 1);
  r.add<char_map<unicode::first_lower>>("char-downcase", 1, 1);
  r.add<char_to_string>("char->string", 1, 1);
  r.add<string_to_char>("string->char", 1, 1);
  r.add<list_to_string>("list->string", 1, 1);
  r.add<char_compare<identity, eq>>("char=?", 2, 2);
  r.add<char_compare<identity, lt>>("char<?", 2, 2);
  r.add<char_compare<identity, gt>>("char>?", 2, 2);
  r.add<char_compare<identity, le>>("char<=?", 2, 2);
  r.add<char_compare<identity, ge>>("char>=?", 2, 2);
  r.add<char_compare<unicode::first_lower, eq>>("char-ci=?", 2, 2);
  r.add<char_compare<unicode::first_lower, lt>>("char-ci<?", 2, 2);
  r.add<char_compare<unicode::first_lower, gt>>("char-ci>?", 2, 2);
  r.add<char_compare<unicode::first_lower, le>>("char-ci<=?", 2, 2);
  r.add<char_compare<unicode::first_lower, ge>>("char-ci>=?", 2, 2);
}

}  // namespace sema_string
