// Substring search, splitting, joining and replacing (stdlib.md §3.1). The
// forward searches go through find_bytes (SIMD); offsets are bytes.
#include "find_bytes.hpp"
#include "string_common.hpp"

#include <cstring>

namespace sema_string {
namespace {

using sema::want_string;

// Two string arguments, checked left to right.
struct Two {
  std::string_view a, b;
};
Result<Two> two_strings(Args args) {
  auto a = want_string(args[0]);
  if (!a) return std::unexpected(a.error());
  auto b = want_string(args[1]);
  if (!b) return std::unexpected(b.error());
  return Two{*a, *b};
}

// The byte offsets where an empty pattern matches: every char boundary,
// end included (Rust's str searcher for "").
std::vector<size_t> boundaries(std::string_view s) {
  std::vector<size_t> at;
  at.reserve(s.size() + 1);
  for (size_t i = 0; i < s.size();) {
    at.push_back(i);
    sema::utf8::next(s, i);
  }
  at.push_back(s.size());
  return at;
}

// The fields of s around a non-empty separator, as a list of new strings.
// A one-byte separator (1BRC's ";") is found with memchr directly.
Value split_on(std::string_view s, std::string_view sep) {
  StringParts parts;
  if (sep.size() == 1) {
    const char* p = s.data();
    const char* end = p + s.size();
    while (const void* hit = std::memchr(p, sep[0], static_cast<size_t>(end - p))) {
      const char* at = static_cast<const char*>(hit);
      parts.push(p, static_cast<size_t>(at - p));
      p = at + 1;
    }
    parts.push(p, static_cast<size_t>(end - p));
    return parts.list();
  }
  size_t prev = 0;
  for (size_t at; (at = find_bytes(s, sep, prev)) != npos; prev = at + sep.size()) parts.push(s.substr(prev, at - prev));
  parts.push(s.substr(prev));
  return parts.list();
}

// string/split: exact separator, empty fields kept; "" splits around every
// char: "abc" → ("" "a" "b" "c" "").
Result<Value> split(sema_ctx*, Args args) {
  auto t = two_strings(args);
  if (!t) return std::unexpected(t.error());
  auto [s, sep] = *t;
  if (sep.empty()) {
    StringParts parts;
    size_t prev = 0;
    for (size_t at : boundaries(s)) {
      parts.push(s.substr(prev, at - prev));
      prev = at;
    }
    parts.push(s.substr(prev));
    return parts.list();
  }
  return split_on(s, sep);
}

// Two strings and a non-empty separator are split here, without the Result
// wrapper; anything else (errors too) runs split itself. Out of line, so the
// hook below saves no registers for it.
__attribute__((noinline)) sema_status split_general(sema_ctx* ctx, sema_value text, sema_value sep,
                                                    sema_value* out) noexcept {
  if (sema::is_string(text) && sema::is_string(sep)) {
    std::string_view s = sema::string_of(text), d = sema::string_of(sep);
    if (!d.empty()) {
      try {
        *out = split_on(s, d).release();
        return SEMA_OK;
      } catch (...) {
        // out of memory: the generic path below reports it as it always has
      }
    }
  }
  return sema::builtin_hook2<split>(ctx, text, sep, out);
}

// The hook: a one-byte separator (1BRC's ";") is the host's, which checks the
// types, finds the fields and makes the list in one call.
sema_status split_hook(sema_ctx* ctx, sema_value text, sema_value sep, sema_value* out) noexcept {
  // The host's split gives up (0) on anything else, out of memory included:
  // split_general then reports it as it always has.
  if (const sema_host_api* api = sema::api; SEMA_HOST_HAS(api, split_byte) && api->split_byte(text, sep, out))
    return SEMA_OK;
  return split_general(ctx, text, sep, out);
}

Result<Value> contains(sema_ctx*, Args args) {
  auto t = two_strings(args);
  if (!t) return std::unexpected(t.error());
  return Value::boolean(find_bytes(t->a, t->b) != npos);
}

Result<Value> starts_with(sema_ctx*, Args args) {
  auto t = two_strings(args);
  if (!t) return std::unexpected(t.error());
  return Value::boolean(t->a.starts_with(t->b));
}

Result<Value> ends_with(sema_ctx*, Args args) {
  auto t = two_strings(args);
  if (!t) return std::unexpected(t.error());
  return Value::boolean(t->a.ends_with(t->b));
}

Result<Value> index_of(sema_ctx*, Args args) {
  auto t = two_strings(args);
  if (!t) return std::unexpected(t.error());
  size_t at = find_bytes(t->a, t->b);
  if (at == npos) return Value::nil();
  return Value::integer(static_cast<int64_t>(at));
}

Result<Value> last_index_of(sema_ctx*, Args args) {
  auto t = two_strings(args);
  if (!t) return std::unexpected(t.error());
  size_t at = t->a.rfind(t->b);  // "" → the byte length, like Rust's rfind
  if (at == npos) return Value::nil();
  return Value::integer(static_cast<int64_t>(at));
}

// string/replace: every non-overlapping occurrence, left to right, as plain
// text. An empty `from` matches at every char boundary: "abc" → "-a-b-c-".
Result<Value> replace(sema_ctx*, Args args) {
  auto t = two_strings(args);
  if (!t) return std::unexpected(t.error());
  auto to = want_string(args[2]);
  if (!to) return std::unexpected(to.error());
  auto [s, from] = *t;
  std::string out;
  out.reserve(s.size());
  if (from.empty()) {
    size_t prev = 0;
    for (size_t at : boundaries(s)) {
      out += s.substr(prev, at - prev);
      out += *to;
      prev = at;
    }
    return Value::string(out);
  }
  size_t prev = 0;
  for (size_t at; (at = find_bytes(s, from, prev)) != npos; prev = at + from.size()) {
    out += s.substr(prev, at - prev);
    out += *to;
  }
  out += s.substr(prev);
  return Value::string(out);
}

// string/join: (seq sep), elements in display form.
Result<Value> join(sema_ctx*, Args args) {
  if (!sema::is_seq(args[0])) return sema::type_error("list or vector", args[0]);
  auto sep = want_string(args[1]);
  if (!sep) return std::unexpected(sep.error());
  sema::Seq seq(args[0]);
  std::string out;
  for (size_t i = 0; i < seq.size(); ++i) {
    if (i > 0) out += *sep;
    append_display(out, seq[i]);
  }
  return Value::string(out);
}

Result<Value> chars(sema_ctx*, Args args) {
  auto s = want_string(args[0]);
  if (!s) return std::unexpected(s.error());
  std::vector<Value> items;
  items.reserve(s->size());
  for (size_t i = 0; i < s->size();) items.push_back(Value::character(sema::utf8::next(*s, i)));
  return Value::list(std::move(items));
}

}  // namespace

// The hooked builtin (ARITY2 fast path) runs the very same function.
void register_search(sema::Registry& r) {
  // Tagged as the standard string/split: the evaluator splits two strings at
  // a one-byte separator itself (the host's split_byte), the rest comes here.
  r.add<split>("string/split", 2, 2,
               {.hooks = {sema::hook(SEMA_HOOK_ARITY2, SEMA_HOOK_PURE, &split_hook),
                          sema_hook{SEMA_HOOK_INTRINSIC, SEMA_INTRINSIC_STRING_SPLIT, nullptr}}});
  r.add<contains>("string/contains?", 2, 2);
  r.add<starts_with>("string/starts-with?", 2, 2);
  r.add<ends_with>("string/ends-with?", 2, 2);
  r.add<index_of>("string/index-of", 2, 2);
  r.add<last_index_of>("string/last-index-of", 2, 2);
  r.add<replace>("string/replace", 3, 3);
  r.add<join>("string/join", 2, 2);
  r.add<chars>("string/chars", 1, 1);
  r.add<chars>("string->list", 1, 1);
}

}  // namespace sema_string
