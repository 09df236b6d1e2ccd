// Building, measuring, slicing and padding strings (stdlib.md §3.1). Lengths
// and offsets are UTF-8 bytes except where a row says code points (§1.6).
#include "string_common.hpp"

#include <limits>

namespace sema_string {
namespace {

using sema::want_int;
using sema::want_string;

// str / string-append: the display form of every argument, concatenated.
Result<Value> str(sema_ctx*, Args a) {
  std::string out;
  for (size_t i = 0; i < a.size(); ++i) append_display(out, a[i]);
  return Value::string(out);
}

Result<Value> string_length(sema_ctx*, Args a) {
  auto s = want_string(a[0]);
  if (!s) return std::unexpected(s.error());
  return Value::integer(static_cast<int64_t>(s->size()));
}

Result<Value> string_ref(sema_ctx*, Args a) {
  auto s = want_string(a[0]);
  if (!s) return std::unexpected(s.error());
  auto idx = want_int(a[1]);
  if (!idx) return std::unexpected(idx.error());
  // A negative index reads as a huge unsigned one and is out of range (§1.7).
  uint64_t want = as_unsigned(*idx);
  uint64_t k = 0;
  for (size_t i = 0; i < s->size(); ++k) {
    uint32_t cp = sema::utf8::next(*s, i);
    if (k == want) return Value::character(cp);
  }
  return sema::eval_error("string-ref: index " + std::to_string(want) + " out of bounds");
}

bool is_char_boundary(std::string_view s, uint64_t at) {
  return at == s.size() || (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) != 0x80);
}

Result<Value> substring(sema_ctx*, Args a) {
  auto s = want_string(a[0]);
  if (!s) return std::unexpected(s.error());
  auto start = want_int(a[1]);
  if (!start) return std::unexpected(start.error());
  uint64_t end = s->size();
  if (a.size() == 3) {
    auto e = want_int(a[2]);
    if (!e) return std::unexpected(e.error());
    end = as_unsigned(*e);
  }
  uint64_t from = as_unsigned(*start);
  // Rust panics on an offset inside a multi-byte character; we raise the
  // same error as for any other bad offset (§1.9).
  if (from > end || end > s->size() || !is_char_boundary(*s, from) || !is_char_boundary(*s, end))
    return sema::eval_error("substring: index out of bounds");
  return Value::string(s->substr(from, end - from));
}

Result<Value> string_empty(sema_ctx*, Args a) {
  auto s = want_string(a[0]);
  if (!s) return std::unexpected(s.error());
  return Value::boolean(s->empty());
}

// Rust aborts on a negative count (capacity overflow); we raise (§1.7).
Result<size_t> count_arg(const char* fn, int64_t n) {
  if (n < 0) return sema::eval_error(std::string(fn) + ": count must be non-negative");
  return static_cast<size_t>(n);
}

Result<Value> string_repeat(sema_ctx*, Args a) {
  auto s = want_string(a[0]);
  if (!s) return std::unexpected(s.error());
  auto n = want_int(a[1]);
  if (!n) return std::unexpected(n.error());
  auto count = count_arg("string/repeat", *n);
  if (!count) return std::unexpected(count.error());
  if (!s->empty() && *count > std::numeric_limits<size_t>::max() / 2 / s->size())
    return sema::eval_error("string/repeat: result too large");
  std::string out;
  out.reserve(s->size() * *count);
  for (size_t i = 0; i < *count; ++i) out += *s;
  return Value::string(out);
}

// string/pad-left and string/pad-right: widths in bytes, padding with the
// first code point of pad ("" counts as a space).
template <bool Left>
Result<Value> pad(sema_ctx*, Args a) {
  constexpr const char* name = Left ? "string/pad-left" : "string/pad-right";
  auto s = want_string(a[0]);
  if (!s) return std::unexpected(s.error());
  auto width = want_int(a[1]);
  if (!width) return std::unexpected(width.error());
  std::string fill = " ";
  if (a.size() == 3) {
    auto p = want_string(a[2]);
    if (!p) return std::unexpected(p.error());
    if (!p->empty()) {
      size_t i = 0;
      fill = sema::utf8::encode(sema::utf8::next(*p, i));
    }
  }
  auto w = count_arg(name, *width);
  if (!w) return std::unexpected(w.error());
  if (s->size() >= *w) return Value::borrow(a[0]);
  size_t copies = *w - s->size();
  if (copies > std::numeric_limits<size_t>::max() / 8) return sema::eval_error(std::string(name) + ": result too large");
  std::string out;
  out.reserve(copies * fill.size() + s->size());
  if (!Left) out += *s;
  for (size_t i = 0; i < copies; ++i) out += fill;
  if (Left) out += *s;
  return Value::string(out);
}

Result<Value> string_reverse(sema_ctx*, Args a) {
  auto s = want_string(a[0]);
  if (!s) return std::unexpected(s.error());
  auto cps = code_points(*s);
  std::string out;
  out.reserve(s->size());
  for (auto it = cps.rbegin(); it != cps.rend(); ++it) sema::utf8::append(out, *it);
  return Value::string(out);
}

// string/map: (f ch) per code point; a char result is appended, a string
// result appended raw, anything else is a type error.
Result<Value> string_map(sema_ctx* ctx, Args a) {
  auto s = want_string(a[1]);
  if (!s) return std::unexpected(s.error());
  // Keep our own reference: the callback may drop the caller's.
  Value keep = Value::borrow(a[1]);
  std::string_view text = sema::string_of(keep.get());
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    Value ch = Value::character(sema::utf8::next(text, i));
    auto r = sema::call(ctx, a[0], {ch.get()});
    if (!r) return std::unexpected(r.error());
    sema_value v = r->get();
    if (sema_is_char(v))
      sema::utf8::append(out, sema_char_of(v));
    else if (sema::is_string(v))
      out += sema::string_of(v);
    else
      return sema::type_error("char or string", v);
  }
  return Value::string(out);
}

}  // namespace

void register_basic(sema::Registry& r) {
  r.add<str>("str", 0, SEMA_ARITY_VARIADIC);
  r.add<str>("string-append", 0, SEMA_ARITY_VARIADIC);
  r.add<string_length>("string-length", 1, 1);
  r.add<string_ref>("string-ref", 2, 2);
  r.add<substring>("substring", 2, 3);
  r.add<string_empty>("string/empty?", 1, 1);
  r.add<string_repeat>("string/repeat", 2, 2);
  r.add<pad<true>>("string/pad-left", 2, 3);
  r.add<pad<false>>("string/pad-right", 2, 3);
  r.add<string_reverse>("string/reverse", 1, 1);
  r.add<string_map>("string/map", 2, 2);
}

}  // namespace sema_string
