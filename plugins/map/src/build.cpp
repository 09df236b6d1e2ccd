// Building and updating maps: hash-map, hashmap/new, assoc, hashmap/assoc,
// dissoc, merge, hashmap/to-map, map/from-entries, map/select-keys.
//
// Copy-on-write: the host's map_assoc/hashmap_assoc/map_dissoc steal the map
// and update it in place when nobody else holds it. A generic builtin only
// borrows its arguments, so it retains the map first (which makes it shared
// and the first update copies); the `assoc` hook owns its argument 0, so an
// accumulator the evaluator moves in is updated in place.
#include "map_common.hpp"

#include <string>

namespace sema_map {
namespace {

using sema::api;

// Fills a fresh map of either kind from k, v, k, v, … (a later key wins).
sema::Result<Value> from_pairs(sema::Args a, bool hashed, const char* who) {
  if (a.size() % 2 != 0) return sema::eval_error(std::string(who) + ": requires even number of arguments");
  Value m = Value::own(hashed ? api->make_hashmap() : api->make_map());
  for (size_t i = 0; i < a.size(); i += 2) m = assoc_into(std::move(m), a[i], a[i + 1]);
  return m;
}

sema::Result<Value> hash_map(sema_ctx*, sema::Args a) { return from_pairs(a, false, "hash-map"); }
sema::Result<Value> hashmap_new(sema_ctx*, sema::Args a) { return from_pairs(a, true, "hashmap/new"); }

// ------------------------------------------------------------------ assoc

// The one implementation of (assoc m k v k v …). Owns m: it is either
// returned inside *out or released, on every path.
sema_status assoc_owned(sema_ctx* ctx, sema_value m, const sema_value* kv, size_t nkv, sema_value* out) {
  sema_type t = sema::type_of(m);
  if (t != SEMA_T_MAP && t != SEMA_T_HASHMAP) {
    sema_status st = api->raise_type(ctx, "map or hashmap", m);
    sema::release(m);
    return st;
  }
  for (size_t i = 0; i + 1 < nkv; i += 2)
    m = t == SEMA_T_MAP ? api->map_assoc(m, kv[i], kv[i + 1]) : api->hashmap_assoc(m, kv[i], kv[i + 1]);
  *out = m;
  return SEMA_OK;
}

constexpr char kAssocUsage[] = "assoc: requires (key alist) or (map key val ...)";

// (assoc key alist): the first non-empty list element whose head equals key.
sema_value alist_lookup(sema_value key, sema_value alist) {
  sema::Seq items(alist);
  for (size_t i = 0; i < items.size(); ++i) {
    sema_value pair = items[i];
    if (!is_list(pair)) continue;
    sema::Seq p(pair);
    if (p.size() > 0 && api->equal(p[0], key)) {
      sema::retain(pair);
      return pair;
    }
  }
  return SEMA_FALSE;
}

sema_status assoc_native(sema_ctx* ctx, const sema_value* a, size_t n, sema_value* out) noexcept {
  if (n == 2 && is_list(a[1])) {
    *out = alist_lookup(a[0], a[1]);
    return SEMA_OK;
  }
  if (n < 3 || n % 2 == 0) return api->raise(ctx, SEMA_ERR_EVAL, kAssocUsage, sizeof kAssocUsage - 1);
  sema::retain(a[0]);
  return assoc_owned(ctx, a[0], a + 1, n - 1, out);
}

// One pair into anything but a hashmap: the general loop. Out of line, so
// that the hook below saves no registers for it.
__attribute__((noinline)) sema_status assoc_pair(sema_ctx* ctx, sema_value m, sema_value k, sema_value v,
                                                 sema_value* out) noexcept {
  const sema_value kv[2] = {k, v};
  return assoc_owned(ctx, m, kv, 2, out);
}

// The hook: one pair into a hashmap (a fold's accumulator) goes straight to
// the host, without the general loop and its stack array.
sema_status assoc_hook3(sema_ctx* ctx, sema_value m, sema_value k, sema_value v, sema_value* out) noexcept {
  if (is_hashmap(m)) {
    *out = api->hashmap_assoc(m, k, v);
    return SEMA_OK;
  }
  return assoc_pair(ctx, m, k, v, out);
}

sema::Result<Value> hashmap_assoc(sema_ctx*, sema::Args a) {
  if (a.size() < 3 || a.size() % 2 == 0)
    return sema::eval_error("hashmap/assoc: requires hashmap and even number of key-value pairs");
  if (!is_hashmap(a[0])) return sema::type_error("hashmap", a[0]);
  Value m = Value::borrow(a[0]);
  for (size_t i = 1; i + 1 < a.size(); i += 2) m = Value::own(api->hashmap_assoc(m.release(), a[i], a[i + 1]));
  return m;
}

// ------------------------------------------------------- removal, merging

sema::Result<Value> dissoc(sema_ctx*, sema::Args a) {
  if (!is_map(a[0])) return sema::type_error("map", a[0]);
  Value m = Value::borrow(a[0]);
  for (size_t i = 1; i < a.size(); ++i) {
    int found = 0;
    api->map_get(m.get(), a[i], &found);
    if (found) m = Value::own(api->map_dissoc(m.release(), a[i]));  // a missing key must not force a copy
  }
  return m;
}

sema::Result<Value> merge(sema_ctx*, sema::Args a) {
  for (size_t i = 0; i < a.size(); ++i)
    if (!is_map(a[i])) return sema::type_error("map", a[i]);
  if (a.size() == 0) return Value::own(api->make_map());
  Value out = Value::borrow(a[0]);
  for (size_t i = 1; i < a.size(); ++i) {
    if (api->map_count(out.get()) == 0) {  // nothing to keep: share the next map as is
      out = Value::borrow(a[i]);
      continue;
    }
    size_t n = api->map_count(a[i]);
    for (size_t j = 0; j < n; ++j) {
      Entry e = map_entry(a[i], j);
      out = Value::own(api->map_assoc(out.release(), e.key, e.val));
    }
  }
  return out;
}

// ------------------------------------------------------------ conversions

sema::Result<Value> hashmap_to_map(sema_ctx*, sema::Args a) {
  if (!is_hashmap(a[0])) return sema::type_error("hashmap", a[0]);
  Value m = Value::own(api->make_map());
  for_each_entry(a[0], [&](sema_value k, sema_value v) { m = Value::own(api->map_assoc(m.release(), k, v)); });
  return m;
}

sema::Result<Value> from_entries(sema_ctx*, sema::Args a) {
  if (!sema::is_seq(a[0])) return sema::type_error("list or vector", a[0]);
  sema::Seq items(a[0]);
  Value m = Value::own(api->make_map());
  for (size_t i = 0; i < items.size(); ++i) {
    sema_value pair = items[i];
    if (!sema::is_seq(pair) || sema::Seq(pair).size() != 2)
      return sema::eval_error("map/from-entries: each entry must be a pair (key value)");
    sema::Seq p(pair);
    m = Value::own(api->map_assoc(m.release(), p[0], p[1]));
  }
  return m;
}

sema::Result<Value> select_keys(sema_ctx*, sema::Args a) {
  if (!is_map(a[0])) return sema::type_error("map", a[0]);
  if (!sema::is_seq(a[1])) return sema::type_error("list", a[1]);
  sema::Seq wanted(a[1]);
  Value m = Value::own(api->make_map());
  for (size_t i = 0; i < wanted.size(); ++i) {
    int found = 0;
    sema_value v = api->map_get(a[0], wanted[i], &found);
    if (found) m = Value::own(api->map_assoc(m.release(), wanted[i], v));
  }
  return m;
}

}  // namespace

void register_build(sema::Registry& r) {
  r.add<hash_map>("hash-map", 0, SEMA_ARITY_VARIADIC);
  r.add<hashmap_new>("hashmap/new", 0, SEMA_ARITY_VARIADIC);
  // Counts are checked here, not by the host: every bad count has one message.
  r.add_raw("assoc", &assoc_native, 0, SEMA_ARITY_VARIADIC,
            {.hooks = {sema::hook(SEMA_HOOK_ARITY3, SEMA_HOOK_CONSUMES_ARG0, &assoc_hook3),
                       sema_hook{SEMA_HOOK_INTRINSIC, SEMA_INTRINSIC_ASSOC, nullptr}}});
  r.add<hashmap_assoc>("hashmap/assoc", 0, SEMA_ARITY_VARIADIC);
  r.add<dissoc>("dissoc", 2, SEMA_ARITY_VARIADIC);
  r.add<merge>("merge", 0, SEMA_ARITY_VARIADIC);
  r.add<hashmap_to_map>("hashmap/to-map", 1, 1);
  r.add<from_entries>("map/from-entries", 1, 1);
  r.add<select_keys>("map/select-keys", 2, 2);
}

}  // namespace sema_map
