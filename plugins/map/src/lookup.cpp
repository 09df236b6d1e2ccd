// Read-only map access: get, hashmap/get, contains?, hashmap/contains?, keys,
// vals, hashmap/keys, map/entries.
//
// `get` and `hashmap/get` are the hottest map builtins, so their one
// implementation is a raw C-signature function that the generic builtin and
// the fast-path hooks both call (no argument vector, no std::expected).
#include "map_common.hpp"

namespace sema_map {
namespace {

using sema::api;

// Looks key up in m (either map kind). expected: the type named when m is
// not acceptable; hashmap/get accepts sorted maps too but names "hashmap".
sema_status lookup(sema_ctx* ctx, const char* expected, sema_value m, sema_value key, sema_value dflt,
                   sema_value* out) {
  if (SEMA_HOST_HAS(api, map_lookup)) {  // the whole lookup in one table call
    if (api->map_lookup(m, key, dflt, out)) return SEMA_OK;
    return api->raise_type(ctx, expected, m);
  }
  if (sema_is_ptr(m)) {
    int found = 0;
    sema_value v = SEMA_NIL;
    switch (sema::type_of(m)) {  // inline header read: one table call per lookup
      case SEMA_T_MAP: v = api->map_get(m, key, &found); break;
      case SEMA_T_HASHMAP: v = api->hashmap_get(m, key, &found); break;
      default: return api->raise_type(ctx, expected, m);
    }
    *out = found ? v : dflt;
    sema::retain(*out);
    return SEMA_OK;
  }
  return api->raise_type(ctx, expected, m);
}

constexpr const char* kGetExpected = "map or hashmap";
constexpr const char* kHashGetExpected = "hashmap";

sema_status get_native(sema_ctx* ctx, const sema_value* a, size_t n, sema_value* out) noexcept {
  return lookup(ctx, kGetExpected, a[0], a[1], n == 3 ? a[2] : SEMA_NIL, out);
}
sema_status get_hook2(sema_ctx* ctx, sema_value m, sema_value k, sema_value* out) noexcept {
  return lookup(ctx, kGetExpected, m, k, SEMA_NIL, out);
}
sema_status get_hook3(sema_ctx* ctx, sema_value m, sema_value k, sema_value d, sema_value* out) noexcept {
  return lookup(ctx, kGetExpected, m, k, d, out);
}
sema_status hget_native(sema_ctx* ctx, const sema_value* a, size_t n, sema_value* out) noexcept {
  return lookup(ctx, kHashGetExpected, a[0], a[1], n == 3 ? a[2] : SEMA_NIL, out);
}
sema_status hget_hook2(sema_ctx* ctx, sema_value m, sema_value k, sema_value* out) noexcept {
  return lookup(ctx, kHashGetExpected, m, k, SEMA_NIL, out);
}

sema::Result<Value> contains(sema_ctx*, sema::Args a) {
  int found = 0;
  if (is_map(a[0]))
    api->map_get(a[0], a[1], &found);
  else if (is_hashmap(a[0]))
    api->hashmap_get(a[0], a[1], &found);
  else
    return sema::type_error("map or hashmap", a[0]);
  return Value::boolean(found != 0);
}

sema::Result<Value> hashmap_contains(sema_ctx*, sema::Args a) {
  if (!is_hashmap(a[0])) return sema::type_error("hashmap", a[0]);
  int found = 0;
  api->hashmap_get(a[0], a[1], &found);
  return Value::boolean(found != 0);
}

// keys and vals walk the same entries in the same order, so for a hashmap
// (keys h) and (vals h) line up.
sema::Result<Value> entries_part(sema_value m, bool want_keys) {
  std::vector<sema_value> items;
  for_each_entry(m, [&](sema_value k, sema_value v) { items.push_back(want_keys ? k : v); });
  return list_of_borrowed(items);
}

sema::Result<Value> keys(sema_ctx*, sema::Args a) {
  if (!is_map(a[0]) && !is_hashmap(a[0])) return sema::type_error("map or hashmap", a[0]);
  return entries_part(a[0], true);
}

sema::Result<Value> vals(sema_ctx*, sema::Args a) {
  if (!is_map(a[0]) && !is_hashmap(a[0])) return sema::type_error("map or hashmap", a[0]);
  return entries_part(a[0], false);
}

sema::Result<Value> hashmap_keys(sema_ctx*, sema::Args a) {
  if (!is_hashmap(a[0])) return sema::type_error("hashmap", a[0]);
  return entries_part(a[0], true);
}

sema::Result<Value> map_entries(sema_ctx*, sema::Args a) {
  if (!is_map(a[0])) return sema::type_error("map", a[0]);
  size_t n = api->map_count(a[0]);
  std::vector<sema_value> pairs;
  pairs.reserve(n);
  for (size_t i = 0; i < n; ++i) {
    Entry e = map_entry(a[0], i);
    pairs.push_back(list_of_borrowed({e.key, e.val}).release());
  }
  return Value::own(api->make_list(pairs.data(), pairs.size()));
}

}  // namespace

void register_lookup(sema::Registry& r) {
  r.add_raw("get", &get_native, 2, 3,
            {.hooks = {sema::hook(SEMA_HOOK_ARITY2, SEMA_HOOK_PURE, &get_hook2),
                       sema::hook(SEMA_HOOK_ARITY3, SEMA_HOOK_PURE, &get_hook3),
                       sema_hook{SEMA_HOOK_INTRINSIC, SEMA_INTRINSIC_GET, nullptr}}});
  r.add_raw("hashmap/get", &hget_native, 2, 3, {.hooks = {sema::hook(SEMA_HOOK_ARITY2, SEMA_HOOK_PURE, &hget_hook2)}});
  r.add<contains>("contains?", 2, 2);
  r.add<hashmap_contains>("hashmap/contains?", 2, 2);
  r.add<keys>("keys", 1, 1);
  r.add<vals>("vals", 1, 1);
  r.add<hashmap_keys>("hashmap/keys", 1, 1);
  r.add<map_entries>("map/entries", 1, 1);
}

}  // namespace sema_map
