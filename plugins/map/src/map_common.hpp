// Helpers shared by the map plugin's files: type tests and small builders that
// keep reference ownership explicit (the host's map_assoc / hashmap_assoc steal
// their map argument, so an owned Value is handed over with release()).
#pragma once

#include <sema/sema.hpp>

namespace sema_map {

using sema::Value;

inline bool has_type(sema_value v, sema_type t) { return sema::is_obj(v, t); }
inline bool is_map(sema_value v) { return has_type(v, SEMA_T_MAP); }
inline bool is_hashmap(sema_value v) { return has_type(v, SEMA_T_HASHMAP); }
inline bool is_list(sema_value v) { return has_type(v, SEMA_T_LIST); }

// Sets k to v in m (either map kind); m is consumed and the result returned.
inline Value assoc_into(Value m, sema_value k, sema_value v) {
  sema_value raw = m.get();
  if (is_hashmap(raw)) return Value::own(sema::api->hashmap_assoc(m.release(), k, v));
  return Value::own(sema::api->map_assoc(m.release(), k, v));
}

// Borrowed key/value of the i-th entry of a sorted map.
struct Entry {
  sema_value key;
  sema_value val;
};
inline Entry map_entry(sema_value m, size_t i) {
  Entry e{SEMA_NIL, SEMA_NIL};
  sema::api->map_entry(m, i, &e.key, &e.val);
  return e;
}

// Calls fn(key, value) with borrowed values for every entry of either map kind
// (sorted maps in key order, hashmaps in the host's iteration order).
template <class Fn>
void for_each_entry(sema_value m, Fn&& fn) {
  if (is_hashmap(m)) {
    size_t cursor = 0;
    sema_value k = SEMA_NIL, v = SEMA_NIL;
    while (sema::api->hashmap_next(m, &cursor, &k, &v)) fn(k, v);
    return;
  }
  size_t n = sema::api->map_count(m);
  for (size_t i = 0; i < n; ++i) {
    Entry e = map_entry(m, i);
    fn(e.key, e.val);
  }
}

// A list built from borrowed items (each is retained).
inline Value list_of_borrowed(const std::vector<sema_value>& items) {
  std::vector<sema_value> owned(items);
  for (sema_value v : owned) sema::retain(v);
  return Value::own(sema::api->make_list(owned.data(), owned.size()));
}

void register_lookup(sema::Registry& r);
void register_build(sema::Registry& r);
void register_transform(sema::Registry& r);
void register_collections(sema::Registry& r);

}  // namespace sema_map
