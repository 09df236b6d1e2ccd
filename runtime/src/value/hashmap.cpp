// HashMap values (value/hashmap.hpp).
#include "value/hashmap.hpp"

#include <algorithm>
#include <atomic>
#include <utility>

namespace sema::rt {

HashMapObj::~HashMapObj() {
  for (auto& [k, v] : map) {
    release(k);
    release(v);
  }
  if (last_owned) release(last_key);
}

uint64_t next_hashmap_version() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

Value make_hashmap() { return Value::own(from_obj(new HashMapObj())); }

namespace {
HashMapObj* as_hashmap(Word h) { return static_cast<HashMapObj*>(as_obj(h)); }
}  // namespace

namespace {
// After an insertion: the entries may have moved, so the last hit is
// forgotten and the map takes a new version.
void entries_moved(HashMapObj* o) {
  Word old = std::exchange(o->last_key, SEMA_NIL);
  if (std::exchange(o->last_owned, false)) release(old);
  o->last_val = nullptr;
  o->version = next_hashmap_version();
}
}  // namespace

namespace {
// A found entry becomes the last hit (an immediate or a string key only:
// a big key is not kept alive by a lookup).
template <class It>
Word hit(HashMapObj* o, It it, Word key, bool* found) {
  if (found) *found = it != o->map.end();
  if (it == o->map.end()) return SEMA_NIL;
  hashmap_remember(o, key, &it->second, true);
  return it->second;
}

// hit for a lookup by text: the key remembered is the map's own, which
// needs no reference of its own.
template <class It>
Word hit_own_key(HashMapObj* o, It it, Word& key) {
  if (it == o->map.end()) {
    key = SEMA_NIL;
    return SEMA_NIL;
  }
  key = it->first;
  hashmap_remember_own_key(o, key, &it->second);
  return it->second;
}

// Any other key (a list, a big int, …): the generic hash and equality, not
// remembered. Out of line: rare as a key.
__attribute__((noinline)) Word get_other(HashMapObj* o, Word key, bool* found) {
  auto it = o->map.find(key);
  if (found) *found = it != o->map.end();
  return it == o->map.end() ? SEMA_NIL : it->second;
}
}  // namespace

[[SEMA_HOT_TEXT]] Word hashmap_get(Word h, Word key, bool* found) {
  HashMapObj* o = as_hashmap(h);
  if (!is_ptr(key)) return hit(o, o->map.find(ImmediateKey{key}), key, found);
  if (as_obj(key)->type == SEMA_T_STRING)
    return hit(o, o->map.find(StringKey{static_cast<const StringObj*>(as_obj(key))}), key, found);
  return get_other(o, key, found);
}

// The entry found is remembered with its own key, a string equal to t.
// Not in the hot text: only fastio's rows call it, and there it moved the
// hot functions std's rows share into fuller cache sets (performance.md §31).
Word hashmap_get_text(Word h, std::string_view t, Word& key) {
  HashMapObj* o = as_hashmap(h);
  return hit_own_key(o, o->map.find(TextKey{t}), key);
}

Word hashmap_get_hashed_text(Word h, std::string_view t, uint64_t hash, Word& key) {
  HashMapObj* o = as_hashmap(h);
  return hit_own_key(o, o->map.find(HashedTextKey{t, hash}), key);
}

Word* hashmap_probe_slot(Word h, Word key) {
  HashMapObj* o = as_hashmap(h);
  auto it = o->map.find(key);
  return it == o->map.end() ? nullptr : &it->second;
}

namespace {
// The copy for a shared map and the probe: out of line, so that the
// replacement through the last get's slot saves no registers.
__attribute__((noinline)) Word assoc_probe(Word raw, Word key, Word val) {
  Value h = Value::own(raw);  // released if the copy or the insertion throws
  if (!unique(h.get())) {
    auto* copy = new HashMapObj();
    copy->map = as_hashmap(h.get())->map;
    for (auto& [k, v] : copy->map) {
      retain(k);
      retain(v);
    }
    h = Value::own(from_obj(copy));
  }
  auto& m = as_hashmap(h.get())->map;
  retain(val);
  auto [it, inserted] = m.try_emplace(key, val);  // one hash, one probe
  if (inserted) {
    retain(key);
    entries_moved(as_hashmap(h.get()));
  } else {
    release(it->second);
    it->second = val;
  }
  return h.take();
}
}  // namespace

[[SEMA_HOT_TEXT]] Word hashmap_assoc_word(Word h, Word key, Word val) {
  HashMapObj* o = as_hashmap(h);
  if (o->rc == 1 && key == o->last_key && o->last_val != nullptr) {  // found by the last get
    retain(val);
    release(std::exchange(*o->last_val, val));
    return h;
  }
  return assoc_probe(h, key, val);
}

std::vector<std::pair<Word, Word>> hashmap_sorted_entries(Word h) {
  auto& m = as_hashmap(h)->map;
  std::vector<std::pair<Word, Word>> out(m.begin(), m.end());
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return compare(a.first, b.first) < 0; });
  return out;
}

}  // namespace sema::rt
