// Sorted maps: a flat vector of entries ordered by compare() of the keys.
// Keys that compare equal are the same key (the earlier key object is kept,
// the later value wins), so map identity follows the value order.
#include "value/value.hpp"

#include <algorithm>

namespace sema::rt {

namespace {
// Out of line: the destructor of a map without references then saves no
// registers.
__attribute__((noinline)) void release_entries(MapEntries& entries) {
  for (auto& [k, v] : entries) {
    release(k);
    release(v);
  }
}
}  // namespace

MapObj::~MapObj() {
  if (holds_refs()) release_entries(entries);
}

Value make_map() { return Value::own(from_obj(new MapObj())); }

namespace {

MapObj* as_map(Word m) { return static_cast<MapObj*>(as_obj(m)); }

// First entry whose key is not below key.
template <class M>
auto lower(M* m, Word key) {
  return std::lower_bound(m->entries.begin(), m->entries.end(), key,
                          [](const MapEntry& e, Word k) { return compare(e.first, k) < 0; });
}

// The entry whose key equals key, by the binary search; null when none.
template <class M>
auto* find_sorted(M* m, Word key) {
  auto it = lower(m, key);
  return it != m->entries.end() && compare(it->first, key) == 0 ? &*it : nullptr;
}

// m itself when unique, else a copy (m's reference is handed over either way).
MapObj* writable(Value& m) {
  if (unique(m.get())) return as_map(m.get());
  auto* copy = new MapObj();
  copy->entries = as_map(m.get())->entries;
  for (auto& [k, v] : copy->entries) {
    retain(k);
    retain(v);
  }
  m = Value::own(from_obj(copy));
  return copy;
}

}  // namespace

// Out of line, so that the inline scan in map_get needs no saved registers.
Word map_get_ordered(const MapObj* o, Word key, bool* found) {
  const MapEntry* e = find_sorted(o, key);
  if (found) *found = e != nullptr;
  return e ? e->second : SEMA_NIL;
}

Word* map_value_slot(Word m, Word key) {
  MapObj* o = as_map(m);
  if (map_scan_key(o, key)) {
    ptrdiff_t i = map_scan_index(o, key);
    return i >= 0 ? &o->entries[static_cast<size_t>(i)].second : nullptr;
  }
  MapEntry* e = find_sorted(o, key);
  return e ? &e->second : nullptr;
}

Value map_assoc(Value m, Word key, Word val) {
  MapObj* o = writable(m);
  if (map_scan_key(o, key)) {
    for (auto& e : o->entries)
      if (e.first == key) {
        retain(val);
        release(e.second);
        e.second = val;
        return m;
      }
  }
  auto it = lower(o, key);
  retain(val);
  if (it != o->entries.end() && compare(it->first, key) == 0) {
    release(it->second);
    it->second = val;
  } else {
    retain(key);
    o->entries.insert(it, {key, val});
  }
  return m;
}

Value map_dissoc(Value m, Word key) {
  bool found = false;
  map_get(m.get(), key, &found);
  if (!found) return m;
  MapObj* o = writable(m);
  auto it = lower(o, key);
  release(it->first);
  release(it->second);
  o->entries.erase(it);
  return m;
}

}  // namespace sema::rt
