// HashMap values: Boost.Unordered flat map keyed by the language's equality.
#pragma once

#include "value/text_hash.hpp"
#include "value/value.hpp"

#include <boost/unordered/unordered_flat_map.hpp>

#include <utility>

namespace sema::rt {

// Keys looked up by kind (heterogeneous lookup), hashed and compared without
// the type tests or the call to equal() on their side: a string equals only
// a string, an immediate only the same word (as equal() has it).
struct StringKey {
  const StringObj* s;
};
struct ImmediateKey {
  Word w;
};
// A string's text with no string made (the mini-eval's deferred key): it
// hashes as a string with that text and equals exactly those.
struct TextKey {
  std::string_view t;
};
// A TextKey whose hash is known (text_hash(t), worked out ahead: a fastio
// line's facts).
struct HashedTextKey {
  std::string_view t;
  uint64_t hash;
};

struct WordHash {
  using is_transparent = void;
  using is_avalanching = void;  // hash() mixes its output; no post-mixing needed
  // A string key (the common case) is hashed here, inline; a string hashed
  // before (a get, then an assoc with the same key object) answers from its
  // memo.
  size_t operator()(Word w) const {
    if (is_type(w, SEMA_T_STRING)) return static_cast<size_t>(string_hash(static_cast<const StringObj*>(as_obj(w))));
    return static_cast<size_t>(hash(w));
  }
  size_t operator()(StringKey k) const { return static_cast<size_t>(string_hash(k.s)); }
  size_t operator()(ImmediateKey k) const { return static_cast<size_t>(hash(k.w)); }
  size_t operator()(TextKey k) const { return static_cast<size_t>(text_hash(k.t)); }
  size_t operator()(HashedTextKey k) const { return static_cast<size_t>(k.hash); }
};
struct WordEq {
  using is_transparent = void;
  // Two string keys are compared here, without a call.
  bool operator()(Word a, Word b) const {
    if (is_type(a, SEMA_T_STRING) && is_type(b, SEMA_T_STRING)) return same_text(string_of(a), string_of(b));
    return equal(a, b);
  }
  bool operator()(StringKey a, Word b) const { return is_type(b, SEMA_T_STRING) && same_text(a.s->text, string_of(b)); }
  bool operator()(Word a, StringKey b) const { return (*this)(b, a); }
  bool operator()(ImmediateKey a, Word b) const { return a.w == b; }
  bool operator()(Word a, ImmediateKey b) const { return a == b.w; }
  bool operator()(TextKey a, Word b) const { return is_type(b, SEMA_T_STRING) && same_text(a.t, string_of(b)); }
  bool operator()(Word a, TextKey b) const { return (*this)(b, a); }
  bool operator()(HashedTextKey a, Word b) const { return (*this)(TextKey{a.t}, b); }
  bool operator()(Word a, HashedTextKey b) const { return (*this)(TextKey{b.t}, a); }
};

// A number no hashmap has had before (HashMapObj::version), from 1.
[[gnu::visibility("hidden")]] uint64_t next_hashmap_version();

struct HashMapObj final : Obj {
  HashMapObj() : Obj(SEMA_T_HASHMAP), version(next_hashmap_version()) {}
  ~HashMapObj() override;
  boost::unordered_flat_map<Word, Word, WordHash, WordEq> map;  // owned keys and values
  // The entry the last successful hashmap_get found: an assoc with that same
  // key word right after (a fold's `(get acc k)` then `(assoc acc k …)`)
  // replaces the value without hashing, probing and comparing the key again.
  // last_key's word cannot come back as another object while cached: a
  // caller's key is held by a reference (last_owned); the map's own key,
  // which the text lookups remember, is held by the map, which never
  // drops a key. equal(key, key) holds for any key that was found. Only
  // strings and immediates are cached (a big key is not kept alive by a
  // lookup). Every insertion clears it (entries may move).
  Word last_key = SEMA_NIL;
  Word* last_val = nullptr;
  bool last_owned = false;
  // A new number at every insertion: while it is the same, each entry is
  // where it was (the map drops no key, and only an insertion moves the
  // entries). No two maps share one, so an entry's address remembered with
  // it is never mistaken for another map's (mini-eval's key slots).
  uint64_t version;
};

// The entry at slot, found by key, becomes the last hit; owned: key is a
// caller's and gets a reference of the map's (the map's own key needs none).
[[gnu::always_inline]] inline void hashmap_remember(HashMapObj* o, Word key, Word* slot, bool owned) {
  o->last_val = slot;
  if (key != o->last_key) {
    if (owned) retain(key);
    Word old = std::exchange(o->last_key, key);
    if (std::exchange(o->last_owned, owned)) release(old);  // a string or an immediate: its destruction touches no map
  }
}
// As the text lookups do when they find key (the map's own) at slot.
[[gnu::always_inline]] inline void hashmap_remember_own_key(HashMapObj* o, Word key, Word* slot) {
  hashmap_remember(o, key, slot, false);
}

Value make_hashmap();
Word hashmap_get(Word h, Word key, bool* found);  // borrowed
// The value slot of key's entry (null: none), for an update in place by the
// caller, who holds h uniquely; valid until the next insertion. The entry
// the last get found answers without hashing.
[[gnu::visibility("hidden")]] Word* hashmap_probe_slot(Word h, Word key);
inline Word* hashmap_value_slot(Word h, Word key) {
  auto* o = static_cast<HashMapObj*>(as_obj(h));
  return key == o->last_key && o->last_val != nullptr ? o->last_val : hashmap_probe_slot(h, key);
}
// hashmap_get for the string key with text t, with no string made: what it
// answers for a string with those bytes; key: the map's own key that was
// found (nil: none), remembered as last_key, as hashmap_get remembers its
// key.
[[gnu::visibility("hidden")]] Word hashmap_get_text(Word h, std::string_view t, Word& key);  // borrowed
// The same for a t whose text_hash is known.
[[gnu::visibility("hidden")]] Word hashmap_get_hashed_text(Word h, std::string_view t, uint64_t hash, Word& key);
// Steals h and returns the new reference; in place when unique. The word
// form is the host table's entry: no Value to pass through memory.
Word hashmap_assoc_word(Word h, Word key, Word val);
inline Value hashmap_assoc(Value h, Word key, Word val) { return Value::own(hashmap_assoc_word(h.take(), key, val)); }
// Entries sorted by key in value order (printing, hashmap/to-map).
std::vector<std::pair<Word, Word>> hashmap_sorted_entries(Word h);

}  // namespace sema::rt
