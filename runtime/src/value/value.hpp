// The runtime's value model: NaN-boxed words (layout in sema.h), refcounted
// heap objects with copy-on-write, and the core collection types.
//
// Inside the runtime, retain/release are inline. Plugins reach the same
// operations through the host table (host/api_table.cpp).
#pragma once

#include "value/hot_text.hpp"
#include "value/pool.hpp"

#include <sema/sema.h>

#include <boost/container/small_vector.hpp>

#include <cstdint>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sema::rt {

using Word = sema_value;

// ------------------------------------------------------------ heap objects

// Every heap object starts with this header. Kinds owned by the evaluator
// (lambda, macro, promise, native) derive from it in their own headers; the
// virtual destructor releases what each kind holds.
struct Obj : pool::Pooled {
  explicit Obj(sema_type t) : type(t) {}
  virtual ~Obj() = default;
  Obj(const Obj&) = delete;
  Obj& operator=(const Obj&) = delete;

  // Write form of kinds the printer does not know (lambda, native, …).
  virtual void write_opaque(std::string& out) const;

  uint32_t rc = 1;
  sema_type type;
};

// sema.h's tag tests as one compare of the top 16 bits: the boxed-range
// check plus mask in sema_tag() does not fold to this, and these run on
// every retain and release.
inline constexpr uint64_t kTopPtr = (SEMA_BOX_BASE >> SEMA_TAG_SHIFT) | SEMA_TAG_PTR;
inline constexpr uint64_t kTopInt = (SEMA_BOX_BASE >> SEMA_TAG_SHIFT) | SEMA_TAG_INT;
inline bool is_ptr(Word w) { return (w >> SEMA_TAG_SHIFT) == kTopPtr; }
inline bool is_small_int(Word w) { return (w >> SEMA_TAG_SHIFT) == kTopInt; }

inline Obj* as_obj(Word w) { return reinterpret_cast<Obj*>(static_cast<uintptr_t>(w & SEMA_PAYLOAD_MASK)); }
inline Word from_obj(const Obj* o) { return sema_make_tagged(SEMA_TAG_PTR, reinterpret_cast<uintptr_t>(o)); }

// Destroys an object whose count reached zero. Never recurses deeply: objects
// freed while another is being freed are queued (so a million-deep nested
// list is freed iteratively).
void destroy(Obj* o);

// Always inline: as a call (the evaluator's main loop is past GCC's inlining
// budget) it went through the PLT and cost more than its body.
[[gnu::always_inline]] inline void retain(Word w) {
  if (is_ptr(w)) ++as_obj(w)->rc;
}
inline void release(Word w) {
  if (is_ptr(w) && --as_obj(w)->rc == 0) destroy(as_obj(w));
}
inline bool unique(Word w) { return is_ptr(w) && as_obj(w)->rc == 1; }

// An owned reference. Copy retains, destruction releases.
class Value {
 public:
  Value() = default;
  static Value own(Word w) { return Value(w); }
  static Value borrow(Word w) {
    retain(w);
    return Value(w);
  }
  Value(const Value& o) : w_(o.w_) { retain(w_); }
  Value(Value&& o) noexcept : w_(std::exchange(o.w_, SEMA_NIL)) {}
  Value& operator=(const Value& o) {
    retain(o.w_);
    release(w_);
    w_ = o.w_;
    return *this;
  }
  Value& operator=(Value&& o) noexcept {
    std::swap(w_, o.w_);
    return *this;
  }
  ~Value() { release(w_); }

  Word get() const { return w_; }
  Word take() { return std::exchange(w_, SEMA_NIL); }  // hand the reference over
  explicit operator bool() const = delete;

 private:
  explicit Value(Word w) : w_(w) {}
  Word w_ = SEMA_NIL;
};

// ------------------------------------------------------------- collections

// The hot destructors below run only inside the runtime (destroy() calls
// them). Hidden, they are called directly instead of through the PLT, and
// the complete-object destructor is the base one instead of a stub that
// calls it.

// Copies n <= 16 bytes, reading and writing exactly those bytes: two
// overlapping loads, then two stores, instead of a memcpy call. Every byte
// is loaded before any is stored, so the ranges may overlap (as memmove).
template <class U>
inline void copy_ends(char* dst, const char* src, size_t n) {  // sizeof(U) <= n <= 2 * sizeof(U)
  U a, b;
  std::memcpy(&a, src, sizeof(U));
  std::memcpy(&b, src + n - sizeof(U), sizeof(U));
  std::memcpy(dst, &a, sizeof(U));
  std::memcpy(dst + n - sizeof(U), &b, sizeof(U));
}
inline void copy_short(char* dst, const char* src, size_t n) {
  if (n >= 8) {
    copy_ends<uint64_t>(dst, src, n);
  } else if (n >= 4) {
    copy_ends<uint32_t>(dst, src, n);
  } else if (n > 0) {
    char a = src[0], b = src[n / 2], c = src[n - 1];
    dst[0] = a;
    dst[n / 2] = b;
    dst[n - 1] = c;
  }
}

struct StringObj final : Obj {
  explicit StringObj(std::string s) : Obj(SEMA_T_STRING), text(std::move(s)) {}
  // A text that fits the string's own 15-byte buffer (1BRC's fields) is
  // copied into it inline.
  StringObj(const char* bytes, size_t len)
      : Obj(SEMA_T_STRING), text(len < kShort ? std::string() : std::string(bytes, len)) {
    if (len < kShort)
      text.resize_and_overwrite(len, [&](char* buf, size_t) {
        copy_short(buf, bytes, len);
        return len;
      });
  }
  static constexpr size_t kShort = 16;
  std::string text;  // UTF-8; modified only while uniquely held (host string_refill)
  // hash() of the text, computed on first use (0 = not yet). A hashmap
  // lookup followed by an assoc with the same key object hashes it once.
  mutable uint64_t hash_memo = 0;
};

struct BigIntObj final : Obj {  // an i64 that does not fit the immediate payload
  explicit BigIntObj(int64_t v) : Obj(SEMA_T_INT), value(v) {}
  int64_t value;
};

// Lists keep their elements in REVERSE order in a shared store; a list value
// is a view of the first `len` stored elements. So first/rest/nth are O(1)
// (rest shares the store) and cons onto the store's end is amortised O(1):
// it appends when nobody has appended past this view yet, and copies
// otherwise. Elements visible to any view are never modified.
//
// The first kListInline elements live inside the store, so a short list
// (string/split's two parts, a fresh cons) needs no separate buffer.
inline constexpr size_t kListInline = 4;
struct ListStore : pool::Pooled {
  uint32_t rc = 1;
  boost::container::small_vector<Word, kListInline> items;  // owned references; items[len-1] is the head
  [[gnu::visibility("hidden")]] ~ListStore();
};

struct ListObj final : Obj {
  ListObj(ListStore* s, size_t n) : Obj(SEMA_T_LIST), store(s), len(n) {}
  [[gnu::visibility("hidden")]] ~ListObj() override;
  ListStore* store;  // may be null when len == 0
  size_t len;
  Word at(size_t i) const { return store->items[len - 1 - i]; }  // borrowed
};

struct VectorObj final : Obj {
  VectorObj() : Obj(SEMA_T_VECTOR) {}
  ~VectorObj() override;
  std::vector<Word> items;  // owned references
};

// Sorted map: a flat vector of entries ordered by compare() of the keys.
// Up to kMapInline entries live inside the object: a record-like map such as
// {:min … :max … :sum … :count …}, built once per row by a hot loop, then
// costs one allocation instead of two.
inline constexpr size_t kMapInline = 4;
using MapEntry = std::pair<Word, Word>;
static_assert(sizeof(MapEntry) == 16 && SEMA_TAG_SHIFT == 48, "holds_refs reads an entry as 8 16-bit lanes");
using MapEntries = boost::container::small_vector<MapEntry, kMapInline>;
struct MapObj final : Obj {
  MapObj() : Obj(SEMA_T_MAP) {}
  [[gnu::visibility("hidden")]] ~MapObj() override;
  MapEntries entries;  // owned references
  // Whether any key or value is a heap object. Branch-free: a record-like
  // map of numbers and keywords (1BRC's stats, one dying per row) holds none.
  // With SSE2 an entry's two tags are compared at once (16-bit lanes 3 and 7
  // are the words' top bits): ~4 instructions an entry instead of ~9.
  bool holds_refs() const {
#if defined(__SSE2__)
    const __m128i ptr = _mm_set1_epi16(static_cast<short>(kTopPtr));
    __m128i hits = _mm_setzero_si128();
    for (const MapEntry& e : entries)
      hits = _mm_or_si128(hits, _mm_cmpeq_epi16(_mm_loadu_si128(reinterpret_cast<const __m128i*>(&e)), ptr));
    return (_mm_movemask_epi8(hits) & 0xC0C0) != 0;
#else
    bool refs = false;
    for (const auto& [k, v] : entries) refs |= is_ptr(k) | is_ptr(v);
    return refs;
#endif
  }
};

struct BytevectorObj final : Obj {
  BytevectorObj() : Obj(SEMA_T_BYTEVECTOR) {}
  std::vector<uint8_t> bytes;
};

struct RecordObj final : Obj {
  RecordObj() : Obj(SEMA_T_RECORD) {}
  ~RecordObj() override;
  uint32_t tag = 0;          // interned type name
  std::vector<Word> fields;  // owned, constructor order
};

// HashMapObj lives in value/hashmap.hpp (it pulls in Boost.Unordered).

// --------------------------------------------------------------- accessors

sema_type type_of(Word w);
const char* type_name(Word w);  // "int", "string", "lambda", …

inline bool is_int(Word w) { return is_small_int(w) || (is_ptr(w) && as_obj(w)->type == SEMA_T_INT); }
inline int64_t int_of(Word w) {
  return is_small_int(w) ? sema_small_int_of(w) : static_cast<BigIntObj*>(as_obj(w))->value;
}
inline bool is_type(Word w, sema_type t) { return is_ptr(w) && as_obj(w)->type == t; }
inline bool is_number(Word w) { return sema_is_float(w) || is_int(w); }
inline double number_of(Word w) { return sema_is_float(w) ? sema_float_of(w) : static_cast<double>(int_of(w)); }

Word make_int(int64_t i);  // new reference (immediate when it fits)
inline Value int_value(int64_t i) { return Value::own(make_int(i)); }

Value make_string(std::string s);
Value make_string(const char* bytes, size_t len);  // copies; no temporary std::string to move
inline std::string_view string_of(Word w) { return static_cast<StringObj*>(as_obj(w))->text; }

// Lists. make_list takes elements in order and steals the references.
Value make_list(std::vector<Word>&& in_order);
Value make_list(const Word* in_order, size_t n);  // steals the n references
Value make_list(std::initializer_list<Word> borrowed);  // retains each
Value make_string_list(const char* const* parts, const size_t* lens, size_t n);  // n new strings, copied
Value split_byte(std::string_view s, char sep);  // the fields of s around each sep, as new strings
Value empty_list();
inline size_t list_len(Word l) { return static_cast<ListObj*>(as_obj(l))->len; }
inline Word list_at(Word l, size_t i) { return static_cast<ListObj*>(as_obj(l))->at(i); }  // borrowed
Value list_rest(Word l);                // O(1), shares the store
Value list_drop(Word l, size_t n);      // O(1)
Value cons(Word x, Word tail_list);     // amortised O(1)

// Vectors. make_vector steals the references.
Value make_vector(std::vector<Word>&& items);

// A list or vector seen as an indexable sequence (borrowed elements).
struct SeqView {
  const Word* data = nullptr;
  size_t n = 0;
  ptrdiff_t stride = 1;
  Word operator[](size_t i) const { return data[static_cast<ptrdiff_t>(i) * stride]; }
  size_t size() const { return n; }
};
bool is_seq(Word w);
// w must be a list or vector. Inline: first/nth (through the host table)
// and every sequence walk start here.
inline SeqView seq_view(Word w) {
  SeqView sv;
  if (as_obj(w)->type == SEMA_T_LIST) {
    auto* l = static_cast<ListObj*>(as_obj(w));
    sv.n = l->len;
    if (l->len) sv.data = &l->store->items[l->len - 1];
    sv.stride = -1;
  } else {
    auto* v = static_cast<VectorObj*>(as_obj(w));
    sv.n = v->items.size();
    sv.data = v->items.data();
  }
  return sv;
}

// Sorted maps. *_assoc/dissoc steal m and update in place when it is unique.
Value make_map();
Word map_get_ordered(const MapObj* m, Word key, bool* found);  // the binary search
// Borrowed. Keywords and symbols are interned: two are equal exactly when
// their words are, and never equal a key of another kind. In a small map
// such a key is found by scanning for the identical word (no name
// comparisons), and a scan that finds nothing is a definite miss. Inline:
// `get` on a record-like map is this loop.
inline constexpr size_t kMapScanMax = 16;
inline bool map_scan_key(const MapObj* m, Word key) {
  return (sema_is_keyword(key) || sema_is_symbol(key)) && m->entries.size() <= kMapScanMax;
}
// The scan itself (map_scan_key(m, key) holds): the entry's index, or -1.
inline ptrdiff_t map_scan_index(const MapObj* m, Word key) {
  const MapEntries& e = m->entries;
  for (size_t i = 0; i < e.size(); ++i)
    if (e[i].first == key) return static_cast<ptrdiff_t>(i);
  return -1;
}
inline Word map_get(Word m, Word key, bool* found) {
  const auto* o = static_cast<const MapObj*>(as_obj(m));
  if (!map_scan_key(o, key)) return map_get_ordered(o, key, found);
  ptrdiff_t i = map_scan_index(o, key);
  if (found) *found = i >= 0;
  return i >= 0 ? o->entries[static_cast<size_t>(i)].second : SEMA_NIL;
}
Value map_assoc(Value m, Word key, Word val);
// The value slot of key's entry (null: none), for an update in place by the
// caller, who holds m uniquely.
[[gnu::visibility("hidden")]] Word* map_value_slot(Word m, Word key);
Value map_dissoc(Value m, Word key);

// Bytevectors, records.
Value make_bytevector(std::vector<uint8_t> bytes);
Value make_record(uint32_t tag, std::vector<Word>&& fields);

// --------------------------------------------- equality, order, hashing

bool equal(Word a, Word b);  // structural (eq?/equal?); procedures never equal
int compare(Word a, Word b); // the value order of docs/decisions.md (numbers numerically)
uint64_t hash(Word w);       // consistent with equal

// ------------------------------------------------------------------- text

// Write form (display=false) or display form (display=true: a top-level
// string is written raw) appended to out. Cycles cannot be built by the
// language, but printing still guards depth.
void print(std::string& out, Word w, bool display);
std::string to_text(Word w, bool display);
// Floats: rule F of language.md §2.2 ("3.0", "0.1", "NaN", "inf").
void format_float(std::string& out, double d);
// number->string: shortest digits, positional, no ".0" ("3", "-0", "0.1").
std::string format_float_plain(double d);

}  // namespace sema::rt
