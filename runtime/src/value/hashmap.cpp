// HashMap values (value/hashmap.hpp).
#include "value/hashmap.hpp"

#include <algorithm>

namespace sema::rt {

HashMapObj::~HashMapObj() {
  for (auto& [k, v] : map) {
    release(k);
    release(v);
  }
}

Value make_hashmap() { return Value::own(from_obj(new HashMapObj())); }

namespace {
HashMapObj* as_hashmap(Word h) { return static_cast<HashMapObj*>(as_obj(h)); }
}  // namespace

Word hashmap_get(Word h, Word key, bool* found) {
  auto& m = as_hashmap(h)->map;
  auto it = m.find(key);
  if (found) *found = it != m.end();
  return it != m.end() ? it->second : SEMA_NIL;
}

Value hashmap_assoc(Value h, Word key, Word val) {
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
  } else {
    release(it->second);
    it->second = val;
  }
  return h;
}

std::vector<std::pair<Word, Word>> hashmap_sorted_entries(Word h) {
  auto& m = as_hashmap(h)->map;
  std::vector<std::pair<Word, Word>> out(m.begin(), m.end());
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return compare(a.first, b.first) < 0; });
  return out;
}

}  // namespace sema::rt
