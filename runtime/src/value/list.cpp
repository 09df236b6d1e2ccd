// Lists: reverse-order shared stores with length views (value.hpp).
//
// A store's buffer is never reallocated while it is shared: when cons would
// outgrow the capacity it copies into a new, larger store instead. So a
// seq_view() pointer into a list stays valid while other code conses onto
// the same list (e.g. a callback run by map that conses onto its input).
#include "eval/intrinsics.hpp"
#include "value/value.hpp"

#include <algorithm>
#include <cstring>
#include <iterator>

namespace sema::rt {

ListStore::~ListStore() {
  for (Word w : items) release(w);
}

namespace {

void release_store(ListStore* s) {
  if (s && --s->rc == 0) delete s;
}

// Inline: every list a builtin makes ends here.
[[gnu::always_inline]] inline Value view(ListStore* s, size_t len) {  // takes over one store reference
  if (len == 0) {
    release_store(s);
    s = nullptr;
  }
  return Value::own(from_obj(new ListObj(s, len)));
}

ListObj* as_list(Word l) { return static_cast<ListObj*>(as_obj(l)); }

}  // namespace

ListObj::~ListObj() { release_store(store); }

Value empty_list() { return view(nullptr, 0); }

Value make_list(const Word* in_order, size_t n) {
  if (n == 0) return empty_list();
  auto* s = new ListStore();
  s->items.assign(std::make_reverse_iterator(in_order + n), std::make_reverse_iterator(in_order));
  return view(s, n);
}

// The strings are made straight into the store (last part first: the store
// is in reverse order), with no word buffer and no second copy.
Value make_string_list(const char* const* parts, const size_t* lens, size_t n) {
  if (n == 0) return empty_list();
  auto* s = new ListStore();
  try {
    s->items.reserve(n);
    for (size_t i = n; i-- > 0;) s->items.push_back(from_obj(new StringObj(parts[i], lens[i])));
    return view(s, n);
  } catch (...) {  // out of memory: the strings made so far go with the store
    release_store(s);
    throw;
  }
}

// string/split at one byte. A split into up to kListInline fields (1BRC's
// two) finds its separators first, then makes the strings straight into the
// store's inline elements, last field first (the store's order): no parts
// arrays, no capacity growth, no call per field through the host table.
// Longer splits go through make_string_list.
namespace {
__attribute__((noinline)) Value split_byte_long(std::string_view s, char sep) {
  std::vector<const char*> parts;
  std::vector<size_t> lens;
  const char* p = s.data();
  const char* end = p + s.size();
  while (const void* hit = std::memchr(p, sep, static_cast<size_t>(end - p))) {
    const char* at = static_cast<const char*>(hit);
    parts.push_back(p);
    lens.push_back(static_cast<size_t>(at - p));
    p = at + 1;
  }
  parts.push_back(p);
  lens.push_back(static_cast<size_t>(end - p));
  return make_string_list(parts.data(), lens.data(), parts.size());
}
}  // namespace

[[SEMA_HOT_TEXT]] Value split_byte(std::string_view s, char sep) {
  const char* text = s.data();
  // Field i runs from cut[i] + 1 to cut[i + 1] (offsets; cut[0] wraps to -1).
  size_t cut[kListInline + 1];
  cut[0] = static_cast<size_t>(-1);
  size_t n = 1;
  for (;;) {
    size_t from = cut[n - 1] + 1;
    const void* hit = std::memchr(text + from, sep, s.size() - from);
    if (!hit) break;
    if (n == kListInline) return split_byte_long(s, sep);
    cut[n++] = static_cast<size_t>(static_cast<const char*>(hit) - text);
  }
  cut[n] = s.size();
  auto* st = new ListStore();
  try {
    for (size_t i = n; i-- > 0;) st->items.push_back(from_obj(new StringObj(text + cut[i] + 1, cut[i + 1] - cut[i] - 1)));
  } catch (...) {  // out of memory: the strings made so far go with the store
    release_store(st);
    throw;
  }
  return view(st, n);
}

// string/split's intrinsic (SEMA_INTRINSIC_STRING_SPLIT): the host entry
// split_byte's case, without the hook call. Out of memory gives up (false):
// the builtin then runs and reports it as it always has.
[[SEMA_HOT_TEXT]] bool split_at_byte(Word text, Word sep, Word& out) {
  if (!is_type(text, SEMA_T_STRING) || !is_type(sep, SEMA_T_STRING)) return false;
  std::string_view d = string_of(sep);
  if (d.size() != 1) return false;
  try {
    out = split_byte(string_of(text), d[0]).take();
  } catch (...) {
    return false;
  }
  return true;
}

// A deferred split's field (mini-eval) as a new string; out of memory
// gives up (false) and the caller makes the list, as split_at_byte would.
[[SEMA_HOT_TEXT]] bool make_field_string(std::string_view f, Word& out) {
  try {
    out = from_obj(new StringObj(f.data(), f.size()));
  } catch (...) {
    return false;
  }
  return true;
}

Value make_list(std::vector<Word>&& in_order) {
  Value l = make_list(in_order.data(), in_order.size());
  in_order.clear();  // the references now belong to the list
  return l;
}

Value make_list(std::initializer_list<Word> borrowed) {
  for (Word w : borrowed) retain(w);
  return make_list(borrowed.begin(), borrowed.size());
}

Value list_drop(Word l, size_t n) {
  ListObj* o = as_list(l);
  if (n >= o->len) return empty_list();
  ++o->store->rc;
  return view(o->store, o->len - n);
}

Value list_rest(Word l) { return list_drop(l, 1); }

Value cons(Word x, Word tail_list) {
  ListObj* t = as_list(tail_list);
  ListStore* s = t->store;
  if (s) {
    // Elements past this view that no view can see (their views are gone)
    // may be dropped when this view is the store's only one.
    if (s->rc == 1 && s->items.size() > t->len) {
      for (size_t i = t->len; i < s->items.size(); ++i) release(s->items[i]);
      s->items.resize(t->len);
    }
    if (s->items.size() == t->len && s->items.size() < s->items.capacity()) {
      retain(x);
      s->items.push_back(x);  // within capacity: no element moves
      ++s->rc;
      return view(s, t->len + 1);
    }
  }
  auto* fresh = new ListStore();
  fresh->items.reserve(std::max<size_t>(4, 2 * (t->len + 1)));
  for (size_t i = 0; i < t->len; ++i) {
    retain(s->items[i]);
    fresh->items.push_back(s->items[i]);
  }
  retain(x);
  fresh->items.push_back(x);
  return view(fresh, t->len + 1);
}

}  // namespace sema::rt
